"""Does evalkit rank summarisers as constructed? Five systems over N events, run with the real
model, then the systems table and the pairwise tests printed.

    python benchmarks/bench_systems.py 200 [--out DIR] [--bench-dir ../shared/bench]

Each event is one dev benchmark article (never copied into the project), its key facts the
article's own sentences. The systems, from the article's sentences:
- `lead`: the first four sentences, verbatim;
- `lead_twin`: the same four, two words respelled (near-identical to `lead`);
- `pick`: sentences 1, 3, 4 and 6 (as good, in another way);
- `drop`: the first sentence only (drops key facts);
- `invent`: `lead` plus two sentences with a name, a figure and a date no source carries.
Expected: `drop` and `invent` rank below the others, significantly; `lead` and `lead_twin`
are not significantly different.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from make_corpus import DEFAULT_BENCH, load_bench_docs

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("Victor Quell", "Marta Osei", "Jonas Brandt", "Ilse Varga")


def systems(sentences: list[str], rng: random.Random) -> dict[str, str]:
    lead = sentences[:4]
    twin = [s.replace(" said ", " stated ", 1).replace(" the ", " The ", 1) for s in lead]
    name, year = rng.choice(NAMES), rng.randrange(1961, 1999)
    invented = [
        f"{name}, a spokesman for the group, said the total had reached {rng.randrange(20, 90)},"
        f"{rng.randrange(100, 999)}.",
        f"The plan was first drawn up in {year} and revised the following spring.",
    ]
    return {
        "lead": " ".join(lead),
        "lead_twin": " ".join(twin),
        "pick": " ".join(sentences[i] for i in (0, 2, 3, 5)),
        "drop": sentences[0],
        "invent": " ".join([*lead, *invented]),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", type=int)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    args = ap.parse_args(argv)
    docs = [d for d in load_bench_docs(args.bench_dir) if len(d.sentences) >= 8]
    rng = random.Random(0)
    rng.shuffle(docs)
    if len(docs) < args.events:
        print(f"bench_systems: only {len(docs)} articles of 8+ sentences", file=sys.stderr)
        return 1
    out = args.out or Path(tempfile.mkdtemp(prefix="bench_systems_"))
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for i, doc in enumerate(docs[: args.events]):
        cands = systems(doc.sentences, rng)
        lines.append(
            {
                "event_id": f"e{i:04d}",
                "articles": [{"id": "article", "text": " ".join(doc.sentences)}],
                "candidates": [{"id": k, "text": v} for k, v in cands.items()],
            }
        )
    corpus = out / "events.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    run = out / "run"
    command = [
        sys.executable, "-m", "evalkit", "run", f"data.sources={corpus}", f"hydra.run.dir={run}",
        "data.sources_as_candidates=false", "report.plots=false", "overwrite=true",
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        print(done.stderr, file=sys.stderr)
        return done.returncode
    print((run / "systems.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
