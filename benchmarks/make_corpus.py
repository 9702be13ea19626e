"""Deterministic synthetic event corpus (JSONL, one event per line) for evalkit benchmarks.

Real prose only: seed articles (``seeds/*.txt``) plus the dev benchmark source articles and
summaries, read at run time from ``--bench-dir`` (never copied into the project). Same arguments
=> byte-identical output; events are streamed, so memory stays flat in ``--events``.
"""

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
FAITH_FILES = ("faithfulness_xsumfaith_dev.jsonl", "faithfulness_cliff_dev.jsonl")
COVERAGE_FILE = "coverage_realsumm_dev.jsonl"
_SPLIT = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"”’')])\s+|(?<=[.!?] '')\s+|\s*\n+\s*")
_TERMINAL = tuple(".!?\"”’')")


@dataclass
class Doc:
    sentences: list[str]
    summaries: list[str] = field(default_factory=list)


def split_sentences(text: str) -> list[str]:
    """Split on sentence punctuation / newlines; glue short fragments (``U.S.``) to the next."""
    out: list[str] = []
    buf = ""
    for part in _SPLIT.split(text):
        buf = f"{buf} {part.strip()}".strip() if part.strip() else buf
        if buf and len(buf.split()) >= 4:
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def load_seed_docs(seeds_dir: Path) -> list[Doc]:
    """Seed articles minus junk lines (< 6 words or no sentence-final punctuation)."""
    docs = []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        good = [ln for ln in lines if len(ln.split()) >= 6 and ln.rstrip().endswith(_TERMINAL)]
        sentences = split_sentences("\n".join(good))
        if sentences:
            docs.append(Doc(sentences))
    return docs


def load_bench_docs(bench_dir: Path) -> list[Doc]:
    """Unique source articles (by doc_id, first occurrence) with their real summaries."""
    by_id: dict[str, Doc] = {}
    for name in (*FAITH_FILES, COVERAGE_FILE):
        path = bench_dir / name
        if not path.is_file():
            print(f"make_corpus: note: {path} missing, skipped", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                doc = by_id.setdefault(row["doc_id"], Doc(split_sentences(row["source"])))
                texts = [row.get("summary", "")] + [s["text"] for s in row.get("summaries", [])]
                doc.summaries.extend(t.strip() for t in texts if t.strip())
    return [d for d in by_id.values() if len(d.sentences) >= 3]


def make_event(docs: list[Doc], seed: int, index: int) -> tuple[dict, int]:
    """One event (and its sentence count), a pure function of ``(docs, seed, index)``."""
    rng = random.Random(f"{seed}:{index}")
    base = docs[rng.randrange(len(docs))]
    pool = list(base.sentences)
    while len(pool) < 8:  # too short for 5+ sentence articles: append a second real article
        pool += docs[rng.randrange(len(docs))].sentences
    articles: list[list[str]] = []
    for _ in range(rng.randint(3, 5)):
        size = rng.randint(5, min(39, len(pool)))  # +1 shared sentence below
        start = rng.randint(0, len(pool) - size)
        articles.append(pool[start : start + size])
    for j, art in enumerate(articles):  # light shuffling between articles of the same event
        if rng.random() < 0.5:
            other = articles[(j + rng.randint(1, len(articles) - 1)) % len(articles)]
            art.insert(rng.randint(0, len(art)), rng.choice(other))
        if len(art) > 1 and rng.random() < 0.5:
            k = rng.randrange(len(art) - 1)
            art[k], art[k + 1] = art[k + 1], art[k]
    event_sents = [s for art in articles for s in art]
    n_sent = len(event_sents)
    candidates: list[str] = []
    for _ in range(rng.randint(2, 4)):
        if base.summaries and rng.random() < 0.4:
            text = rng.choice(base.summaries)  # real system summary: may hold unsupported claims
            n_sent += len(split_sentences(text))
        else:
            k = min(rng.randint(1, 4), len(event_sents))
            picks = sorted(rng.sample(range(len(event_sents)), k))
            text = " ".join(event_sents[i] for i in picks)
            n_sent += k
        candidates.append(text)
    arts = [{"id": f"a{j}", "text": paragraphs(a, rng)} for j, a in enumerate(articles)]
    cands = [{"id": f"c{j}", "text": t} for j, t in enumerate(candidates)]
    return {"event_id": f"ev{index:06d}", "articles": arts, "candidates": cands}, n_sent


def paragraphs(sentences: list[str], rng: random.Random) -> str:
    """Join sentences into paragraphs of 1-4 sentences separated by blank lines."""
    cuts = [0]
    while cuts[-1] < len(sentences):
        cuts.append(cuts[-1] + rng.randint(1, 4))
    return "\n\n".join(" ".join(sentences[i:j]) for i, j in pairwise(cuts))


def write_corpus(docs: list[Doc], n_events: int, out: Path, seed: int) -> dict[str, int]:
    """Stream ``n_events`` events to ``out`` line by line; return counts."""
    counts = {"events": 0, "articles": 0, "candidates": 0, "sentences": 0}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for index in range(n_events):
            event, n_sent = make_event(docs, seed, index)
            fh.write(json.dumps(event, ensure_ascii=False) + "\n")
            counts["events"] += 1
            counts["articles"] += len(event["articles"])
            counts["candidates"] += len(event["candidates"])
            counts["sentences"] += n_sent
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    docs = load_seed_docs(args.seeds)
    if args.bench_dir.is_dir():
        docs += load_bench_docs(args.bench_dir)
    else:
        print(f"make_corpus: note: bench dir {args.bench_dir} missing; seeds only", file=sys.stderr)
    if not docs:
        print("make_corpus: error: no source articles found", file=sys.stderr)
        return 1
    c = write_corpus(docs, args.events, args.out, args.seed)
    summary = ", ".join(f"{v} {k}" for k, v in c.items())
    print(f"make_corpus: wrote {summary} to {args.out} ({len(docs)} sources)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
