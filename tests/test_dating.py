"""A document's own date, and the many dates in it that are not its own."""

import pytest

from nkhr.describe.headers import header_fields
from nkhr.describe.metadata import describe_document
from nkhr.describe.titles import find_title
from nkhr.describe.dating import find_date
from nkhr.describe.un_documents import read_un_header
from nkhr.read.segmenting import split_passages


def _dated(text):
    """The document's date and the rule that read it; the quote is the date as the text writes it."""
    passages = split_passages(text, 0, len(text))
    header = read_un_header(text, 0, len(text))
    fields = header_fields(text, passages)
    found = find_date(text, passages, find_title(text, passages, fields, header), fields, header)
    if found is None:
        return None, None
    fact, match = found
    assert text[fact.start : fact.end] == text[match.start : match.end]
    return fact.value, fact.rule


@pytest.mark.parametrize("text, expected", [
    ("Appeal on Detained Escapees\n\n*26 February 2018*\n\nDear Excellencies,\n\nWe write to ask for your help.\n", "2018-02-26"),
    ("FOR IMMEDIATE RELEASE\n\nFree the Fishermen\n\n(Seoul, April 10, 2018) – Twelve groups asked the\n"
     "Government of Nowhere (GN) to act, in a letter sent on April 9.\n", "2018-04-10"),
    ("Council Statement – Briefing on Detention\n\n3 May 2021, Geneva -- Statement delivered by the Ambassador\n\n"
     "Madam President,\n\nWe thank the briefers.\n", "2021-05-03"),
    ("Joint press statement by Chile, Peru and Spain (Lima, 4 June 2019)\n\nThe three states regret the closure since 2014.\n",
     "2019-06-04"),
])
def test_datelines_in_the_layouts_of_real_statements(text, expected):
    assert _dated(text)[0] == expected


def test_a_dateline_run_into_a_heading_is_read_line_by_line():
    text = ("Home > Releases\n\nDate : June 8, 2021\nJoint Statement on Detention\n\n"
            "Permanent Mission of Chile to the United Nations\nNew York, New York\nJune 4, 2021\n\n"
            "Joint Statement on Detention in Nowhere\n\nThe Council met today in closed session on detention.\n")
    assert _dated(text)[0] in ("2021-06-04", "2021-06-08")


def test_a_posting_stamp_counts_but_the_later_update_does_not():
    text = "가람일보 | 정치\n\n의원모임 총회 개막\n\n입력 2019.05.02 14:05 수정 2019.05.03 16:30\n\n[서울=가람일보] 의원들이 모였다.\n"
    assert _dated(text)[0] == "2019-05-02"


def test_a_database_year_and_month_field_is_a_month_precision_date():
    text = "RES/40/1 Situation of human rights\nDocument Type: Final Resolution\nDate: 2019 Mar\nTopic: Detention\n"
    assert _dated(text) == ("2019-03", "header_field")


def test_a_un_masthead_dates_a_draft_by_its_distribution_date():
    text = ("United Nations   A/C.3/80/L.9\nGeneral Assembly   Distr.: Limited\n   2 November 2025\n   Original: English\n\n"
            "Chile and Peru: draft resolution\n\nSituation of human rights in Nowhere\n\nThe General Assembly,\n\n"
            "Recalling its resolution 79/1 of 17 December 2024,\n")
    assert _dated(text) == ("2025-11-02", "un_distribution")


def test_a_sentence_naming_the_statement_and_ending_on_its_date():
    text = ("Joint statement on detention in Nowhere\n\nJoint statement by Council members and other states, 17 August 2022.\n\n"
            "We regret that the Council has not met in public since December 2017.\n")
    assert _dated(text) == ("2022-08-17", "described_on")


def test_the_adoption_date_of_a_cited_resolution_never_dates_the_statement():
    text = ("Joint statement: carry the language of General Assembly resolution 79/1,\nadopted on December 17, 2024, into the Council text\n\n"
            "We urge the sponsors to act before the session closes.\n")
    assert _dated(text) == (None, None)


def test_a_date_standing_after_a_line_break_inside_the_title_still_dates_it():
    text = "Joint Statement issued on 2\nJune 2012\nby the Forum of Asian Lawmakers\n\nWe meet while many people are in hiding.\n"
    meta = describe_document(text, split_passages(text, 0, len(text)))
    assert meta.value("date") == "2012-06-02"


def test_a_timeline_entry_opening_a_paragraph_is_not_a_dateline():
    text = ("Statement on the Inquiry\n\nWe recall the steps taken so far.\n\n17 February 2014 – the commission of inquiry "
            "published its findings.\n\nWe ask the Council to act.\n")
    assert _dated(text) == (None, None)


def test_a_year_that_ends_a_date_begun_on_the_line_before_is_no_dateline():
    text = ("Home > News\n\nStatement on the events of 17 February\n2014 in Geneva\nand after them\n\n"
            "We remember the inquiry and its findings.\n")
    assert _dated(text)[0] != "2014"


def test_a_press_dateline_deep_in_the_text_and_an_update_stamp_date_nothing():
    text = ("Statement on Forced Returns\n\nWe are alarmed by reports of forced returns.\n\n"
            "The inquiry reported in February 2014 that returnees face torture.\n\n"
            "(Geneva, 3 May 2019) – the Council heard these reports again.\n\nLast updated: 18.08.2022\n")
    assert _dated(text) == (None, None)


@pytest.mark.parametrize("text, expected", [
    # day first, settled by the same date spelled out below
    ("Groups urge an inquiry\n\n05/03/2013\nPress release\n\nMarch 5, 2013. Twelve groups wrote to the Council today.\n", "2013-03-05"),
    # a 'Date:' field read day first because the text names April beside a day
    ("Press Statement of the Foreign Ministry\nDate: 07/04/2024 | Source: Ministry\n\nThe spokesman issued this statement on April 6:\n"
     "\nWe reject the resolution.\n", "2024-04-07"),
    # only one reading is a date at all
    ("Joint Statement on Detention\n\n14/06/2022\n\nWe urge all states to act.\n", "2022-06-14"),
])
def test_an_all_digit_date_is_read_the_one_way_the_text_allows(text, expected):
    assert _dated(text)[0] == expected


def test_an_all_digit_date_that_reads_both_ways_is_not_guessed():
    text = "Joint Statement on Detention\n\n05/03/2013\n\nWe urge all states to act.\n"
    assert _dated(text) == (None, None)


def test_an_archive_banners_period_is_not_the_statements_date():
    text = ("Ministry of Foreign Affairs\n\nThis is an archive of pages published from January 20, 2009 to January 20, 2017.\n\n"
            "Home » Remarks » 2014\n\nCouncil Takes Up Detention\nPress Statement\nMaria L. Okafor\nMinister\nLagos\nDecember 22, 2014\n\n"
            "We welcome the Council's decision to discuss detention for the first time.\n")
    assert _dated(text) == ("2014-12-22", "dateline")


def test_a_bold_date_line_is_not_a_footnote():
    text = "# Joint open letter on detention\n\n**Oct 12, 2021** | [News](/news)\n\nBelow is the letter I signed with others.\n"
    assert _dated(text) == ("2021-10-12", "posting_date")


def test_a_paragraph_opening_on_a_past_event_does_not_date_the_statement():
    text = ("Statement of the Garam Family Network\n\nOn 17 February 2014 the Commission of Inquiry presented its findings.\n\n"
            "We still wait for answers from the authorities.\n")
    assert _dated(text) == (None, None)


def test_the_issuers_convening_on_a_day_date_the_statement():
    text = "Trilateral Statement\n\nOn October 18, 2030, Chile, Peru and Japan convened in Lima to discuss detention.\n"
    assert _dated(text) == ("2030-10-18", "convened_on")


def test_a_day_under_the_title_says_more_than_a_month_beside_the_address():
    text = ("To : The President of the Council   April 2019\n\n"
            "Open Letter to the Council Members   Do not forget the detained   11 April 2019\n\n"
            "Dear Members, we write about six detainees held since 2016.\n")
    assert _dated(text) == ("2019-04-11", "dateline")


def test_an_adoption_told_in_the_past_perfect_does_not_date_the_statement():
    text = ("Statement on the Inquiry\n\nThe Assembly had adopted its first resolution on the country in December 2005, and the\n"
            "Council created the inquiry later.\n\nWe still wait for answers.\n")
    assert _dated(text) == (None, None)
