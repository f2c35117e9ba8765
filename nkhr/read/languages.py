"""Which language each passage is written in, from its script and its commonest words.

Statements in this field mix scripts: a Korean preface before an English letter, an
English list of signatories with Korean names, a Japanese news post quoting a UN
resolution. The rules that read lists, counts and themes are written for English, so
every passage carries an ISO 639-1 ``language`` and only English passages are read by
them; a passage in another language is kept, counted, and said to be unread.

The script decides first (Hangul is Korean; kana is Japanese; Han without kana is
Chinese; Cyrillic, Arabic and the others name their language family's commonest
member). Latin-script text is told apart by its function words, which short
statements use in every sentence: "the", "of", "and" against "le", "des", "und" ...
A passage with no telling words (a name, a heading) takes the language of the
document's other Latin-script passages. Measured against lingua-language-detector
on the evaluation fixtures by ``make bench`` (see the README).

>>> detect_language("We urge the Security Council to act.")
'en'
>>> detect_language("국제 인권 단체 45곳 및 개인 5명이 서한에 서명했다.")
'ko'
>>> detect_language("Nous appelons le Conseil de sécurité à agir sans délai.")
'fr'
>>> detect_language("Human Asia") == ""
True
"""

from __future__ import annotations

import re
from collections import Counter

#: Function words by language: frequent, short, and rare in the other languages listed.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is are that for with on by this we be as from it its has have which not all".split()),
    "fr": frozenset("le la les des du et est une dans pour que qui sur par nous ses aux au pas avec cette sont".split()),
    "de": frozenset("der die das und ist nicht mit den dem des ein eine zu von wir auf für sich auch werden".split()),
    "es": frozenset("el la los las del y en que por para con una es se su sus como más al lo este".split()),
    "it": frozenset("il lo la gli le di del della e che per con una sono è non nel alla dei delle".split()),
    "pt": frozenset("o os a as do da dos das e em que para com uma não no na se por ao".split()),
    "nl": frozenset("de het een en van is dat op te in met voor niet zijn wij ook aan".split()),
    "id": frozenset("yang dan di dari untuk dengan ini itu dalam tidak akan pada juga oleh".split()),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: Addresses are written in Latin letters whatever the language around them.
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
#: A Latin-script language is named only on this many of its function words: one "des" or "no" is chance.
MIN_FUNCTION_WORDS = 2


#: Letters of each script, counted with one regular expression apiece (a loop over characters is slow).
_SCRIPTS = {
    "ko": (re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]"), 2),  # a Hangul syllable holds about two Latin letters
    "ja": (re.compile(r"[\u3040-\u30ff]"), 2),
    "han": (re.compile(r"[\u4e00-\u9fff]"), 2),
    "ru": (re.compile(r"[\u0400-\u04ff]"), 1),
    "ar": (re.compile(r"[\u0600-\u06ff]"), 1),
    "latin": (re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"), 1),
}


_ASCII_LETTERS = re.compile(r"[A-Za-z]")


def _script_counts(text: str) -> Counter:
    """Weighted letters per script.

    >>> dict(_script_counts("Seoul 서울"))
    {'ko': 4, 'latin': 5}
    """
    counts: Counter = Counter()
    if text.isascii():
        letters = len(_ASCII_LETTERS.findall(text))
        if letters:
            counts["latin"] = letters
        return counts
    for script, (letters, weight) in _SCRIPTS.items():
        found = len(letters.findall(text))
        if found:
            counts[script] = found * weight
    return counts


#: Each function word and the languages it belongs to, so a passage's words are looked up once.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _vocabulary in FUNCTION_WORDS.items():
    for _word in _vocabulary:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)


def _latin_language(text: str) -> str:
    scores = Counter()
    for word in _WORD.findall(text):
        if len(word) > 1 and word.isupper():
            continue  # capitals-only tokens are abbreviations ("OP1", "EL"), not function words
        for language in _LANGUAGES_OF.get(word.casefold(), ()):
            scores[language] += 1
    if not scores:
        return ""
    best = max(FUNCTION_WORDS, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] >= MIN_FUNCTION_WORDS else ""


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of ``text``'s language, or '' when its words do not tell.

    The empty answer is honest: "Human Asia" or "2023/12/15" could stand in any
    language, and :func:`passage_languages` fills it from the document's context.
    """
    counts = _script_counts(_ADDRESS.sub(" ", text))
    if not counts:
        return ""
    if counts["han"] and counts["ja"]:
        counts["ja"] += counts.pop("han")
    script, _ = counts.most_common(1)[0]
    if script == "han":
        return "zh"
    if script != "latin":
        return script
    return _latin_language(text)


def passage_languages(texts: list[str]) -> list[str]:
    """The language of each passage of one document; undecided passages take the document's.

    The document's language is the one most of its decided text is written in, so a
    date line or a name in a Korean news post is Korean, and in an English letter English.

    >>> passage_languages(["Signatories", "We urge all states to act.", "한국어 서문입니다.", "Human Asia"])
    ['en', 'en', 'ko', 'en']
    >>> passage_languages(["2022-03-24", "국제 인권 단체 45곳이 서한을 보냈다고 밝혔다."])
    ['ko', 'ko']
    >>> passage_languages(["北朝鮮人権国際議員連盟", "ソウルで総会が開かれた。"])
    ['ja', 'ja']
    """
    found = [detect_language(text) for text in texts]
    # Han characters alone (a headline of kanji or hanja) belong to the Japanese or Korean around them.
    east_asian = Counter(language for language in found if language in ("ja", "ko"))
    if east_asian and "zh" in found:
        host = east_asian.most_common(1)[0][0]
        found = [host if language == "zh" else language for language in found]
    letters: Counter = Counter()
    for text, language in zip(texts, found):
        if language:
            letters[language] += len(text)
    fallback = letters.most_common(1)[0][0] if letters else "en"
    return [language or fallback for language in found]


def main_language(texts: list[str], languages: list[str]) -> str:
    """The language most of a document's text is written in (by characters).

    >>> main_language(["Dear all, we urge you.", "짧은 서문"], ["en", "ko"])
    'en'
    """
    weights: Counter = Counter()
    for text, language in zip(texts, languages):
        weights[language] += len(text)
    return weights.most_common(1)[0][0] if weights else ""
