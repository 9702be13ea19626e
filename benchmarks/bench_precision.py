"""What float64 inference costs: the model's CPU time in float64 (what evalkit runs, so tables
are byte-identical on any x86-64 CPU) against float32, on the seed event's sentences.

    python benchmarks/bench_precision.py [--repeat 8]

Encodes and reads (token by token) every distinct sentence of the seeds, alternating float64
and float32 in one process, and prints the CPU seconds of each and the median ratio. CPU time,
not wall time: these machines are shared.
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

from evalkit.embed import SentenceTransformerEmbedder
from evalkit.stages.load import bundled
from evalkit.stages.segment import split_line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=8)
    args = parser.parse_args()
    lines = [
        line
        for path in sorted(bundled("seeds").rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    texts = list(dict.fromkeys(line[a:b] for line in lines for a, b in split_line(line)))
    model = SentenceTransformerEmbedder()
    nets = {"float64": model.network(torch.float64), "float32": model.network(torch.float32)}
    seconds: dict[str, list[float]] = {"float64": [], "float32": []}
    for _ in range(args.repeat):
        for name in seconds:
            model.net = nets[name]
            start = time.process_time()
            model.encode(texts)
            model.tokens(texts)
            seconds[name].append(time.process_time() - start)
    ratios = [a / b for a, b in zip(seconds["float64"], seconds["float32"], strict=True)]
    print(f"{len(texts)} distinct sentences, {args.repeat} alternating repeats (CPU seconds)")
    for name, values in seconds.items():
        print(f"  {name}: median {statistics.median(values):.2f} s")
    print(
        f"float64 / float32: median {statistics.median(ratios):.2f}x "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f})"
    )


if __name__ == "__main__":
    main()
