"""Shared fixtures: a fast config on the hashed fake embedder, the real model once, and a home
of their own for every test."""

from __future__ import annotations

import ast
import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

from evalkit.config import Config
from evalkit.pipeline import Resources
from evalkit.report import JOURNAL

# Under CI each property test tries the same examples on every run, so a red run is one anyone
# can rerun and a green one stays green; elsewhere hypothesis explores anew each time (a
# soft hyphen in an id and white space at its end were found so, session 38).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
RESULTS = ROOT / "results"  # where a run without hydra.run.dir would write


def benchmark_script(name: str) -> ModuleType:
    """benchmarks/<name>.py imported as a module (the folder is no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up in sys.modules
    spec.loader.exec_module(module)
    return module


def model_libraries_loaded(*argv: str) -> list[str]:
    """Runs `evalkit ARGV` in a fresh process (exit 0 or --help's) and names the model libraries
    it imported: a run that runs no model should import none. (onnxruntime is not counted: it
    imports in 0.06 s, and the ONNX backends read its version as they start.)"""
    code = (
        "import sys; from evalkit.__main__ import main\n"
        f"sys.argv = ['evalkit', *{list(argv)!r}]\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code, stop.code\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers', 'onnx') "
        "if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return ast.literal_eval(done.stdout.splitlines()[-1])


@pytest.fixture(scope="session", autouse=True)
def session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test, nor any run it starts, reads or writes the user's home: HOME (the disk cache's
    default folder, ~/.cache/evalkit) points into this session's tmp folder, from before the
    session-wide fixtures below are built."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        yield


def _results() -> set[Path]:
    return set(RESULTS.glob("*")) | set(RESULTS.glob("multirun/*"))


@pytest.fixture(autouse=True)
def own_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Each test gets an empty HOME, so a disk cache it uses starts cold in every run of the
    suite; and it must leave ./results as it found it."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    before = _results()
    yield
    assert _results() == before, "the test wrote into ./results; give its run hydra.run.dir"


@pytest.fixture
def fast_cfg() -> Config:
    """Default config on the deterministic hashed embedder, without an entailment model (no
    model load)."""
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.entail.name = "none"
    cfg.data.sources = str(ROOT / "seeds")
    cfg.data.references = str(ROOT / "references")
    return cfg


def config(sources: Path, **top: object) -> Config:
    """A run over `sources` on the hashed embedder, no model, cache or report (`top`: top-level
    settings such as resume=True)."""
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.entail.name = "none"
    cfg.embedder.event_batch = 4
    cfg.data.sources = str(sources)
    cfg.data.references = None
    cfg.report.html = cfg.report.plots = False
    cfg.cache.enabled = False
    for key, value in top.items():
        setattr(cfg, key, value)
    return cfg


def made_corpus(out: Path, events: int) -> Path:
    """`events` synthetic events built from the seed articles (no benchmark data needed),
    written to `out` by benchmarks/make_corpus.py."""
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--events", str(events)]
        + ["--out", str(out), "--bench-dir", str(out.parent / "none")],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nine synthetic events (`made_corpus`)."""
    return made_corpus(tmp_path_factory.mktemp("corpus") / "events.jsonl", 9)


@pytest.fixture(scope="module")
def single(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference: one uninterrupted run over the whole corpus."""
    from evalkit.run import evaluate

    run_dir = tmp_path_factory.mktemp("single")
    evaluate(config(corpus), run_dir)
    return run_dir


@pytest.fixture
def fast_resources(fast_cfg: Config) -> Resources:
    return Resources.build(fast_cfg)


@pytest.fixture(scope="session")
def real_resources() -> Resources:
    """The bundled all-MiniLM-L6-v2, loaded once for every end-to-end test."""
    return Resources.build(Config())


def event_dir(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (name -> text or bytes) under tmp_path/event and return that folder."""
    root = tmp_path / "event"
    root.mkdir(exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def stop_midway(proc: subprocess.Popen, run_dir: Path, events: int) -> None:
    """SIGTERM a `run` once at least `events` events are finished, and before it finishes:
    the run is frozen (SIGSTOP) whenever its progress is looked at, so the signal always
    lands mid-run, whatever the machine's speed."""
    journal = run_dir / JOURNAL
    deadline = time.monotonic() + 120
    while True:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline, "the run made no progress in 120 s"
        os.kill(proc.pid, signal.SIGSTOP)
        _, status = os.waitpid(proc.pid, os.WUNTRACED)  # stopped for sure: files hold still
        assert os.WIFSTOPPED(status), "the run ended before it could be interrupted"
        done = journal.read_text().count("\n") - 1 if journal.exists() else 0
        if done >= events:
            break
        os.kill(proc.pid, signal.SIGCONT)
        time.sleep(0.01)
    assert not (run_dir / "run.json").exists()
    os.kill(proc.pid, signal.SIGTERM)  # held while stopped, raised once it runs again
    os.kill(proc.pid, signal.SIGCONT)
