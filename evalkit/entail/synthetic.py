"""Synthetic news pairs for training the entailment model, built from articles alone.

Each pair is (premise, hypothesis, labels): the premise is a sentence of an article (or it and
its neighbour), the hypothesis a rewrite of it, and `labels` the set of labels it may carry
(see `model.LABELS`): a rewrite that keeps the meaning is entailment; one that changes a
number, date, name, role, polarity or direction is contradiction; one that brings in text the
premise does not say is neutral; a recombination of two sentences is "not entailment" (either).
These are the errors summaries make with a source's own words, which the public NLI data
hardly holds. A share of pairs is lower-cased, as some sources are. Deterministic for a seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from evalkit.text import STOPWORDS

ENTAIL, NEUTRAL, CONTRA = frozenset({0}), frozenset({1}), frozenset({2})
NOT_ENTAIL = frozenset({1, 2})

_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘']?\w)")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b(?!')")
_SPEAKER = re.compile(r"\b(said|says|told|added|according to)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)*)")
_AUX = re.compile(
    r"\b(is|was|are|were|has|had|have|will|would|can|could|should|did|does|do)\b(?! not\b)"
)
_NEGATION = re.compile(r"\s(?:not|never)\b|n't\b")
_CLAUSE = re.compile(r",\s+(?:which|who|while|but|although|after|before|as|and|with)\b|;\s")
# The direction words the shipped model was trained on, kept as they were so that `train`
# reproduces it (`text.OPPOSITES`, which the contradiction rule reads, has grown since).
_OPPOSITES = {
    x: y
    for a, b in (
        ("increased", "decreased"),
        ("rose", "fell"),
        ("won", "lost"),
        ("before", "after"),
        ("more", "fewer"),
        ("higher", "lower"),
        ("confirmed", "denied"),
        ("accepted", "rejected"),
        ("largest", "smallest"),
        ("first", "last"),
        ("arrested", "released"),
        ("opened", "closed"),
        ("supported", "opposed"),
        ("gained", "lost"),
        ("above", "below"),
    )
    for x, y in ((a, b), (b, a))
}
_OPPOSITE = re.compile(r"\b(" + "|".join(_OPPOSITES) + r")\b")


@dataclass(frozen=True, slots=True)
class Pair:
    premise: str
    hypothesis: str
    labels: frozenset[int]
    kind: str  # which rewrite made it, for the model card's counts


def sentences(article: str) -> list[str]:
    """An article's sentences, roughly (lines, then sentence ends); short ones dropped."""
    out = []
    for line in article.splitlines():
        out += [s.strip() for s in _SENTENCE.split(line) if len(s.split()) >= 6]
    return out


def _names(text: str) -> list[re.Match[str]]:
    """Capitalised runs that are not the sentence's first word and not common words."""
    return [
        m
        for m in _NAME.finditer(text)
        if m.start() > 1 and m.group().lower() not in STOPWORDS and not _MONTH.fullmatch(m.group())
    ]


def _swap_value(
    text: str, pattern: re.Pattern[str], pool: Sequence[str], rng: random.Random
) -> str:
    """`text` with one match of `pattern` replaced by a different value from `pool`."""
    found = _names(text) if pattern is _NAME else list(pattern.finditer(text))
    if not found:
        return ""
    m = rng.choice(found)
    others = sorted({p for p in pool if p != m.group() and p not in text})
    if not others:
        return ""
    return text[: m.start()] + rng.choice(others) + text[m.end() :]


def _changed_number(text: str, rng: random.Random) -> str:
    """A number of `text` made a different number of about its size."""
    found = [m for m in _NUMBER.finditer(text) if not _YEAR.fullmatch(m.group())]
    if not found:
        return ""
    m = rng.choice(found)
    digits = m.group().replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return ""
    new = value * rng.choice((0.5, 2, 3, 0.25, 1.5)) if value > 3 else value + rng.randint(2, 9)
    shown = (
        f"{int(new):,}"
        if "," in m.group()
        else str(int(new))
        if "." not in digits
        else f"{new:.1f}"
    )
    return "" if shown == m.group() else text[: m.start()] + shown + text[m.end() :]


def _swapped_roles(text: str) -> str:
    """Two different names of `text` swapped ("A beat B" -> "B beat A")."""
    found = _names(text)
    distinct = {m.group() for m in found}
    if len(found) < 2 or len(distinct) < 2:
        return ""
    a = found[0]
    b = next(m for m in found[1:] if m.group() != a.group())
    return text[: a.start()] + b.group() + text[a.end() : b.start()] + a.group() + text[b.end() :]


def _negated(text: str, rng: random.Random) -> str:
    """`text` with its negation removed, or one added after an auxiliary verb."""
    if _NEGATION.search(text):
        return _NEGATION.sub(lambda m: "" if m.group().startswith(" ") else "", text, count=1)
    found = list(_AUX.finditer(text))
    if not found:
        return ""
    m = rng.choice(found)
    return text[: m.end()] + " not" + text[m.end() :]


def _opposite(text: str) -> str:
    m = _OPPOSITE.search(text)
    return text[: m.start()] + _OPPOSITES[m.group()] + text[m.end() :] if m else ""


def _clause_dropped(text: str) -> str:
    """`text` without a trailing clause: what it keeps is still said."""
    m = _CLAUSE.search(text)
    if not m or len(text[: m.start()].split()) < 5:
        return ""
    return text[: m.start()].rstrip(" ,;") + "."


def _recombined(text: str, other: str) -> str:
    """The first half of `text` with the second half of `other`: the source's own words in an
    order the source never wrote."""
    a, b = text.split(), other.split()
    if len(a) < 8 or len(b) < 8:
        return ""
    return " ".join(a[: len(a) // 2] + b[len(b) // 2 :])


def _overlap(a: str, b: str) -> float:
    x, y = set(a.lower().split()), set(b.lower().split())
    return len(x & y) / max(1, len(x | y))


def article_pairs(article: str, others: Sequence[str], rng: random.Random) -> Iterator[Pair]:
    """Pairs from one article; `others` are sentences of other articles (for near neighbours)."""
    sents = sentences(article)
    if len(sents) < 3:
        return
    names = [m.group() for s in sents for m in _names(s)]
    dates = [m.group() for s in sents for m in _MONTH.finditer(s)]
    years = [m.group() for s in sents for m in _YEAR.finditer(s)]
    speakers = [m.group(2) for s in sents for m in _SPEAKER.finditer(s)] + names
    for i, s in enumerate(sents):
        nxt = sents[i + 1] if i + 1 < len(sents) else ""
        near = max((t for t in sents if t != s), key=lambda t: _overlap(s, t))
        rewrites: list[tuple[str, str, str, frozenset[int]]] = [
            (s, s, "copy", ENTAIL),
            (s, _clause_dropped(s), "clause_drop", ENTAIL),
            (f"{s} {nxt}", nxt, "window", ENTAIL),
            (s, _changed_number(s, rng), "number", CONTRA),
            (s, _swap_value(s, _YEAR, years, rng), "year", CONTRA),
            (s, _swap_value(s, _MONTH, dates, rng), "date", CONTRA),
            (s, _swap_value(s, _NAME, names, rng), "name", CONTRA),
            (s, _swapped_roles(s), "roles", NOT_ENTAIL),
            (s, _negated(s, rng), "negation", CONTRA),
            (s, _opposite(s), "opposite", CONTRA),
            (s, near, "near_same_article", NEUTRAL),
            (s, _recombined(s, near), "recombined", NOT_ENTAIL),
        ]
        m = _SPEAKER.search(s)
        if m:
            moved = sorted({p for p in speakers if p != m.group(2)})
            if moved:
                hyp = s[: m.start(2)] + rng.choice(moved) + s[m.end(2) :]
                rewrites.append((s, hyp, "quote_moved", CONTRA))
        if others:
            pool = rng.sample(list(others), min(40, len(others)))
            rewrites.append(
                (s, max(pool, key=lambda t: _overlap(s, t)), "near_other_article", NEUTRAL)
            )
        for premise, hyp, kind, labels in rewrites:
            if not hyp or (hyp == premise and kind != "copy"):
                continue
            if kind == "copy" and rng.random() > 0.3:
                continue  # a few copies teach that extractive sentences are entailed
            if rng.random() < 0.25:
                premise, hyp = premise.lower(), hyp.lower()
            yield Pair(premise, hyp, labels, kind)


def generate(articles: Iterable[str], seed: int) -> list[Pair]:
    """Every article's pairs, deterministic for `seed` and the articles' order."""
    arts = list(dict.fromkeys(a for a in articles if a.strip()))
    pool = [s for a in arts[:200] for s in sentences(a)[:10]]
    rng = random.Random(seed)
    return [p for a in arts for p in article_pairs(a, pool, rng)]
