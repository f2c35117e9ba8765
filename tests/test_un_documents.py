"""UN documents' own conventions: masthead, symbol, distribution date, numbered and draft titles."""

from nkhr.describe.un_documents import read_un_header, un_title_span

_DRAFT = ("United Nations   A/C.3/80/L.9*\nGeneral Assembly   Distr.: Limited\n   2 November 2025\n   Original: English\n\n"
          "Chile and Peru: draft resolution\n\nSituation of human rights in\nNowhere\n\nThe General Assembly,\n\n"
          "Recalling its resolution 79/1 of 17 December 2024,\n")


def test_a_symbol_right_of_the_masthead_name_is_the_documents_own():
    header = read_un_header(_DRAFT, 0, len(_DRAFT))
    assert header.symbol == "A/C.3/80/L.9" and header.body == "General Assembly" and header.is_resolution


def test_the_distribution_date_below_the_label_is_read_and_the_recalled_date_is_not():
    header = read_un_header(_DRAFT, 0, len(_DRAFT))
    assert header.distributed.iso == "2025-11-02" and header.adopted is None


def test_a_symbol_cited_in_a_sentence_is_not_a_masthead():
    text = "Statement on detention\n\nThe report A/HRC/58/1 of 1 March 2025, Distr.: General, found abuses.\n"
    assert read_un_header(text, 0, len(text)).symbol == ""


def test_the_draft_title_runs_from_the_sponsors_to_the_opening():
    a, b, rule = un_title_span(_DRAFT, read_un_header(_DRAFT, 0, len(_DRAFT)), 0, len(_DRAFT))
    assert (" ".join(_DRAFT[a:b].split()), rule) == ("Situation of human rights in Nowhere", "un_draft_title")


def test_a_numbered_title_leaves_its_number_out():
    text = "A/HRC/RES/58/9\nResolution adopted by the Human Rights Council on 4 April 2025\n58/9. Situation in Nowhere\nThe Human Rights Council,\n"
    header = read_un_header(text, 0, len(text))
    a, b, rule = un_title_span(text, header, 0, len(text))
    assert (text[a:b], rule, header.adopted.iso) == ("Situation in Nowhere", "un_numbered_title", "2025-04-04")


def test_a_text_without_un_conventions_has_no_un_title():
    text = "Joint Statement on Detention\n\n12/3. This is not a resolution number.\n"
    assert un_title_span(text, read_un_header(text, 0, len(text)), 0, len(text)) is None


def test_a_numbered_title_stops_where_the_preamble_begins():
    text = ("A/RES/80/5\nResolution adopted by the General Assembly on 1 December 2025\n80/5. Situation of human rights in\n"
            "Nowhere\nRecalling its earlier resolutions on the situation,\nUrges all states to act.\n")
    a, b, _ = un_title_span(text, read_un_header(text, 0, len(text)), 0, len(text))
    assert " ".join(text[a:b].split()) == "Situation of human rights in Nowhere"


def test_a_drafts_title_numbered_with_an_ellipsis_follows_its_sponsors():
    text = ("A/HRC/40/L.9\n23 March 2030\n\nChile, Peru and United States of America*: draft resolution\n\n"
            "40/...  Situation of human rights in\nRuritania\n\nThe Human Rights Council,\n")
    start, end, rule = un_title_span(text, read_un_header(text, 0, len(text)), 0, len(text))
    assert (" ".join(text[start:end].split()), rule) == ("Situation of human rights in Ruritania", "un_numbered_title")
