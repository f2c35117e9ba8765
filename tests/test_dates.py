"""Dates keep the precision the text states."""

import pytest

from nkhr.extract.dates import find_dates


@pytest.mark.parametrize("text, iso, precision", [
    ("Apr 20, 2023 | News", "2023-04-20", "day"),
    ("on 20 April, 2023.", "2023-04-20", "day"),
    ("issued on 29\nAugust 2007", "2007-08-29", "day"),
    ("2023/12/15", "2023-12-15", "day"),
    ("in August of 2005", "2005-08", "month"),
    ("In April 2003, five", "2003-04", "month"),
    ("held in Mongolia in 2006.", "2006", "year"),
    ("SEOUL, DECEMBER 5, 2022 -", "2022-12-05", "day"),
    ("Geneva, 27 February–24 March 2017", "2017-02-27", "day"),
    ("2023년 4월 20일", "2023-04-20", "day"),
    ("2019년 11월 발표", "2019-11", "month"),
    ("Published 14.10.2020 by", "2020-10-14", "day"),
    ("2020. 10. 14.", "2020-10-14", "day"),
])

def test_dates_and_their_precision(text, iso, precision):
    date = find_dates(text)[0]
    assert (date.iso, date.precision) == (iso, precision)
    assert date.iso[:4] in text[date.start : date.end]


def test_impossible_dates_and_bare_numbers_are_not_dates():
    assert find_dates("February 30, 2020") == []
    assert find_dates("resolution 2014 (A/HRC/25/63) and 300,000 people") == []


def test_a_range_across_months_keeps_both_ends():
    date = find_dates("Thirty-fourth session\n27 February–24 March 2017")[0]
    assert (date.iso, date.end_iso) == ("2017-02-27", "2017-03-24")


def test_month_first_digits_are_ambiguous_and_not_read():
    assert find_dates("posted 12/11/2020") == []
