"""A multirun's sweep table: every job's summary rows side by side, after the settings that tell
the jobs apart, in the sweep folder as sweep.csv (every summary column), sweep.md and sweep.html.

It reads only what the jobs wrote (their summary.csv, run.json and report.html), so a job that
failed is a row that says so, and a column the summary gains (such as `misstated`) flows through
without a change here. A sweep over `shard` gets no table: its jobs are parts of one run, for
`evalkit merge` to join, not settings to compare.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evalkit.columns import SUMMARY
from evalkit.files import atomic_write, read_rows
from evalkit.html_event import breakable, esc
from evalkit.html_report import REPORT, page
from evalkit.report import MARKER, markdown_rows

FILES = ("sweep.csv", "sweep.md", "sweep.html")
# summary columns the Markdown and HTML tables show (those a job's summary has), and which way
# is better for each: +1 higher, -1 lower, 0 neither (the best job's cell is highlighted)
SHOWN = {
    "score": 1,
    "coverage": 1,
    "coverage_weighted": 1,
    "support_rate": 1,
    "claims": 0,
    "unsupported": -1,
    "contradicted": -1,
    "misstated": -1,
}
HTML_GROUPS = 300  # (event, candidate) groups sweep.html shows; sweep.csv holds them all


@dataclass(frozen=True, slots=True)
class Job:
    """One job of a sweep as its folder holds it: its number, its override strings as Hydra
    passed them (`key=value`), and its summary rows (header first) or why it has none."""

    num: int
    folder: Path
    overrides: tuple[str, ...]
    summary: list[list[str]]
    failed: str = ""  # "" when the job finished

    def value(self, key: str) -> str:
        """The value this job's overrides give `key`, as Hydra spells it ("" if none)."""
        return next((o.split("=", 1)[1] for o in self.overrides if _key(o) == key), "")

    def rows(self) -> list[dict[str, str]]:
        return [dict(zip(self.summary[0], row, strict=False)) for row in self.summary[1:]]


def _key(override: str) -> str:
    return override.split("=", 1)[0]


def read_jobs(folder: Path, jobs: Sequence[Sequence[str]]) -> list[Job]:
    """The jobs of the sweep in `folder`, given each job's overrides in Hydra's order; job
    `n` is in `folder/n` (evalkit's hydra.sweep.subdir)."""
    try:  # Hydra writes it as the sweep starts: a run.json older than it is another sweep's
        started = (folder / "multirun.yaml").stat().st_mtime
    except OSError:
        started = 0.0
    return [read_job(n, folder / str(n), o, started) for n, o in enumerate(jobs)]


def read_job(num: int, folder: Path, overrides: Sequence[str], started: float = 0.0) -> Job:
    """A job's finished summary, or a failed job with the reason a reader can act on."""
    if (folder / MARKER).exists():
        why = f"stopped early; its finished events are kept: resume=true hydra.run.dir={folder}"
        return Job(num, folder, tuple(overrides), [], why)
    try:
        finished = (folder / "run.json").stat().st_mtime
    except OSError:
        why = "failed before writing results; its error is in the sweep's output"
        return Job(num, folder, tuple(overrides), [], why)
    if finished < started:
        why = "failed; its folder holds an earlier run, not this sweep's (see the sweep's output)"
        return Job(num, folder, tuple(overrides), [], why)
    try:
        summary = read_rows(folder / "summary.csv")
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        return Job(num, folder, tuple(overrides), [], f"cannot read summary.csv ({err})")
    return Job(num, folder, tuple(overrides), summary or [[]])


def write_sweep(folder: Path, swept: Sequence[str], jobs: Sequence[Job]) -> list[Path]:
    """Write sweep.csv, sweep.md and sweep.html into the sweep `folder`; their paths."""
    columns = _columns(jobs)
    atomic_write(folder / FILES[0], _csv(columns, swept, jobs))
    atomic_write(folder / FILES[1], _markdown(folder, swept, jobs))
    atomic_write(folder / FILES[2], _html(folder, swept, jobs))
    return [folder / name for name in FILES]


def _heading(key: str, summary: Sequence[str]) -> str:
    """A swept key's column; `coverage=` (a config group) must not pass for summary's coverage."""
    return f"{key} (swept)" if key in summary else key


def _columns(jobs: Sequence[Job]) -> list[str]:
    """Every summary column of every job, in the order the jobs' summaries have them (this
    evalkit's summary columns when no job finished)."""
    names: dict[str, None] = {}
    for job in jobs:
        names.update(dict.fromkeys(job.summary[0] if job.summary else ()))
    return list(names) or list(SUMMARY.names)


def _csv(summary: Sequence[str], swept: Sequence[str], jobs: Sequence[Job]) -> str:
    """sweep.csv: a row per job and summary row; a failed job has one, its note says why."""
    out = io.StringIO()
    table = csv.writer(out, lineterminator="\n")
    table.writerow(["job", "status", *(_heading(k, summary) for k in swept), *summary])
    for job in jobs:
        head = [str(job.num), "failed" if job.failed else "done", *map(job.value, swept)]
        if job.failed:
            table.writerow([*head, *(job.failed if c == "note" else "" for c in summary)])
            continue
        for row in job.rows():
            table.writerow([*head, *(row.get(c, "") for c in summary)])
    return out.getvalue()


def _shown(jobs: Sequence[Job]) -> list[str]:
    present = {c for job in jobs for c in (job.summary[0] if job.summary else ())}
    return [c for c in SHOWN if c in present]


def _groups(jobs: Sequence[Job]) -> dict[tuple[str, str], list[tuple[Job, dict[str, str]]]]:
    """Each (event, candidate) with the finished jobs' summary rows of it, in job order."""
    groups: dict[tuple[str, str], list[tuple[Job, dict[str, str]]]] = {}
    for job in jobs:
        for row in job.rows():
            groups.setdefault((row.get("event", ""), row.get("candidate", "")), []).append(
                (job, row)
            )
    return groups


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return None if value != value else value


def _best(rows: Sequence[dict[str, str]], column: str) -> float | None:
    """The best value of `column` among the rows (None when no way is better, or no number)."""
    values = [v for r in rows if (v := _number(r.get(column, ""))) is not None]
    way = SHOWN[column]
    if not way or len(values) < 2 or min(values) == max(values):
        return None
    return max(values) if way > 0 else min(values)


def _markdown(folder: Path, swept: Sequence[str], jobs: Sequence[Job]) -> str:
    """sweep.md: the jobs and their settings, then each candidate across the jobs."""
    lines = ["# evalkit sweep", "", f"{len(jobs)} jobs in `{folder}`:", ""]
    for job in jobs:
        status = f"failed: {job.failed}" if job.failed else "done"
        lines.append(f"- job {job.num} ({status}): `{' '.join(job.overrides) or '(defaults)'}`")
    shown = _shown(jobs)
    several = len({ev for ev, _ in _groups(jobs)}) > 1
    keys = [_heading(k, shown) for k in swept]
    head = ["job", *keys, *(["event"] if several else []), "candidate", *shown]
    table = [head]
    for (event, candidate), rows in _groups(jobs).items():
        for job, row in rows:
            event_cell = [event] if several else []
            table.append([str(job.num), *map(job.value, swept), *event_cell, candidate])
            table[-1] += [row.get(c, "") for c in shown]
    lines += ["", *markdown_rows(table)]
    lines += ["", "Every summary column of every job is in sweep.csv."]
    return "\n".join(lines) + "\n"


def _link(job: Job) -> str:
    """The job's number, linked to its report (or, without one, its summary.md)."""
    for name in (REPORT, "summary.md"):
        if (job.folder / name).is_file():
            return f'<a href="{esc(job.folder.name)}/{name}">job {job.num}</a>'
    return f"job {job.num}"


def _html(folder: Path, swept: Sequence[str], jobs: Sequence[Job]) -> str:
    """sweep.html: the jobs with links to their reports, then every candidate across the jobs
    with the best value of each column highlighted."""
    shown = _shown(jobs)
    keys = "".join(f"<th scope=col>{breakable(_heading(k, shown))}</th>" for k in swept)
    job_rows = "".join(
        f"<tr><td>{_link(job)}</td>{''.join(f'<td>{esc(job.value(k))}</td>' for k in swept)}"
        f"<td>{'failed: ' + esc(job.failed) if job.failed else 'done'}</td></tr>"
        for job in jobs
    )
    groups = list(_groups(jobs).items())
    heads = "".join(f"<th scope=col>{breakable(c)}</th>" for c in shown)
    span = 1 + len(swept) + len(shown)
    body = []
    for (event, candidate), rows in groups[:HTML_GROUPS]:
        best = {c: _best([r for _, r in rows], c) for c in shown}
        title = f"{esc(candidate)} <span class=where>event {esc(event)}</span>"
        body.append(f'<tr class=group><th colspan="{span}">{title}</th></tr>')
        for job, row in rows:
            cells = [f"<td>{_link(job)}</td>", *(f"<td>{esc(job.value(k))}</td>" for k in swept)]
            for c in shown:
                top = best[c] is not None and _number(row.get(c, "")) == best[c]
                cells.append(f'<td class="n{" best" if top else ""}">{esc(row.get(c, ""))}</td>')
            body.append(f"<tr>{''.join(cells)}</tr>")
    more = len(groups) - HTML_GROUPS
    rest = f"<p class=hint>... and {more} more candidates in sweep.csv.</p>" if more > 0 else ""
    html = (
        "<style>td.best{background:var(--ok-bg);color:var(--ok);font-weight:700}"
        "tr.group th{background:#f6f8fa;padding-top:12px}</style>"
        f"<header><h1>evalkit sweep</h1><p class=sub>{len(jobs)} jobs · "
        f"<code>{esc(folder.resolve())}</code></p></header>"
        f'<section><h2>Jobs</h2><div class="scroll"><table><thead><tr><th scope=col>job</th>'
        f"{keys}<th scope=col>status</th></tr></thead><tbody>{job_rows}</tbody></table></div>"
        "</section><section><h2>Candidates across the jobs</h2><p class=hint>The best value "
        "of each column for a candidate is highlighted (higher score, coverage and support "
        "rate; fewer unsupported, contradicted and misstated). Every column is in sweep.csv."
        f'</p><div class="scroll"><table><thead><tr><th scope=col>job</th>{keys}{heads}</tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table></div>{rest}</section>"
    )
    return page(f"evalkit sweep — {folder.resolve().name}", html)
