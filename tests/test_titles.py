"""Titles in the layouts statements reach a reader in: page furniture above, wrapped lines, tags, UN conventions."""

import pytest

from nkhr.describe.headers import header_fields
from nkhr.describe.titles import find_title
from nkhr.describe.un_documents import read_un_header
from nkhr.read.segmenting import split_passages


def _title(text):
    passages = split_passages(text, 0, len(text))
    fact = find_title(text, passages, header_fields(text, passages), read_un_header(text, 0, len(text)))
    if fact is not None:
        assert text[fact.start : fact.end].split("\n")[0].strip(" |") in fact.value  # the quote is the title's own words
    return fact


@pytest.mark.parametrize("slug", ["FOR IMMEDIATE RELEASE", "Press Release", "보도자료"])
def test_a_press_office_slug_gives_way_to_the_headline(slug):
    text = f"{slug}\n\nFree the Detained Fishermen Now\n\n(Seoul, May 2, 2019) – Twelve groups today asked for the release of six men.\n"
    assert _title(text).value == "Free the Detained Fishermen Now"


def test_a_headline_that_opens_with_a_country_is_not_a_labelled_field():
    text = "China: End Forced Returns of Escapees\n\nOur groups call on Beijing to stop sending people back across the border.\n"
    assert _title(text).value == "China: End Forced Returns of Escapees"


def test_a_dateline_that_leads_into_the_text_is_not_the_title():
    text = ("Council Statement – Briefing on Detention\n\n"
            "3 May 2021, Geneva -- Statement delivered by the Ambassador of Chile on behalf of a group of states\n\n"
            "Madam President,\n\nWe thank the briefers for their work.\n")
    assert _title(text).value == "Council Statement – Briefing on Detention"


def test_a_place_and_date_in_parentheses_are_left_out_of_the_title():
    text = "Joint press statement by Chile and Peru\n(Lima, 4 June 2019)\n\nChile and Peru regret the closure of the border to refugees.\n"
    text_inline = "Joint press statement by Chile, Peru and Spain (Lima, 4 June 2019)\n\nThe three states regret the closure.\n"
    assert _title(text).value == "Joint press statement by Chile and Peru"
    assert _title(text_inline).value == "Joint press statement by Chile, Peru and Spain"


def test_a_footnote_and_a_meeting_line_under_a_narrow_title_are_cut_off():
    text = ("|\nAppeal\nby ANRF*\n*Asian Network for\nRefugee Freedom\n5th Annual Forum,\nManila, June 3, 2012\n|\n"
            "We, delegates from eleven countries, meet again because people who flee still have nowhere safe to go.\n")
    assert _title(text).value == "Appeal by ANRF"


def test_a_title_broken_over_a_blank_line_is_joined_when_it_dangles():
    text = ("Home » Documents\n\nSeoul Declaration of the Asian Parliamentary Forum\n\nfor Refugee Protection\n\n"
            "Adopted at the 3rd Meeting, Seoul, 9 May 2014\n\nWe, members of parliament from nine countries, declare our aims.\n")
    assert _title(text).value == "Seoul Declaration of the Asian Parliamentary Forum for Refugee Protection"


def test_table_borders_between_wrapped_title_lines_are_not_part_of_the_title():
    text = "| Joint Appeal of the Groups Meeting in Bangkok |\n| on Detained Escapees |\n\nWe, the groups, ask for their release.\n"
    fact = _title(text)
    assert fact.value == "Joint Appeal of the Groups Meeting in Bangkok on Detained Escapees"


def test_category_tags_before_a_korean_title_are_left_out():
    text = "[공지][성명서] 강제송환 중단을 촉구하는 공동성명\n\n2020-06-01\n\n우리는 강제송환 중단을 요구한다.\n"
    assert _title(text).value == "강제송환 중단을 촉구하는 공동성명"


def test_a_korean_heading_names_a_statement_by_its_last_word_only():
    text = ("자료실\n\n세계인권의 날 국제연대 공동성명\n\n세계인권선언 70주년에 행동을 촉구한다\n\n"
            "우리 단체들은 오늘 다음과 같이 요구한다.\n")
    assert _title(text).value == "세계인권의 날 국제연대 공동성명"


def test_a_korean_news_headline_in_quotes_is_a_title():
    text = "한빛일보 | 정치 | 외교\n\n'난민 보호 의원모임' 총회 개막…8개국 의원 참석\n\n[서울=한빛일보] 기자 = 의원들이 모였다.\n"
    assert _title(text).value == "'난민 보호 의원모임' 총회 개막…8개국 의원 참석"


def test_a_statement_heading_after_a_short_page_introduction_beats_the_menu():
    text = ("MENU\nHome\nAbout Us\nOur Director Speaks at the Forum\n\n"
            "Our director addressed the forum's delegates on the second day of the meeting.\n\n"
            "Joint Statement issued on 2 June 2012 by the 5th Annual Forum of Asian Lawmakers\n\n"
            "We meet while many people who fled are still in hiding.\n")
    assert _title(text).value == "Joint Statement issued on 2 June 2012 by the 5th Annual Forum of Asian Lawmakers"


def test_short_link_lines_do_not_end_a_page_head():
    text = ("Ministry of Welfare REPUBLIC OF NOWHERE\n\n1. Ministry of Welfare facebook\n2. Ministry of Welfare youtube\n"
            "Search\n\nPress Releases\n\nMinister Signs Declaration on Refugee Support\n\nDate 2019-05-02 Hit 12\n\n"
            "1. The Minister signed the declaration today in Geneva.\n")
    assert _title(text).value == "Minister Signs Declaration on Refugee Support"


def test_a_un_draft_title_follows_the_sponsors_and_precedes_the_opening():
    text = ("United Nations   A/C.3/80/L.9\nGeneral Assembly   Distr.: Limited\n   2 November 2025\n\n"
            "Chile, Peru and Spain: draft resolution\n\nSituation of human rights in the\nRepublic of Nowhere\n\n"
            "The General Assembly,\n\nRecalling its earlier resolutions,\n")
    fact = _title(text)
    assert (fact.value, fact.rule) == ("Situation of human rights in the Republic of Nowhere", "un_draft_title")


def test_a_flattened_un_draft_title_ends_at_the_opening():
    text = ("United Nations A/C.3/80/L.9 Distr.: Limited 2 November 2025 Original: English General Assembly "
            "Chile and Peru: draft resolution Situation of human rights in Nowhere The General Assembly, Recalling its resolutions.\n")
    assert _title(text).value == "Situation of human rights in Nowhere"


def test_a_numbered_resolution_title_inside_running_text_is_found():
    text = ("Resolution adopted by the Human Rights Council on 4 April 2025\n"
            "58/9. Situation of human rights in Nowhere\nThe Human Rights Council,\nRecalling its resolutions,\n")
    fact = _title(text)
    assert (fact.value, fact.rule) == ("Situation of human rights in Nowhere", "un_numbered_title")


def test_a_site_section_named_by_a_plural_kind_is_not_the_title():
    text = ("Skip to main content\nHome\nNews\nStatements\n\nNorth Korea: Release Detained Fishermen\n\n"
            "March 3, 2021 12:00AM EST\n\n(Seoul) – The government should release six fishermen held since 2019, a group said today.\n")
    assert _title(text).value == "North Korea: Release Detained Fishermen"


def test_a_korean_title_field_gives_the_title():
    text = "보도자료\n\n제목 : 북한인권결의 채택에 관한 입장\n\n등록일 : 2019-11-15\n\n1. 정부는 결의 채택을 환영합니다.\n"
    fact = _title(text)
    assert (fact.value, fact.rule) == ("북한인권결의 채택에 관한 입장", "subject_line")


@pytest.mark.parametrize("link", ["Read the full joint statement", "Download the open letter (PDF)", "Related statements"])
def test_links_and_related_sections_naming_a_kind_are_not_titles(link):
    text = (f"Home > News\n\nGroups Ask Beijing to Stop Returns\n\nTwelve groups wrote to the government today.\n\n{link}\n\n"
            "They asked for an end to forced returns.\n")
    assert _title(text).value == "Groups Ask Beijing to Stop Returns"


@pytest.mark.parametrize("furniture", [
    "![Photo of the delegation; its file name is forum-2021.jpg](/uploads/2021/forum-2021.jpg)",
    "« [Previous post](/2021/05/) | [Next post](/2021/07/) »",
])
def test_a_line_of_links_or_an_image_is_never_the_title(furniture):
    text = f"{furniture}\n\n## Open letter to the Council on detained escapees\n\nDear Members,\n\nWe write about the detainees.\n"
    assert _title(text).value == "Open letter to the Council on detained escapees"


@pytest.mark.parametrize("crumb", ["ニュース ＞ 国際 ＞ 人権", "› Detained Escapees"])
def test_a_breadcrumb_with_a_full_width_or_leading_separator_is_not_the_title(crumb):
    text = f"{crumb}\n\n脱北者支援団体が国連に書簡を送付\n\n2019/05/02 09:00配信\n\n支援団体は国連に協力を求めた。\n"
    assert _title(text).value == "脱北者支援団体が国連に書簡を送付"


def test_a_sites_section_and_a_un_masthead_give_way_to_the_headline_wrapped_to_the_page_width():
    text = ("Meetings Coverage and Press Releases\n\nGA/SHC/9999\n3 March 2030\n\nGeneral Assembly\nThird Committee\n"
            "Ninety-first session\n12th Meeting (AM)\n\n"
            "Third Committee Hears Survivors of Detention Camps Describe Forced Labour in\n"
            "Mining Sites\n\n"
            "NEW YORK, 2 March (UN Headquarters) -- The Third Committee heard four survivors of detention today,\n"
            "each of whom described months of forced labour in mines far from their homes and families.\n")
    assert _title(text).value == "Third Committee Hears Survivors of Detention Camps Describe Forced Labour in Mining Sites"


def test_a_byline_block_under_the_title_is_not_part_of_it():
    text = ("Talks Must Include the Abductees\nPress Statement\nMaria L. Okafor\nMinister of Foreign Affairs\nLagos\nMay 4, 2019\n\n"
            "We welcome the talks and ask that the abductees be on their agenda.\n")
    assert _title(text).value == "Talks Must Include the Abductees"


def test_columns_a_flattened_page_ran_onto_the_title_line_are_left_out():
    text = "Open Letter to the Council Members   Do not forget the detained   2 May 2019\n\nDear Members, we write about six detainees.\n"
    assert _title(text).value == "Open Letter to the Council Members"


def test_of_a_title_given_in_two_scripts_the_latin_one_is_read():
    text = "가람 가족 네트워크 성명\nStatement of the Garam Family Network\non the Tenth Anniversary of the Inquiry\n\nWe still wait for answers.\n"
    assert _title(text).value == "Statement of the Garam Family Network on the Tenth Anniversary of the Inquiry"


def test_a_korean_headline_that_opens_with_a_country_and_names_a_letter_on_its_next_line():
    text = "한국: 탈북민 강제송환 중단해야\n외교부 장관께 보내는 공동서한\n\n2021년 3월 2일\n\n장관님,\n\n저희는 이 서한을 드립니다.\n"
    assert _title(text).value == "한국: 탈북민 강제송환 중단해야 외교부 장관께 보내는 공동서한"


def test_a_time_stamp_run_under_a_news_headline_ends_it():
    text = "가람뉴스 | 북한\n\n12개 단체, 유엔에 \"구금자 석방\" 청원\n입력 2019-05-02 11:02 | 수정 2019-05-02 15:40\n\n단체들은 유엔에 청원서를 보냈다고 밝혔습니다.\n"
    assert _title(text).value == "12개 단체, 유엔에 \"구금자 석방\" 청원"


def test_a_title_broken_after_its_colon_is_joined_but_a_line_introducing_names_is_not_a_title():
    text = "Appeal to the Government of Ruritania:\n\nNo Forced Returns of Escapees\n\nWe, the undersigned, ask the Government to stop.\n"
    assert _title(text).value == "Appeal to the Government of Ruritania: No Forced Returns of Escapees"
    listing = "Detention Must End\n\nThis statement is signed by the following:\n\nRiver Fund\n\nHope Network\n"
    assert _title(listing).value == "Detention Must End"


def test_a_drafts_title_numbered_before_its_number_is_known():
    text = ("A/HRC/40/L.9\n23 March 2030\n\nChile, Peru and United States of America*: draft resolution\n\n"
            "40/…  Situation of human rights in\nRuritania\n\nThe Human Rights Council,\n\nRecalling its resolutions,\n")
    fact = _title(text)
    assert (fact.value, fact.rule) == ("Situation of human rights in Ruritania", "un_numbered_title")


def test_a_title_wrapped_before_a_word_that_could_label_a_page_is_kept_whole():
    text = "Defending Freedom of\nSpeech for Escapees\n\nWe, the undersigned, ask all states to protect those who speak.\n"
    assert _title(text).value == "Defending Freedom of Speech for Escapees"
