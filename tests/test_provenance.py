"""Figures open onto their sources; document text is always escaped."""

from __future__ import annotations

import pandas as pd

from nkhr.report import provenance as pv

HOSTILE = 'Watchers <script>alert(1)</script> and <img src=x onerror=alert(1)>'


def test_a_figure_expands_to_its_quote_and_document():
    row = {"doc_id": "002", "quote": "111 members from 36 different countries", "start": 10, "end": 49}
    docs = pd.DataFrame({"doc_id": ["002"], "title": ["4th General Meeting statement"], "date": ["2007-08-29"]})
    html = pv.figure_from_row(111, row, docs).html()
    assert '<summary aria-label="111: source in 4th General Meeting statement (2007-08-29), characters 10–49">111</summary>' in html
    assert "111 members from 36 different countries" in html
    assert "4th General Meeting statement (2007-08-29)" in html and "characters 10–49" in html


def test_document_text_is_escaped_everywhere():
    fig = pv.Figure(3, quote=HOSTILE, doc_id=HOSTILE, document=HOSTILE)
    frame = pd.DataFrame({"name": [HOSTILE], "count": [2], "quote": [HOSTILE], "doc_id": ["d"]})
    for markup in (fig.html(), pv.paragraph(HOSTILE, fig).html(), pv.table(frame, searchable=True).html(),
                   pv.bullet_list([HOSTILE]).html(), pv.link(HOSTILE, HOSTILE).html()):
        assert "<script>" not in markup and "<img" not in markup
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup


def test_derived_figures_cite_every_figure_they_come_from():
    a, b = pv.Figure(35, quote="35 founding members", doc_id="a"), pv.Figure(111, quote="111 members", doc_id="b")
    html = pv.derived(76, "later minus earlier", a, b).html()
    assert "35 founding members" in html and "111 members" in html and "later minus earlier" in html


def test_missing_values_read_as_not_stated():
    assert pv.Figure(pd.NA, quote="q", doc_id="d").text() == "not stated"


def test_tables_mark_numbers_and_can_be_searched():
    frame = pd.DataFrame({"country": ["Japan"], "documents": pd.array([3], dtype="Int64")})
    html = pv.table(frame, {"country": "Country", "documents": "Documents"}, quote=None, searchable=True).html()
    assert 'class="nkhr-table nkhr-searchable"' in html
    assert '<td class="nkhr-number">3</td>' in html and "<th scope=\"col\">Country</th>" in html


def test_a_growth_step_cites_both_observations():
    from nkhr.report import charts

    obs = pd.DataFrame({
        "as_of": ["2003-04", "2007-08-29"], "members": [35, 111], "doc_id": ["d", "d"],
        "quote": ["35 of their parliamentarians", "111 members from 36 different countries"], "start": [5, 90], "end": [33, 129],
    })
    (step,) = [row for _, row in charts.growth_between(obs).iterrows()]
    sentence = pv.growth_sentence(step)
    assert repr(sentence) == "From 35 members (2003-04) to 111 (2007-08-29): 76 more in 4.41 years, 30% a year."
    assert sentence.html().count("35 of their parliamentarians") == 3  # the earlier count, the change and the rate


def test_a_letter_sentence_sets_the_counted_list_beside_the_stated_count():
    signatories = pd.DataFrame({"doc_id": ["L"] * 3, "kind": ["organisation", "organisation", "individual"]})
    stated = pd.DataFrame({"doc_id": ["L"], "counts": ["signatories"], "stated": [4], "quote": ["on behalf of 4 groups"], "start": [0], "end": [20]})
    sentence = pv.letter_sentence("L", signatories, stated)
    assert repr(sentence) == "L lists 3 signatories: 2 organisations and 1 individual; it states 4."
    assert "on behalf of 4 groups" in sentence.html()


def test_the_membership_summary_compares_founding_and_latest_counts():
    observations = pd.DataFrame({
        "event": ["founding", "membership"], "as_of": ["2003-04", "2007-08-29"], "members": [35, 111], "countries": [5, 36],
        "doc_id": ["d", "d"], "quote": ["35 of their parliamentarians", "111 members from 36 different countries"],
        "start": [5, 90], "end": [33, 129],
    })
    summary = pv.membership_summary(observations)
    assert repr(summary) == (
        "At its founding (2003-04) the coalition had 35 members from 5 countries. "
        "By 2007-08-29 it had 111 members from 36 countries: 3.17 times as many members after 4.41 years."
    )
    assert repr(pv.membership_summary(observations.iloc[0:0])) == "The corpus states no membership counts."


def test_a_long_table_is_capped_and_says_where_every_row_is():
    import pandas as pd

    from nkhr.report import provenance as pv

    frame = pd.DataFrame({"name": [f"Group {i}" for i in range(1000)]})
    html = pv.table(frame, ["name"], quote=None, max_rows=50).html()
    assert html.count("<tr>") == 51  # header and 50 rows
    assert "Showing the first 50 of 1,000 rows" in html and 'href="tables/datapackage.json"' in html
    assert "Showing the first" not in pv.table(frame.head(10), ["name"], quote=None, max_rows=50).html()


def test_the_documents_table_opens_each_field_to_its_quote_or_says_who_set_it():
    documents = pd.DataFrame({"doc_id": ["d"], "title": ["Joint Letter"], "date": ["2021-05-05"], "kind": [None],
                              "issuers": ["Hope Network; River Fund"], "n_passages": [3]})
    facts = pd.DataFrame({
        "doc_id": ["d"] * 5, "field": ["title", "date", "date", "issuers", "issuers"],
        "value": ["Joint Letter", "2021-05-04", "2021-05-05", "Hope Network", "River Fund"],
        "quote": ["Joint Letter", "4 May 2021", None, "Hope Network", "River Fund"],
        "start": [0, 14, None, 40, 54], "end": [12, 24, None, 52, 64],
        "rule": ["title_heading", "dateline", "curator", "title_by", "title_by"],
        "curated": [False, False, True, False, False],
    })
    html = pv.documents_table(documents, facts, {"title": "title", "date": "date", "kind": "kind", "issuers": "issued by"}).html()
    assert html.count("<details") == 4  # title, date and one per issuer
    assert "set by the curator in metadata.csv; the text states: 2021-05-04" in html and "4 May 2021" in html
    assert pv.NOT_STATED in html  # the kind the text does not state
    assert "title_heading" in html


def test_in_jupyterlab_a_figure_stays_in_its_sentence_and_the_page_uses_its_own_stylesheet():
    fig = pv.Figure(111, quote="111 members", doc_id="d", start=0, end=11)
    shown = pv.paragraph("The coalition had ", fig, " members.")
    assert shown._repr_html_().startswith(pv.INLINE_STYLE)  # JupyterLab has no report stylesheet
    assert "details.nkhr-source{display:inline}" in pv.INLINE_STYLE
    assert pv.INLINE_STYLE not in shown.html()


def test_a_large_documents_table_shows_its_first_rows_and_says_where_the_rest_are():
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(5)], "title": ["T"] * 5, "date": ["2020"] * 5})
    facts = pd.DataFrame(columns=["doc_id", "field", "value", "quote", "start", "end", "rule", "curated"])
    html = pv.documents_table(documents, facts, {"title": "title"}, max_rows=2).html()
    assert html.count("<tr>") == 3 and "Showing the first 2 of 5 documents" in html
