"""Country names: normalise what a text writes to ISO 3166 codes, and find them in text.

pycountry supplies the names; the short list of aliases below adds the forms these
statements use that ISO does not (South Korea, ROK, DPRK, UK ...). The European
Union is an actor that signs statements but has no ISO code.

>>> normalise_country("Republic of Korea")
('South Korea', 'KOR')
>>> normalise_country("DPRK")
('North Korea', 'PRK')
>>> normalise_country("United States of America")
('United States', 'USA')
>>> normalise_country("the UK")
('United Kingdom', 'GBR')
>>> normalise_country("European Union")
('European Union', '')
>>> normalise_country("Atlantis") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs
import pycountry

#: Forms statements use that pycountry does not know, mapped to alpha-3 ('' for actors without one).
EXTRA_ALIASES: dict[str, str] = {
    "South Korea": "KOR", "Republic of Korea": "KOR", "ROK": "KOR", "R.O.K.": "KOR",
    "North Korea": "PRK", "DPRK": "PRK", "D.P.R.K.": "PRK", "Democratic People's Republic of Korea": "PRK",
    "United States": "USA", "United States of America": "USA", "USA": "USA", "U.S.A.": "USA", "US": "USA", "U.S.": "USA",
    "United Kingdom": "GBR", "UK": "GBR", "U.K.": "GBR", "Great Britain": "GBR", "Britain": "GBR",
    "Russia": "RUS", "Vietnam": "VNM", "Laos": "LAO", "Burma": "MMR", "Czech Republic": "CZE",
    "Ivory Coast": "CIV", "Turkey": "TUR", "Macedonia": "MKD", "Swaziland": "SWZ", "Cape Verde": "CPV",
    "the Netherlands": "NLD", "Holland": "NLD", "Vatican": "VAT", "Holy See": "VAT",
    "People's Republic of China": "CHN", "PRC": "CHN",
    "European Union": "", "EU": "", "E.U.": "",
}

#: Display names where pycountry's short name is the inverted ISO form.
DISPLAY_NAMES: dict[str, str] = {
    "KOR": "South Korea", "PRK": "North Korea", "USA": "United States", "GBR": "United Kingdom",
    "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "LAO": "Laos", "TWN": "Taiwan",
    "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova", "CZE": "Czechia", "FSM": "Micronesia",
}

#: Acronyms are matched only in their exact case: "us" and "eu" are ordinary words.
_CASE_SENSITIVE = re.compile(r"^[A-Z.]{2,6}$")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\xa0": " "})


@dataclass(frozen=True)
class CountryMention:
    """A country (or the EU) named in a text, with half-open offsets."""

    start: int
    end: int
    as_written: str
    country: str
    iso3: str


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'").strip())


def _invert(name: str) -> str:
    """'Korea, Republic of' -> 'Republic of Korea'."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{tail} {head}"
    return name


def _parenthesised(name: str) -> str:
    """'Micronesia, Federated States of' -> 'Micronesia (Federated States of)', as UN lists write it."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        return f"{head} ({tail})"
    return name


@lru_cache(maxsize=1)
def _spellings() -> list[tuple[str, str]]:
    """Every spelling of every country as (spelling, alpha-3), the project's aliases first.

    Beside pycountry's names, common names and official names, each inverted name is
    also written the other way round ("Republic of Korea"), in parentheses
    ("Micronesia (Federated States of)"), and by its head alone ("Micronesia") where
    no other country shares that head (so "Korea" stays unread).
    """
    pairs = list(EXTRA_ALIASES.items())
    heads: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                pairs += [(value, country.alpha_3), (_invert(value), country.alpha_3), (_parenthesised(value), country.alpha_3)]
                if ", " in value:
                    heads.setdefault(value.split(", ", 1)[0], set()).add(country.alpha_3)
    pairs += [(head, codes.pop()) for head, codes in heads.items() if len(codes) == 1]
    return pairs


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, str]:
    """Map every known spelling (case-folded unless an acronym) to alpha-3."""
    table: dict[str, str] = {}
    for spelling, iso3 in _spellings():
        name = _fold(spelling)
        key = name if _CASE_SENSITIVE.match(name) else name.casefold()
        table.setdefault(key, iso3)
    return table


def display_name(iso3: str) -> str:
    """Return the short English name used in tables for an alpha-3 code ('' -> European Union).

    >>> display_name("KOR")
    'South Korea'
    """
    if not iso3:
        return "European Union"
    if iso3 in DISPLAY_NAMES:
        return DISPLAY_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name


def normalise_country(text: str) -> tuple[str, str] | None:
    """Return ``(display name, alpha-3)`` for a country as written, or None if unknown."""
    name = _fold(text)
    name = re.sub(r"^(?:the)\s+", "", name, flags=re.IGNORECASE).strip(" .,;:")
    if not name:
        return None
    table = _alias_table()
    iso3 = table.get(name) if _CASE_SENSITIVE.match(name) else None
    if iso3 is None:
        iso3 = table.get(name.casefold())
    if iso3 is None:
        return None
    return display_name(iso3), iso3


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    """An Aho-Corasick automaton over every alias in its written case, and those spellings.

    Case-insensitive names are added in the forms texts use (as in pycountry, and
    with a leading capital); acronyms only as written. Of matches starting at the
    same place the longest wins: "Korea, Republic of" over "Korea".
    """
    spellings = {spelling for spelling, _ in _spellings()}
    variants = sorted({variant for spelling in spellings for variant in (spelling, spelling.replace("'", "’"))
                       if len(variant) >= 2})
    return ahocorasick_rs.AhoCorasick(variants, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest), variants


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[CountryMention]:
    """Find the countries named in ``text[start:end]``, longest match first, offsets into ``text``.

    >>> [(m.as_written, m.iso3) for m in find_countries("Parliamentarians of the Republic of Korea, Mongolia and the UK.")]
    [('Republic of Korea', 'KOR'), ('Mongolia', 'MNG'), ('UK', 'GBR')]
    >>> find_countries("North Korean refugees")
    []
    """
    end = len(text) if end is None else end
    # One-for-one replacement keeps offsets while letting "United\nStates" match.
    window = text[start:end].translate(_SPACES)
    if not window.isascii():  # the automaton reads UTF-8, which has no lone surrogates; U+FFFD keeps offsets
        window = _LONE_SURROGATE.sub("\ufffd", window)
    # Indented wrapped lists ("Trinidad and\n      Tobago") leave runs of spaces inside a name:
    # match on the text with each run folded to one space, and map positions back.
    positions: list[int] | None = None
    if "  " in window:
        positions = [i for i, ch in enumerate(window) if ch != " " or i == 0 or window[i - 1] != " "]
        window = "".join(window[i] for i in positions)
    found: list[CountryMention] = []
    automaton, spellings = _automaton()
    for which, first, stop in automaton.find_matches_as_indexes(window):
        spelling, last = spellings[which], stop - 1
        before = window[first - 1] if first > 0 else " "
        after = window[last + 1] if last + 1 < len(window) else " "
        # Word boundaries: "North Korea" must not match inside "North Korean".
        if before.isalnum() or after.isalnum():
            continue
        normalised = normalise_country(spelling)
        if normalised is None:
            continue
        a, b = (positions[first], positions[last] + 1) if positions else (first, last + 1)
        found.append(CountryMention(start + a, start + b, text[start + a : start + b], *normalised))
    return found
