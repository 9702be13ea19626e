"""Systems across events: rankings with bootstrap intervals, paired tests with Holm's correction,
rank groups, gaps reported, byte-identical tables from a run, a merge of its shards and a rerun."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np
import pytest

from evalkit.columns import DEFINITIONS, PAIRS, SOURCES, SUMMARY, SYSTEMS
from evalkit.config import Config, SystemsConfig
from evalkit.html_report import build_report
from evalkit.merge import main as merge_main
from evalkit.metrics import holm, sign_flip_p
from evalkit.report import SYSTEM_FILES, write_systems
from evalkit.run import evaluate
from evalkit.systems import Systems, systems_tables

from .test_merge import config as merge_config

Scores = dict[str, list[float | None]]  # system -> its score per event; None: no candidate


def summary_rows(scores: Scores) -> list[list[str]]:
    """summary.csv rows (cells as written) of the given scores, event by event."""
    events = len(next(iter(scores.values())))
    rows = []
    for e in range(events):
        for name, values in scores.items():
            value = values[e]
            if value is None:
                continue
            cells = {"event": f"ev{e}", "candidate": name, "score": value, "coverage": value}
            counts = {"support_rate": 1.0, "unsupported": 0, "contradicted": 0, "misstated": 0}
            counts |= {"claims": 1, "supported": 1}
            rows.append(SUMMARY.filled({**cells, **counts, "rank": "", "note": ""}, math.nan))
    return rows


def compare(scores: Scores, sources: list[list[str]] | None = None, **cfg: float) -> Systems:
    found = systems_tables(summary_rows(scores), sources or [], SystemsConfig(**cfg))
    assert found is not None
    return found


BASE = [round(0.5 + 0.3 * math.sin(i), 4) for i in range(20)]  # varies from event to event


def test_a_constant_loss_ranks_lower_significantly_with_an_interval_excluding_zero() -> None:
    found = compare({"b": [s - 0.1 for s in BASE], "a": BASE})
    assert [(s.rank, s.system, s.group) for s in found.systems] == [(1, "a", 1), (2, "b", 2)]
    (pair,) = found.pairs
    assert (pair.system_a, pair.system_b, pair.events) == ("a", "b", 20)
    assert pair.difference.value == pytest.approx(0.1)
    assert pair.difference.low == pytest.approx(0.1) and pair.difference.high == pytest.approx(0.1)
    # no random signs reach a mean of 0.1 from twenty equal differences but all-positive ones
    assert pair.p_value == pytest.approx(1 / 1001) and pair.p_holm == pair.p_value
    assert pair.significant
    a = found.systems[0]
    assert a.score.value == pytest.approx(np.mean(BASE)) and a.score.low < a.score.value
    assert a.score.high > a.score.value and a.events == 20 and a.missing == a.unscorable == 0


def test_near_identical_systems_are_not_significant_and_share_a_group() -> None:
    noise = np.random.default_rng(7).normal(0, 0.01, len(BASE))
    found = compare(
        {"a": BASE, "twin": list(np.array(BASE) + noise), "worse": [s - 0.1 for s in BASE]}
    )
    groups = {s.system: s.group for s in found.systems}
    assert groups == {"a": 1, "twin": 1, "worse": 2}
    pairs = {(p.system_a, p.system_b): p for p in found.pairs}
    twins = pairs.get(("a", "twin")) or pairs[("twin", "a")]
    assert not twins.significant and twins.p_holm > 0.05
    assert twins.difference.low < 0 < twins.difference.high
    assert all(p.significant for p in found.pairs if "worse" in (p.system_a, p.system_b))


def test_a_consistent_but_negligible_difference_is_not_significant() -> None:
    """A twin that differs by a respelled word loses 0.0001 on every event: the sign-flip test
    finds that consistent, but it is below `systems.margin` and so no difference."""
    found = compare({"a": BASE, "twin": [s - 0.0001 for s in BASE]})
    (pair,) = found.pairs
    assert pair.p_holm < 0.05 and not pair.significant
    assert {s.group for s in found.systems} == {1}
    strict = compare({"a": BASE, "twin": [s - 0.0001 for s in BASE]}, margin=0.0)
    assert strict.pairs[0].significant and {s.group for s in strict.systems} == {1, 2}


def test_a_system_missing_from_events_is_reported_not_dropped() -> None:
    articles = [
        SOURCES.filled({"event": f"ev{e}", "source": "art", "is_candidate": True}, "")
        for e in range(8)
    ]
    found = compare(
        {
            "a": [0.5] * 8,
            "d": [0.4, 0.3, 0.4, 0.3, 0.4, math.nan, None, None],  # NaN: unscorable there
            "x": [0.9, *[None] * 7],  # one event only: not a system, but named
            "art": [0.99] * 8,  # a source article scored as a candidate: not a system
        },
        articles,
    )
    d = next(s for s in found.systems if s.system == "d")
    assert (d.events, d.missing, d.unscorable) == (5, 2, 1)
    assert d.score.value == pytest.approx(0.36)
    assert [s.system for s in found.systems] == ["a", "d"] and found.single == ("x",)
    assert found.events == 8 and found.pairs[0].events == 5  # the events both were scored on
    from evalkit.report import systems_markdown

    text = systems_markdown(found)
    assert "`d`: no candidate in 2, NaN score in 1" in text
    assert "candidate ids in one event only): `x`" in text


def test_refused_lines_and_candidates_are_no_events_of_the_systems() -> None:
    """A bad event line skipped (data.bad_events=skip) and a candidate of no event
    (data.unmatched=report) have summary rows, but no event was scored there: no system
    misses them, and a system's candidate there is no event of it."""
    from evalkit.report import skipped_row

    rows = summary_rows({"a": [0.5, 0.6, 0.4], "b": [0.4, 0.5, 0.3]})
    rows.insert(2, skipped_row("line 2", "", "skipped: events.jsonl line 2: not valid JSON"))
    rows.append(skipped_row("nope", "a", "not scored: cands.jsonl line 1: event 'nope' ..."))
    found = systems_tables(rows, [], SystemsConfig())
    assert found is not None and found.events == 3
    assert [(s.events, s.missing, s.unscorable) for s in found.systems] == [(3, 0, 0)] * 2


def test_a_system_scored_nowhere_is_listed_last_without_a_rank() -> None:
    found = compare({"a": [0.5, 0.6, 0.7], "dead": [math.nan] * 3})
    dead = found.systems[-1]
    assert (dead.system, dead.rank, dead.group, dead.events, dead.unscorable) == (
        "dead",
        None,
        None,
        0,
        3,
    )
    assert math.isnan(dead.score.value) and math.isnan(found.pairs[0].p_value)
    assert not found.pairs[0].significant and math.isnan(found.pairs[0].p_holm)


def test_holm_on_known_p_values() -> None:
    # sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1, kept non-decreasing
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])  # capped at 1
    adjusted = holm([0.02, math.nan, 0.04])  # NaN is not in the family
    assert adjusted[0] == pytest.approx(0.04) and math.isnan(adjusted[1])
    assert adjusted[2] == pytest.approx(0.04)


def test_sign_flip_p_exact_and_sampled() -> None:
    # five equal differences: 2 of the 32 sign patterns (all + or all -) reach the mean
    assert sign_flip_p([0.1] * 5) == pytest.approx(2 / 32)
    assert sign_flip_p([0.1, -0.1]) == 1.0 and sign_flip_p([0.0] * 4) == 1.0
    assert math.isnan(sign_flip_p([]))
    assert sign_flip_p([0.1] * 30, n=999) == pytest.approx(1 / 1000)  # never 0
    assert sign_flip_p([0.3, -0.1] * 15, seed=3) == sign_flip_p([0.3, -0.1] * 15, seed=3)


def test_same_inputs_and_seed_give_the_same_bytes(tmp_path: Path) -> None:
    rows = summary_rows({"a": BASE, "b": [s - 0.01 for s in BASE], "c": BASE[::-1]})
    outputs = []
    for name, seed in (("one", 0), ("two", 0), ("other", 1)):
        folder = tmp_path / name
        folder.mkdir()
        config = {"systems": {"alpha": 0.05, "bootstrap": 200, "seed": seed}}
        assert write_systems(folder, rows, [], config) is not None
        outputs.append({f: (folder / f).read_bytes() for f in SYSTEM_FILES})
    assert outputs[0] == outputs[1]
    assert outputs[0][SYSTEMS.file] != outputs[2][SYSTEMS.file]  # the intervals move...
    means = [
        [(r["system"], r["score"]) for r in csv.DictReader(o[SYSTEMS.file].decode().splitlines())]
        for o in (outputs[0], outputs[2])
    ]
    assert means[0] == means[1]  # ...the means do not


def test_no_shared_ids_writes_no_systems_and_removes_old_ones(tmp_path: Path) -> None:
    for name in SYSTEM_FILES:
        (tmp_path / name).write_text("left by an earlier run\n")
    rows = summary_rows({"a": [0.5, None], "b": [None, 0.4]})
    assert systems_tables(rows, [], SystemsConfig()) is None
    assert write_systems(tmp_path, rows, [], {}) is None
    assert not any((tmp_path / name).exists() for name in SYSTEM_FILES)


def test_every_systems_column_is_defined() -> None:
    for table in (SYSTEMS, PAIRS):
        assert set(table.names) <= set(DEFINITIONS[table.file]), table.file


# ---------------------------------------------------------------- through a run

PLACES = ["Marlow Bay", "Ashford", "Kelso", "Dunmore", "Brackley", "Tilbury", "Wexham", "Orton"]
NAMES = ["Ellen Park", "Omar Diaz", "Rita Shaw", "Tom Okafor", "Anna Berg", "Luis Mora"]


def facts(i: int) -> list[str]:
    """Four key sentences of event i, with values of its own."""
    place, name = PLACES[i % len(PLACES)], NAMES[i % len(NAMES)]
    return [
        f"A fire broke out at a warehouse in {place} on Tuesday night.",
        f"Crews fought the blaze for {3 + i % 5} hours before it was under control.",
        f"Fire chief {name} said {10 + i} people were evacuated from nearby homes.",
        f"The warehouse stored furniture and {'paper' if i % 2 else 'textiles'} for local shops.",
    ]


def corpus(path: Path, events: int) -> Path:
    """Events with two articles and five systems: `full` states every key fact, `twin` the
    same, `order` the same in reverse order (each of the three in a slightly worse wording in
    every third event), `drop` one fact only, `invent` every fact and two sentences of details
    no source carries."""
    lines = []
    for i in range(events):
        key = facts(i)
        extra = "Investigators have not yet said what caused the fire."
        articles = [
            {"id": "wire", "text": " ".join([*key, extra])},
            {"id": "local", "text": " ".join([*key[:3], "Residents watched from the street."])},
        ]
        invented = [
            f"Police arrested a man named Victor Quell, aged {40 + i}, at the scene.",
            f"Insurers put the damage at {20 + i} million euros on Wednesday.",
        ]
        # the good three take turns with a slightly worse wording
        said = [[s.replace("night", "evening") if i % 3 == k else s for s in key] for k in range(3)]
        systems = {
            "full": " ".join(said[0]),
            "twin": " ".join(said[1]),
            "order": " ".join(said[2][::-1]),
            "drop": key[0],
            "invent": " ".join([*key, *invented]),
        }
        candidates = [{"id": k, "text": v} for k, v in systems.items()]
        lines.append({"event_id": f"fire{i:02d}", "articles": articles, "candidates": candidates})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def config(sources: Path, shard: int = 0, num_shards: int = 1) -> Config:
    """test_merge's fast config, scoring only the candidates (the systems)."""
    cfg = merge_config(sources, shard, num_shards)
    cfg.data.sources_as_candidates = False
    return cfg


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished run over 40 events of five systems."""
    base = tmp_path_factory.mktemp("judged")
    evaluate(config(corpus(base / "events.jsonl", 40)), base / "run")
    return base / "run"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_constructed_ranking_intervals_and_significance_come_out(judged: Path) -> None:
    systems = {r["system"]: r for r in read(judged / SYSTEMS.file)}
    assert set(systems) == {"full", "twin", "order", "drop", "invent"}
    top = {n for n, r in systems.items() if r["group"] == "1"}
    assert top == {"full", "twin", "order"}, systems
    assert [(systems[n]["rank"], systems[n]["group"]) for n in ("invent", "drop")] == [
        ("4", "2"),
        ("5", "3"),
    ]
    assert float(systems["drop"]["coverage"]) < float(systems["full"]["coverage"]) - 0.3
    assert float(systems["invent"]["unsupported"]) >= 1.5  # per summary
    assert all(r["events"] == "40" and r["missing"] == "0" for r in systems.values())
    pairs = {(r["system_a"], r["system_b"]): r for r in read(judged / PAIRS.file)}
    assert len(pairs) == 10
    for (a, b), row in pairs.items():
        worse = {a, b} & {"drop", "invent"}
        if worse and {a, b} & top:  # a good system against a constructed worse one
            assert row["significant"] == "1" and float(row["difference_low"]) > 0, row
        if {a, b} <= top:  # near-identical: not told apart
            assert row["significant"] == "0" and float(row["difference_low"]) < 0, row
    assert "Significant differences" in (judged / "systems.md").read_text(encoding="utf-8")


def test_merged_shards_give_the_single_run_systems_byte_for_byte(
    judged: Path, tmp_path: Path
) -> None:
    sources = judged.parent / "events.jsonl"
    for shard in range(3):
        evaluate(config(sources, shard, 3), tmp_path / str(shard))
    assert merge_main([str(tmp_path), "--out", str(tmp_path / "merged")]) == 0
    for name in SYSTEM_FILES:
        assert (tmp_path / "merged" / name).read_bytes() == (judged / name).read_bytes(), name


def test_the_terminal_and_the_report_show_the_systems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = config(corpus(tmp_path / "events.jsonl", 6))
    cfg.report.html = True
    evaluate(cfg, tmp_path / "run")
    out = capsys.readouterr().out
    head = next(line for line in out.splitlines() if line.startswith("rank  group  system"))
    assert head.split() == [
        "rank",
        "group",
        "system",
        "events",
        "missing",
        "unscorable",
        "score",
        "95%",
        "interval",
        "coverage",
        "support_rate",
        "unsupported",
        "contradicted",
        "misstated",
    ]
    assert out.index("rank  group  system") > out.index("candidate")  # after the summary
    html = (tmp_path / "run" / "report.html").read_text(encoding="utf-8")
    section = html[html.index('<section id="systems">') :]
    section = section[: section.index("</section>")]
    assert section.count("<svg") == 5  # a whisker per system
    assert section.count('data-t="pairs"') == 10  # every pair in the matrix
    assert section.count("background:#fde7c8") == sum(
        r["significant"] == "1" for r in read(tmp_path / "run" / PAIRS.file)
    )


def test_a_one_event_run_has_no_systems_tables(tmp_path: Path) -> None:
    evaluate(config(corpus(tmp_path / "events.jsonl", 1)), tmp_path / "run")
    assert (tmp_path / "run" / "summary.csv").exists()
    assert not any((tmp_path / "run" / name).exists() for name in SYSTEM_FILES)
    build_report(tmp_path / "run", plots=False)  # a report without systems still builds
