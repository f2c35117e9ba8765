"""Meeting ordinals, dates and places in phrasings other than the seeds'."""

import pytest
from seeds_corpus import fixtures

from nkhr.extract.meetings import find_meetings


def _rows(text):
    return find_meetings(text, [(0, len(text))])


def test_city_and_country_place_gives_the_host_code():
    row = fixtures().meetings.query("doc_id == 'on_behalf_eu'").iloc[0]
    assert (row["number"], row["date"], row["place"], row["iso3"]) == (12, "2015-05-12", "Ottawa, Canada", "CAN")


@pytest.mark.parametrize("text, number, date, place", [
    ("The fifth annual meeting took place in 2010.", 5, "2010", None),
    ("5th General Meeting, Ulaanbaatar, 3 July 2009", 5, "2009-07-03", "Ulaanbaatar"),
    ("The 8th Conference was held in Jakarta on 12-14 May 2012.", 8, "2012-05-12", "Jakarta"),
    ("Founded in 2003, its 6th General Meeting was held in Tokyo in 2015.", 6, "2015", "Tokyo"),
])
def test_meeting_phrasings(text, number, date, place):
    row = _rows(text)[0]
    assert (row["number"], row["date"], row["place"]) == (number, date, place)


def test_place_from_the_next_sentence_about_the_conference():
    text = "He addressed the 6th annual meeting of the network. This year's conference was held in Manila."
    assert _rows(text)[0]["place"] == "Manila"


def test_anniversaries_and_sessions_are_not_meetings():
    assert _rows("On the 75th anniversary, at its 75th session of the General Assembly.") == []


@pytest.mark.parametrize("text, number, date, place", [
    ("In April 2003, 30 deputies met in Lima for the first General Meeting.", 1, "2003-04", "Lima"),
    ("Our 12th General Meeting took place in Vienna in\nAugust 2015.", 12, "2015-08", "Vienna"),
    ("Adopted at the Inaugural Meeting of the Forum\nHanoi, 4 March 2019", 1, "2019-03-04", "Hanoi"),
    ("The twenty-first General Meeting has brought us to Quito, from the 2nd to the 4th of May 2024.",
     21, "2024-05-02", "Quito"),
    ("Statement of the 15th General Meeting of the Network\nLima, Peru\nNovember 21, 2018\n", 15, "2018-11-21", "Lima, Peru"),
    ("The 16th General Meeting was held in Lima, Republic of Peru, on 12 May 2019.", 16, "2019-05-12",
     "Lima, Republic of Peru"),
    ("Founded in 2003, the network held its 2nd General Meeting in Quito.", 2, None, "Quito"),
])
def test_places_before_after_and_on_a_dateline(text, number, date, place):
    row = _rows(text)[0]
    assert (row["number"], row["date"], row["place"]) == (number, date, place)


def test_an_elliptical_ordinal_is_the_next_meeting_with_its_own_date():
    text = "Its 2nd General Meeting followed in Chile in May 2009, and its 3rd in Peru in 2010."
    assert [(r["number"], r["date"], r["place"]) for r in _rows(text)] == [(2, "2009-05", "Chile"), (3, "2010", "Peru")]


def test_one_row_per_meeting_keeps_the_mention_that_says_most():
    text = ("Statement of the 9th General Meeting\n\nDelegates came to the 9th General Meeting. "
            "The 9th General Meeting was held in Accra on 5 June 2014.")
    rows = _rows(text)
    assert [(r["number"], r["date"], r["place"]) for r in rows] == [(9, "2014-06-05", "Accra")]
    assert text[rows[0]["start"]:rows[0]["end"]] == rows[0]["quote"]


def test_a_mention_placing_the_meeting_elsewhere_stays_as_a_second_account():
    text = "The 4th meeting was held in Lima in 2007. Others say the 4th meeting was held in Quito in 2007."
    assert {r["place"] for r in _rows(text)} == {"Lima", "Quito"}


def test_a_planned_meeting_without_a_date_is_not_a_meeting_held():
    assert _rows("The Forum will hold its second meeting in Ulaanbaatar next year.") == []


def test_the_coalition_named_in_the_sentence_is_the_meetings_organisation():
    text = ("The Andean Parliamentarians' Network for Refugees (APNR) was formed in 2001. "
            "Delegates of the Andean Parliamentarians’ Network\nfor Refugees met at the 5th Conference in Quito in 2006. "
            "The UN's 3rd Congress met in Lima in 2008.")
    rows = _rows(text)
    assert [(r["number"], r.get("organisation")) for r in rows] == [(5, "APNR"), (3, None)]


@pytest.mark.parametrize("text", [
    "Since the first meeting between the two leaders in Singapore in 2018, nothing has changed.",
    "The 3rd meeting of the Security Council was held in New York in 2014.",
])
def test_meetings_that_are_not_a_coalitions_are_left_out(text):
    assert _rows(text) == []
