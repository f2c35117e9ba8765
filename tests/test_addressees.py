"""To whom a document is addressed, and the organisation it speaks for, in the layouts letters and releases come in."""

from nkhr.describe.metadata import describe_document
from nkhr.read.segmenting import split_passages


def _meta(text):
    return describe_document(text, split_passages(text, 0, len(text)))


def test_an_address_block_opening_with_an_honorific_names_the_addressee_without_the_street():
    text = ("Home > Letters\n\nMay 17, 2021\n\nHis Excellency the President of Ruritania\n\nThe Presidential Office\n\n"
            "Capital City, Ruritania\n\nRE: Detained escapees\n\nWe, the nine undersigned, write this letter to you.\n\nRespectfully,\n\nAnna Berg\n")
    fact = next(f for f in _meta(text).facts if f.field == "addressee")
    assert (fact.value, fact.rule) == ("His Excellency the President of Ruritania", "address_block")
    assert text[fact.start : fact.end] == fact.value


def test_a_to_field_stops_where_a_flattened_page_set_the_next_column():
    text = "To : The President of the Council   April 2019\n\nDear Members, we write about six detainees held since 2016.\n\nSincerely,\n"
    assert _meta(text).value("addressee") == "The President of the Council"


def test_a_korean_letters_salutation_names_its_addressee():
    text = "탈북민 강제송환 중단을 요청하는 공동서한\n\n2021년 3월 2일\n\n장관님,\n\n저희는 이 서한을 드립니다.\n"
    assert _meta(text).value("addressee") == "장관님"


def test_a_press_release_speaks_of_the_coalition_it_defines_not_of_a_un_body():
    text = ("Groups ask for an inquiry\n\n3 May 2019\nPress release\n\nThe Commission of Inquiry (COI) reported in 2014. The letter was "
            "prepared by members of the Garam Coalition to End Detention (GCED), founded in 2011.\n")
    assert _meta(text).value("organisation") == "GCED"


def test_a_statement_with_no_issuer_and_no_press_label_has_no_organisation():
    text = "Groups ask for an inquiry\n\nThe letter was prepared by members of the Garam Coalition to End Detention (GCED).\n"
    assert _meta(text).value("organisation") == ""


def test_a_news_report_speaks_of_the_organisation_it_defines_in_full_width_parentheses():
    japanese = ("ガラム連盟がソウルで総会\n\n2014/07/15 10:21配信\n\nガラム議員連盟（GPCR）が総会を開いた。GPCRは2003年に創立された。\n\n"
                "Copyrights(C) ガラムニュース\n")
    assert _meta(japanese).value("organisation") == "GPCR" and _meta(japanese).issuers == ["ガラムニュース"]
