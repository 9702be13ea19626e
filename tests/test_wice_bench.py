"""Tests for benchmarks/wice_bench.py: WiCE's claims as a faithfulness benchmark file, on
invented claims in WiCE's form (no WiCE data needed)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from evalkit.bench.load import load_benchmark

from .conftest import benchmark_script


@pytest.fixture(scope="module")
def mod() -> ModuleType:
    return benchmark_script("wice_bench")


def claim(label: str, key: str, text: str, *evidence: str) -> str:
    meta = {"id": key, "claim_title": "T", "chunk_idx": [0], "oracle_idx": [0]}
    return json.dumps({"label": label, "claim": text, "evidence": list(evidence), "meta": meta})


WICE = [
    claim("supported", "dev1", "Kim was born in 1980.", "Kim (born 1980) is a writer.", "Bio"),
    claim("partially_supported", "dev2", "Lee won in 2001 and 2002.", "Lee won in 2001."),
    claim("not_supported", "dev2", "Lee won in 2001 and 2002.", "Lee lost in 2003."),
    claim("supported", "dev3", "Park lives in Seoul.", "Park lives in Seoul."),
]


def test_each_claim_is_a_one_sentence_summary_of_its_evidence(
    mod: ModuleType, tmp_path: Path
) -> None:
    src, dst = tmp_path / "wice.jsonl", tmp_path / "bench.jsonl"
    src.write_text("\n".join(WICE) + "\n", encoding="utf-8")
    assert mod.main([str(src), str(dst)]) == 0
    found = [json.loads(line) for line in dst.read_text("utf-8").splitlines()]
    assert [f["doc_id"] for f in found] == sorted(f["doc_id"] for f in found)
    by_id = {f["id"]: f for f in found}
    assert sorted(by_id) == [
        "wice:dev1-1:supported",
        "wice:dev2-1:partially",
        "wice:dev2-2:not",  # the same claim read against another chunk of its page
        "wice:dev3-1:supported",
    ]
    first = by_id["wice:dev1-1:supported"]
    assert (first["source"], first["summary"]) == (
        "Kim (born 1980) is a writer.\nBio",
        "Kim was born in 1980.",
    )
    assert [by_id[k]["label"] for k in sorted(by_id)] == [1, 0, 0, 1]
    bench = load_benchmark(dst)
    assert len(bench.faith) == 4 and {f.dataset for f in bench.faith} == {
        "wice-supported",
        "wice-partially",
        "wice-not",
    }
    # --strict leaves the partly supported claims out; the same input gives the same bytes
    again = tmp_path / "again.jsonl"
    assert mod.main([str(src), str(again), "--strict"]) == 0
    assert [json.loads(line)["id"] for line in again.read_text("utf-8").splitlines()] == [
        f["id"] for f in found if f["dataset"] != "wice-partially"
    ]
    mod.main([str(src), str(again)])
    assert again.read_bytes() == dst.read_bytes()
