"""What kind of document a text says it is: from its title's head word, its form, or not at all."""

import pytest

from nkhr.describe.metadata import describe_document
from nkhr.read.segmenting import split_passages


def _kind(text):
    return describe_document(text, split_passages(text, 0, len(text))).value("kind")


@pytest.mark.parametrize("title, kind", [
    ("Statement of the Steering Committee of the Forum for Families on the General Assembly Resolution", "statement"),
    ("Joint statement: carry the language of the Assembly resolution into the Council text", "joint statement"),
    ("Open Letter to the Council on the Declaration of Principles", "open letter"),
    ("DPRK – Joint press statement by Chile and Peru", "joint statement"),
    ("유엔 인권이사회 이사국에 보내는 공동서한 (북한 인권 결의안 지지 요청)", "open letter"),
    ("세계인권의 날을 맞아 발표하는 국제연대 공동성명", "joint statement"),
])
def test_the_title_says_what_the_document_is_by_its_head_word(title, kind):
    assert _kind(f"{title}\n\nWe ask all states to act on this now.\n") == kind


def test_a_headline_whose_object_is_a_resolution_is_not_a_resolution():
    text = "Press Releases\n\nThird Committee of the General Assembly Adopts Resolution on Detention\n\n1. The resolution passed today.\n"
    assert _kind(text) == "statement"  # the press office's release, as its slug says


def test_an_appeal_signed_by_several_groups_is_a_joint_statement():
    text = ("# Appeal to the Governments of the Region\n\nStop returning people who fled.\n\n"
            "**Signed by:** Haven Network (Japan), Open Gate (Mongolia) and Crossing Aid (Korea).\n")
    assert _kind(text) == "joint statement"


def test_a_news_report_about_an_open_letter_has_no_kind_of_its_own():
    text = ("홈 > 뉴스\n\n인권단체들 \"정부, 결의안 공동제안국으로 돌아와야\" 공개서한\n\n[한누리통신 2022-03-24]\n\n"
            "인권 단체들이 정부에 공개서한을 보냈습니다.\n")
    assert _kind(text) == ""


def test_a_category_tag_before_the_title_says_the_kind():
    text = "[성명] 중국은 강제송환을 즉각 중단하라\n\n우리는 강제송환을 규탄한다.\n\n2023년 10월 12일\n"
    assert _kind(text) == "statement"


def test_a_kind_word_after_a_verb_is_what_the_headline_reports_on():
    text = "Home | News\n\nCoalition welcomes the new resolution\n\nThe coalition welcomed the resolution adopted by consensus.\n"
    assert _kind(text) == ""


def test_a_korean_headline_reporting_an_adoption_is_not_a_resolution():
    text = "보도자료\n\n제목 : 제74차 유엔총회 제3위원회 북한인권결의 채택\n\n등록일 : 2019-11-15\n\n1. 위원회는 결의를 채택하였습니다.\n"
    assert _kind(text) == "statement"  # the ministry's release, as its slug says


def test_a_trilateral_statement_is_joint():
    text = ("Trilateral Statement on Human Rights\n\nOn October 18, 2024, the United States, the Republic of Korea and Japan "
            "convened a meeting in New York.\n")
    assert _kind(text) == "joint statement"
