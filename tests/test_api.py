"""The Python API: the CLI's config, checks and tables, from Python, models loaded once."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import evalkit
from evalkit.api import ALL_TABLES, Evaluator, load_run, to_overrides
from evalkit.cli import compose
from evalkit.errors import InputError
from evalkit.files import read_rows
from evalkit.pipeline import Resources
from evalkit.records import EventResult

from .conftest import ROOT
from .test_cli import ARTICLE, OTHER

FAST = {"embedder": "hashed", "entail": "none", "report": {"html": False, "plots": False}}
FAST_ARGS = ["embedder=hashed", "entail=none", "report.html=false", "report.plots=false"]


def event(event_id: str, **extra: Any) -> dict[str, Any]:
    articles = [{"id": "a", "text": ARTICLE}, {"id": "b", "text": OTHER}]
    return {"event_id": event_id, "articles": articles, **extra}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m evalkit run ...` from this checkout (not the editable install's)."""
    return python("-m", "evalkit", "run", *args)


def python(*argv: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """A Python process that imports evalkit from this checkout."""
    return subprocess.run(
        [sys.executable, *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    """Three event lines (one broken) and a candidates CSV, one of whose rows names no event
    and one the broken line's."""
    sources = tmp_path / "events.jsonl"
    lines = [json.dumps(event("e1")), '{"event_id": "e2", "articles": 7}', json.dumps(event("e3"))]
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cands = tmp_path / "cands.csv"
    cands.write_text(
        "event_id,id,text\n"
        "e1,lead,Kim Yo Jong denied the exports on Friday.\n"
        'e3,lead,"Seoul says 9,000 containers were shipped."\n'
        "e1,bart,Kim met Putin in Moscow in 2019.\n"
        "e2,lead,Kim denied it again.\n"
        "e9,bart,An event nobody gave.\n",
        encoding="utf-8",
    )
    return sources, cands


def test_api_tables_equal_the_cli_tables_byte_for_byte(
    tmp_path: Path, inputs: tuple[Path, Path]
) -> None:
    sources, cands = inputs
    lenient = ["data.bad_events=skip", "data.unmatched=report", "data.references=null"]
    done = cli(
        *FAST_ARGS,
        *lenient,
        f"data.sources={sources}",
        f"data.candidates={cands}",
        f"hydra.run.dir={tmp_path / 'cli'}",
    )
    assert done.returncode == 0, done.stderr
    data = {"bad_events": "skip", "unmatched": "report", "references": None}
    result = evalkit.evaluate(str(sources), cands, data=data, **FAST)
    assert [e.event_id for e in result.events] == ["e1", "e3"]
    skipped = [("e2", ""), ("e2", "lead"), ("e9", "bart")]  # the line, its candidate, the stray
    assert [(s.event_id, s.candidate) for s in result.skipped] == skipped
    written = result.write(tmp_path / "api")
    assert (tmp_path / "cli" / "systems.csv").exists()  # lead, and the article not the reference
    for name in [*ALL_TABLES, "summary.md", "systems.md", "journal.jsonl"]:
        assert (written / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    back = load_run(tmp_path / "cli")
    for name in ALL_TABLES:  # in memory, as written, as read back: the same cells
        assert result.cells(name) == read_rows(written / name) == back.cells(name)
    assert back.config == result.config == json.loads((written / "run.json").read_text())["config"]
    assert result.systems is not None and "lead" in [s.system for s in result.systems.systems]
    assert back.systems == result.systems  # typed again from the tables read back


def test_write_refuses_a_finished_run_unless_told(tmp_path: Path) -> None:
    ev = Evaluator(**FAST)
    result = ev([event("e1")])
    result.write(tmp_path / "run")
    with pytest.raises(InputError, match="already holds a finished run; .*overwrite=true"):
        result.write(tmp_path / "run")
    ev([event("e1")], overwrite=True).write(tmp_path / "run")
    # no folder, or one that cannot be: the one-line InputError, not an OSError
    with pytest.raises(InputError, match="run_dir is empty"):
        result.write("")
    (tmp_path / "a file").write_text("x", encoding="utf-8")
    for place in (tmp_path / "a file", tmp_path / "a file" / "run"):
        with pytest.raises(InputError, match=f"run_dir: cannot write {re.escape(str(place))} "):
            result.write(place)
    assert (tmp_path / "a file").read_text(encoding="utf-8") == "x"


# The CLI's words for a mistake, and the same mistake as keyword settings.
MISTAKES = [
    (["scoring.unsuported_penalty=1"], {"scoring": {"unsuported_penalty": 1}}),
    (["verifier.top_k=abc"], {"verifier": {"top_k": "abc"}}),
    (["verifier.threshold=2"], {"verifier.threshold": 2}),
    (["embedder=foo"], {"embedder": "foo"}),
    (["data.decode_errors=bogus"], {"data": {"decode_errors": "bogus"}}),
    (["shard=2", "num_shards=2"], {"shard": 2, "num_shards": 2}),
]


@pytest.mark.parametrize(("args", "settings"), MISTAKES)
def test_a_bad_setting_is_the_cli_error_before_any_model_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], settings: dict
) -> None:
    done = cli(f"hydra.run.dir={tmp_path / 'run'}", *args)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    monkeypatch.setattr(Resources, "build", None)  # a model load would fail otherwise
    with pytest.raises(InputError) as err:
        Evaluator(**settings)
    assert f"error: {err.value}\n" == done.stderr


def test_settings_are_taken_as_written() -> None:
    odd = "my events, v2/it's ${here}\\"
    cfg = compose(to_overrides({"data": {"sources": Path(odd)}, "verifier.bias": -1e-05}))
    assert cfg.data.sources == odd and cfg.verifier.bias == -1e-05
    with pytest.raises(InputError, match="^verifier.bias: -inf must be a finite number$"):
        compose(to_overrides({"verifier": {"bias": float("-inf")}}))
    with pytest.raises(InputError, match=r"scoring\.coverage_weight: a list is not a setting"):
        to_overrides({"scoring": {"coverage_weight": [1]}})


def test_an_evaluator_loads_its_models_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built = []
    build = Resources.build

    def counted(cfg: Any, timings: Any = None) -> Resources:
        built.append(cfg)
        return build(cfg, timings)

    monkeypatch.setattr(Resources, "build", counted)
    ev = Evaluator(**FAST)
    cands = [{"event_id": "e1", "id": "bart", "text": "Kim met Putin in Moscow in 2019."}]
    first = ev([event("e1")], cands)
    second = ev.evaluate([event("e1")], cands, scoring={"unsupported_penalty": 0.5})
    assert len(built) == 1
    (a,), (b,) = ([s for s in r.events[0].scores if s.candidate == "bart"] for r in (first, second))
    assert a.unsupported == b.unsupported > 0
    assert b.score == pytest.approx(a.score - 0.4 * a.unsupported)
    with pytest.raises(InputError, match="^embedder: a call cannot change the models"):
        ev([event("e1")], embedder={"dim": 8})


def test_events_in_memory_as_dicts_or_records(tmp_path: Path) -> None:
    ev = Evaluator(**FAST)
    cands = [{"event_id": "E1", "id": "lead", "text": "Kim Yo Jong denied the exports."}]
    from_dicts = ev([event("e1", key_facts=["Kim Yo Jong denied the exports."])], cands)
    (scored,) = from_dicts.events
    assert isinstance(scored, EventResult)
    assert [s.candidate for s in scored.scores][0] == "lead"
    assert [f.origin for f in scored.facts] == ["events[0] key_facts[0]"]
    assert any(m.candidate == "lead" and m.covered for m in scored.matches)
    others = {"a", "b"} - {scored.reference.doc_id}  # sources scored as candidates
    assert {a.claim.candidate for a in scored.alignments} == {"lead", *others}
    assert from_dicts.config["data"]["sources"] == "(in memory)"
    # the loader's own records give the same tables as the dicts they were read from
    from evalkit.stages.load import read_events

    cfg = ev.config.data
    (record,) = [e for _, e in read_events(cfg, events=[event("e1")], candidates=cands)]
    from_records = ev([record])
    assert from_records.cells("claims") == ev([event("e1")], cands).cells("claims")
    with pytest.raises(InputError, match=r"^events\[0\]: missing field 'articles'"):
        ev([{"event_id": "e1"}])
    with pytest.raises(InputError, match=r"^candidates\[0\]: unknown field 'model'"):
        ev([event("e1")], [{"event_id": "e1", "id": "x", "text": "Kim.", "model": "m"}])


def test_to_pandas_gives_each_table_or_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = Evaluator(**FAST)([event("e1"), event("e2")])
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match=r"pip install 'evalkit\[pandas\]'"):
            result.to_pandas()
    else:
        for name, table in ALL_TABLES.items():
            frame = result.to_pandas(name)
            assert tuple(frame.columns) == table.names
            assert len(frame) == len(result.cells(name)) - 1
        summary = result.to_pandas("summary")
        assert summary["score"].dtype == float and summary["claims"].dtype == int
        assert list(summary["event"]) == [row[0] for row in result.cells()[1:]]
    monkeypatch.setitem(sys.modules, "pandas", None)  # as where pandas is not installed
    with pytest.raises(ImportError, match=r"^Result\.to_pandas needs pandas; .*evalkit\[pandas\]"):
        result.to_pandas()
    with pytest.raises(InputError, match="unknown table 'sumary'; choose from: summary, claims"):
        result.cells("sumary")


def test_a_run_read_back_has_tables_not_records(tmp_path: Path) -> None:
    written = Evaluator(**FAST)([event("e1")]).write(tmp_path / "run")
    back = load_run(written)
    assert back.cells("facts") == read_rows(written / "facts.csv")
    with pytest.raises(InputError, match="holds its tables, not the typed records"):
        _ = back.events
    with pytest.raises(InputError, match="did not finish|not a finished run"):
        load_run(tmp_path)


def test_new_candidate_formats_on_the_command_line(tmp_path: Path) -> None:
    """One file per system through the CLI; a repeated candidate is one line and exit 2."""
    sources = tmp_path / "events.jsonl"
    sources.write_text(json.dumps(event("e1")) + "\n" + json.dumps(event("e2")) + "\n")
    systems = tmp_path / "systems"
    systems.mkdir()
    (systems / "lead.jsonl").write_text(
        '{"event_id": "e1", "text": "Kim denied it."}\n{"event_id": "e2", "text": "Kim."}\n'
    )
    (systems / "bart.csv").write_text("event_id,text\ne2,Kim denied the exports.\n")
    base = [*FAST_ARGS, f"data.sources={sources}", "data.references=null"]
    done = cli(*base, f"data.candidates={systems}", f"hydra.run.dir={tmp_path / 'ok'}")
    assert done.returncode == 0, done.stderr
    summary = read_rows(tmp_path / "ok" / "summary.csv")
    assert {(r[0], r[1]) for r in summary[1:]} >= {("e1", "lead"), ("e2", "lead"), ("e2", "bart")}
    (systems / "bart.csv").write_text("event_id,text\ne2,Kim.\nE2,Kim again.\n")
    done = cli(*base, f"data.candidates={systems}", f"hydra.run.dir={tmp_path / 'bad'}")
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert f"{systems / 'bart.csv'} line 3: candidate 'bart' of event 'E2' is given twice" in (
        done.stderr
    )
    assert not (tmp_path / "bad").exists()


@pytest.mark.parametrize("workers", ["None", "2"])  # None: 4 events a batch, segmented ahead
def test_a_script_without_a_main_guard_runs_once(tmp_path: Path, workers: str) -> None:
    """Segmenting ahead starts a spawned worker, which imported a user's script again as
    `__mp_main__`: unguarded, its whole body ran twice (scoring, writing) with an 18-line
    warning. The worker now starts with the script's origin hidden; event workers too."""
    script = tmp_path / "score.py"
    script.write_text(
        "import os\n"
        "import evalkit\n"
        "print('body', os.getpid(), flush=True)\n"
        "A = 'Kim Yo Jong denied on Friday that North Korea sold weapons to Russia.'\n"
        "B = 'North Korea said it had not sold weapons to Russia, Kim Yo Jong said.'\n"
        "events = [{'event_id': f'e{i}', 'articles': [{'id': 'a', 'text': A}, "
        "{'id': 'b', 'text': B}]} for i in range(12)]\n"
        "result = evalkit.evaluate(events, embedder='hashed', entail='none', "
        "cache={'enabled': False}, "
        f"**{{'embedder.event_batch': 4, 'embedder.workers': {workers}}})\n",
        encoding="utf-8",
    )
    done = python(str(script), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("body ") == 1, done.stdout
    assert "segmenting ahead failed" not in done.stderr
    assert "event workers could not start" not in done.stderr


def test_wrong_argument_types_are_one_line_input_errors(tmp_path: Path) -> None:
    """They raised AttributeError or TypeError; a None event was said to be over
    data.max_bytes (None stood for an oversized JSONL line)."""
    result = evalkit.evaluate([event("e1")], **FAST)
    calls = {
        "table: expected a table's name, got NoneType": lambda: result.cells(None),
        "table: expected a table's name, got int": lambda: result.cells(3),
        "run_dir: expected a folder path, got NoneType": lambda: result.write(None),
        "run_dir: expected a folder path, got int": lambda: evalkit.load_run(5),
        r"events\[0\]: a NoneType; pass a dict": lambda: evalkit.evaluate([None], **FAST),
        "data.sources: a bytes; pass a path": lambda: evalkit.evaluate(b"/tmp", **FAST),
    }
    for message, call in calls.items():
        with pytest.raises(InputError, match=message):
            call()
    assert not list(tmp_path.iterdir())
