"""Coverage stage: every key fact's words against every candidate's words, read in context
(measure), then whether each candidate covers each fact and its credit (decide).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from evalkit.config import CoverageConfig
from evalkit.conflict import Conflict, compare, verbatim
from evalkit.embed import Embedder, Tokens, cosines, encode_and_read, word_tokens
from evalkit.entail import Entailer
from evalkit.errors import registered
from evalkit.records import Fact, FactMatch, FactState, Segmented, Sentence
from evalkit.text import (
    content_stems,
    known,
    names,
    numbers,
    stem,
    tokens,
    vocabulary,
)
from evalkit.verifiers import sigmoid, term


@dataclass(frozen=True, slots=True)
class FactSignals:
    """What the coverage stage measured about one key fact against one candidate."""

    similarity: float  # best cosine to a candidate sentence (the cosine baseline)
    recall: float  # soft recall of the fact's content words in the candidate (see measure_facts)
    plain_recall: float  # share of the fact's content words in the candidate (lexical baseline)
    match: Sentence  # the candidate sentence that recalls most of the fact
    entailment: float | None = None  # P(the match entails the fact); None: no entailer
    conflict: Conflict | None = None  # what the match says differently (evalkit.conflict)


def fact_word_weights(facts: tuple[frozenset[str], ...]) -> tuple[dict[str, float], ...]:
    """Per fact (its content stems), a weight per stem: log(1 + facts / facts using the stem).

    A word every fact of the event shares (the subject, "Pair" in "Pair met ...", "Pair won
    ...") says little about whether this particular fact is covered; words specific to the
    fact say most. With one fact every word weighs the same.
    """
    used: dict[str, int] = {}
    for group in facts:
        for t in group:
            used[t] = used.get(t, 0) + 1
    return tuple({t: math.log(1 + len(facts) / used[t]) for t in group} for group in facts)


@dataclass(frozen=True, slots=True)
class FactReading:
    """An event's facts as the model read them, laid out so that one candidate's soft recall
    of every fact is a few reductions (`recall`). Sums run in a fixed order, never through a
    matrix product, whose rounding can depend on memory alignment: the same inputs give the
    same digits in any process."""

    # the tokens of every occurrence of every content word, fact after fact (the tokens of
    # stopwords are never compared: leaving them out spares 40% of the token cosines)
    vectors: np.ndarray
    occurrences: np.ndarray  # where each occurrence starts among the tokens
    sizes: np.ndarray  # how many tokens each occurrence has
    words: np.ndarray  # where each fact's word (stem) starts among the occurrences
    weights: np.ndarray  # each word's weight over its fact's total weight
    facts: np.ndarray  # where each fact that has words starts among the words
    worded: np.ndarray  # which facts have words (the others' recall is 0)
    # per word: the name (all tokens of the name it is part of: Kim Yo Jong) or the figure it
    # is, which a sentence must say; () for other words
    exact: tuple[tuple[str, ...], ...]
    stems: tuple[str, ...]  # per word: its stem

    @classmethod
    def of(cls, texts: Sequence[str], tokens: Sequence[Tokens]) -> FactReading:
        found = [word_tokens(text, tok) for text, tok in zip(texts, tokens, strict=True)]
        offsets = np.cumsum([0] + [len(t.spans) for t in tokens])
        picks: list[int] = []
        occurrences: list[int] = []
        sizes: list[int] = []
        words: list[int] = []
        weights: list[float] = []
        facts: list[int] = []
        worded: list[int] = []
        exact: list[tuple[str, ...]] = []
        stems: list[str] = []
        for f, (mine, weight) in enumerate(
            zip(found, fact_word_weights(tuple(frozenset(w) for w in found)), strict=True)
        ):
            hard = _exact_words(texts[f])
            if mine:
                facts.append(len(words))
                worded.append(f)
            total = sum(weight.values())
            for t, spelled in mine.items():
                words.append(len(occurrences))
                weights.append(weight[t] / total)
                exact.append(hard.get(t.replace(",", ""), ()))
                stems.append(t)
                for idx in spelled:
                    occurrences.append(len(picks))
                    sizes.append(len(idx))
                    picks += [int(offsets[f]) + i for i in idx]
        return cls(
            np.concatenate([t.vectors for t in tokens])[np.array(picks, dtype=np.intp)],
            np.array(occurrences, dtype=np.intp),
            np.array(sizes, dtype=np.intp),
            np.array(words, dtype=np.intp),
            np.array(weights),
            np.array(facts, dtype=np.intp),
            np.array(worded, dtype=np.intp),
            tuple(exact),
            tuple(stems),
        )

    def recall(
        self, best: np.ndarray, said: Sequence[frozenset[str]], present: Sequence[frozenset[str]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Soft recall of each fact that has words (`worded`, rows) by each sentence (column
        of `best`, the best cosine of each fact token to the sentence's tokens): a word
        occurrence scores the mean over its tokens, a word its best occurrence, a fact the
        weighted sum of its words. Names and figures count against `said` (each sentence's
        words, `vocabulary`, and figures). Second, the best recall of each fact by a sentence
        helped by a neighbour, which lends only the fact's words it says itself (`present`:
        each sentence's content stems): a fact split over two sentences is recalled whole, and
        a neighbour that says none of its words changes nothing."""
        cols = best.shape[1]
        if not len(self.worded):
            return np.zeros((0, cols)), np.zeros(0)
        mean = np.add.reduceat(best, self.occurrences, axis=0) / self.sizes[:, None]
        word = np.maximum.reduceat(mean, self.words, axis=0)
        # a name or a figure is there or not: "Seoul" is no closer to "Pyongyang" for sharing
        # a context, nor "4,000" to "7,000"
        for row, t in enumerate(self.exact):
            if t:
                word[row] = [float(any(known(n, s) for n in t)) for s in said]
        weighted = word * self.weights[:, None]
        single = np.add.reduceat(weighted, self.facts, axis=0)
        if cols == 1:
            return single, single[:, 0]
        # a pair of neighbours: each word as the better sentence of the two (for its fact)
        # says it, or the most either says it where one of them has it word for word
        said_by = np.array([[t in p for p in present] for t in self.stems], bool)
        owner = np.repeat(np.arange(len(self.facts)), np.diff([*self.facts, len(self.stems)]))
        rounded = np.round(single, 9)  # as the match is chosen: the last bits never decide
        first = rounded[owner, :-1] >= rounded[owner, 1:]
        pair = np.where(first, word[:, :-1], word[:, 1:])
        lent = said_by[:, :-1] | said_by[:, 1:]
        pair = np.where(lent, np.maximum(word[:, :-1], word[:, 1:]), pair)
        pairs = np.add.reduceat(pair * self.weights[:, None], self.facts, axis=0)
        return single, np.maximum(single.max(axis=1), pairs.max(axis=1))


def _exact_words(text: str) -> dict[str, tuple[str, ...]]:
    """A fact's names and figures, by stem: each name token with the tokens of the whole name
    it belongs to (a sentence that says "Kim" says "Kim Yo Jong"), each figure's value."""
    found = names(text)
    groups: list[list[str]] = []
    last = -2
    for i, t in enumerate(tokens(text)):
        if t in found:
            if i != last + 1:
                groups.append([])
            groups[-1].append(t)
            last = i
    out = {stem(t): tuple(g) for g in groups for t in g}
    return out | {n: (n,) for n in numbers(text)}


def _words(text: str) -> frozenset[str]:
    """A sentence's words with their roots (Korean -> korea) and its figures' values."""
    return vocabulary([text]) | numbers(text)


def measure_facts(
    facts: Sequence[Fact],
    candidates: Sequence[Segmented],
    embedder: Embedder,
    entailer: Entailer | None = None,
    min_recall: float = 0.45,
    min_overlap: float = 0.6,
) -> dict[str, list[FactSignals] | None]:
    """Signals of every fact against each candidate (None: the candidate has no sentences).

    The main one, `recall`, is soft: BERTScore-style recall of the fact's content words by
    the candidate sentence that recalls most of them (its `match`), each word present as far
    as the best cosine of its model tokens to the sentence's tokens says, each weighted by
    how specific it is to this fact (`fact_word_weights`). A paraphrase counts ("died" for
    "killed"); the same word in another sense counts less. A name or a figure counts only
    when the sentence says it (any word of the name: "Kim" says "Kim Yo Jong"): "Seoul" read
    in a sentence about North Korea is close to it without saying it. Each sentence is read
    on its own, and a neighbouring sentence lends it only the fact's words it says itself (a
    fact split over two sentences counts whole): a fact's credit never moves with sentences
    that say none of its words. The match is compared with the fact (`evalkit.conflict`):
    one that says it with another value makes the fact misstated. With an entailer,
    `entailment` says whether the match entails the fact. The model costs far more per pair
    than the rest, so it reads one pair per fact and candidate at most (also reading the
    sentence nearest the fact by cosine cost a quarter more pairs and changed REALSumm's
    per-document Pearson by 0.001), and none where the soft recall is below `min_recall` (the
    fact's words are mostly missing: entailment 0) or where a rule decided: a misstated fact
    (0), a match that says the fact word for word (1). `calibrate` fits the coverage model on
    these.
    """
    out: dict[str, list[FactSignals] | None] = {c.doc_id: None for c in candidates}
    readable = [c for c in candidates if c.sentences]
    texts = tuple(f.text for f in facts)
    if not texts:
        return out | {c.doc_id: [] for c in readable}
    # every vector and reading in one request: an event waits for the model as little as it can
    said = [s.text for c in readable for s in c.sentences]
    vectors, read = encode_and_read(embedder, [*texts, *said])
    reading = FactReading.of(texts, read[: len(texts)])
    worded = np.zeros(len(texts), bool)
    worded[reading.worded] = True
    stems = [content_stems(t) for t in texts]
    fact_vecs, at = vectors[: len(texts)], len(texts)
    closest = _closest_tokens(reading.vectors, read[len(texts) :])
    for cand in readable:
        sents = cand.sentences
        sims = cosines(fact_vecs, vectors[at : at + len(sents)])
        # Soft recall of each fact by each sentence, read on its own (and helped by its
        # neighbours' own words of the fact, `FactReading.recall`).
        best = closest[:, at - len(texts) : at - len(texts) + len(sents)]
        at += len(sents)
        sentence_stems = [content_stems(s.text) for s in sents]
        present = frozenset().union(*sentence_stems)
        recall = np.zeros((len(texts), len(sents)))
        helped = np.zeros(len(texts))
        recall[reading.worded], helped[reading.worded] = reading.recall(
            best, [_words(s.text) for s in sents], sentence_stems
        )
        signals = []
        # per fact, the match to read, or None and the rule's value
        units: list[tuple[str | None, float]] = []
        for row, mine in enumerate(stems):
            plain = len(mine & present) / len(mine) if mine else 0.0
            near = int(sims[row].argmax())
            # Two sentences that recall the fact equally (a repeated sentence, the same words)
            # can differ in the last bits of a float64 sum with the arrays' memory layout,
            # which shifts with other events in a batch: the match is chosen to 9 decimals,
            # the first sentence on a tie, so it never depends on that.
            top = int(np.round(recall[row], 9).argmax()) if worded[row] else near
            # a key fact is written in other words (`paraphrased`): a hedge it leaves out of
            # the sentence's is no other fact
            kind, conflict = compare(
                texts[row], sents[top].text, True, frozenset(), min_overlap, True
            )
            signals.append(
                FactSignals(
                    float(sims[row].max()),
                    float(helped[row]),
                    plain,
                    sents[top],
                    conflict=conflict if kind == "conflict" else None,
                )
            )
            if entailer is not None:
                # none read where a rule decided: misstated (0), said word for word (1)
                copied = verbatim(texts[row], sents[top].text)  # then never in conflict
                asked = helped[row] >= min_recall and kind != "conflict" and not copied
                units.append((sents[top].text if asked else None, float(copied)))
        if entailer is not None:
            pairs = [(u, t) for t, (u, _) in zip(texts, units, strict=True) if u is not None]
            probs = iter(entailer.entail(pairs)[:, 0])
            for row, (match, ruled) in enumerate(units):
                entailed = float(next(probs)) if match is not None else ruled
                signals[row] = replace(signals[row], entailment=entailed)
        out[cand.doc_id] = signals
    return out


def _closest_tokens(facts: np.ndarray, sentences: Sequence[Tokens]) -> np.ndarray:
    """The best cosine of each fact token (rows) to each sentence's tokens (columns; -1 for a
    sentence without tokens), from one product over every sentence of the event."""
    best = np.full((len(facts), len(sentences)), -1.0, np.float32)
    some = [j for j, sentence in enumerate(sentences) if len(sentence.spans)]
    if some and len(facts):
        sims = cosines(facts, np.concatenate([sentences[j].vectors for j in some]))
        starts = np.cumsum([0] + [len(sentences[j].spans) for j in some[:-1]])
        best[:, some] = np.maximum.reduceat(sims, starts, axis=1)
    return best


class Matcher(Protocol):
    """Decides coverage from a fact's measured signals; built once per run (`build_matcher`)."""

    def judge(self, s: FactSignals) -> tuple[FactState, float]:
        """Whether the candidate covers, misstates or misses the fact, and the fact's
        coverage credit (0 to 1)."""
        ...


class SoftRecallMatcher:
    """evalkit's matcher: a logistic model over the soft recall (and the entailment
    probability, with an entailment model), fitted by `evalkit calibrate`; covered at the
    threshold, with a soft credit."""

    def __init__(self, cfg: CoverageConfig) -> None:
        self.cfg = cfg

    def probability(self, s: FactSignals) -> float:
        """Calibrated probability that the candidate covers the fact."""
        c = self.cfg
        return sigmoid(c.bias + c.w_recall * s.recall + term(c.w_entailment, s.entailment))

    def credit(self, probability: float) -> float:
        """Coverage credit: the probability re-centred on the threshold (0.5 there), sharpened."""
        p = min(max(probability, 1e-12), 1 - 1e-12)
        t = min(max(self.cfg.threshold, 1e-12), 1 - 1e-12)
        return sigmoid(self.cfg.sharpness * (math.log(p / (1 - p)) - math.log(t / (1 - t))))

    def judge(self, s: FactSignals) -> tuple[FactState, float]:
        return self.decide(self.probability(s), s.conflict)

    def decide(self, probability: float, conflict: Conflict | None) -> tuple[FactState, float]:
        """A fact the candidate states (it would be covered) but whose match says it with
        another value is misstated and earns nothing."""
        if not probability >= self.cfg.threshold:  # NaN (no fit) stays NaN
            return "missed", self.credit(probability)
        if conflict is not None:
            return "misstated", 0.0
        return "covered", self.credit(probability)


class LexicalMatcher:
    """Baseline: covered when the share of the fact's content words in the candidate reaches
    `lexical_threshold` (calibrated, the one `meta` reports); credit 0 or 1."""

    def __init__(self, cfg: CoverageConfig) -> None:
        self.threshold = cfg.lexical_threshold

    def judge(self, s: FactSignals) -> tuple[FactState, float]:
        covered = s.plain_recall >= self.threshold
        return state(covered), float(covered)


class CosineMatcher:
    """Baseline: covered when the fact's best sentence cosine reaches `cosine_threshold`."""

    def __init__(self, cfg: CoverageConfig) -> None:
        self.threshold = cfg.cosine_threshold

    def judge(self, s: FactSignals) -> tuple[FactState, float]:
        covered = s.similarity >= self.threshold
        return state(covered), float(covered)


def state(covered: bool) -> FactState:
    return "covered" if covered else "missed"


MATCHERS: dict[str, Callable[[CoverageConfig], Matcher]] = {
    "soft_recall": SoftRecallMatcher,
    "lexical": LexicalMatcher,
    "cosine": CosineMatcher,
}


def build_matcher(cfg: CoverageConfig) -> Matcher:
    """The configured coverage matcher; an unknown name fails before any work."""
    return registered(MATCHERS, "coverage", cfg.name)(cfg)


def decide_facts(
    facts: Sequence[Fact],
    candidate: str,
    measured: Sequence[FactSignals] | None,
    matcher: Matcher,
) -> tuple[FactMatch, ...]:
    """Whether the candidate covers each fact and the fact's coverage credit, from its
    measured signals (None: the candidate has no text)."""
    if measured is None:
        return tuple(
            FactMatch(f, candidate, _weight(f, candidate), "missed", math.nan, None, None)
            for f in facts
        )
    out = []
    for fact, signals in zip(facts, measured, strict=True):
        verdict, credit = matcher.judge(signals)
        change = signals.conflict.change() if verdict == "misstated" and signals.conflict else ""
        weight = _weight(fact, candidate)
        out.append(
            FactMatch(
                fact, candidate, weight, verdict, credit, signals.match, signals.entailment, change
            )
        )
    return tuple(out)


def _weight(fact: Fact, candidate: str) -> int:
    """The fact's weight without the candidate's own vote: a source never boosts itself."""
    return max(1, len([who for who in fact.reported_by if who != candidate]))
