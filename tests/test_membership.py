"""Membership counts in phrasings other than the seeds'."""

import pytest
from seeds_corpus import fixtures

from nkhr.extract.membership import find_membership


def _rows(text, date="2020-01-01"):
    return find_membership(text, [(0, len(text))], date)[0]


def test_wrapped_founding_by_list_and_years_ago():
    membership = fixtures().membership.query("doc_id == 'wrapped_founding'")
    founding = membership.query("event == 'founding' and countries.notna()").iloc[0]
    assert (founding["countries"], founding["as_of"], founding["countries_listed"]) == (3, "2009", "IDN; THA; PHL")
    now = membership.query("event == 'membership'").iloc[0]
    assert (now["members"], now["countries"]) == (64, 9)
    original = membership.query("event == 'founding' and members.notna()").iloc[0]
    assert (original["members"], original["as_of"]) == (12, "2009")


@pytest.mark.parametrize("sentence, members, countries, event", [
    ("The caucus now has 250 members from forty-two countries.", 250, 42, "membership"),
    ("At its founding in 1999, 20 legislators from 4 nations signed the charter.", 20, 4, "founding"),
    ("Some 80 participants from 12 countries attended the session.", 80, 12, "attendance"),
    ("Delegates numbered 45 at the meeting.", 45, None, "attendance"),
])
def test_count_phrasings(sentence, members, countries, event):
    row = _rows(sentence)[0]
    assert (row["members"], row.get("countries"), row["event"]) == (members, countries, event)


def test_founding_countries_stated_and_listed_are_compared():
    text = "In May 2001, four founding countries (Japan, Canada and Chile) and 12 of their legislators met."
    rows, counts = find_membership(text, [(0, len(text))], "2001-05-01")
    assert rows[0]["countries"] == 4 and rows[0]["members"] == 12 and rows[0]["as_of"] == "2001-05"
    assert (counts[0]["stated"], counts[0]["counted"]) == (4, 3)


@pytest.mark.parametrize("sentence, members, countries, event, as_of", [
    ("The network was founded in May 2001 by 20 deputies from four countries.", 20, 4, "founding", "2001-05"),
    ("We, twelve legislators from three countries, meeting on 2 May 2019, today found the Forum.",
     12, 3, "founding", "2019-05-02"),
    ("Representatives from 10 countries attended the meeting.", None, 10, "attendance", "2020-01-01"),
    ("This year 90 of them, from 21 different countries, gathered in Lima.", 90, 21, "attendance", "2020-01-01"),
    ("Founded in 2003, the caucus now has 250 members from 42 countries.", 250, 42, "membership", "2020-01-01"),
    ("The Coalition (ANC) now has 40 member organisations.", 40, None, "membership", "2020-01-01"),
])
def test_which_event_a_count_records(sentence, members, countries, event, as_of):
    row = _rows(sentence)[0]
    assert (row["members"], row.get("countries"), row["event"], row["as_of"]) == (members, countries, event, as_of)


def test_a_count_of_signers_is_not_a_membership():
    assert _rows("This letter is signed by 35 lawmakers from 12 countries.") == []


def test_hard_wrapped_founding_takes_the_members_before_the_founding_countries():
    text = "In May 2001, 30 deputies from\nthree founding countries (Peru, Chile\nand Bolivia) set up the network."
    rows, counts = find_membership(text, [(0, len(text))], "2010-01-01")
    assert [(r["event"], r["members"], r["countries"], r["as_of"]) for r in rows] == [("founding", 30, 3, "2001-05")]
    assert (counts[0]["stated"], counts[0]["counted"]) == (3, 3)


def test_attendance_holds_on_the_day_or_month_of_the_meeting_attended():
    text = ("Statement of the 6th General Meeting\n\nThe 6th General Meeting was held in Lima from the 3rd to the "
            "5th of May 2012. The 5th General Meeting was held in Quito on 2 April 2011. "
            "At the 5th General Meeting, 60 deputies from 9 countries took part. "
            "This year 70 of them, from 11 countries, gathered for the meeting.")
    rows = find_membership(text, [(0, len(text))], "2012-05-06")[0]
    assert [(r["members"], r["as_of"]) for r in rows] == [(60, "2011-04-02"), (70, "2012-05")]


def test_a_caption_printed_twice_is_one_observation():
    text = "80 deputies from 12 countries at the 3rd General Meeting\n80 deputies from 12 countries at the 3rd General Meeting"
    assert len(_rows(text)) == 1


def test_the_coalition_the_sentence_names_is_the_counts_organisation():
    text = ("The Andean Refugee Coalition (ARC) was formed in 2001. Today the ARC counts 64 members from 9 countries. "
            "Today the group counts 70 members from 9 countries.")
    rows = _rows(text)
    assert [(r["members"], r.get("organisation")) for r in rows] == [(64, "ARC"), (70, None)]


@pytest.mark.parametrize("text, event, members, countries", [
    ("IPCNKR은 2003년 4월 5개국 국회의원 35명이 서울에서 출범시킨 연대체다.", "founding", 35, 5),
    ("이번 총회에는 10개국에서 온 국회의원 30여명이 참석했다.", "attendance", 30, 10),
    ("전 세계 40개 이상의 인권단체가 참여하는 연대가 성명을 냈다.", "membership", 40, None),
])
def test_korean_counts(text, event, members, countries):
    row = _rows(text)[0]
    assert (row["event"], row["members"], row.get("countries")) == (event, members, countries)


def test_korean_attendance_holds_on_the_day_the_report_gives_its_meeting():
    text = "연합회는 28일 서울에서 창립총회를 갖고 출범했다.\n\n창립총회에는 회원 단체 관계자 등 120여 명이 자리했다."
    spans = [(0, text.index("\n")), (text.index("창립총회에는"), len(text))]
    row = find_membership(text, spans, "2023-08-29")[0][0]
    assert (row["event"], row["members"], row["as_of"]) == ("attendance", 120, "2023-08-28")


@pytest.mark.parametrize("text, members", [
    ("The Pacific Refugee Coalition (PRC), which was set up in Manila in May 2010, now gathers some 60 groups.", 60),
    ("Today the network brings together more than thirty organisations.", 30),
])
def test_a_coalition_that_now_gathers_groups_counts_its_member_organisations(text, members):
    row = _rows(text, "2015-06-01")[0]
    assert (row["event"], row["members"], row["as_of"]) == ("membership", members, "2015-06-01")


@pytest.mark.parametrize("text", [
    "The report gathers 60 groups of testimonies.",  # no coalition is counted
    "The coalition had 60 groups at its founding conference.",  # nothing says the count is of the present
])
def test_groups_gathered_are_members_only_of_a_coalition_at_present(text):
    assert [r for r in _rows(text) if r["event"] == "membership"] == []
