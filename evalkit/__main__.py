"""`evalkit VERB [overrides]` (or `python -m evalkit`): thin verb dispatch; Hydra
verbs go through evalkit.cli, `report` and `merge` take plain arguments."""

from __future__ import annotations

import sys

USAGE = """usage: evalkit VERB [key=value ...]   (the same as python -m evalkit VERB ...)

verbs:
  run        score candidate summaries of the events in data.sources (default: bundled seeds)
  report     rebuild report.html and plots of a finished run: python -m evalkit report RUN_DIR
  merge      join shard runs (shard=i num_shards=k) into one: python -m evalkit merge DIR...
  meta       agreement with human judgements on a benchmark file: bench.path=FILE.jsonl
  calibrate  fit the verifier and coverage parameters on benchmark files: bench.path=FILE|DIR
  train      train the entailment model: train.data=NLI_FOLDER train.articles=FILES

Overrides are Hydra's: python -m evalkit run data.sources=my_articles/ verifier.threshold=0.6
Add --help after a Hydra verb for the full configuration."""


def main() -> None:
    from evalkit.errors import boundary

    boundary(dispatch)


def dispatch() -> int | None:
    """Run the verb named on the command line; its exit code."""
    # imported here, inside the boundary, so a broken install is one line too
    from evalkit import cli, html_report, merge

    # verbs that take a plain argument list instead of Hydra overrides: name -> main(argv)
    plain = {"report": html_report.main, "merge": merge.main}
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(USAGE)
        sys.exit(0 if len(sys.argv) >= 2 else 2)
    verb = sys.argv[1]
    if verb in plain:
        return plain[verb](sys.argv[2:])
    if verb not in cli.VERBS:
        known = ", ".join(sorted([*cli.VERBS, *plain]))
        print(f"error: unknown verb '{verb}'; choose from: {known}", file=sys.stderr)
        sys.exit(2)
    sys.argv = [f"evalkit {verb}"] + sys.argv[2:]
    cli.main(verb)
    return 0


if __name__ == "__main__":
    main()
