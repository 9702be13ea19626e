"""Score rows: a NaN score carries a typed reason, counted from it; ROUGE cells are floats."""

from __future__ import annotations

from evalkit.columns import SUMMARY, fmt
from evalkit.config import Config
from evalkit.pipeline import Resources, run_event
from evalkit.records import Document, Event, EventResult, Unscorable
from evalkit.report import rows
from evalkit.rouge import FastRouge
from evalkit.run import _event_info

ARTICLE = (
    "Kim Yo Jong denied that North Korea exported weapons to Russia on Friday.\n"
    "South Korea said about 7,000 containers were shipped to Russia last year.\n"
)
OTHER = (
    "North Korea exported no weapons to Russia, Kim Yo Jong said on Friday.\n"
    "Seoul says 7,000 containers of munitions were shipped to Russia last year.\n"
)
BOILERPLATE = "Home > World > Asia\nShare on Facebook\n"  # every line goes in cleaning


def event(sources: dict[str, str], candidates: dict[str, str]) -> Event:
    return Event(
        "e",
        tuple(Document(i, "source", t, f"{i}.txt") for i, t in sources.items()),
        tuple(Document(i, "candidate", t, f"candidates/{i}.txt") for i, t in candidates.items()),
        "test",
    )


def summary(result: EventResult) -> dict[str, dict[str, str]]:
    """summary.csv's cells per candidate, as the report writes them."""
    return {
        row[1]: dict(zip(SUMMARY.names, (fmt(v) for v in row), strict=True))
        for row in rows(result)["summary.csv"]
    }


def test_empty_and_cleaned_away_candidates_have_their_own_reasons(
    fast_cfg: Config, fast_resources: Resources
) -> None:
    sources = {"a": ARTICLE, "b": OTHER, "c": BOILERPLATE}
    result = run_event(event(sources, {"blank": "\n"}), fast_cfg, fast_resources)
    why = {s.candidate: s.unscorable for s in result.scores}
    assert why == {"b": None, "blank": Unscorable.EMPTY, "c": Unscorable.CLEANED}
    table = summary(result)
    assert (
        table["c"]["note"] == "no sentences to score: cleaning removed every line (see removed.csv)"
    )
    assert table["blank"]["note"] == "no sentences to score: the candidate text is empty"
    assert table["c"]["rougeL"] == table["c"]["score"] == "NaN" and table["c"]["rank"] == ""
    assert _event_info(result)["unscored"] == 2


def test_a_candidate_scored_without_key_facts_counts_as_unscorable(
    fast_cfg: Config, fast_resources: Resources
) -> None:
    """Every source line is a title, and a title is never a key fact: coverage is NaN."""
    titles = {
        "a": "Kim Yo Jong denies that North Korea exported weapons to Russia\n",
        "b": "North Korea exported no weapons to Russia says Kim Yo Jong\n",
    }
    result = run_event(event(titles, {"good": "Kim Yo Jong denied it."}), fast_cfg, fast_resources)
    assert {s.unscorable for s in result.scores} == {Unscorable.NO_FACTS}
    assert all(s.claims > 0 for s in result.scores)  # it has claims, but no score
    assert _event_info(result)["unscored"] == len(result.scores) == 2


def test_rouge_without_a_reference_is_nan_and_no_overlap_is_a_float_zero(
    fast_cfg: Config, fast_resources: Resources
) -> None:
    unreadable = "Ким Ё Чжон отрицала экспорт оружия в Россию."  # no token ROUGE can read
    result = run_event(
        event({"a": ARTICLE, "b": OTHER}, {"ru": unreadable}), fast_cfg, fast_resources
    )
    cells = summary(result)["ru"]
    assert (cells["rouge1"], cells["rouge2"], cells["rougeL"]) == ("0.0000",) * 3
    scores = FastRouge().score_sentences(["a b c"], [unreadable])
    assert all(type(s.fmeasure) is float for s in scores.values())
    cleaned = {"a": BOILERPLATE, "b": "Related\nShare on Twitter\n"}
    result = run_event(event(cleaned, {"good": "Kim Yo Jong denied it."}), fast_cfg, fast_resources)
    cells = summary(result)["good"]
    assert (cells["rouge1"], cells["rouge2"], cells["rougeL"]) == ("NaN",) * 3
    assert cells["note"] == Unscorable.NO_FACTS.value


def test_rouge_reads_a_decomposed_accent_as_the_composed_one() -> None:
    """The same name written with a combining mark ("Jo\\u0308ng") and precomposed ("Jöng")
    looks alike; rouge-score kept "jo" of one and "j" of the other (found by fuzzing: rouge-1
    0.386 against 0.351 for the same summary)."""
    scorer = FastRouge()
    target = "Kim Yo J\u00f6ng denied that North Korea sold arms."
    composed = scorer.score(target, "Kim J\u00f6ng denied the arms sales.")
    decomposed = scorer.score(target, "Kim Jo\u0308ng denied the arms sales.")
    assert composed == decomposed
    assert composed["rouge1"].precision < 1  # the words that differ still count
