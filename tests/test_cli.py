"""The CLI as a user meets it: tables written, and one-line errors with no folder left."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from evalkit.config import options

from .conftest import ROOT, event_dir, model_libraries_loaded

ARTICLE = (
    "Kim Yo Jong denied that North Korea exported weapons to Russia on Friday.\n"
    "South Korea said about 7,000 containers were shipped to Russia last year.\n"
)
OTHER = (
    "North Korea exported no weapons to Russia, Kim Yo Jong said on Friday.\n"
    "Seoul says 7,000 containers of munitions were shipped to Russia last year.\n"
)


def run(tmp_path: Path, *overrides: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "evalkit",
            "run",
            "embedder=hashed",
            "entail=none",
            "report.html=false",
            "report.plots=false",
            f"hydra.run.dir={tmp_path / 'run'}",
            *overrides,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_run_on_own_folder_with_empty_candidate(tmp_path: Path) -> None:
    root = event_dir(
        tmp_path,
        {
            "a.txt": ARTICLE,
            "b.txt": OTHER,
            "candidates/good.txt": "Kim Yo Jong denied the exports.",
            "candidates/blank.txt": "\n\n",
        },
    )
    before = {p: p.read_bytes() for p in root.rglob("*.txt")}
    done = run(tmp_path, f"data.sources={root}", "data.references=null")
    assert done.returncode == 0, done.stderr
    assert "candidate 'blank' has no sentences" in done.stderr
    with (tmp_path / "run" / "summary.csv").open(encoding="utf-8") as handle:
        rows = {r["candidate"]: r for r in csv.DictReader(handle)}
    assert set(rows) == {"a", "good", "blank"} or set(rows) == {"b", "good", "blank"}
    assert rows["blank"]["score"] == "NaN" and rows["blank"]["rank"] == ""
    assert rows["blank"]["note"].startswith("no sentences")
    assert {p: p.read_bytes() for p in root.rglob("*.txt")} == before  # inputs untouched


@pytest.mark.parametrize(
    ("files", "overrides", "message"),
    [
        (None, ["data.sources=/no/such/folder"], "error: data.sources: /no/such/folder does not"),
        ({}, [], "holds no .txt files"),
        ({"a.txt": ""}, [], "a.txt: the file is empty"),
        ({"a.txt": b"\x00\x00\x00"}, [], "a.txt: looks like a binary file"),
        ({"a.txt": b"caf\xe9 bad"}, [], "a.txt: not valid UTF-8"),
        (
            {"a.txt": ARTICLE, "b.txt": OTHER},
            ["data.reference=zzz"],
            "error: data.reference: unknown source id 'zzz'; choose from: a, b",
        ),
        ({"a.txt": ARTICLE}, ["verifier.name=nil"], "unknown verifier 'nil'"),
    ],
)
def test_user_errors_are_one_line_with_no_folder(
    tmp_path: Path, files: dict | None, overrides: list[str], message: str
) -> None:
    extra = [] if files is None else [f"data.sources={event_dir(tmp_path, files)}"]
    done = run(tmp_path, *extra, *overrides)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "run").exists()


def test_finished_run_is_not_overwritten(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER})
    assert run(tmp_path, f"data.sources={root}").returncode == 0
    summary = (tmp_path / "run" / "summary.csv").read_bytes()
    settings = (tmp_path / "run" / ".hydra" / "overrides.yaml").read_bytes()
    again = run(tmp_path, f"data.sources={root}", "scoring.unsupported_penalty=0.9")
    assert again.returncode == 2 and "already holds a finished run" in again.stderr
    assert (tmp_path / "run" / "summary.csv").read_bytes() == summary
    # refused before Hydra starts: the folder still records the command that made its tables
    assert (tmp_path / "run" / ".hydra" / "overrides.yaml").read_bytes() == settings


@pytest.mark.parametrize("left", ["sweep.csv", "0/run.json", "1/.progress.jsonl"])
def test_a_sweep_is_not_run_into_a_folder_holding_one(tmp_path: Path, left: str) -> None:
    sweep = tmp_path / "sweep"
    (sweep / left).parent.mkdir(parents=True, exist_ok=True)
    (sweep / left).write_text("an earlier sweep's\n", encoding="utf-8")
    done = evalkit("run", "-m", "embedder=hashed", f"hydra.sweep.dir={sweep}", "coverage=lexical")
    assert_one_line(done, f"hydra.sweep.dir: {sweep} already holds a sweep")
    assert (sweep / left).read_text(encoding="utf-8") == "an earlier sweep's\n"
    assert sorted(p.relative_to(sweep).as_posix() for p in sweep.rglob("*") if p.is_file()) == [
        left
    ]


def test_a_finished_sweep_has_nothing_to_resume(tmp_path: Path) -> None:
    sweep = tmp_path / "sweep"
    for name in ("sweep.csv", "0/run.json", "1/run.json"):
        (sweep / name).parent.mkdir(parents=True, exist_ok=True)
        (sweep / name).write_text("an earlier sweep's\n", encoding="utf-8")
    done = evalkit("run", "-m", "embedder=hashed", f"hydra.sweep.dir={sweep}", "resume=true")
    assert_one_line(done, f"hydra.sweep.dir: {sweep} holds a finished sweep")
    assert not (sweep / "0" / ".hydra").exists()


def test_unknown_verb() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "evalkit", "frobnicate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "unknown verb 'frobnicate'" in done.stderr


def evalkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evalkit", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# Each mistake fails before any model loads: the default (real) embedder is left in place.
MISTAKES = [
    (
        ["scoring.unsuported_penalty=1"],
        "error: unknown option 'scoring.unsuported_penalty'; did you mean "
        "scoring.unsupported_penalty?",
    ),
    (
        ["+scoring.unsuported_penalty=1"],
        "error: unknown option 'scoring.unsuported_penalty'; did you mean "
        "scoring.unsupported_penalty?",
    ),
    (["embeder=hashed"], "error: unknown option 'embeder'; did you mean embedder?"),
    (["+scoring.unsupported_penalty=1"], "scoring.unsupported_penalty is already an option"),
    (["~verifier.top_k"], "verifier.top_k cannot be removed"),
    (["data=5"], "error: data is a section, not an option; set one of its options, e.g. data."),
    (["~data"], "error: data is a section, not an option"),
    (["verifier.top_k=abc"], "error: verifier.top_k: expected an integer, got 'abc'"),
    (["verifier.top_k=null"], "error: verifier.top_k: expected an integer, got null"),
    (["report.html=maybe"], "error: report.html: expected true or false, got 'maybe'"),
    # OmegaConf took any integer, "yes" and "on" for true: overwrite=-1 overwrote a run
    (["overwrite=-1"], "error: overwrite: expected true or false, got -1"),
    (["cache.enabled=2"], "error: cache.enabled: expected true or false, got 2"),
    (["report.plots=on"], "error: report.plots: expected true or false, got 'on'"),
    (["scoring.coverage_weight=high"], "scoring.coverage_weight: expected a number, got 'high'"),
    (["verifier.threshold=2"], "error: verifier.threshold: 2.0 must be between 0 and 1"),
    (["coverage.threshold=-0.1"], "coverage.threshold: -0.1 must be between 0 and 1"),
    (["verifier.cosine_threshold=1.5"], "verifier.cosine_threshold: 1.5 must be between 0 and 1"),
    (["clean.min_relevance=3"], "clean.min_relevance: 3.0 must be between 0 and 1"),
    (["verifier.contradiction_overlap=-1"], "verifier.contradiction_overlap: -1.0 must be"),
    (["scoring.unsupported_penalty=-1"], "scoring.unsupported_penalty: -1.0 must be at least 0"),
    (["scoring.contradicted_penalty=-0.5"], "scoring.contradicted_penalty: -0.5 must be at"),
    (["verifier.top_k=0"], "error: verifier.top_k: 0 must be at least 1"),
    (["verifier.max_words=0"], "error: verifier.max_words: 0 must be at least 1"),
    (["verifier.window=0"], "error: verifier.window: 0 must be at least 1"),
    (["coverage.sharpness=0"], "error: coverage.sharpness: 0.0 must be above 0"),
    (["embedder.batch_size=0"], "error: embedder.batch_size: 0 must be at least 1"),
    (["embedder.event_batch=-3"], "error: embedder.event_batch: -3 must be at least 1"),
    (["cache.max_mb=-1"], "error: cache.max_mb: -1 must be at least 0"),
    (["bench.bootstrap=0"], "error: bench.bootstrap: 0 must be at least 1"),
    (["verifier.bias=nan"], "error: verifier.bias: nan must be a finite number"),
    (
        ["verifier.threshold=1" + "0" * 400],
        "error: verifier.threshold: expected a number, got an integer of 401 digits",
    ),
    (["shard=2", "num_shards=2"], "error: shard=2 num_shards=2: need 0 <= shard < num_shards"),
    (["shard=-1"], "error: shard: -1 must be at least 0"),
    (["data.decode_errors=bogus"], "data.decode_errors: 'bogus' is not one of strict, replace"),
    (["data.bad_events=ignore"], "error: data.bad_events: 'ignore' is not one of stop, skip"),
    (["embedder.device=gpu"], "error: embedder.device: 'gpu' is not one of auto, cpu, cuda"),
    (["data.sources="], "error: data.sources is empty; give a value"),
    (["data.references="], "error: data.references is empty; give a value or null"),
    (["hydra.run.dir="], "error: hydra.run.dir is empty; name the output folder"),
    (["embedder.dim=100000000000"], "error: embedder.dim: 100000000000 must be between 1 and"),
    (["embedder=foo"], "error: unknown embedder 'foo'; choose from: hashed, sentence_transformer"),
    (["verifier=nil"], "error: unknown verifier 'nil'; choose from: cosine, embedding"),
    (["a=["], "error: cannot read 'a=['"),
    (["--frobnicate"], "error: unrecognized arguments: --frobnicate"),
    # found by Hydra or by the check of the composed config, still one line
    (["hydra/launcher=nope"], "Could not find 'hydra/launcher/nope'"),
    (["--resolve"], "error: The --resolve flag can only be used in conjunction with --cfg"),
    (["verifier.threshold=${oc.decode:'2'}"], "error: verifier.threshold: 2.0 must be between"),
]


def assert_one_line(done: subprocess.CompletedProcess[str], message: str) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: ") and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.mark.parametrize(("mistake", "message"), MISTAKES)
def test_config_mistakes_are_one_line_before_any_work(
    tmp_path: Path, mistake: list[str], message: str
) -> None:
    done = evalkit("run", f"hydra.run.dir={tmp_path / 'run'}", *mistake)
    assert_one_line(done, message)
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize("verb", ["meta", "calibrate"])
@pytest.mark.parametrize(("mistake", "message"), [MISTAKES[0], MISTAKES[5], MISTAKES[9]])
def test_every_hydra_verb_checks_the_config(
    tmp_path: Path, verb: str, mistake: list[str], message: str
) -> None:
    bench = ROOT / "tests" / "data" / "bench_faith_tiny.jsonl"
    done = evalkit(verb, f"bench.path={bench}", f"hydra.run.dir={tmp_path / 'run'}", *mistake)
    assert_one_line(done, message)
    assert not (tmp_path / "run").exists()


def test_group_options_are_checked_in_multirun_sweeps(tmp_path: Path) -> None:
    done = evalkit("run", "-m", f"hydra.sweep.dir={tmp_path / 'sweep'}", "embedder=hashed,foo")
    assert_one_line(done, "unknown embedder 'foo'")
    assert not (tmp_path / "sweep").exists()


@pytest.mark.parametrize(
    ("sweep", "message"),
    [
        (["verifier.threshold=0.5,2"], "verifier.threshold: 2.0 must be between 0 and 1"),
        (["verifier.top_k=range(0,3)"], "verifier.top_k: 0 must be at least 1"),
        (["shard=0,1,2", "num_shards=2,3"], "shard=2 num_shards=2: need 0 <= shard"),
    ],
)
def test_every_value_of_a_sweep_is_checked(tmp_path: Path, sweep: list[str], message: str) -> None:
    done = evalkit("run", "-m", f"hydra.sweep.dir={tmp_path / 'sweep'}", *sweep)
    assert_one_line(done, message)
    assert not (tmp_path / "sweep").exists()


def test_hydra_flags_and_overrides_still_work() -> None:
    done = evalkit("run", "--cfg", "hydra", "hydra/launcher=joblib", "hydra.run.dir=x")
    assert done.returncode == 0, done.stderr
    assert "joblib" in done.stdout and "dir: x" in done.stdout
    done = evalkit("run", "--cfg", "job", "++scoring.unsupported_penalty=0.3", "verifier=cosine")
    assert done.returncode == 0, done.stderr
    assert "unsupported_penalty: 0.3" in done.stdout and "name: cosine" in done.stdout


@pytest.mark.parametrize("verb", ["run", "train"])
def test_help_imports_no_model_library(verb: str) -> None:
    """`--help` lists options; it must not wait seconds for torch or transformers."""
    assert model_libraries_loaded(verb, "--help") == []


@pytest.mark.parametrize("verb", ["run", "meta", "calibrate"])
def test_help_lists_every_option_with_its_default_and_description(verb: str) -> None:
    done = evalkit(verb, "--help")
    assert done.returncode == 0 and done.stderr == ""
    lines = done.stdout.splitlines()
    penalty = next(line for line in lines if "scoring.unsupported_penalty=" in line)
    assert penalty.split() == [
        "scoring.unsupported_penalty=0.1",
        *"subtracted per unsupported claim [>= 0]".split(),
    ]
    for option in options():
        assert any(line.strip().startswith(f"{option.key}=") for line in lines), option.key
    assert "embedder=sentence_transformer" in done.stdout and "hashed" in done.stdout
    assert "data.decode_errors=strict" in done.stdout and "[strict | replace]" in done.stdout


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("output", "where"),
    [
        ("event", "is"),
        ("event/candidates", "lies inside"),
        ("event/out", "lies inside"),
        (".", "holds"),
    ],
)
def test_a_run_folder_among_the_inputs_is_refused_and_leaves_them_as_they_were(
    tmp_path: Path, output: str, where: str
) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER, "candidates/c.txt": OTHER})
    before = _files(tmp_path)
    folder = tmp_path / output
    done = evalkit("run", "embedder=hashed", f"data.sources={root}", f"hydra.run.dir={folder}")
    assert_one_line(done, f"hydra.run.dir: {folder} {where} data.sources ({root})")
    assert _files(tmp_path) == before  # no .hydra/ in the user's input
    assert set(tmp_path.rglob("*")) == {*before, root, root / "candidates"}  # nor a folder


def test_a_failed_run_keeps_the_empty_folder_the_user_made(tmp_path: Path) -> None:
    (tmp_path / "run").mkdir()
    done = run(tmp_path, "data.sources=/no/such/folder")
    assert_one_line(done, "data.sources: /no/such/folder does not exist")
    assert (tmp_path / "run").is_dir() and not any((tmp_path / "run").iterdir())


def test_a_second_run_into_a_folder_in_use_is_refused_before_hydra(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER})
    folder = tmp_path / "run"
    (folder / ".hydra").mkdir(parents=True)
    (folder / ".hydra" / "overrides.yaml").write_text("the live run's\n", encoding="utf-8")
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (folder / ".evalkit.lock").write_text(f"{live.pid}\n", encoding="utf-8")
        done = run(tmp_path, f"data.sources={root}", "resume=true")
        assert_one_line(done, f"hydra.run.dir: {folder} is in use by another run (process ")
        assert "resume" not in done.stderr
        assert (folder / ".hydra" / "overrides.yaml").read_text() == "the live run's\n"
    finally:
        live.kill()
        live.wait()
    done = run(tmp_path, f"data.sources={root}")  # its process is gone: the lock is stale
    assert done.returncode == 0, done.stderr
    assert not (folder / ".evalkit.lock").exists()


def test_overwrite_leaves_nothing_of_the_earlier_run(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "event_id": f"e{i}",
                "articles": [{"id": "a", "text": ARTICLE}, {"id": "b", "text": OTHER}],
            }
        )
        for i in range(6)
    ]
    (tmp_path / "events.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    many = run(tmp_path, f"data.sources={tmp_path / 'events.jsonl'}", "report.plots=true")
    assert many.returncode == 0, many.stderr
    assert (tmp_path / "run" / "score_distribution.svg").exists()
    (tmp_path / "run" / "notes.txt").write_text("the user's\n", encoding="utf-8")
    root = event_dir(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER})
    one = run(tmp_path, f"data.sources={root}", "overwrite=true")
    assert one.returncode == 0, one.stderr
    left = {p.name for p in (tmp_path / "run").iterdir()}
    assert not left & {"score_distribution.svg", "coverage_support.svg", "report.html", "report"}
    assert (tmp_path / "run" / "notes.txt").read_text() == "the user's\n"
