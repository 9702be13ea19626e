"""Entailment: does an evidence text say what a claim says? Pairs in, probabilities out.

An `Entailer` gets (evidence, claim) pairs and returns, per pair, the probability that the
evidence entails the claim and the probability that it contradicts it (0 when the model has no
contradiction label). The claims stage asks it about each claim's best evidence units, the
coverage stage about each fact's best candidate sentences. Backends, by `entail.name`:
`minilm` (evalkit's own cross-encoder, `evalkit train`, shipped in the package), `hf` (any
local Hugging Face sequence-classification checkpoint) and `none` (no entailment signal).
Pairs are cached by content like vectors, and the same pair gets the same numbers on any CPU:
an `hf` model runs in float64 and rounds to float32; evalkit's own runs in float32, about twice
as fast, and gives its probabilities to 1/256, re-running in float64 the few pairs whose float32
probability lies too near the middle between two steps to be sure of its rounding
(`MiniLMEntailer.entail`). `entail.backend=onnx` runs the model call on ONNX Runtime in float32
instead (`entail.onnx`: faster; for evalkit's own model the same numbers, checked the same way,
for an `hf` model close but not equal ones), or with int8 weights (`onnx-int8`: faster still,
within a few hundredths).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from evalkit.cache import DiskCache
from evalkit.config import CacheConfig, EntailConfig
from evalkit.device import resolve, torch_version
from evalkit.embed.models import PAD, padded_batches
from evalkit.embed.scheduler import Request, Scheduler, add_off_stage
from evalkit.errors import InputError, registered

if TYPE_CHECKING:
    from evalkit.entail.onnx import OnnxEntailer

# The shipped model: weights above the frozen layers, float16 (`model.save`), and its card.
SHIPPED = Path(__file__).parent / "minilm.safetensors"


class Entailer(Protocol):
    name: str
    fingerprint: str  # names the weights: part of the cache namespace and of run.json

    def entail(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """float32 [n, 2]: P(evidence entails claim), P(evidence contradicts claim)."""
        ...


def _file_sha256(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def tokenized(tokenizer: Any, pairs: Sequence[tuple[str, str]], max_tokens: int) -> Any:
    """The pairs' token ids, unpadded. A pair too long for `max_tokens` loses tokens from its
    longer side: the evidence, except for a claim longer than its evidence (a whole
    unsegmented summary), which is then cut too."""
    return tokenizer(
        [p for p, _ in pairs],
        [h for _, h in pairs],
        truncation="longest_first",
        max_length=max_tokens,
    )


def _batched(
    tokenizer: Any, pairs: Sequence[tuple[str, str]], batch_size: int, max_tokens: int
) -> list[tuple[list[int], Any]]:
    """Pairs in batches of one padded length, as sentences are for vectors, cut as
    `tokenized` cuts them."""
    lengths = [len(ids) for ids in tokenized(tokenizer, pairs, max_tokens)["input_ids"]]
    out = []
    for size, rows in padded_batches(lengths, max_tokens, lambda _: batch_size):
        enc = tokenizer(
            [pairs[i][0] for i in rows],
            [pairs[i][1] for i in rows],
            truncation="longest_first",
            max_length=size,
            padding="max_length",
            return_tensors="pt",
        )
        out.append((rows, enc))
    return out


# evalkit's own model gives its probabilities on a grid of this many steps (`on_grid`)
GRID = 256
# Float32 logits put a probability at most 3.6e-6 from the float64 one (the 1,679 distinct
# pairs of a 100-event benchmark corpus, with torch's AVX-512 and AVX2 kernels alike; and 1.5e-6
# on ONNX Runtime's, tests/test_entail_onnx.py). One at least this far from the middle between
# two grid steps rounds to the step float64's does: 17 times that difference.
MARGIN = 2.0**-14


def on_grid(probs: np.ndarray) -> np.ndarray:
    """Probabilities rounded to the nearest 1/GRID, float32 (exactly)."""
    return (np.round(probs.astype(np.float64) * GRID) / GRID).astype(np.float32)


def unsure(probs: np.ndarray) -> np.ndarray:
    """The rows of float32-run probabilities whose rounding to the grid is in doubt: one of them
    within MARGIN of the middle between two steps."""
    scaled = probs.astype(np.float64) * GRID
    return np.asarray((np.abs(scaled - np.floor(scaled) - 0.5) < MARGIN * GRID).any(axis=1))


def checked(
    pairs: Sequence[tuple[str, str]],
    fast: np.ndarray,
    exact: Callable[[Sequence[tuple[str, str]]], np.ndarray],
) -> np.ndarray:
    """`exact(pairs)` (float64 probabilities on the grid) from `fast`, the pairs' float32
    probabilities: rounded to the grid where they round surely, `exact`'s own where they are
    too near the middle between two steps (`unsure`: about 6% of pairs)."""
    out = on_grid(fast)
    doubt = np.flatnonzero(unsure(fast)).tolist()
    if doubt:
        out[doubt] = exact([pairs[i] for i in doubt])
    return out


class MiniLMEntailer:
    """evalkit's cross-encoder (see `entail.model`), loaded on first use."""

    labels = (0, 2)  # entailment, contradiction among model.LABELS
    kind = "bert"  # run by `model.Trained` (plain torch): names its ONNX graph apart
    precision = f"f32-grid{GRID}"  # how `entail` gives its numbers (the cache namespace's)

    def __init__(self, cfg: EntailConfig) -> None:
        from evalkit.embed.models import bundled_model_path, weights_sha256

        self.path = SHIPPED if cfg.model == "bundled" else Path(cfg.model).expanduser()
        if not self.path.is_file():
            raise InputError(
                f"entail.model: {self.path} is not a file; pass a model written by "
                "`evalkit train` or 'bundled'"
            )
        from evalkit.embed.bert import positions

        self.base = bundled_model_path()
        fitted("entail.max_tokens", cfg.max_tokens, positions(self.base), "the model")
        self.cfg = cfg
        self.device = resolve(cfg.device, "entail.device")
        self.name = "minilm" if cfg.model == "bundled" else f"minilm:{self.path.name}"
        self.fingerprint = _file_sha256(self.path) + weights_sha256(self.base)[:16]

    @cached_property
    def loaded(self) -> tuple[Any, Any]:
        from evalkit.embed.bert import refused
        from evalkit.entail import model

        fix = "pass a model written by `evalkit train`, or 'bundled'"
        with refused("entail.model", self.path, fix):
            return model.Trained(self.path, self.base, self.device), self.tokenizer

    @cached_property
    def tokenizer(self) -> Any:
        """The bundled model's tokenizer, without the model (all `entail.onnx` needs once its
        graph is exported)."""
        from evalkit.entail import model

        return model.PairTokenizer(self.base)

    @cached_property
    def fast(self) -> Any:
        """The model in float32, beside the float64 one."""
        return self.loaded[0].as_float32()

    def logits(self, enc: Any) -> Any:
        return self.loaded[0](**enc)

    def exact(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """The float64 model's probabilities rounded to 1/GRID."""
        return on_grid(_run(self, pairs))

    def entail(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """`exact`'s numbers from the float32 model (`checked`): the same on any CPU, at about
        55% of float64's time. A GPU runs float64 throughout: fast there, and the margin is
        measured on CPUs."""
        if self.device != "cpu":
            return self.exact(pairs)
        return checked(pairs, _run(self, pairs, self.fast), self.exact)


class HFEntailer:
    """A local Hugging Face sequence-classification checkpoint (an NLI model, MiniCheck, ...),
    run in float64 (a model of unknown size has no measured float32 margin).

    Its entailment label is the one whose name says so (`config.json`'s id2label) unless
    `entail.entailment_label` names it; likewise contradiction, which a binary model lacks.
    """

    precision = "f64"  # how `entail` gives its numbers (the cache namespace's)

    def __init__(self, cfg: EntailConfig) -> None:
        folder = Path(cfg.model).expanduser()
        if not (folder / "config.json").is_file():
            raise InputError(
                f"entail.model: {folder} is not a Hugging Face model folder (no config.json); "
                "pass the folder of a local sequence-classification checkpoint"
            )
        import transformers

        from evalkit.embed.bert import refused

        with refused("entail.model", folder, _HF_FIX):
            config = transformers.AutoConfig.from_pretrained(str(folder), local_files_only=True)
        names = {int(k): str(v).lower() for k, v in config.id2label.items()}
        reach = getattr(config, "max_position_embeddings", None)
        fitted("entail.max_tokens", cfg.max_tokens, reach if type(reach) is int else None, folder)
        self.cfg = cfg
        self.folder = folder
        self.device = resolve(cfg.device, "entail.device")
        self.name = f"hf:{folder.name}"
        self.labels = (
            _label(cfg.entailment_label, names, "entail", folder, "entailment_label"),
            _label(cfg.contradiction_label, names, "contradict", folder, "contradiction_label"),
        )
        weights = sorted(folder.glob("*.safetensors")) or sorted(folder.glob("*.bin"))
        if not weights:
            raise InputError(f"entail.model: {folder} holds no weights (*.safetensors or *.bin)")
        self.fingerprint = _file_sha256(*weights)

    @cached_property
    def loaded(self) -> tuple[Any, Any]:
        import transformers

        from evalkit.embed.bert import refused

        os.environ["HF_HUB_OFFLINE"] = "1"
        transformers.utils.logging.disable_progress_bar()
        with refused("entail.model", self.folder, _HF_FIX):
            model = transformers.AutoModelForSequenceClassification.from_pretrained(
                str(self.folder), local_files_only=True
            )
        return model.double().to(self.device).eval(), self.tokenizer

    @cached_property
    def tokenizer(self) -> Any:
        return _tokenizer(self.folder)

    def logits(self, enc: Any) -> Any:
        return self.loaded[0](**enc).logits

    def entail(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        return _run(self, pairs)


def fitted(option: str, value: int, reach: int | None, model: object) -> None:
    """Refuse a token budget longer than the model reads (it failed with a tensor-size error
    on the first long pair); `reach` None when the model does not say."""
    if reach is not None and value > reach:
        raise InputError(
            f"{option}: {value} tokens, but {model} reads at most {reach}; set at most {reach}"
        )


_HF_FIX = "pass the folder of an intact local sequence-classification checkpoint"


def _tokenizer(folder: Path) -> Any:
    import transformers

    from evalkit.embed.bert import refused

    os.environ["HF_HUB_OFFLINE"] = "1"
    with refused("entail.model", folder, _HF_FIX):
        return transformers.AutoTokenizer.from_pretrained(str(folder), local_files_only=True)


def _label(chosen: str | None, names: dict[int, str], cue: str, folder: Path, key: str) -> int:
    """The index of a label: `chosen` (an index or a name), else the one named after `cue`;
    -1 for a contradiction label the model does not have."""
    if chosen is not None:
        if chosen.isdigit() and int(chosen) in names:
            return int(chosen)
        found = [i for i, n in names.items() if n == chosen.lower()]
        if found:
            return found[0]
        raise InputError(
            f"entail.{key}: {folder} has no label '{chosen}'; its labels: "
            + ", ".join(f"{i}={n}" for i, n in sorted(names.items()))
        )
    found = [i for i, n in names.items() if cue in n and not n.startswith(("not", "non"))]
    if len(found) == 1:
        return found[0]
    if cue == "contradict":
        return -1
    raise InputError(
        f"entail.{key}: cannot tell which label of {folder} means entailment (labels: "
        + ", ".join(f"{i}={n}" for i, n in sorted(names.items()))
        + f"); set entail.{key}"
    )


def _run(
    entailer: MiniLMEntailer | HFEntailer | OnnxEntailer,
    pairs: Sequence[tuple[str, str]],
    model: Callable[..., Any] | None = None,
) -> np.ndarray:
    """Probabilities from a model's logits (`entailer.logits`, or `model`'s), batch by batch
    (`probabilities`)."""
    import torch

    out = np.zeros((len(pairs), 2), np.float32)
    if not pairs:
        return out
    for rows, enc in _batched(
        entailer.tokenizer, pairs, entailer.cfg.batch_size, entailer.cfg.max_tokens
    ):
        with torch.inference_mode():
            enc = {k: v.to(entailer.device) for k, v in enc.items()}
            logits = model(**enc) if model is not None else entailer.logits(enc)
            out[rows] = probabilities(logits, entailer.labels)
    return out


def probabilities(logits: Any, labels: tuple[int, int]) -> np.ndarray:
    """float32 [n, 2] from a torch tensor of logits: P(entailment), P(contradiction) (0 for a
    model without that label), softmax in float64, rounded to float32 once."""
    import torch

    probs = torch.softmax(logits.double(), dim=-1).cpu().numpy()
    yes, no = labels
    out = np.zeros((len(probs), 2), np.float32)
    out[:, 0] = probs[:, yes]
    out[:, 1] = probs[:, no] if no >= 0 else 0.0
    return out


ENTAILERS: dict[str, type[MiniLMEntailer] | type[HFEntailer] | None] = {
    "minilm": MiniLMEntailer,
    "hf": HFEntailer,
    "none": None,
}


class EntailCache:
    """Each distinct pair is run once: memory (bounded) over disk, keyed by the pair's text.
    Events pooled by the embedding cache (`share`) ask together: once every event waits, one
    call runs what they all miss, so the model gets full batches, not a candidate's few pairs."""

    def __init__(
        self, entailer: Entailer, disk: DiskCache | None, memory_items: int, variant: str = ""
    ) -> None:
        self.entailer, self.disk, self.memory_items = entailer, disk, memory_items
        self.variant = variant  # how the model runs (backend, versions, precision)
        self.name, self.fingerprint = entailer.name, entailer.fingerprint
        self._memory: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self.pairs, self.seconds = 0, 0.0  # distinct pairs sent to the model, and its time
        self.scheduler: Scheduler | None = None

    def share(self, scheduler: Scheduler) -> None:
        """Serve pooled events' pairs with `scheduler`'s turns (`EmbeddingCache.scheduler`)."""
        self.scheduler = scheduler
        scheduler.entail = self._run_model

    def entail(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        keys = [hashlib.blake2b(f"{p}\x00{h}".encode(), digest_size=16).digest() for p, h in pairs]
        found: dict[bytes, np.ndarray] = {}
        missing: dict[bytes, tuple[str, str]] = {}
        for key, pair in zip(keys, pairs, strict=True):
            hit = self._memory.get(key)
            if hit is None and self.disk is not None:
                hit = self.disk.get(key)
            if hit is not None:
                found[key] = hit
            else:
                missing[key] = pair
        if missing:
            start = time.perf_counter()
            turns = self.scheduler.turns if self.scheduler is not None else None
            if turns:
                found.update(turns.wait(Request({}, pairs=missing)).probs)
            else:
                found.update(self._run_model(missing))
            add_off_stage(time.perf_counter() - start)  # timed as "entail", not as the stage
        for key, row in found.items():
            self._memory[key] = row
            self._memory.move_to_end(key)
        while len(self._memory) > self.memory_items:
            self._memory.popitem(last=False)
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, 2), np.float32)

    def _run_model(self, missing: dict[bytes, tuple[str, str]]) -> dict[bytes, np.ndarray]:
        """The model's probabilities for pairs in no cache, stored on disk."""
        start = time.perf_counter()
        rows = self.entailer.entail(list(missing.values()))
        self.seconds += time.perf_counter() - start
        self.pairs += len(missing)
        fresh = {key: row.copy() for key, row in zip(missing, rows, strict=True)}
        if self.disk is not None:
            self.disk.put(fresh.items())
        return fresh


def build_entailer(cfg: EntailConfig, cache: CacheConfig | None = None) -> EntailCache | None:
    """The configured entailer behind its caches; None for `none`. Fails on an unknown name or
    a missing model before any work (the model itself loads on first use)."""
    make = registered(ENTAILERS, "entail", cfg.name)
    if make is None:
        return None
    cache = cache or CacheConfig(enabled=False)
    entailer: Entailer
    onnx = cfg.backend in ("onnx", "onnx-int8")
    if cfg.backend == "onnx" and make is MiniLMEntailer:
        # a GPU runs evalkit's own model in float64 (`entail`): the same numbers, faster
        onnx = resolve(cfg.device, "entail.device") == "cpu"
    if onnx:
        from evalkit.entail.onnx import OnnxEntailer

        entailer = OnnxEntailer(cfg, make, cache.dir if cache.enabled else None)
        variant = entailer.variant
    else:
        torched = entailer = make(cfg)
        transformers = importlib.metadata.version("transformers")
        variant = f"torch{torch_version()}-transformers{transformers}-pad{PAD}-{torched.precision}"
    disk = None
    if cache.enabled:
        namespace = f"entail-{entailer.name}-{entailer.fingerprint[:16]}-{variant}"
        disk = DiskCache(Path(cache.dir), namespace, cache.max_mb * 1024 * 1024)
    return EntailCache(entailer, disk, cache.memory_items, variant)
