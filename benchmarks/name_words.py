"""Build evalkit/assets/names.txt: the bundled model's vocabulary words that are names.

    python benchmarks/name_words.py ../shared/train evalkit/assets/names.txt

The model's vocabulary is lower-cased, so it cannot say that "david", "cardiff" or "texas" are
names; cased text can. A word of the vocabulary is listed when, inside a sentence (not after
".", "!", "?", ":", ";", a quote or a bracket), cased text writes it with a capital at least
MIN_COUNT times and at least SHARE of the times it writes it: "david" and "texas" are listed,
"mark" and "police" are not. The cased text is the training data of `evalkit train`
(../shared/train: the premises and hypotheses of its DocNLI files, the claims and evidence of
its WiCE files), read in sorted file order, so the list is the same on every run.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from evalkit.lexicon import vocabulary_words

MIN_COUNT = 3
SHARE = 0.9
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[.!?:;\"“”()]")


def texts(folder: Path) -> Iterator[str]:
    """The cased texts of the training files: DocNLI's premise and hypothesis, every string
    of a WiCE record (its lists' strings too)."""
    for path in sorted(folder.glob("docnli*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield from line.split("\t")[1:]
    for path in sorted(folder.glob("wice*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for value in json.loads(line).values():
                values = value if isinstance(value, list) else [value]
                yield from (v for v in values if isinstance(v, str))


def name_words(cased: Iterable[str], words: frozenset[str]) -> list[str]:
    """The words (folded) that the cased texts write with a capital inside a sentence at least
    MIN_COUNT times and at least SHARE of the times, sorted."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in cased:
        opens = True
        for match in _WORD.finditer(text):
            word = match.group()
            if not word[0].isalpha():
                opens = True
                continue
            if not opens:
                (capital if word[0].isupper() else lower)[word.lower()] += 1
            opens = False
    return sorted(
        w
        for w in words
        if capital[w] >= MIN_COUNT and capital[w] >= SHARE * (capital[w] + lower[w])
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    found = name_words(texts(Path(argv[0])), vocabulary_words())
    Path(argv[1]).write_text("\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} name words written to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
