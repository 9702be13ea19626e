"""Tests for benchmarks/tokenised_copy.py: text as CNN/DailyMail's tokenised release writes it,
and the human spans moved onto it."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from evalkit.bench.load import load_benchmark

from .conftest import benchmark_script


@pytest.fixture(scope="module")
def mod() -> ModuleType:
    return benchmark_script("tokenised_copy")


def test_text_is_tokenised_as_the_treebank_writes_it(mod: ModuleType) -> None:
    text, _ = mod.tokenised("Mr. Smith said the U.S. didn't see Korea’s “plan” (in 2021).")
    assert text == "mr. smith said the u.s. did n't see korea 's `` plan '' -lrb- in 2021 -rrb- ."
    assert mod.tokenised('O\'Neill paid £7,500 for 3.5% of "it".\nNext line')[0] == (
        "o'neill paid £ 7,500 for 3.5 % of `` it '' .\nnext line"
    )


def test_a_copy_keeps_labels_and_moves_each_span_onto_its_words(
    mod: ModuleType, tmp_path: Path
) -> None:
    summary = "Kim (the sister) denied it, saying “no”."
    spans = [[5, 15], [summary.index("saying"), len(summary) - 1]]  # "the sister", "saying “no”"
    item = {
        "id": "x:1:A", "doc_id": "d1", "dataset": "x", "system": "A", "label": 0,
        "source": "Kim Yo Jong denied it.", "summary": summary, "spans": spans,
    }  # fmt: skip
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(item) + "\n", encoding="utf-8")
    assert mod.main([str(src), str(dst)]) == 0
    (copy,) = [json.loads(line) for line in dst.read_text("utf-8").splitlines()]
    assert copy["source"] == "kim yo jong denied it ."
    assert copy["summary"] == "kim -lrb- the sister -rrb- denied it , saying `` no '' ."
    assert [copy["summary"][s:e] for s, e in copy["spans"]] == ["the sister", "saying `` no ''"]
    assert (copy["label"], copy["id"]) == (0, "x:1:A")
    assert len(load_benchmark(dst).faith) == 1
    assert mod.main([str(src)]) == 2
