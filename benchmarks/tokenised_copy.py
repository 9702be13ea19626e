"""A tokenised, lower-cased copy of a faithfulness benchmark file, as CNN/DailyMail's tokenised
release writes text: punctuation split off ("end .", "korea 's", "do n't"), brackets as
"-lrb-" / "-rrb-", quotation marks as `` and ''; titles and initials keep their stop ("mr.",
"u.s."). Source and summary alike; the human spans are moved onto the new text. Same input,
same bytes.

    python benchmarks/tokenised_copy.py IN.jsonl OUT.jsonl
    python -m evalkit meta bench.path=OUT.jsonl
"""

from __future__ import annotations

import json
import re
import sys

_PIECE = re.compile(
    r"(?:[A-Za-z]\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Sgt|Rev)\.(?=\s+[A-Z])"
    r"|\w+(?=n['’]t\b)|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b"
    r"|\w+(?:[-.,]\w+|['’](?!(?:s|re|ve|ll|d|m|t)\b)\w+)*|``|''|\S"
)
_BRACKETS = {"(": "-lrb-", ")": "-rrb-", "[": "-lsb-", "]": "-rsb-", "{": "-lcb-", "}": "-rcb-"}
_QUOTES = {"“": "``", "”": "''", "‘": "`", "’": "'"}


def tokenised(text: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The tokenised text and, per token, its [start, end) there and in `text`."""
    out: list[str] = []
    where: list[tuple[int, int, int, int]] = []
    at, opening = 0, True
    for m in _PIECE.finditer(text):
        word = m.group()
        if word == '"':
            word, opening = ("``" if opening else "''"), not opening
        word = _BRACKETS.get(word, _QUOTES.get(word, word)).replace("’", "'").lower()
        gap = text[where[-1][3] if where else 0 : m.start()] if out else ""
        sep = "\n" if "\n" in gap else " "
        if out:
            out.append(sep)
            at += 1
        where.append((at, at + len(word), m.start(), m.end()))
        out.append(word)
        at += len(word)
    return "".join(out), where


def moved(span: list[int], where: list[tuple[int, int, int, int]]) -> list[int] | None:
    """A [start, end) span of the old text on the new one: the tokens it covers."""
    inside = [(s, e) for s, e, os, oe in where if os < span[1] and oe > span[0]]
    return [inside[0][0], inside[-1][1]] if inside else None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-2].strip(), file=sys.stderr)
        return 2
    src, dst = argv
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            item = json.loads(line)
            item["source"] = tokenised(item["source"])[0]
            item["summary"], where = tokenised(item["summary"])
            spans = (moved(span, where) for span in item.get("spans", []))
            item["spans"] = [span for span in spans if span]
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
