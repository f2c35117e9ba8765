"""Whatever text a researcher brings, the parser answers with rows whose quotes are exact, or with problems.

The texts are built from the pieces real statements are made of (titles, datelines,
header fields, bullets, table borders, country names with "and" and commas, Korean
counts, UN symbols, footnote markers) in random order and spacing, so the rules meet
combinations no fixture holds.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkhr import schema
from nkhr.describe.facts import FIELDS
from nkhr.parsing import parse_source
from nkhr.read.reading import Source

PIECES = [
    "Joint Statement on the Human Rights Situation in the DPRK", "Open Letter to the Human Rights Council",
    "Resolution adopted by the General Assembly on 18 December 2008", "A/RES/63/190", "34/24. Situation of human rights",
    "Date: 2023-04-20", "Document Type: Statement", "Seoul, 20 April 2023 –", "On 5 May 2021, Japan, Canada and Chile convened",
    "Recalling its resolutions 60/173 of 16 December 2005,", "since 2017", "| Home | News | Statements |", "+-----+-----+",
    "Signatories", "Signatories (42)", "Co-sponsors58", "Main sponsors", "In favour:", "• Hope Network", "- River Fund (Japan)",
    "1. Lake Trust – Canada", "   wrapped onto a second line", "Japan", "Bosnia and Herzegovina", "Korea, Republic of",
    "Micronesia (Federated States of)", "on behalf of 52 Member States and the Delegation of the European Union",
    "signed by Hope Network, River Fund, and Lake Trust", "including A, B, C, and D", "Sincerely,",
    "국제 인권 단체 45곳 및 개인 5명", "2023년 4월 20일", "제15차 총회", "¹ A footnote of 2019.", "[1] Updated 3 March 2024",
    "(The below is a joint statement, delivered by Japan on behalf of 10 states)", "We, the undersigned 12 organizations",
    "111 members from 36 countries", "the 4th General Meeting in Tokyo", "*", "**", "—", "", " ",
]
SEPARATORS = ["\n", "\n\n", " ", "\n \n", "\t", "\r\n", "  \n"]
texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(piece + sep for piece, sep in parts))
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


def _assert_exact(text: str, tables: dict[str, list[dict]]) -> None:
    for name in schema.QUOTED_TABLES:
        for row in tables.get(name, []):
            if row.get("start") is None:
                continue
            assert text[row["start"] : row["end"]] == row["quote"], (name, row)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_statement_pieces_in_any_order_parse_with_exact_quotes(text):
    tables = parse_source(Source("random.txt", text))
    _assert_exact(text, tables)
    for document in tables["documents"]:
        facts = [f for f in tables["document_facts"] if f["doc_id"] == document["doc_id"]]
        assert {f["field"] for f in facts} <= set(FIELDS)
        if document["date"]:  # a date is never shown without the words it was read from
            assert any(f["field"] == "date" and f["quote"] for f in facts)


@settings(max_examples=150, deadline=None)
@given(noise)
def test_arbitrary_characters_never_crash_the_parser(text):
    tables = parse_source(Source("noise.txt", text))
    _assert_exact(text, tables)
    if not tables["documents"]:
        assert any(p["severity"] == "error" for p in tables["problems"])
