"""Titles, dates, kinds, issuers and addressees in layouts other than the seeds'."""

from seeds_corpus import fixtures

from nkhr.describe.metadata import acronyms, describe_document
from nkhr.read.segmenting import split_passages


def _meta(text):
    return describe_document(text, split_passages(text, 0, len(text)))


def test_on_behalf_of_states_ending_with_the_european_union():
    corpus = fixtures()
    document = corpus.documents.set_index("doc_id").loc["on_behalf_eu"]
    assert document["issuers"] == "Australia; Canada; Republic of Korea; Japan; United Kingdom; European Union"
    issuers = corpus.countries.query("doc_id == 'on_behalf_eu' and role == 'issuer'")
    assert issuers["iso3"].tolist() == ["AUS", "CAN", "KOR", "JPN", "GBR", ""]
    assert issuers["country"].tolist()[-1] == "European Union"


def test_markdown_heading_marks_are_not_part_of_the_title():
    document = fixtures().documents.set_index("doc_id").loc["inline_signed"]
    assert document["title"] == "Joint Statement on Forced Repatriation"
    source = fixtures().texts["inline_signed.md"]
    assert source[document["title_start"] : document["title_end"]] == document["title"]


def test_letter_addressed_in_its_title():
    meta = _meta("Open Letter to the Human Rights Council on Detention\n\nMarch 3, 2021\n\nDear Members,\n\nWe write to urge action now.\n")
    assert (meta.value("kind"), meta.value("addressee"), meta.date.iso) == ("open letter", "Human Rights Council", "2021-03-03")


def test_letter_addressed_by_its_address_block():
    text = ("May 5, 2020\n\nJane Roe\nSpecial Envoy for Human Rights\nMinistry of Foreign Affairs\n\n"
            "Joint letter concerning refugees\n\nDear Special Envoy,\n\nWe write to ask for your help with this.\n")
    meta = _meta(text)
    assert meta.value("addressee") == "Jane Roe, Special Envoy for Human Rights"


def test_statement_issued_in_conjunction_with_a_second_body():
    text = ("Joint Statement from the 7th Conference of the Asian Network for Refugees (ANR) and issued in conjunction "
            "with the European Refugee Forum (ERF)\n\nJune 1, 2019\n\nWe urge all states to act.\n")
    assert _meta(text).issuers == ["ANR", "ERF"]


def test_acronyms_are_found_with_their_long_names():
    found = acronyms("the Committee for Human Rights in North Korea (HRNK) said")
    assert found["committee for human rights in north korea"] == "HRNK"


def test_every_field_quotes_the_words_it_rests_on():
    text = ("Resolution adopted by the Human Rights Council on 24 March 2017\n\n34/24. Situation of human rights\n\n"
            "Recalling its resolutions 60/173 of 16 December 2005,\n\nUrges all states to act.\n")
    meta = _meta(text)
    assert meta.date.iso == "2017-03-24"
    assert meta.value("kind") == "resolution" and meta.issuers == ["Human Rights Council"]
    for fact in meta.facts:
        assert fact.start is not None and fact.value, fact
        assert text[fact.start : fact.end].strip(), fact


def test_a_text_without_a_date_gets_no_date_and_says_so():
    meta = _meta("Statement on refugees\n\nSince 2017 the number of refugees has grown. We urge all states to act.\n")
    assert meta.date is None and meta.value("date") == ""
    assert "date" in meta.missing


def test_a_delegation_page_copied_by_an_aggregator_is_described_whole():
    text = ("Delegation of the Union to the United Nations - Geneva\n\n"
            "06/14/2022 | Press release | Distributed by Wire Hub on 06/14/2022 16:42\n\n"
            "EU Statement – UN Human Rights Council: Interactive dialogue on Nowhere\n\n"
            "14 June 2022, Geneva -- Statement on behalf of the European Union delivered by the Head of Delegation\n\n"
            "Mr. President,\n\nThe EU thanks the Special Rapporteur for the report.\n")
    meta = _meta(text)
    assert meta.value("title") == "EU Statement – UN Human Rights Council: Interactive dialogue on Nowhere"
    assert (meta.value("date"), meta.value("kind")) == ("2022-06-14", "statement")
    assert meta.issuers == ["EU"] and meta.value("addressee") == "UN Human Rights Council"
    assert {f.rule for f in meta.facts if f.field in ("date", "addressee")} == {"dateline", "meeting_body"}


def test_a_korean_news_post_reports_on_a_meeting_without_being_a_statement():
    text = ("가람일보 | 정치 | 국회\n\n'난민보호 국제의원모임' 제5차 총회 개막…8개국 의원 참석\n\n"
            "입력 2019.05.02 14:05   수정 2019.05.03 09:10\n\n"
            "[서울=가람일보] 기자 = 난민보호 국제의원모임(IPRA)의 제5차 총회가 2일 서울에서 열렸다.\n\n"
            "IPRA는 2013년 출범했다.\n")
    meta = _meta(text)
    assert meta.value("title") == "'난민보호 국제의원모임' 제5차 총회 개막…8개국 의원 참석"
    assert (meta.value("date"), meta.value("kind"), meta.issuers) == ("2019-05-02", "", ["가람일보"])
    assert meta.value("organisation") == "IPRA" and "kind" in meta.missing
