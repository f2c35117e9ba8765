"""The labelled fields in a document's head, read line by line where a page ran its lines together."""

from nkhr.describe.headers import head_lines, header_fields, passage_lines
from nkhr.read.segmenting import split_passages


def _fields(text):
    return [(f.key, text[f.start : f.end]) for f in header_fields(text, split_passages(text, 0, len(text)))]


def test_a_date_field_run_into_a_board_title_is_read():
    text = "Home > Releases\n \nDate : December 14, 2020\nJoint Statement on Detention\n   https://example.org/s [1187]\n \n\nWe met today.\n"
    assert ("date", "December 14, 2020") in _fields(text)


def test_a_two_cell_table_row_is_a_field():
    text = "Field | Value\nIssued | 2 November 2022\nBody | General Assembly\n\nThe draft asks the Assembly to act.\n"
    fields = _fields(text)
    assert ("issued", "2 November 2022") in fields and ("body", "General Assembly") in fields


def test_a_wrapped_sentence_of_running_text_holds_no_fields():
    text = ("Statement on Detention\n\nRecalling its earlier resolutions on this situation, the Council\n"
            "notes: the reports of the Special Rapporteur describe detention.\n")
    assert _fields(text) == []


def test_head_lines_cut_a_heading_into_lines_with_exact_offsets():
    text = "| Permanent Mission of Chile to the |\n| United Nations, June 4, 2021 |\n\nWe met today to act.\n"
    passages = split_passages(text, 0, len(text))
    lines = head_lines(text, passages)
    assert [line.text for line in lines] == ["Permanent Mission of Chile to the", "United Nations, June 4, 2021"]
    assert all(text[line.start : line.end] == line.text for line in lines)
    assert {line.n for line in lines} == {passages[0].n}
    assert passage_lines(text, passages[-1])[0].text == "We met today to act."


def test_the_columns_of_a_flattened_line_are_cut_at_runs_of_spaces():
    from nkhr.describe.headers import line_cells

    text = "To : The President of the Council   April 2019\n"
    line = split_passages(text, 0, len(text))[0]
    assert [cell.text for cell in line_cells(text, line)] == ["To : The President of the Council", "April 2019"]
    assert all(text[cell.start : cell.end] == cell.text for cell in line_cells(text, line))
