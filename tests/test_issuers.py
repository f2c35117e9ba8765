"""Who issues a document, to whom it is addressed, and which organisation it speaks for."""

from nkhr.describe.metadata import describe_document
from nkhr.read.segmenting import split_passages


def _meta(text):
    return describe_document(text, split_passages(text, 0, len(text)))


def test_only_the_states_named_after_including_are_issuers():
    text = ("Joint Statement on Forced Labour\n\nGeneva, 21 March 2022\n\nDelivered by the Ambassador of Chile, on behalf of a group of "
            "30 States from all regions, including Chile, Peru and the Republic of Korea.\n\nMr. President,\n\nWe thank the Rapporteur.\n")
    assert _meta(text).issuers == ["Chile", "Peru", "Republic of Korea"]


def test_a_name_with_for_and_a_capitalised_word_is_read_whole():
    text = "Statement of the Steering Committee of the Forum for Divided Families on the Resolution\n\nWe welcome the draft.\n"
    assert _meta(text).issuers == ["Steering Committee of the Forum for Divided Families"]


def test_a_speaker_named_in_the_title_is_not_the_issuer():
    text = ("Joint statement by Ambassador Jane Roe at the Security Council stakeout\n\n(The following is a joint statement by Ambassador "
            "Jane Roe, on behalf of Chile, Japan and Peru.)\n\nGood afternoon.\n")
    assert _meta(text).issuers == ["Chile", "Japan", "Peru"]


def test_a_name_the_text_defines_with_an_acronym_is_read_to_its_end():
    text = ("Declaration of the Pacific Parliamentarians' Forum on Refugees in Asia\n\nWe, members of the Pacific Parliamentarians' "
            "Forum on Refugees in Asia (PPFRA), met in Manila.\n")
    assert _meta(text).issuers == ["PPFRA"]


def test_a_coalition_named_with_its_acronym_before_together_with():
    text = ("FOR IMMEDIATE RELEASE\n\nPut Victims First\n\n(Seoul, April 10, 2018) – The Global Coalition Against Abuses in\n"
            "Asia (GCAA), together with 31 other organizations, has written to the President.\n")
    meta = _meta(text)
    assert meta.issuers == ["GCAA"] and meta.value("organisation") == "GCAA"


def test_a_body_field_naming_an_assembly_committee_gives_the_assembly():
    text = "Field | Value\nBody | General Assembly, Third Committee\nIssued | 2 November 2022\n\nThe draft asks the Assembly to act.\n"
    assert _meta(text).issuers == ["General Assembly"]


def test_a_bracketed_news_credit_is_the_issuer_and_the_reported_coalition_the_organisation():
    text = ("가람일보 | 정치\n\n의원모임 총회 개막\n\n[서울=가람일보] 기자 = 난민보호 국제의원모임(IPRA)의 총회가 열렸다.\n\n"
            "IPRA는 2003년 출범했다.\n")
    meta = _meta(text)
    assert meta.issuers == ["가람일보"] and meta.value("organisation") == "IPRA"


def test_an_acronym_used_once_does_not_make_a_news_report_speak_for_it():
    text = "[한누리통신 2022-03-24]\n\n비정부기구(NGO) 33곳이 서한을 보냈습니다.\n"
    meta = _meta(text)
    assert meta.issuers == ["한누리통신"] and meta.value("organisation") == ""


def test_a_statement_made_in_a_council_session_is_addressed_to_the_council():
    text = ("Human Rights Council – 49th session\nInteractive dialogue with the Special Rapporteur\n\nJoint Statement on Detention\n"
            "Geneva, 21 March 2022\n\nMr. President,\nWe thank the Special Rapporteur.\n")
    assert _meta(text).value("addressee") == "Human Rights Council"


def test_a_statement_at_a_stakeout_is_addressed_to_no_one():
    text = "Joint Statement at the Security Council Stakeout on Detention\n\nGood afternoon, and thank you for coming.\n"
    assert _meta(text).value("addressee") == ""


def test_an_addressee_whose_title_goes_on_after_for():
    text = "Open Letter to the UN High Commissioner for Refugees\n\nDear High Commissioner,\n\nWe write about detention.\n\nSincerely,\n"
    assert _meta(text).value("addressee") == "UN High Commissioner for Refugees"


def test_an_address_block_under_the_title_and_date():
    text = ("Open Letter on Forced Returns\nMay 2, 2023\nThe President\nRepublic of Nowhere\nPalace Road 1, Capital 100017\n"
            "Dear Mr. President,\n\nWe write about forced returns.\n\nSincerely,\n")
    assert _meta(text).value("addressee") == "The President, Republic of Nowhere"


def test_a_letter_given_in_another_language_below_a_korean_notice():
    text = ("[공지][공동서한] 이사국에 보내는 공동서한\n\n2024-03-18\n\n지난 14일 단체들이 공동서한을 보냈습니다.\n\n"
            "Joint Letter to Member States of the UN Human Rights Council on Detention\n\nMarch 14, 2024\n\nDear Excellencies,\n\n"
            "We write ahead of the session.\n\nSincerely,\n")
    assert _meta(text).value("addressee") == "Member States of the UN Human Rights Council"


def test_a_breadcrumb_is_never_an_address():
    text = "홈 > 뉴스 > 북한인권\n\n단체들 공개서한\n\n2022-03-24\n\n단체들이 서한을 보냈습니다.\n"
    assert _meta(text).value("addressee") == ""


def test_an_organisation_named_after_by_keeps_its_for_and_in():
    text = "Joint Statement by the Committee for Refugee Rights in Asia on Forced Returns\n\nWe urge all states to act.\n"
    assert _meta(text).issuers == ["Committee for Refugee Rights in Asia"]


def test_the_states_that_convened_issue_the_statement():
    text = ("Trilateral Statement on Human Rights\n\nOn October 18, 2024, the United States, the Republic of Korea and Japan "
            "convened a meeting in New York on human rights.\n")
    assert _meta(text).issuers == ["United States", "Republic of Korea", "Japan"]


def test_a_statement_made_after_a_briefing_is_not_addressed_to_the_council():
    text = "Joint Statement following the Security Council briefing on Nowhere\n\nGood afternoon, and thank you for coming.\n"
    assert _meta(text).value("addressee") == ""


def test_a_news_outlets_copyright_line_credits_the_report_and_its_kind_stays_empty():
    text = ("가람뉴스 | 북한\n\n12개 단체, 유엔에 구금자 석방 청원\n입력 2019-05-02 11:02\n\n"
            "단체들은 유엔에 청원서를 보냈다고 밝혔습니다.\n\n< Copyright ⓒ 가람뉴스. 무단전재 및 재배포 금지 >\n")
    about = _meta(text)
    assert about.issuers == ["가람뉴스"] and about.value("kind") == ""


def test_a_campaigns_own_copyright_footer_does_not_make_it_an_issuer():
    text = "Free the Detained Now\n\nWe ask the Government to release six men.\n\n© 2020 Garam Rights Network · Privacy\n"
    assert _meta(text).issuers == []


def test_a_count_of_signers_after_we_is_not_an_issuer():
    text = ("Joint Statement to the Embassy\n\nWe, three civil society organisations of Mongolia and the Republic of Korea, "
            "met in the city.\n")
    assert _meta(text).issuers == []


def test_an_office_holders_statement_is_the_institutions():
    text = "Press Statement of Spokesperson of Department of Press of Ruritania Foreign Ministry\n\nThe spokesperson said today:\n"
    about = _meta(text)
    assert about.issuers == ["Ruritania Foreign Ministry"] and about.value("organisation") == ""


def test_the_person_a_press_statements_byline_names_issues_it():
    text = ("Council Takes Up Detention\nPress Statement\nMaria L. Okafor\nMinister of Foreign Affairs\nDecember 22, 2014\n\n"
            "We welcome the Council's decision to discuss detention.\n")
    about = _meta(text)
    assert about.issuers == ["Maria L. Okafor"] and about.value("organisation") == ""

