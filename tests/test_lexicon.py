"""Names in lower-cased text: words that are no word of English (evalkit.lexicon)."""

from __future__ import annotations

from evalkit.lexicon import unknown_words

from .test_entail import read
from .test_reference_facts import seg


def test_words_that_are_no_english_word_are_names() -> None:
    text = "satellite imagery showed ukrainian strikes on the belbek airfield near sevastopol ."
    assert unknown_words(text) == {"belbek", "sevastopol"}
    # inflections, British spellings and words with an English suffix are words
    english = "he apologised for the colour of the winless team , which absconded and hated it"
    assert unknown_words(english) == frozenset()
    # "-s" and "-es" forms of a word too short for a stem to tell ("hail", "hails")
    assert unknown_words("the pm hails the deal and vows to cut taxes as he carries on") == set()
    # numbers, short tokens and function words are not names
    assert unknown_words("the 2,000 fans of aa and the a-team") == frozenset()


def test_a_text_in_another_language_has_no_names_by_the_english_lexicon() -> None:
    """Welsh (XSumFaith has some): most words are no English word, so none is taken for a
    name. English without function words, or with several names, still has its names."""
    welsh = (
        "mae arbenigwyr canser yn gobeithio y bydd cynllun newydd yn cael ei dreialu yn ne cymru"
    )
    assert unknown_words(welsh) == frozenset()
    headline = "reporters saw satellite images showing strikes near belbek airfield"
    assert unknown_words(headline) == {"belbek"}
    names = "garissa and belbek officials met mogadishu and sevastopol leaders in the capital"
    assert unknown_words(names) == {"garissa", "belbek", "mogadishu", "sevastopol"}


def test_a_lower_cased_claim_with_a_name_in_no_source_is_unsupported() -> None:
    source = seg(
        "s",
        "ukrainian strikes hit an airfield in the south of the peninsula on thursday .",
        "officials said two aircraft were destroyed .",
    )
    cand = seg(
        "c",
        "ukrainian strikes hit the belbek airfield in the south of the peninsula on thursday .",
        "ukrainian strikes hit an airfield in the south of the peninsula on thursday .",
    )
    _, (invented, copied) = read(source, cand)
    assert invented.verdict == "unsupported" and "belbek" in invented.reason
    assert copied.verdict == "supported"
    # with capitals, names are found by them, as before: an ordinary word found in no source
    # is no name
    cased = seg("c", "Ukrainian strikes hit the big airfield in the south of the peninsula.")
    assert read(source, cased)[0][0].signals.novel_names == ()
    # a lower-cased claim against cased sources keeps to capitals (no name found)
    capitals = seg("s", "Ukrainian strikes hit an airfield in the south on Thursday.")
    assert read(capitals, seg("c", cand.sentences[0].text))[0][0].signals.novel_names == ()
