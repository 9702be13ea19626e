"""Names in lower-cased text: words that are no word of English (evalkit.lexicon)."""

from __future__ import annotations

import json
from pathlib import Path

from evalkit.lexicon import name_words, unknown_words, vocabulary_words

from .conftest import benchmark_script
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
    # two English words run together are one; two names run together are a name
    assert unknown_words("the side outspent rivals before the manslaughter trial") == set()
    assert unknown_words("romario scored before robben and maradona came on") == {
        "romario",
        "robben",
        "maradona",
    }
    # a word done again or undone ("retaken", "retook", "unbowed"), the word after the prefix
    # four letters or more (the fifteenth probe's lower-cased "have almost entirely retaken")
    assert unknown_words("forces have retaken the city they retook in 2012 , unbowed") == set()
    assert name_words("reid and rebecca spoke") == {"reid", "rebecca"}
    # a month's short form is a date, no name
    assert name_words("from oct people in england will pay for their bags") == {"england"}
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
    # a lower-cased claim against cased sources (a system that writes lower case) is read by
    # the lexicon too; a name the cased sources have is known
    capitals = seg("s", "Ukrainian strikes hit an airfield near Belbek in the south on Thursday.")
    lower = seg("c", cand.sentences[0].text, "david smith said ukrainian strikes hit belbek .")
    said, invented = read(capitals, lower)[0]
    assert said.signals.novel_names == () and invented.signals.novel_names == ("david", "smith")


def test_words_cased_text_writes_with_a_capital_are_names_too() -> None:
    # "david", "cardiff" and "texas" are words of the model's vocabulary, so no unknown word
    text = "david clarkson scored in cardiff before moving to texas with the police ."
    assert unknown_words(text) == frozenset()
    assert name_words(text) == {"david", "clarkson", "cardiff", "texas"}
    # a text in another language has none either way
    welsh = "mae arbenigwyr canser yn gobeithio y bydd cynllun newydd yn cael ei dreialu yn ne"
    assert name_words(welsh + " cymru david") == frozenset()


def test_the_name_list_is_built_from_cased_text(tmp_path: Path) -> None:
    mod = benchmark_script("name_words")
    lines = [
        "entailment\tThey met David in Cardiff. Then David left.\tDavid and the mark stayed.",
        "not_entailment\tWe saw David, Mark and the police in Cardiff.\tA mark was made.",
    ]
    (tmp_path / "docnli_x.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    claim = {"claim": "It rained in Cardiff.", "evidence": ["Police said mark it."]}
    (tmp_path / "wice_x.jsonl").write_text(json.dumps(claim) + "\n", encoding="utf-8")
    found = mod.name_words(mod.texts(tmp_path), vocabulary_words())
    # inside a sentence: "David" 3 times (not counted opening one), "Cardiff" 3 times;
    # "mark" is written lower-case more often than not; "police" once with a capital only
    # where it opens a sentence
    assert found == ["cardiff", "david"]
    out = tmp_path / "names.txt"
    assert mod.main([str(tmp_path), str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "cardiff\ndavid\n"
