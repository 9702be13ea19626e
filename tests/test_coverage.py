"""The coverage matcher: soft recall of a fact's words in the candidate, read in context."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pytest

from evalkit.embed import HashedEmbedder
from evalkit.pipeline import Resources
from evalkit.records import Fact
from evalkit.stages.coverage import measure_facts

from .test_reference_facts import seg


def facts(*texts: str) -> list[Fact]:
    return [Fact(f"F{i + 1}", t, 1, "test", ()) for i, t in enumerate(texts)]


def test_recall_weighs_each_word_by_how_specific_it_is_to_the_fact() -> None:
    # Hashed word vectors have no context: a word is present or not, so the soft recall is
    # the weighted share of the fact's words found. "pair" is in both facts: log(1 + 2/2);
    # "won" and "cup" in one: log(1 + 2/1) each.
    cand = seg("c", "The pair met in Paris.")
    got = measure_facts(facts("Pair met in Paris", "Pair won the cup"), [cand], HashedEmbedder())
    met, won = got["c"] or []
    assert met.recall == pytest.approx(1.0)
    assert won.recall == pytest.approx(math.log(2) / (math.log(2) + 2 * math.log(3)), abs=1e-6)
    assert won.plain_recall == pytest.approx(1 / 3)


def test_match_is_the_sentence_that_recalls_most_of_the_fact() -> None:
    cand = seg("c", "The old bridge stood for years.", "Repairs finished and it reopened in May.")
    (signals,) = (
        measure_facts(facts("The bridge reopened in May after repairs."), [cand], HashedEmbedder())[
            "c"
        ]
        or []
    )
    assert signals.match == cand.sentences[1]
    # the match has 3 of the fact's 4 words; its neighbour lends the fourth, "bridge"
    assert signals.recall == pytest.approx(1.0)
    fact = facts("The bridge reopened in May after repairs.")
    apart = seg(
        "a", "The old bridge stood for years.", "Traffic was light.", cand.sentences[1].text
    )
    (signals,) = measure_facts(fact, [apart], HashedEmbedder())["a"] or []
    assert signals.recall == pytest.approx(0.75)  # a sentence two away lends nothing


def test_a_candidate_without_sentences_has_no_signals_and_no_facts_none() -> None:
    empty, cand = seg("e"), seg("c", "Something happened.")
    got = measure_facts(facts("Something happened."), [empty, cand], HashedEmbedder())
    assert got["e"] is None and got["c"] is not None
    assert measure_facts([], [empty, cand], HashedEmbedder()) == {"e": None, "c": []}


def test_real_model_credits_a_paraphrase_over_an_unrelated_sentence(
    real_resources: Resources,
) -> None:
    fact = facts("Police arrested the gunman on Tuesday.")
    paraphrase = seg("p", "Officers detained the shooter on Tuesday.")
    unrelated = seg("u", "Heavy rain flooded the city centre on Tuesday.")
    got = measure_facts(fact, [paraphrase, unrelated], real_resources.embedder)
    (para,), (other,) = got["p"] or [], got["u"] or []
    assert para.plain_recall == other.plain_recall == pytest.approx(0.25)  # only "tuesday"
    assert para.recall > other.recall + 0.1


def test_real_model_reads_a_candidate_longer_than_its_input_whole(
    real_resources: Resources,
) -> None:
    filler = [f"Item {i} of the long list was read aloud at the meeting." for i in range(40)]
    last = "The zoo's oldest tortoise celebrated its birthday with a cake."
    cand = seg("c", *filler, last)
    emb = real_resources.embedder
    assert len(emb.tokens([" ".join(s.text for s in cand.sentences)])[0].spans) > 400
    (signals,) = (
        measure_facts(facts("The oldest tortoise had a birthday cake."), [cand], emb)["c"] or []
    )
    assert signals.match == cand.sentences[-1]
    assert signals.recall > 0.9


def test_real_model_tokens_do_not_depend_on_the_batch(real_resources: Resources) -> None:
    emb = real_resources.embedder
    text = "Kim Yo-jong denied that 7,000 containers were shipped."
    alone = emb.tokens([text])[0]
    batched = emb.tokens(
        ["A much longer text that pads the batch well beyond the first. " * 3, text]
    )[1]
    assert alone.spans == batched.spans and alone.words == batched.words
    assert np.array_equal(alone.vectors, batched.vectors)
    assert [text[a:b] for a, b in alone.spans][:4] == ["Kim", "Yo", "-", "jong"]


def test_matchers_are_chosen_by_name_and_the_baselines_give_zero_or_one() -> None:
    from evalkit.config import CoverageConfig
    from evalkit.errors import InputError
    from evalkit.stages.coverage import FactSignals, build_matcher

    cand = seg("c", "The bridge reopened.")
    half = FactSignals(similarity=0.7, recall=0.9, plain_recall=0.5, match=cand.sentences[0])
    cfg = CoverageConfig(lexical_threshold=0.5, cosine_threshold=0.8)
    assert build_matcher(CoverageConfig(name="lexical", lexical_threshold=0.5)).judge(half) == (
        "covered",
        1.0,
    )
    assert build_matcher(CoverageConfig(name="cosine", cosine_threshold=0.8)).judge(half) == (
        "missed",
        0.0,
    )
    state, credit = build_matcher(cfg).judge(half)  # soft_recall: a calibrated probability
    assert state == "covered" and 0.5 < credit < 1
    with pytest.raises(InputError, match="unknown coverage 'nli'; choose from: cosine, lexical"):
        build_matcher(CoverageConfig(name="nli"))


def test_a_match_tie_goes_to_the_first_sentence_whatever_the_last_bits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two sentences that recall a fact equally can differ in the last bit of a float64 sum
    with the arrays' memory layout (which moves with the other events of a batch): the match
    must not follow that bit. The bit is flipped here on purpose."""
    from evalkit.stages import coverage

    real = coverage.FactReading.recall

    def last_bit_up(
        self: coverage.FactReading,
        best: np.ndarray,
        said: Sequence[frozenset[str]],
        present: Sequence[frozenset[str]],
    ) -> tuple[np.ndarray, np.ndarray]:
        single, helped = real(self, best, said, present)
        single[:, 2] = np.nextafter(single[:, 2], np.inf)  # the repeat of sentence 1, one ulp up
        return single, helped

    monkeypatch.setattr(coverage.FactReading, "recall", last_bit_up)
    cand = seg(
        "c", "The bridge reopened in May.", "Traffic was light.", "The bridge reopened in May."
    )
    (signals,) = (
        measure_facts(facts("The bridge reopened in May."), [cand], HashedEmbedder())["c"] or []
    )
    assert signals.match == cand.sentences[0]


def test_a_fact_stated_with_another_value_is_misstated_and_earns_nothing() -> None:
    from evalkit.config import CoverageConfig
    from evalkit.stages.coverage import build_matcher, decide_facts

    fact = facts(
        "Shin said about 7,000 containers of munitions were shipped to Russia.",
        "Kim denied that North Korea exported weapons to Russia.",
        "The ministry said it is ready to repel threats.",
        "Opener Stuart Thompson hit 56 as Ireland made 165-5 in Greater Noida.",
        "He was fined 500 pounds for speeding on the motorway last week.",
    )
    cand = seg(
        "c",
        "Shin said about 4,000 containers of munitions were shipped to Russia.",
        "Kim confirmed that North Korea exported weapons to Russia.",
        "The ministry said it is ready to repel threats.",
        "Opener Stuart Thompson hit 56 as Afghanistan made 165-5 in Greater Noida.",
        "She was fined 500 pounds for speeding on the motorway last week.",
    )
    measured = measure_facts(fact, [cand], HashedEmbedder())["c"]
    matcher = build_matcher(CoverageConfig())
    shipped, denied, ready, made, fined = decide_facts(fact, "c", measured, matcher)
    assert (made.state, made.conflict) == ("misstated", "ireland -> afghanistan")
    assert (fined.state, fined.score, fined.conflict) == ("misstated", 0.0, "he -> she")
    assert (shipped.state, shipped.score, shipped.conflict) == ("misstated", 0.0, "7,000 -> 4,000")
    assert (denied.state, denied.score, denied.conflict) == (
        "misstated",
        0.0,
        "negated -> affirmed",
    )
    assert ready.state == "covered" and ready.score > 0.5 and ready.conflict == ""
    # a fact the candidate does not state is missed, whatever figure a near sentence has
    other = facts("Officials said 7,000 homes in the northern district lost power for days.")
    far = measure_facts(other, [cand], HashedEmbedder())["c"]
    assert decide_facts(other, "c", far, matcher)[0].state == "missed"
    # the baselines have no notion of a misstated fact
    lexical = build_matcher(CoverageConfig(name="lexical", lexical_threshold=0.5))
    assert decide_facts(fact, "c", measured, lexical)[0].state == "covered"


def test_real_model_a_facts_credit_does_not_move_with_unrelated_sentences(
    real_resources: Resources,
) -> None:
    """The tolerance is zero: a sentence is read on its own and a neighbour lends it only the
    fact's words the neighbour says, so the same sentence gives a fact the same recall, match
    and credit whatever sentences that say none of the fact's words surround it."""
    from evalkit.config import CoverageConfig
    from evalkit.stages.coverage import build_matcher, decide_facts

    fact = facts("The cause of the fire at the warehouse is not yet known.")
    same = "The cause of the fire is not yet known."
    cands = [
        seg("a", same),
        seg("b", "Firefighters worked through the night.", same, "Roads were closed."),
        seg("c", "Residents were told to keep windows shut.", same),
    ]
    got = measure_facts(fact, cands, real_resources.embedder)
    matcher = build_matcher(CoverageConfig())
    decided = [decide_facts(fact, c.doc_id, got[c.doc_id], matcher)[0] for c in cands]
    assert len({(m.score, m.state, m.match.text if m.match else "") for m in decided}) == 1
    assert len({(got[c.doc_id] or [])[0].recall for c in cands}) == 1
    # a neighbour that says one of the fact's words ("warehouse") lends it
    lends = seg("d", "The warehouse stored furniture.", same)
    helped = (measure_facts(fact, [lends], real_resources.embedder)["d"] or [])[0]
    assert helped.recall > (got["a"] or [])[0].recall + 0.05


def test_real_model_a_name_or_figure_counts_only_when_the_sentence_says_it(
    real_resources: Resources,
) -> None:
    """ "Seoul" read in a sentence about North Korea is close to it without saying it: the
    seed fact about weapons "designed to attack Seoul" is not covered by a sentence about
    the weapons tests that never mentions Seoul, and "Kim" says "Kim Yo Jong"."""
    from evalkit.config import CoverageConfig
    from evalkit.stages.coverage import build_matcher, decide_facts

    fact = facts(  # as in the seeds' key facts, where "Kim Yo Jong said" is in many facts
        "Kim Yo Jong said the recently tested weapons are designed to attack Seoul.",
        "Kim Yo Jong said North Korea's recent weapons tests were part of its arms plan.",
        "Kim Yo Jong said North Korea has no intention to export its weapons.",
        "Kim Yo Jong denied that North Korea exported weapons to Russia.",
    )
    tests = seg(
        "t",
        "Kim Yo Jong said North Korea's recent weapons tests were purely performed as part "
        "of the country's five-year arms plan launched in 2019.",
    )
    says = seg("s", "Kim said the weapons tested are meant to strike Seoul, the capital.")
    got = measure_facts(fact, [tests, says], real_resources.embedder)
    matcher = build_matcher(CoverageConfig())
    (missed, *_), (covered, *_) = (decide_facts(fact, c, got[c], matcher) for c in ("t", "s"))
    assert missed.state == "missed" and missed.score < 0.5
    assert covered.state == "covered" and covered.score > 0.7
