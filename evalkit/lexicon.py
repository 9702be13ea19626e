"""Names where capitals cannot find them: in lower-cased text (CNN/DailyMail's tokenised
release, say), a content word that is no word of English is taken for a name.

English here is the bundled model's WordPiece vocabulary: its whole words (22,501 of them),
with their inflections (words that share a stem with one, `text.stem`, or add "-s" or "-es"
to one: "hails"), British spellings ("apologised" for "apologized", "colour" for "color") and
compounds of two ("outspent"). A word
with an English suffix ("-ed", "-ing", "-tion", "-less", ...) is a word, not a name, even where
the vocabulary lacks it ("absconded", "winless"). What is left is mostly names ("belbek",
"garissa") and a few rare or foreign words. On lower-cased copies of the dev files such a word
found in no source is in 16% of CLIFF's and 14% of XSumFaith's unfaithful claims, and in 1%
and 4% of their faithful ones (docs/entailment.md). A text in another language (mostly words
that are no English word, few English function words) has none: the lexicon cannot tell its
names.

The vocabulary is lower-cased, so it holds names too ("david", "cardiff", "texas"). Those that
cased text writes with a capital (assets/names.txt: 3,729 words, built by
benchmarks/name_words.py from the cased training data of `evalkit train`) are names as well
(`name_words`). On the lower-cased dev copies they lifted CLIFF from 0.853 / 0.728 to 0.870 /
0.776 (ROC AUC / balanced accuracy) and XSumFaith from 0.819 / 0.766 to 0.843 / 0.790. A claim
written without capitals is read by `name_words` whatever its sources' case
(`stages.claims._names`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from evalkit.text import MEMO, STOPWORDS, full_month, is_content, stem, tokens

_SUFFIX = re.compile(
    r"(?:ed|ing|tion|sion|less|ness|ment|ly|ful|able|ible|ity|ous|ive|ism|ists?|ise|ize|ance|"
    r"ence|ship|hood|ward)$"
)
_BRITISH = (
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"our(s?)$"), r"or\1"),
)


# A text is in another language (XSumFaith has Welsh summaries), and an English lexicon cannot
# tell its names, when at least this many of its words are no English word, more than this
# share of its content words, and English function words are less than this share of its
# words. A lower-cased English sentence has one to three names, and 30-50% function words;
# the Welsh summaries have under 7%.
_FOREIGN = (4, 0.5, 0.15)


def vocabulary_words() -> frozenset[str]:
    """The bundled model's vocabulary: its whole words, lower-cased."""
    return _english()[0]


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """The vocabulary's words that cased text writes with a capital (assets/names.txt, built by
    benchmarks/name_words.py from the training data): "david", "cardiff", "texas"."""
    from importlib.resources import files

    return frozenset(files("evalkit.assets").joinpath("names.txt").read_text("utf-8").split())


@lru_cache(maxsize=MEMO)
def name_words(text: str) -> frozenset[str]:
    """The text's names where capitals cannot find them: its words that are no English word
    (`unknown_words`) and those the vocabulary has but cased text writes with a capital
    ("david", "cardiff"); not a month's short form ("oct", a date). None in a text in another
    language."""
    found, foreign = _unknown(text)
    if foreign:
        return frozenset()
    return found | {
        t for t in tokens(text) if t in _names() and is_content(t) and full_month(t) == t
    }


@lru_cache(maxsize=1)
def _english() -> tuple[frozenset[str], frozenset[str]]:
    """The vocabulary's whole words and their stems."""
    from evalkit.embed import bundled_model_path

    with (bundled_model_path() / "vocab.txt").open(encoding="utf-8") as handle:
        words = frozenset(w for w in (line.strip() for line in handle) if w.isalpha())
    return words, frozenset(stem(w) for w in words)


def _american(word: str) -> str:
    for pattern, spelling in _BRITISH:
        word = pattern.sub(spelling, word)
    return word


def unknown_words(text: str) -> frozenset[str]:
    """The text's content words that are no English word: names, in lower-cased text. None in
    a text where most of them are (`_FOREIGN`): it is in another language, not full of names."""
    found, foreign = _unknown(text)
    return frozenset() if foreign else found


@lru_cache(maxsize=MEMO)
def _unknown(text: str) -> tuple[frozenset[str], bool]:
    """The text's content words that are no English word, and whether the text is in another
    language (`_FOREIGN`)."""
    words, stems = _english()
    content = [
        t
        for t in tokens(text)
        if len(t) >= 3 and t.isalpha() and is_content(t) and not _SUFFIX.search(t)
        if full_month(t) == t  # "oct", "sept": a month's short form
    ]
    out = set()
    for t in content:
        spelt = _american(t)
        known = {t, spelt} & words or {stem(t), stem(spelt)} & stems
        if not (known or _plural(t, words) or _compound(t, words) or _prefixed(t, words)):
            out.add(t)
    few, most, stopwords = _FOREIGN
    foreign = False
    if len(out) >= few and len(out) > most * len(content):
        found = [t for t in tokens(text) if t.isalpha()]
        foreign = sum(t in STOPWORDS for t in found) < stopwords * len(found)
    return frozenset(out), foreign


def _plural(word: str, words: frozenset[str]) -> bool:
    """A word's "-s" or "-es" form, where the stem is too short to tell it ("hails", "vows",
    "taxes", "carries")."""
    return any(
        word.endswith(end) and word[: -len(end)] + base in words
        for end, base in (("s", ""), ("es", ""), ("ies", "y"))
    )


_PREFIXES = ("re", "un")  # `_prefixed`: what a verb may be done again or undone with
_PREFIXED = 4  # the fewest letters of the word after the prefix


def _prefixed(word: str, words: frozenset[str]) -> bool:
    """An English word of _PREFIXED letters or more after "re" or "un", which the vocabulary
    leaves out where the model never needed them: "retaken", "retook", "unbowed"."""
    return any(
        word.startswith(p) and len(word) - len(p) >= _PREFIXED and word[len(p) :] in words
        for p in _PREFIXES
    )


def _compound(word: str, words: frozenset[str]) -> bool:
    """Two English words of three letters or more run together: "outspent", "manslaughter".
    Two names run together are a name ("romario", "robben", "maradona")."""
    names = _names()
    return any(
        word[:i] in words and word[i:] in words and not (word[:i] in names and word[i:] in names)
        for i in range(3, len(word) - 2)
    )
