"""The HTML report: numbers equal the tables, text is escaped, the verb rebuilds, switches work.

Runs use the hashed fake embedder and go through `run.evaluate`, so the hook in `run` is
exercised too. The browser test drives Debian's chromium through playwright (both installed by
the README's test command); it fails, rather than skips, when either is missing.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from evalkit import plots
from evalkit.columns import DEFINITIONS, PAIRS, SYSTEMS
from evalkit.config import Config
from evalkit.errors import ENVIRONMENT, USER, InputError
from evalkit.html_report import build_report, main, page_names
from evalkit.report import MARKER, TABLES
from evalkit.run import evaluate

from .conftest import ROOT

VOID = {"br", "wbr", "img", "input", "meta", "link", "hr"}
HOSTILE = "<script>alert(1)</script>"
BOLD = "<b>html</b>"
ARTICLES = {
    "a1.txt": (
        "The council of Riverton voted on Monday to close the old Mill Street bridge for repairs. "
        f"The mayor said {HOSTILE} the bridge will reopen in June after the work is done. "
        f"Engineers found cracks in two {BOLD} support beams last winter."
    ),
    "a2.txt": (
        "Riverton's council voted Monday to shut the Mill Street bridge so it can be repaired. "
        "Engineers had found cracks in two support beams during an inspection last winter. "
        "The mayor said the bridge should reopen in June.\n"
        "<img src=x onerror=alert(2)>\n"
    ),
    "a3.txt": (
        "The Mill Street bridge in Riverton will close for repairs after a council vote on Monday. "
        "Cracks were found in two of its support beams. Traffic will use the Oak Avenue bridge."
    ),
}
SEED_ARTICLES = sorted((ROOT / "seeds").glob("*.txt"))
CANDIDATE = (
    f"Riverton closed the Mill Street bridge {HOSTILE} after cracks were found in its beams. "
    f"The mayor promised {BOLD} it would reopen in March with a new toll of five dollars."
)
CANDIDATE_RECORD = {"id": "cand", "text": CANDIDATE}


def fast_config(sources: Path | str, references: Path | str | None) -> Config:
    """Default config on the hashed embedder over the given sources."""
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.entail.name = "none"
    cfg.data.sources = str(sources)
    cfg.data.references = None if references is None else str(references)
    return cfg


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    run_dir = tmp_path_factory.mktemp("seeds") / "run"
    evaluate(fast_config(ROOT / "seeds", ROOT / "references"), run_dir)
    return run_dir


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    sources = base / "bridge <i>&amp; co"  # the folder name is the event id
    (sources / "candidates").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (sources / name).write_text(text, encoding="utf-8")
    (sources / "candidates" / "evil <b>.txt").write_text(CANDIDATE, encoding="utf-8")
    evaluate(fast_config(sources, None), base / "run")
    return base / "run"


@pytest.fixture(scope="module")
def many_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six events built from the seed articles, one with an id unfit for a file name."""
    base = tmp_path_factory.mktemp("many")
    articles = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")}
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    candidates = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")}
        for p in sorted((ROOT / "seeds" / "candidates").glob("*.txt"))
    ]
    ids = ["e1", "e2", "e3", "e4", "e5", "../odd <b>id</b> & co"]
    lines = [
        json.dumps({"event_id": e, "articles": articles[: 3 + i % 3], "candidates": candidates})
        for i, e in enumerate(ids)
    ]
    (base / "events.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cfg = fast_config(base / "events.jsonl", None)
    evaluate(cfg, base / "run")
    return base / "run"


@pytest.fixture(scope="module")
def explained_run(seeds_run: Path) -> Path:
    """The seeds run: `contradicting` misstates five key facts (F12: 7,000 -> 4,000)."""
    return seeds_run


class Tagged(HTMLParser):
    """Every element that names a table row (data-t, data-r) or has an id: its attributes, its
    text and the links in it; every column heading, and the terms of every legend."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str] | None]] = []
        self.open: list[dict[str, str]] = []
        self.found: list[dict[str, str]] = []  # the elements naming a table row
        self.ids: dict[str, dict[str, str]] = {}
        self.elements: list[dict[str, str]] = []  # every recorded element, as it closes
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        found = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in found:
            for record in self.open:
                record["links"] += f" {found['href']}"
        if tag in VOID:
            return
        record = None
        named = "data-t" in found and "data-r" in found
        heading = tag == "th" and found.get("scope") == "col"
        if named or "id" in found or heading or tag in ("dt", "thead", "summary"):
            record = dict(found, tag=tag, text="", links="")
            self.open.append(record)
        self.stack.append((tag, record))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        opened, record = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>: the HTML is not well formed"
        if record is not None:
            self.open.remove(record)
            if "data-t" in record and "data-r" in record:
                self.found.append(record)
            if "id" in record:
                self.ids[record["id"]] = record
            self.elements.append(record)

    def handle_data(self, data: str) -> None:
        for record in self.open:
            record["text"] += data


def parse(path: Path) -> Tagged:
    parser = Tagged()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    assert not parser.stack, "unclosed elements"
    return parser


def tables(run_dir: Path) -> dict[str, list[dict[str, str]]]:
    out = {}
    for name in (*TABLES, SYSTEMS.file, PAIRS.file):
        if not (run_dir / name).exists():  # the systems tables: only with systems
            continue
        with (run_dir / name).open(encoding="utf-8", newline="") as handle:
            out[name.removesuffix(".csv")] = list(csv.DictReader(handle))
    return out


def pages(run_dir: Path) -> list[Path]:
    return [run_dir / "report.html", *sorted((run_dir / "report").glob("*.html"))]


def check_numbers(run_dir: Path) -> dict[str, set[tuple[int, str]]]:
    """Assert every tagged number equals its CSV cell; return the cells shown, per table."""
    data = tables(run_dir)
    shown: dict[str, set[tuple[int, str]]] = {name: set() for name in data}
    for path in pages(run_dir):
        for el in parse(path).found:
            row = data[el["data-t"]][int(el["data-r"])]
            if "data-c" in el:
                assert el["text"].strip() == row[el["data-c"]], (path.name, el)
                shown[el["data-t"]].add((int(el["data-r"]), el["data-c"]))
            elif "data-state" in el:  # a grid cell: its state, as facts.csv says
                state = row["state"]
                assert el["data-state"] == state and state in el["text"] and row["fact"]
                assert row["match"] in el["text"]  # the sentence it opens
            elif el["data-t"] == "claims":  # a claim span: its text and its verdict
                assert el["text"].endswith(row["claim"])
                assert row["verdict"] in el["class"].split()
    return shown


def test_run_writes_a_single_page_report_and_plot(seeds_run: Path) -> None:
    assert (seeds_run / "report.html").is_file()
    svg = (seeds_run / "coverage_support.svg").read_text(encoding="utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and svg.endswith("</svg>\n")
    assert svg.count('class="pl-mean"') == 8  # a point per candidate, named
    assert ">faithful_complete</text>" in svg and "<title>faithful_complete: support" in svg
    assert not (seeds_run / "score_distribution.svg").exists()  # one event: no distribution
    assert not (seeds_run / "report").exists()
    assert not list(seeds_run.glob(".*.tmp"))


def test_every_number_equals_the_tables(seeds_run: Path) -> None:
    shown = check_numbers(seeds_run)
    data = tables(seeds_run)
    numeric = [c for c in TABLES["summary.csv"].names if c not in ("event", "candidate", "note")]
    assert shown["summary"] >= {(i, c) for i in range(len(data["summary"])) for c in numeric}
    claims = data["claims"]
    supported = {(i, "support") for i, r in enumerate(claims) if r["verdict"] != "contradicted"}
    assert supported and shown["claims"] >= supported
    # a contradicted claim shows what disagrees instead of a support figure
    assert (
        not {(i, "support") for i, r in enumerate(claims) if r["verdict"] == "contradicted"}
        & (shown["claims"])
    )
    assert shown["facts"] >= {(i, "score") for i in range(len(data["facts"]))}
    assert shown["sources"] >= {(i, "chars_clean") for i in range(len(data["sources"]))}
    assert shown["removed"] >= {(i, "line_no") for i in range(len(data["removed"]))}


def test_no_number_in_the_page_that_the_tables_lack(seeds_run: Path) -> None:
    text = (seeds_run / "report.html").read_text(encoding="utf-8")
    body = re.sub(r"<[^>]+>", " ", text.split('<section id="run">')[0])  # tables, not run.json
    cells = {v for rows in tables(seeds_run).values() for row in rows for v in row.values()}
    for value in re.findall(r"(?<![\w.])-?\d+\.\d{4}(?![\d])", body):
        assert value in cells or any(value in c for c in cells), value


def test_the_page_is_self_contained(seeds_run: Path) -> None:
    text = (seeds_run / "report.html").read_text(encoding="utf-8")
    for attr in re.findall(r'(?:src|href)="([^"]*)"', text):
        assert attr.startswith("#") or attr.endswith(".svg"), attr
    assert "<link" not in text and "<script src" not in text and "@import" not in text
    assert "config" in text and "versions" in text.lower()


def test_pages_of_events_a_run_no_longer_has_are_removed(
    seeds_run: Path, many_run: Path, tmp_path: Path
) -> None:
    # a folder written again with overwrite=true by a run of fewer events
    many = shutil.copytree(many_run, tmp_path / "many")
    (many / "report" / "gone.html").write_text("an earlier run's page", encoding="utf-8")
    kept = sorted(p.name for p in (many_run / "report").iterdir())
    build_report(many, plots=False)
    assert sorted(p.name for p in (many / "report").iterdir()) == kept
    one = shutil.copytree(seeds_run, tmp_path / "one")
    (one / "report").mkdir()
    (one / "report" / "e1.html").write_text("an earlier run's page", encoding="utf-8")
    build_report(one, plots=False)
    assert not (one / "report").exists() and (one / "report.html").is_file()


def test_article_text_is_escaped(hostile_run: Path) -> None:
    text = (hostile_run / "report.html").read_text(encoding="utf-8")
    assert "alert(" in text  # the hostile text is there, as text
    assert HOSTILE not in text and BOLD not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "&lt;b&gt;html&lt;/b&gt;" in text
    assert parse(hostile_run / "report.html").scripts == 1  # only the report's own script
    check_numbers(hostile_run)


def test_many_events_get_an_index_and_pages(many_run: Path) -> None:
    index = (many_run / "report.html").read_text(encoding="utf-8")
    data = tables(many_run)
    events = list(dict.fromkeys(row["event"] for row in data["summary"]))
    links = re.findall(r'href="(report/[^"#]+)"', index)
    assert len(links) == len(events) == 6
    assert all((many_run / link).is_file() for link in links)
    names = [p.name for p in (many_run / "report").iterdir()]
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+\.html", n) for n in names), names
    assert "&lt;b&gt;id&lt;/b&gt;" in index and "<b>id</b>" not in index
    assert (many_run / "score_distribution.svg").is_file()
    assert index.count("<svg xmlns=") == 2  # inline, so their tooltips work
    counts = re.findall(r'data-count="candidates">(\d+)<', index)
    per_event = [sum(r["event"] == e for r in data["summary"]) for e in events]
    assert [int(c) for c in counts] == per_event
    check_numbers(many_run)
    for page in pages(many_run):
        assert page.stat().st_size < 3_000_000


def test_page_names_are_safe_and_distinct() -> None:
    events = ["ev1", "a b", "a_b", "A_B", "../etc", "", "x" * 300, "ünï"]
    names = page_names(events)
    assert names["ev1"] == "ev1.html" and names["a_b"] == "a_b.html"
    assert len({n.lower() for n in names.values()}) == len(events)
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.html", n) for n in names.values())


def test_report_verb_rebuilds_from_the_tables(seeds_run: Path, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"  # the folder name is in the title
    shutil.copytree(seeds_run, run_dir)
    before = {n: (run_dir / n).read_bytes() for n in (*TABLES, "run.json")}
    original = (run_dir / "report.html").read_text(encoding="utf-8")
    (run_dir / "report.html").unlink()
    (run_dir / "coverage_support.svg").unlink()
    assert main([str(run_dir)]) == 0
    assert (run_dir / "report.html").read_text(encoding="utf-8") == original
    assert (run_dir / "coverage_support.svg").is_file()
    assert {n: (run_dir / n).read_bytes() for n in before} == before  # nothing recomputed
    (run_dir / "coverage_support.svg").unlink()
    assert main([str(run_dir), "--no-plots"]) == 0
    assert not (run_dir / "coverage_support.svg").exists()


def test_report_verb_on_a_missing_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    done = subprocess.run(
        [sys.executable, "-m", "evalkit", "report", str(missing)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and str(missing) in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("empty", "not a finished run .no summary.csv"),
        ("marker", "did not finish"),
        ("column", "lacks column.s. support"),
        ("json", "run.json: not valid JSON"),
        ("nested", "run.json: not valid JSON"),
        ("shape", "run.json: model has the wrong type"),
        ("file", "summary.csv: not a folder"),
    ],
)
def test_report_errors_name_the_problem(
    seeds_run: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    breakage: str,
    message: str,
) -> None:
    run_dir = tmp_path / "broken"
    if breakage == "empty":
        run_dir.mkdir()
    else:
        shutil.copytree(seeds_run, run_dir)
    if breakage == "marker":
        (run_dir / MARKER).write_text("unfinished\n", encoding="utf-8")
    if breakage == "column":
        claims = run_dir / "claims.csv"
        claims.write_text(claims.read_text(encoding="utf-8").replace(",support,", ",sup,", 1))
    if breakage == "json":
        (run_dir / "run.json").write_text("{not json", encoding="utf-8")
    if breakage == "nested":
        (run_dir / "run.json").write_text("[" * 100_000, encoding="utf-8")
    if breakage == "shape":
        manifest = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
        (run_dir / "run.json").write_text(json.dumps({**manifest, "model": 3}), encoding="utf-8")
    if breakage == "file":
        run_dir = tmp_path / "summary.csv"
        run_dir.write_text("event,candidate\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        build_report(run_dir)
    assert main([str(run_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {run_dir}") and len(err.strip().splitlines()) == 1


def test_cells_over_the_csv_field_limit_are_read_back(tmp_path: Path) -> None:
    """A removed line of 150,000 characters (over the csv module's default limit of 131,072)."""
    articles = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in SEED_ARTICLES]
    articles[0]["text"] += "\n" + "=" * 150_000 + "\n"
    line = {"event_id": "e1", "articles": articles[:3], "candidates": [CANDIDATE_RECORD]}
    (tmp_path / "events.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    evaluate(fast_config(tmp_path / "events.jsonl", None), tmp_path / "run")
    assert "=" * 150_000 in (tmp_path / "run" / "report.html").read_text(encoding="utf-8")
    assert main([str(tmp_path / "run"), "--no-plots"]) == 0


def _refuse(errno_code: int) -> Any:
    def refuse(*args: Any) -> None:
        raise OSError(errno_code, os.strerror(errno_code))

    return refuse


@pytest.mark.parametrize(
    ("errno_code", "message", "code"),
    [
        (errno.ENOSPC, "No space left", ENVIRONMENT),
        (errno.EROFS, "Read-only", USER),
        (errno.EACCES, "Permission", USER),
    ],
)
def test_a_full_disk_or_read_only_folder_is_one_line(
    seeds_run: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    errno_code: int,
    message: str,
    code: int,
) -> None:
    """The disk refuses the report (the tests run as root, so chmod cannot make it refuse)."""
    run_dir = tmp_path / "run"
    shutil.copytree(seeds_run, run_dir)
    before = {p.name: p.read_bytes() for p in run_dir.iterdir() if p.is_file()}
    monkeypatch.setattr(os, "replace", _refuse(errno_code))
    assert main([str(run_dir)]) == code
    err = capsys.readouterr().err
    assert err.startswith(f"error: {run_dir}: cannot write the report ({message}")
    assert "tables are complete" in err and len(err.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in run_dir.iterdir() if p.is_file()} == before


def test_an_interrupted_report_is_one_line_and_leaves_the_old_page(
    seeds_run: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run_dir = tmp_path / "run"
    shutil.copytree(seeds_run, run_dir)
    before = {p.name: p.read_bytes() for p in run_dir.iterdir() if p.is_file()}

    def interrupt(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    assert main([str(run_dir)]) == 130
    err = capsys.readouterr().err
    assert err == f"interrupted: the report in {run_dir} is not rebuilt\n"
    assert {p.name: p.read_bytes() for p in run_dir.iterdir() if p.is_file()} == before


@pytest.mark.parametrize(("html", "plots"), [(False, True), (True, False), (False, False)])
def test_switches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], html: bool, plots: bool
) -> None:
    cfg = fast_config(ROOT / "seeds", ROOT / "references")
    cfg.report.html, cfg.report.plots = html, plots
    evaluate(cfg, tmp_path / "run")
    assert (tmp_path / "run" / "summary.csv").is_file()
    assert (tmp_path / "run" / "report.html").exists() == html
    assert (tmp_path / "run" / "coverage_support.svg").exists() == plots
    last = capsys.readouterr().out.strip().splitlines()[-1]
    if html:  # the terminal ends with where to open the report
        assert "<svg" not in (tmp_path / "run" / "report.html").read_text()
        assert last == f"report: {tmp_path / 'run' / 'report.html'}"
    else:
        assert last.startswith("scored ") and "report" not in last


def test_every_column_is_defined_beside_its_heading(explained_run: Path, many_run: Path) -> None:
    """Each table's headings carry their definition as a tooltip and in the legend below."""
    for name, table in TABLES.items():
        assert set(table.names) <= set(DEFINITIONS[name]), name
    for path in [explained_run / "report.html", *pages(many_run)]:
        found = parse(path).elements
        headings = [el for el in found if el["tag"] == "th" and el.get("scope") == "col"]
        assert len(headings) >= 12
        for el in headings:
            assert len(el.get("title", "")) > 15, (path.name, el)
        terms = {el["text"] for el in found if el["tag"] == "dt"}
        plain = {el["text"] for el in headings if "cand-col" not in el.get("class", "")}
        assert plain <= terms, plain - terms
    text = (explained_run / "report.html").read_text(encoding="utf-8")
    assert 'title="Key facts the candidate states with a wrong value' in text  # misstated
    assert "≠ misstated</dt>" in text and "✗ missed</dt>" in text  # the grid's states


def _cell(run_dir: Path, candidate: str, fact_id: str) -> dict[str, str]:
    """The grid cell of one candidate and key fact."""
    rows = tables(run_dir)["facts"]
    n = next(
        i for i, r in enumerate(rows) if (r["candidate"], r["fact_id"]) == (candidate, fact_id)
    )
    return next(
        el
        for el in parse(run_dir / "report.html").found
        if "data-state" in el and el["data-r"] == str(n)
    )


def test_a_misstated_cell_shows_its_conflict_and_sentence(explained_run: Path) -> None:
    rows = tables(explained_run)["facts"]
    cell = _cell(explained_run, "contradicting", "F12")
    classes = cell["class"].split()
    assert "misstated" in classes and "covered" not in classes
    assert "7,000 -> 4,000" in cell["text"] and "≠" in cell["text"]
    row = next(r for r in rows if (r["candidate"], r["fact_id"]) == ("contradicting", "F12"))
    assert "4,000" in row["match"] and row["match"] in cell["text"]  # the sentence it opens
    covered = _cell(explained_run, "faithful_complete", "F1")
    assert covered["class"].split() == ["cell", "covered"] and "covered by" in covered["text"]
    missed = _cell(explained_run, "contradicting", "F2")
    assert missed["class"].split() == ["cell", "missed"] and "missed" in missed["text"]
    check_numbers(explained_run)


def test_a_contradicted_claim_and_its_misstated_fact_link_both_ways(explained_run: Path) -> None:
    data = tables(explained_run)
    ids = parse(explained_run / "report.html").ids
    fact = next(
        r for r in data["facts"] if (r["candidate"], r["fact_id"]) == ("contradicting", "F12")
    )
    n = next(
        i
        for i, r in enumerate(data["claims"])
        if (r["candidate"], r["claim_start"], r["claim_end"])
        == ("contradicting", fact["match_start"], fact["match_end"])
    )
    assert data["claims"][n]["verdict"] == "contradicted"
    claim = next(
        el for el in ids.values() if el.get("data-t") == "claims" and el["data-r"] == str(n)
    )
    cell = _cell(explained_run, "contradicting", "F12")
    assert f"#{claim['id']}" in cell["links"].split()
    detail = ids[f"d-{claim['id']}"]
    assert f"#{cell['id']}" in detail["links"].split()
    assert "Misstates key fact" in detail["text"] and "7,000 -> 4,000" in detail["text"]
    # a claim that misstates nothing links to no fact
    other = ids[f"d-{next(el['id'] for el in ids.values() if el.get('data-t') == 'claims')}"]
    assert "Misstates" not in other["text"]


def test_a_candidate_section_opens_with_its_scores_and_gaps(explained_run: Path) -> None:
    data = tables(explained_run)
    ids = parse(explained_run / "report.html").ids
    i = next(k for k, r in enumerate(data["summary"]) if r["candidate"] == "contradicting")
    row = data["summary"][i]
    section = ids[f"cand-{i}"]
    text = " ".join(section["text"].split())
    first_claim = next(r["claim"] for r in data["claims"] if r["candidate"] == "contradicting")
    head = text[: text.index(" ".join(first_claim.split()))]  # before the candidate's text
    for column in ("score", "coverage", "coverage_weighted", "support_rate"):
        assert row[column] in head, column
    assert row["misstated"] == "5"
    assert "≠ misst. 5" in head and f"{row['contradicted']} contradicted" in head
    facts = [r for r in data["facts"] if r["candidate"] == "contradicting"]
    missed = [r for r in facts if r["state"] == "missed"]
    assert f"Misstated (5 of {len(facts)} key facts)" in head
    assert f"Missed ({len(missed)} of {len(facts)} key facts)" in head
    assert "7,000 -> 4,000" in head and "fewer than 2,000" in head
    for fact in missed[:3]:
        assert " ".join(fact["fact"].split()) in head
    shown = ("F12", "F13", missed[0]["fact_id"])
    cells = {_cell(explained_run, "contradicting", f)["id"] for f in shown}
    assert {f"#{c}" for c in cells} <= set(section["links"].split())
    faithful = next(
        k for k, r in enumerate(data["summary"]) if r["candidate"] == "faithful_complete"
    )
    assert "Misstated: none." in ids[f"cand-{faithful}"]["text"]


def test_source_articles_scored_as_candidates_are_labelled(explained_run: Path) -> None:
    data = tables(explained_run)
    ids = parse(explained_run / "report.html").ids
    articles = {r["source"] for r in data["sources"]}
    labelled = 0
    for i, row in enumerate(data["summary"]):
        section = ids[f"cand-{i}"]
        is_article = row["candidate"] in articles
        assert ("article" in section["class"].split()) == is_article
        assert ("a source article scored as a candidate" in section["text"]) == is_article
        labelled += is_article
    assert labelled == 4 and len(data["summary"]) == 8  # four articles, four summaries


def test_a_contradicted_claim_shows_what_disagrees(explained_run: Path) -> None:
    data = tables(explained_run)
    ids = parse(explained_run / "report.html").ids
    spans = [el for el in ids.values() if el.get("data-t") == "claims"]
    contradicted = [el for el in spans if "contradicted" in el["class"].split()]
    assert len(contradicted) == sum(r["verdict"] == "contradicted" for r in data["claims"]) > 0
    for span in contradicted:
        row = data["claims"][int(span["data-r"])]
        detail = ids[f"d-{span['id']}"]
        assert (row["conflict"] or row["reason"]) in detail["text"]
        assert row["evidence"] in detail["text"]
        assert "support" not in detail["text"] and "support" not in span["title"]
        assert (row["conflict"] or row["reason"]) in span["title"]


def test_ids_wrap_at_their_underscores_only(explained_run: Path) -> None:
    text = (explained_run / "report.html").read_text(encoding="utf-8")
    assert ">faithful_<wbr>complete" in text and ">contradicting<" in text
    assert ">000_<wbr>68530903<wbr>c0620690" in text  # a hash may break, a word never
    css = text[text.index("<style>") : text.index("</style>")]
    for rule in re.findall(r"([^{}]+)\{[^}]*overflow-wrap:anywhere", css):
        assert not re.search(r"code|name|cand|src|h3", rule), rule  # only running text


def test_plots_say_what_they_plot(tmp_path: Path) -> None:
    rows = [
        {
            "event": f"e{i}",
            "candidate": f"c{i}",
            "score": str(s),
            "coverage": "0.5",
            "support_rate": "0.5",
        }
        for i, s in enumerate((0.1, 0.12, 0.5, 0.52, 0.55, 0.9, 0.3))
    ]
    plots.coverage_support(rows, tmp_path / "a.svg")
    plots.score_distribution(rows, tmp_path / "b.svg")
    scatter, histogram = ((tmp_path / n).read_text(encoding="utf-8") for n in ("a.svg", "b.svg"))
    ylabel = re.findall(r'class="pl-ylabel"[^>]*>([^<]*)<', scatter)
    assert len(ylabel) == 1 and "credit" in ylabel[0] and "share" not in ylabel[0]
    assert scatter.count('class="pl-one"') == 1  # seven candidates on one spot: one darker dot
    assert 'fill-opacity="1.0"' in scatter and scatter.count('class="pl-mean"') == 7
    counts = re.findall(r'class="pl-ytick"[^>]*>([^<]*)<', histogram)
    assert len(counts) >= 2 and all(c.isdigit() for c in counts), counts  # whole numbers
    assert re.findall(r'class="pl-ylabel"[^>]*>([^<]*)<', histogram) == ["candidates"]
    bars = re.findall(r"<title>(\d+) candidate", histogram)
    assert sum(map(int, bars)) == len(rows)


def test_box_plot_whiskers_stop_within_one_and_a_half_interquartile_ranges() -> None:
    values = [0.0, 0.1, 0.2, 0.3, 0.4, 5.0]  # 5.0 lies beyond 1.5 interquartile ranges
    lo, q1, median, q3, hi = plots._box(values)
    assert (lo, median, hi) == (0.0, 0.25, 0.4)
    assert q1 == pytest.approx(0.125) and q3 == pytest.approx(0.375)


def test_a_run_folder_is_documented(seeds_run: Path) -> None:
    """Every file a run writes is named in docs' "Files of a run folder"; the journal is
    journal.jsonl, not the name of an input format."""
    assert (seeds_run / "journal.jsonl").is_file() and not (seeds_run / "events.jsonl").exists()
    docs = (ROOT / "docs" / "how-it-works.md").read_text(encoding="utf-8")
    section = docs[docs.index("## Files of a run folder") :]
    for path in seeds_run.iterdir():
        assert f"`{path.name}" in section, path.name
    assert "`report/" in section and "score_distribution.svg" in section


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_in_a_browser(seeds_run: Path, hostile_run: Path, many_run: Path) -> None:
    """Loads without console errors; clicking an unsupported claim shows its nearest sentence."""
    from playwright import sync_api

    browser_path = _chromium()
    assert browser_path, "no chromium on PATH: run the README's test command (installs it)"
    claims = tables(seeds_run)["claims"]
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=browser_path, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        dialogs: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

        page.goto((seeds_run / "report.html").as_uri())
        claim = page.locator(".claim.unsupported").first
        row = claims[int(claim.get_attribute("data-r") or "")]
        assert row["verdict"] == "unsupported" and row["evidence"]
        claim.click()
        detail = page.locator(".detail:visible")
        assert detail.count() == 1
        shown = detail.inner_text()
        assert row["evidence"][:60] in shown and row["support"] in shown and row["reason"] in shown
        other = page.locator(".claim.supported").first
        other.hover()  # hover previews another claim's evidence
        assert page.locator(".detail:visible").first.inner_text() != shown
        page.locator("#ranking th", has_text="score").click()
        scores = page.locator("table.summary tbody td[data-c=score]").all_inner_texts()
        assert [float(s) for s in scores] == sorted(float(s) for s in scores)
        wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not wide, "the page overflows horizontally at 1400 px"

        page.goto((hostile_run / "report.html").as_uri())
        page.locator(".claim").first.click()
        body = page.locator("body").inner_text()
        assert HOSTILE in body and BOLD in body
        assert page.evaluate(
            "[...document.querySelectorAll('b')].every(b => b.textContent !== 'html')"
        )

        page.goto((many_run / "report.html").as_uri())
        page.locator("table.events a").first.click()
        page.locator(".claim").first.click()
        assert page.locator(".detail:visible").count() == 1
        browser.close()
    assert errors == [] and dialogs == []


# Text nodes (between <wbr>s) of ids that a line break splits: none may be.
SPLIT_WORDS = """() => {
  const split = [];
  for (const el of document.querySelectorAll('th.cand-col, td.name, .cand h3, td.src')) {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (const word of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) split.push(word[0]);
      }
    }
  }
  return split;
}"""


def test_the_grid_and_candidates_in_a_browser(explained_run: Path) -> None:
    """A grid cell shows its sentence on hover, keeps it on click, and links to the claim and
    back; candidate sections open with their gaps; ids never break inside a word."""
    from playwright import sync_api

    browser_path = _chromium()
    assert browser_path, "no chromium on PATH: run the README's test command (installs it)"
    match = next(
        r["match"]
        for r in tables(explained_run)["facts"]
        if (r["candidate"], r["fact_id"]) == ("contradicting", "F12")
    )
    errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=browser_path, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((explained_run / "report.html").as_uri())
        cell = page.locator("td.cell.misstated", has_text="7,000 -> 4,000").first
        says = cell.locator(".says")
        assert not says.is_visible()
        cell.hover()  # hover shows the sentence and the conflict
        assert says.is_visible() and match in says.inner_text()
        assert "7,000 -> 4,000" in says.inner_text()
        box = says.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1400
        page.mouse.move(2, 2)  # off the grid, no scroll
        assert not says.is_visible()  # a hover alone does not keep it
        cell.click()  # a click pins it
        page.mouse.move(2, 2)  # off the grid, no scroll
        assert says.is_visible()
        covered = cell.locator("xpath=..").locator("td.cell.covered").first  # same row
        covered.hover()  # another cell previews its own sentence...
        assert covered.locator(".says").is_visible() and not says.is_visible()
        page.mouse.move(2, 2)  # off the grid, no scroll
        assert says.is_visible()  # ...and the pinned one comes back
        says.locator("a").click()  # to the contradicted claim, its evidence open
        detail = page.locator(".detail:visible")
        assert "number 4,000 where the source has 7,000" in detail.inner_text()
        assert "Misstates key fact" in detail.inner_text() and "support" not in detail.inner_text()
        # (the page follows a link on "hashchange", which may come after the click returns:
        # wait until it has come, its handler run, before clicking elsewhere)
        page.evaluate("addEventListener('hashchange', () => { window.followed = location.hash; })")
        detail.locator(".misstates a").click()  # and back to the fact's cell, open
        assert page.evaluate("location.hash") == f"#{cell.get_attribute('id')}"
        page.wait_for_function(f"window.followed === '#{cell.get_attribute('id')}'")
        assert says.is_visible()
        page.mouse.click(2, 2)  # a click elsewhere closes it
        assert not says.is_visible()
        covered.focus()
        page.keyboard.press("Enter")
        assert covered.locator(".says").is_visible()
        page.keyboard.press("Escape")
        assert not covered.locator(".says").is_visible()

        section = page.locator("article.cand", has_text="contradicting").last
        assert section.locator(".gaps").is_visible()
        assert "Misstated (5 of 14 key facts)" in section.locator(".gaps").inner_text()
        assert page.locator("article.cand.article").count() == 4
        for width in (1400, 900):
            page.set_viewport_size({"width": width, "height": 900})
            assert page.evaluate(SPLIT_WORDS) == [], width
        browser.close()
    assert errors == []
