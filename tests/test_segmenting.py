"""Documents and passages: rules, wrapping, duplicates and debris."""

from nkhr.read.segmenting import split_documents, split_passages


def test_rule_lines_separate_documents():
    text = "Letter one.\n\n---\n\nLetter two.\n===\n\n"
    assert [text[a:b].strip() for a, b in split_documents(text)] == ["Letter one.", "Letter two."]


def test_hard_wrapped_text_joins_into_paragraphs():
    lines = [
        "Joint Statement of the Regional Caucus on Detention",
        "Human rights are the most basic rights of every person and",
        "they must be protected wherever a person lives in the world.",
        "The caucus was founded in 2001 by legislators from three",
        "countries in the region and has grown steadily ever since.",
        "It meets once a year to review what governments have done",
        "and to agree on the measures it will press them to take.",
    ]
    text = "\n".join(lines) + "\n"
    passages = split_passages(text, 0, len(text))
    assert [p.kind for p in passages] == ["heading", "body", "body", "body"]
    assert passages[1].text.startswith("Human rights are") and passages[1].text.endswith("world.")


def test_navigation_menu_and_site_footer_are_boilerplate():
    text = ("Home\n\nAbout Us\n\nContact Us\n\nJoint Statement on Refugees\n\nWe urge all states to protect refugees now.\n\n"
            "Share This\n\nRecent Posts\n\nA post about something else entirely.\n\nSubscribe\n")
    kinds = [(p.text, p.boilerplate) for p in split_passages(text, 0, len(text))]
    assert kinds[:3] == [("Home", True), ("About Us", True), ("Contact Us", True)]
    assert ("Joint Statement on Refugees", False) in kinds
    assert ("We urge all states to protect refugees now.", False) in kinds
    assert all(flag for _, flag in kinds[kinds.index(("Share This", True)):])


def test_short_repeats_are_not_duplicates_but_long_ones_are():
    text = "South Korea\nSouth Korea\nWe urge all states to protect refugees.\nWe urge all states to protect refugees.\n"
    passages = split_passages(text, 0, len(text))
    assert [p.duplicate_of for p in passages] == [None, None, None, 3]
