"""ROUGE-1/2/L with rouge-score's own tokenizer and formulas, minus its quadratic Python loop.

rouge-score fills an n x m LCS table in pure Python: a full article scored against the
reference costs tens of milliseconds, the largest share of a run after encoding. Here the LCS
length comes from a bit-parallel recurrence (one big-integer step per token), stems are
memoised and the reference's tokens are kept between candidates. The numbers are exactly
rouge-score's: the same tokens, the same integer LCS, the same float formulas (a test
compares them).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from nltk.stem import porter
from rouge_score import scoring, tokenize
from rouge_score.rouge_scorer import RougeScorer, _create_ngrams, _score_ngrams


class _MemoStemmer:
    """The Porter stemmer rouge-score uses, remembering words it has seen."""

    def __init__(self) -> None:
        self.stem = lru_cache(maxsize=1 << 16)(porter.PorterStemmer().stem)


class _Tokenizer:
    def __init__(self) -> None:
        self._stemmer = _MemoStemmer()

    def tokenize(self, text: str) -> list[str]:
        return tokenize.tokenize(text, self._stemmer)


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (Hyyrö's bit-vector recurrence)."""
    masks: dict[str, int] = {}
    for i, token in enumerate(a):
        masks[token] = masks.get(token, 0) | 1 << i
    v = (1 << len(a)) - 1
    for token in b:
        u = v & masks.get(token, 0)
        v = (v + u) | (v - u)
    return len(a) - (v & ((1 << len(a)) - 1)).bit_count()


class FastRouge(RougeScorer):
    """Drop-in RougeScorer for rouge1, rouge2 and rougeL with a stemming tokenizer."""

    def __init__(self) -> None:
        super().__init__(["rouge1", "rouge2", "rougeL"], tokenizer=_Tokenizer())
        self._last: tuple[str, list[str], list[Counter[tuple[str, ...]]]] = ("", [], [])

    def score(self, target: str, prediction: str) -> dict[str, scoring.Score]:
        if self._last[0] != target or not self._last[1]:
            ref = self._tokenizer.tokenize(target)
            self._last = (target, ref, [_create_ngrams(ref, n) for n in (1, 2)])
        ref, grams, hyp = self._last[1], self._last[2], self._tokenizer.tokenize(prediction)
        out = {f"rouge{n}": _score_ngrams(grams[n - 1], _create_ngrams(hyp, n)) for n in (1, 2)}
        if ref and hyp:
            lcs = lcs_length(ref, hyp)
            precision, recall = lcs / len(hyp), lcs / len(ref)
            out["rougeL"] = scoring.Score(precision, recall, scoring.fmeasure(precision, recall))
        else:
            out["rougeL"] = scoring.Score(precision=0, recall=0, fmeasure=0)
        return out
