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
