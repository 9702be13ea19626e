"""What ONNX Runtime buys the sentence encoder: CPU seconds to encode 2,000 distinct sentences
with torch float64 (evalkit's default), torch float32, ONNX Runtime float64, float32 (what
`embedder.backend=onnx` runs) and dynamic int8 (`embedder.backend=onnx-int8`, each text run
alone), one thread each, in one process; then the
entailment cross-encoder (the shipped minilm model) on 400 distinct pairs of seed sentences:
torch float64 (the model alone), torch as `entail.backend=torch` runs it (float32, the pairs
whose rounding to its grid is in doubt again in float64), ONNX Runtime float32 checked the
same way (`entail.backend=onnx`) and int8 weights (`entail.backend=onnx-int8`, each pair run
alone).

    python benchmarks/bench_onnx.py [--sentences 2000] [--pairs 400] [--repeat 2]

(0 sentences or 0 pairs skips that part.)

For each it prints the median CPU seconds, the ratio to torch float64, the largest difference
from torch float64's unit vectors (probabilities, for pairs), and whether every row run alone
equals the row run among the others (what the disk cache relies on). ONNX Runtime has no
float64 Erf on the CPU, so the float64 graph runs its GELUs' Erf in float32 (the rest in
float64). CPU time, not wall time: these machines are shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from evalkit import ort  # noqa: E402
from evalkit.config import CacheConfig, EntailConfig  # noqa: E402
from evalkit.embed import READ_LAYERS, SentenceTransformerEmbedder  # noqa: E402
from evalkit.embed.onnx import PASS, OnnxEmbedder  # noqa: E402
from evalkit.entail import MiniLMEntailer, _run, build_entailer, unsure  # noqa: E402
from evalkit.stages.load import bundled  # noqa: E402
from evalkit.stages.segment import split_line  # noqa: E402

VARIATIONS = ("{}", "Reportedly, {}", "{} Officials confirmed it.", "In {n}, {}", "{} ({n} said)")


def seed_sentences() -> list[str]:
    """The seeds' distinct sentences, in file order."""
    lines = [
        line
        for path in sorted(bundled("seeds").rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    return list(dict.fromkeys(line[a:b] for line in lines for a, b in split_line(line)))


def sentences(count: int) -> list[str]:
    """The seeds' distinct sentences, then variations of them, up to `count` distinct texts."""
    base = seed_sentences()
    out: dict[str, None] = {}
    for n in range(count):
        for form in VARIATIONS:
            for text in base:
                out[form.format(text, n=1990 + n)] = None
                if len(out) == count:
                    return list(out)
    return list(out)


def pairs(count: int) -> list[tuple[str, str]]:
    """`count` distinct (evidence, claim) pairs of seed sentences: two neighbouring sentences
    as the evidence, as an evidence window is, against a sentence 0, 1, 2, ... further on."""
    base = seed_sentences()
    out: dict[tuple[str, str], None] = {}
    for step in range(len(base)):
        for i in range(len(base) - 1):
            out[(f"{base[i]} {base[i + 1]}", base[(i + step) % len(base)])] = None
            if len(out) == count:
                return list(out)
    return list(out)


def float64_graph(embedder: OnnxEmbedder, folder: Path) -> object:
    """The encode graph exported in float64, its Erf nodes run in float32 between two Casts."""
    import onnx
    from onnx import TensorProto, helper

    embedder.sessions  # noqa: B018  (the float32 graphs, exported)
    net = embedder.network(torch.float64)
    ids, mask = embedder._padded([embedder._row(embedder._words(["an example"])[0].ids)], 8)
    path = folder / "encode64.onnx"
    inputs = ["input_ids", "attention_mask"]
    call = lambda m, i, k: m.both(i, k, READ_LAYERS)[0]  # noqa: E731
    ort.export(net, call, [ids, mask], path, inputs, {"out": {0: "rows"}})
    graph = onnx.load(str(path))
    nodes = []
    for node in graph.graph.node:
        if node.op_type != "Erf":
            nodes.append(node)
            continue
        x, y = node.input[0], node.output[0]
        nodes += [
            helper.make_node("Cast", [x], [x + "_f32"], to=TensorProto.FLOAT),
            helper.make_node("Erf", [x + "_f32"], [y + "_f32"]),
            helper.make_node("Cast", [y + "_f32"], [y], to=TensorProto.DOUBLE),
        ]
    del graph.graph.node[:]
    graph.graph.node.extend(nodes)
    onnx.save(graph, str(path))
    return session(path)


def session(path: Path) -> object:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def encoders(count: int, repeat: int, folder: Path) -> None:
    """The sentence encoder's table (see the module doc)."""
    texts = sentences(count)
    torch64 = SentenceTransformerEmbedder(device="cpu")
    torch32 = SentenceTransformerEmbedder(device="cpu")
    torch32.net = torch32.network(torch.float32)
    onnx32 = OnnxEmbedder("bundled", 64, "cpu", folder)
    onnx32.sessions  # noqa: B018  (exports the float32 graphs)
    onnx64 = OnnxEmbedder("bundled", 64, "cpu", folder)
    onnx64.sessions[PASS] = float64_graph(onnx64, folder)
    int8 = OnnxEmbedder("bundled", 64, "cpu", folder, int8=True)  # embedder.backend=onnx-int8
    int8.sessions  # noqa: B018  (quantises)
    runs: dict[str, Callable[[list[str]], np.ndarray]] = {
        "torch float64": torch64.encode,
        "torch float32": torch32.encode,
        "onnx float64": onnx64.encode,
        "onnx float32": onnx32.encode,
        "onnx int8": int8.encode,
    }
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(repeat):
        for name, encode in runs.items():
            start = time.process_time()
            vectors[name] = encode(texts)
            seconds[name].append(time.process_time() - start)
    sample = texts[:: max(1, len(texts) // 50)]
    reference = vectors["torch float64"]
    floor = statistics.median(seconds["torch float64"])
    print(f"{len(texts)} distinct sentences, {repeat} alternating repeats, 1 thread")
    print(f"{'':14} {'CPU s':>7} {'/ torch f64':>11} {'max |diff|':>10}  rows alone == in batch")
    for name, encode in runs.items():
        alone = np.concatenate([encode([t]) for t in sample])
        together = vectors[name][:: max(1, len(texts) // 50)][: len(sample)]
        median = statistics.median(seconds[name])
        diff = np.abs(vectors[name] - reference).max()
        same = np.array_equal(alone, together)
        print(f"{name:14} {median:7.2f} {median / floor:10.2f}x {diff:10.2e}  {same}")


def entailers(count: int, repeat: int, folder: Path) -> None:
    """The cross-encoder's table: torch float64 (the model alone), torch as `entail` runs it
    (float32, the doubtful pairs again in float64, on a grid of 1/GRID), ONNX Runtime float32
    checked the same way, and int8."""
    asked = pairs(count)
    cache = CacheConfig(enabled=False, dir=str(folder))
    built = {}
    for backend in ("torch", "onnx", "onnx-int8"):
        cached = build_entailer(EntailConfig(name="minilm", backend=backend), cache)
        assert cached is not None
        built[backend] = cached.entailer
    plain = built["torch"]
    assert isinstance(plain, MiniLMEntailer)
    runs: dict[str, Callable[[list[tuple[str, str]]], np.ndarray]] = {
        "torch float64": lambda some: _run(plain, some),
        "torch (grid)": plain.entail,
        "onnx (grid)": built["onnx"].entail,
        "onnx int8": built["onnx-int8"].entail,
    }
    for run in runs.values():
        run(asked[:2])  # loads the model; exports the graph
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    probs: dict[str, np.ndarray] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.process_time()
            probs[name] = run(asked)
            seconds[name].append(time.process_time() - start)
    floor = statistics.median(seconds["torch float64"])
    sample = asked[:: max(1, len(asked) // 50)]
    doubtful = unsure(_run(plain, asked, plain.fast)).sum()
    print(f"\n{len(asked)} distinct entailment pairs (minilm), {repeat} alternating repeats")
    print(f"torch (grid) ran {doubtful} of them again in float64; its max |diff| is the grid's")
    same = np.array_equal(probs["onnx (grid)"], probs["torch (grid)"])
    print(f"onnx (grid), float32 logits from ONNX Runtime, equals torch (grid): {same}")
    print(f"{'':14} {'CPU s':>7} {'/ torch f64':>11} {'max |diff|':>10}  rows alone == in batch")
    for name, run in runs.items():
        alone = np.concatenate([run([p]) for p in sample])
        same = np.array_equal(alone, probs[name][:: max(1, len(asked) // 50)][: len(sample)])
        median = statistics.median(seconds[name])
        diff = np.abs(probs[name] - probs["torch float64"]).max()
        print(f"{name:14} {median:7.2f} {median / floor:10.2f}x {diff:10.2e}  {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--pairs", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(1)
    folder = Path(tempfile.mkdtemp(prefix="bench_onnx-"))
    if args.sentences:
        encoders(args.sentences, args.repeat, folder)
    if args.pairs:
        entailers(args.pairs, args.repeat, folder)


if __name__ == "__main__":
    main()
