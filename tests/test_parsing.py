"""Property tests: arbitrary text never crashes the parser, and every offset holds."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkhr import schema
from nkhr.parsing import parse_source
from nkhr.read.reading import Source

# Fragments of statement language mixed with arbitrary text, so the rules actually fire.
FRAGMENTS = st.sampled_from([
    "Joint Statement by Japan and the UK", "Groups", "Individuals", "Signatories", "South Korea", "United States of America",
    "1. Urges the government;", "- Human Asia", "on behalf of 12 organisations from 3 countries", "=====",
    "111 members from 36 different countries", "five founding countries (Japan, Mongolia)", "3rd General Meeting, Tokyo,",
    "held in Seoul, Korea", "August 1, 2005", "2023/12/15", "From the 28th to the 30th of August 2007", "Share This",
    "Sonja BiserkoFormer member", "signed by A, B, and C", "Resolutions:", "\n", "\n\n", "  ", "\r\n", "’", "(", ")",
])
TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_parses_and_every_offset_holds(text):
    tables = parse_source(Source("random.txt", text))
    for table, rows in tables.items():
        schema.build_frame(table, rows)  # every row fits its declared columns
        for row in rows:
            if "quote" in row:
                assert text[row["start"] : row["end"]] == row["quote"], table
    for passage in tables["passages"]:
        assert " ".join(text[passage["start"] : passage["end"]].split()) == passage["text"]
    for document in tables["documents"]:
        if document["title_start"] is not None:
            assert " ".join(text[document["title_start"] : document["title_end"]].split()) == document["title"]
