"""ROUGE-1/2/L with rouge-score's own tokenizer and formulas, minus its quadratic Python loop.

rouge-score fills an n x m LCS table in pure Python: a full article scored against the
reference costs tens of milliseconds, the largest share of a run after encoding. Here the LCS
length comes from a bit-parallel recurrence (one big-integer step per token), n-grams are
counted in C, stems and sentences' tokens are memoised and the reference's tokens and n-grams
are kept between candidates. The numbers are exactly
rouge-score's: the same tokens, the same integer LCS, the same float formulas (a test
compares them).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rouge_score import scoring, tokenize


class _MemoStemmer:
    """The Porter stemmer rouge-score uses, remembering words it has seen."""

    def __init__(self) -> None:
        from nltk.stem import porter  # nltk takes a second to import: only when scoring

        self.stem = lru_cache(maxsize=1 << 16)(porter.PorterStemmer().stem)


class _Tokenizer:
    def __init__(self) -> None:
        self._stemmer = _MemoStemmer()
        # Sentences recur across candidates and events; 16,384 of them hold a few MB.
        self.sentence = lru_cache(maxsize=1 << 14)(self._tuple)

    def tokenize(self, text: str) -> list[str]:
        """rouge-score's tokens of the text in its composed form (NFC): "Jo\u0308ng" and "Jöng"
        look alike and tokenise alike (rouge-score keeps only a-z and 0-9 of each)."""
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        return tokenize.tokenize(text, self._stemmer)

    def _tuple(self, text: str) -> tuple[str, ...]:
        return tuple(self.tokenize(text))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (Hyyrö's bit-vector recurrence)."""
    masks: dict[str, int] = {}
    for i, token in enumerate(a):
        masks[token] = masks.get(token, 0) | 1 << i
    v = (1 << len(a)) - 1
    for token in b:
        u = v & masks.get(token, 0)
        v = (v + u) | (v - u)
    return len(a) - (v & ((1 << len(a)) - 1)).bit_count()


def _grams(tokens: Sequence[str]) -> tuple[Counter[Any], Counter[Any]]:
    """Unigram and bigram counts (rouge-score keys them by tuples; the counts are the same)."""
    return Counter(tokens), Counter(zip(tokens, tokens[1:], strict=False))


def _overlap(target: Counter[Any], prediction: Counter[Any]) -> scoring.Score:
    """rouge-score's `_score_ngrams`: clipped matches over each side's n-gram count."""
    small, large = sorted((target, prediction), key=len)
    matches = sum(min(n, large[g]) for g, n in small.items() if g in large)
    precision = matches / max(prediction.total(), 1)
    recall = matches / max(target.total(), 1)
    return scoring.Score(precision, recall, scoring.fmeasure(precision, recall))


class FastRouge:
    """rouge-score's RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True), faster.

    Built for free: the stemmer loads on the first score, so a rerun that scores nothing
    (every event measured before) never imports nltk.
    """

    def __init__(self) -> None:
        self._tokenizer: _Tokenizer | None = None
        self._last: tuple[Any, list[str], tuple[Counter[Any], Counter[Any]]] = (
            None,
            [],
            _grams([]),
        )

    def score(self, target: str, prediction: str) -> dict[str, scoring.Score]:
        return self.score_sentences([target], [prediction], memo=False)

    def score_sentences(
        self, target: Sequence[str], prediction: Sequence[str], memo: bool = True
    ) -> dict[str, scoring.Score]:
        """The scores of the texts the sentences make when joined by spaces.

        rouge-score's tokenizer splits at every space, so a joined text's tokens are its
        sentences' tokens in turn: each sentence is tokenised once (memo) however often it
        recurs. The target's tokens and n-grams are kept for the next candidate.
        """
        self._tokenizer = self._tokenizer or _Tokenizer()
        words = self._tokenizer.sentence if memo else self._tokenizer.tokenize
        key = tuple(target)
        if self._last[0] != key:
            ref_tokens = [t for text in target for t in words(text)]
            self._last = (key, ref_tokens, _grams(ref_tokens))
        ref, grams = self._last[1], self._last[2]
        hyp = [t for text in prediction for t in words(text)]
        out = {
            f"rouge{n}": _overlap(grams[n - 1], g) for n, g in zip((1, 2), _grams(hyp), strict=True)
        }
        if ref and hyp:
            lcs = lcs_length(ref, hyp)
            precision, recall = lcs / len(hyp), lcs / len(ref)
            out["rougeL"] = scoring.Score(precision, recall, scoring.fmeasure(precision, recall))
        else:
            out["rougeL"] = scoring.Score(precision=0.0, recall=0.0, fmeasure=0.0)  # a float
        return out
