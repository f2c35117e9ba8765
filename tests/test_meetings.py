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
