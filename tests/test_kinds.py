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


def test_a_line_labelling_the_page_a_press_release_makes_it_one():
    text = "Groups ask for an inquiry into the camps\n\n3 May 2019\nPress release\n\nTwelve groups wrote to the Council today.\n"
    assert _kind(text) == "press release"


def test_a_press_offices_slug_or_section_heads_a_statement_not_a_press_release():
    text = "Press Releases\n\nMinistry Welcomes Talks on Abductees\n\n1. The Ministry welcomes the talks held in Geneva.\n"
    assert _kind(text) == "statement"


def test_a_press_statement_label_in_a_byline_block_under_the_title():
    text = ("Council Takes Up Detention\nPress Statement\nMaria L. Okafor\nMinister of Foreign Affairs\nDecember 22, 2014\n\n"
            "We welcome the Council's decision to discuss detention.\n")
    assert _kind(text) == "statement"


def test_a_link_to_press_releases_below_the_text_says_nothing_of_its_kind():
    text = "탈북민 보호를 위한 우리의 요청\n\n저희는 정부에 다음을 요청합니다.\n\n관련 자료: 영문본 | 보도자료\n"
    assert _kind(text) == ""


def test_a_subject_line_and_a_closing_make_a_letter_without_a_salutation():
    text = ("His Excellency the President of Ruritania\n\nRE: Detained escapees\n\n"
            "We, the nine undersigned, write this letter to ask for their release.\n\nRespectfully,\n\nAnna Berg\n")
    assert _kind(text) == "open letter"


def test_an_appeal_the_undersigned_organisations_make_is_joint():
    text = "Appeal to Ruritania: No Forced Returns\n\nWe, the undersigned organisations and persons, appeal to Ruritania.\n"
    assert _kind(text) == "joint statement"


@pytest.mark.parametrize("label, kind", [("Joint Statement", "joint statement"), ("Media Note", "statement"), ("Note", "")])
def test_a_label_line_under_a_headline_that_names_no_kind(label, kind):
    text = f"Ministers Meet on Abductions\n{label}\nOffice of the Spokesperson\n\nThe ministers met today in Lima.\n"
    assert _kind(text) == kind


@pytest.mark.parametrize("title, kind", [
    ("拉致被害者の即時帰国を求める共同声明", "joint statement"),
    ("国連人権理事会の理事国への公開書簡", "open letter"),
    ("国連総会、北朝鮮人権決議を採択", ""),
])
def test_a_japanese_title_names_its_kind_at_its_end(title, kind):
    assert _kind(f"{title}\n\n私たちはすべての国に行動を求める。\n") == kind
