"""The claims stage's token and weakest precision: how far a claim's top evidence says its
words, on average and where it says them least."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evalkit.config import CleanConfig, Config, VerifierConfig
from evalkit.embed import HashedEmbedder
from evalkit.pipeline import Resources, run_event
from evalkit.records import Claim, Document, Event, Segmented
from evalkit.stages.claims import (
    WEAKEST,
    Measured,
    document_evidence,
    judge_claims,
    measure_claims,
    precisions,
)
from evalkit.stages.clean import clean_documents
from evalkit.stages.segment import segment
from evalkit.text import content_stems, whole_word
from evalkit.verifiers import ClaimSignals, EmbeddingVerifier, build_verifier

from .conftest import ROOT
from .test_reference_facts import seg

SOURCE = (
    "Police said the man was killed in the attack on Tuesday.",
    "The mayor visited the city on Friday.",
)


def measured(embedder: object, *claims: str) -> list[ClaimSignals]:
    """What the claims stage measures of each claim against SOURCE."""
    cfg = VerifierConfig()
    cand = seg("c", *claims)
    found = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences, 1)]
    evidence = document_evidence(seg("s", *SOURCE), cfg, embedder)  # type: ignore[arg-type]
    return [m.signals for m in measure_claims(found, evidence, cfg, embedder)]  # type: ignore[arg-type]


def token_precisions(embedder: object, *claims: str) -> list[float]:
    return [s.token_precision for s in measured(embedder, *claims)]


def judged(
    source: Segmented, cand: Segmented, cfg: VerifierConfig, embedder: HashedEmbedder
) -> list[Measured]:
    """What the claims stage measures of each sentence of `cand` against `source`."""
    claims = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences, 1)]
    return measure_claims(claims, document_evidence(source, cfg, embedder), cfg, embedder)


def ranked_first(
    source: Segmented, claim: str, cfg: VerifierConfig, embedder: HashedEmbedder
) -> int:
    """The source sentence closest to the claim by the embedder."""
    sims = document_evidence(source, cfg, embedder).vectors @ embedder.encode([claim])[0]
    return int(np.argmax(sims))


def test_a_paraphrase_counts_nearly_whole_and_a_new_predicate_little(
    real_resources: Resources,
) -> None:
    same, died, fined = token_precisions(
        real_resources.embedder,
        "The man was killed in the attack, police said.",
        "Police said the man died in the attack on Tuesday.",
        "Police said the man was fined by the bank on Tuesday.",
    )
    assert same == 1.0  # every content word is in the evidence
    # "died" is missing word for word, but the evidence says "killed": nearly whole
    assert 0.9 < died < 1.0
    # "fined" and "bank" have nothing like them there: the exact share (3 of 5) and a little
    assert 0.6 <= fined < 0.8 and died - fined > 0.15


def test_without_context_it_is_the_exact_share_of_the_words() -> None:
    """The hashed fake reads every word alone (no two words alike), so a missing word counts
    0 and the signal is the share of the claim's content words in its top evidence."""
    claim = "Police said the man was fined by the bank on Tuesday."
    (got,) = token_precisions(HashedEmbedder(), claim)
    words = content_stems(claim)
    assert got == len(words & content_stems(" ".join(SOURCE))) / len(words)


def test_a_window_is_read_as_its_sentences_and_covers_a_claim_joining_them() -> None:
    embedder, cfg = HashedEmbedder(), VerifierConfig()
    evidence = document_evidence(seg("s", *SOURCE), cfg, embedder)
    (window,) = evidence.windows
    assert window.text == " ".join(SOURCE)
    singles = [r for unit in evidence.readings[: len(evidence.singles)] for r in unit]
    joined = evidence.readings[len(evidence.singles)]
    assert len(joined) == 2 and all(
        np.array_equal(a, b) for a, b in zip(joined, singles, strict=True)
    )
    claim = "Police said the man was killed; the mayor visited the city."
    (both,) = token_precisions(embedder, claim)
    assert both == 1.0


def test_weakest_precision_is_the_mean_of_the_least_said_words() -> None:
    said = [("a", 1.0), ("b", 0.2), ("c", 0.9), ("d", 0.5)]
    assert WEAKEST == 3
    assert precisions(said) == (0.65, (0.2 + 0.5 + 0.9) / 3, ("b", "d", "c"))
    assert precisions([("a", 0.4), ("b", 1.0)]) == (0.7, 0.7, ("a",))  # fewer than WEAKEST
    assert precisions([]) == (0.0, 0.0, ())


def test_a_clause_the_evidence_lacks_shows_in_weakest_precision_and_the_reason() -> None:
    """With the context-free fake a word counts 1 or 0: a copy is 1 everywhere; a copy with
    a clause of three new words keeps most of its words, but its weakest three are 0, and the
    reason names them."""
    copy, added = measured(
        HashedEmbedder(),
        "Police said the man was killed in the attack on Tuesday.",
        "Police said the man was killed in the attack on Tuesday, aiding rival bankers.",
    )
    assert (copy.token_precision, copy.weakest_precision, copy.least_said) == (1.0, 1.0, ())
    assert added.token_precision == 5 / 8  # aiding, rival, bankers: not in SOURCE
    assert added.weakest_precision == 0.0
    assert added.least_said == ("aiding", "rival", "bankers")
    _, _, reason = EmbeddingVerifier(VerifierConfig()).judge(added)
    assert reason.endswith("; least said: aiding, rival, bankers)")


def test_the_reason_names_a_word_the_model_read_in_pieces_whole_and_once() -> None:
    """The model reads "Jong-un" as "jong", "-", "un" and "9,000" as "9", ",", "000"; the
    reason names each such word as written, once, and not its pieces."""
    kim, men = measured(
        HashedEmbedder(),
        "Police said the man was killed in the attack by Jong-un.",
        "Police said the man was killed in the attack on Tuesday by 9,000 men.",
    )
    assert (kim.least_said, kim.weakest_precision) == (("Jong-un",), 1 / 3)  # 2 pieces at 0
    assert men.least_said == ("9,000",)  # "men" is in SOURCE's "man"
    assert precisions([("Jong-un", 0.1), ("Jong-un", 0.2), ("a", 0.3)])[2] == ("Jong-un", "a")


def test_treebank_brackets_are_no_words_of_a_claim() -> None:
    """Tokenised text writes "(" as "-lrb-": a tokenised copy says every word, as the plain."""
    (copy,) = measured(
        HashedEmbedder(), "police said the man was killed -lrb- in the attack -rrb- on tuesday ."
    )
    assert (copy.token_precision, copy.weakest_precision, copy.least_said) == (1.0, 1.0, ())


@pytest.mark.parametrize(
    ("text", "piece", "whole"),
    [
        ("Kim Jong-un’s sister", "un", "Jong-un"),
        ("sent 7,000 containers.", "000", "7,000"),
        ("its self-renewal, critics said", "self", "self-renewal"),
        ("the U.S. has", "S", "U.S."),
        ("the end.", "end", "end"),
        ("a (test) b", "test", "test"),
    ],
)
def test_whole_word(text: str, piece: str, whole: str) -> None:
    start = text.index(piece)
    assert whole_word(text, start, start + len(piece)) == whole


def test_a_figure_the_evidence_writes_alike_is_said_word_for_word(
    real_resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model reads "20ft" as one word and tokenised "£ 7 , 500" as "7", "500"; the word
    rules read "20", "ft" and the figure 7,500. A claim copying either from its evidence has
    it said word for word, not among its least-said words."""
    monkeypatch.setattr(
        __name__ + ".SOURCE",
        (
            "Police said the hedge was cut to 20ft on Tuesday.",
            "He spent £ 7 , 500 on a hair transplant .",
        ),
    )
    hedge, hair = measured(
        real_resources.embedder,
        "On Tuesday police said the old hedge had been trimmed to 20ft.",
        "Last year he spent £ 7 , 500 on his hair transplant .",
    )
    assert hedge.least_said == ("old", "trimmed")
    assert set(hair.least_said) == {"Last", "year"}


CHAT = """Amanda: I baked  cookies. Do you want some?
Jerry: Sure!
Amanda: I'll bring you tomorrow :-)
Hannah: Hey, do you have Betty's number?
Amanda: Lemme check
Jerry: ok"""


def one_source(name: str, source: str, summaries: dict[str, str]) -> Event:
    """An event of one source and these candidates (id -> text)."""
    return Event(
        name,
        (Document(name, "source", source, f"{name}.txt"),),
        tuple(Document(k, "candidate", v, f"{k}.txt") for k, v in summaries.items()),
        f"{name}.txt",
    )


def test_a_dialogue_is_read_by_its_turns(real_resources: Resources) -> None:
    """End to end with the real model: a chat's short turns stay sources ("Jerry: ok"), and a
    summary that gives a speaker's "I baked" to another person is contradicted, the faithful
    one supported."""
    summaries = {
        "faithful": "Amanda baked cookies and will bring Jerry some tomorrow.",
        "swapped": "Jerry baked cookies and will bring Amanda some tomorrow.",
    }
    result = run_event(one_source("chat", CHAT, summaries), Config(), real_resources)
    assert not result.removed
    verdicts = {a.claim.candidate: (a.verdict, a.reason) for a in result.alignments}
    assert verdicts["faithful"][0] == "supported"
    assert verdicts["swapped"] == (
        "contradicted",
        "nearest source sentence disagrees: name Jerry where the source has Amanda",
    )


def test_an_invented_clause_joined_by_a_semicolon_is_a_claim_of_its_own(
    real_resources: Resources,
) -> None:
    """End to end with the real model: the clauses a summary joins with semicolons are judged
    one by one, so an invented one is unsupported beside a sourced one, as the same two
    written as sentences are; read as one claim, the sourced clause carried the invented one."""
    source = (
        "Police arrested the gunman on Tuesday after a six-hour search of the old harbour. "
        "The mayor thanked the officers and said the city was safe again."
    )
    sourced = "Police arrested the gunman on Tuesday after a six-hour search"
    invented = "the governor ordered an inquiry into the hospital's finances."
    summaries = {"joined": f"{sourced}; {invented}", "sentences": f"{sourced}. {invented}"}
    result = run_event(one_source("s", source, summaries), Config(), real_resources)
    for name, text in summaries.items():
        claims = [a for a in result.alignments if a.claim.candidate == name]
        spans = [(a.claim.sentence.start, a.claim.sentence.end) for a in claims]
        assert [text[a:b] for a, b in spans] == [sourced + "." * (name == "sentences"), invented]
        assert [a.verdict for a in claims] == ["supported", "unsupported"]


def test_a_romanised_name_is_known_with_or_without_its_hyphen() -> None:
    """ "Shin Won-sik" where the sources write "Shin Wonsik" (and "Kim Yojong" for "Kim
    Yo-jong") adds no name; before, "sik" was a name found in no source."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg("s", "Defence minister Shin Wonsik met Kim Yo-jong on Friday.")
    cand = seg("c", "Shin Won-sik met Kim Yojong.", "Shin Won-ho met Kim Yo Jong.")
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_names for m in found] == [(), ("ho", "won")]


def test_a_quotation_no_source_has_word_for_word_is_found_in_no_source() -> None:
    """A quote is someone's own words: one of four words or more that no source has (a
    paraphrase put in quotation marks, an invented quote) is unsupported; one that a source
    has, across its sentences, around an ellipsis or in tokenised text ("did n't"), is not.
    Before, "North Korea will never bow to foreign pressure" in quotation marks was supported
    at 0.67."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg(
        "s",
        "“We have no intention to export our capabilities,” Kim said. “It is absurd. It is a "
        "paradox.”",
        "the teacher said he did n't expect to pull out of the race .",
        "“I gave all this data to the security service, but they still can't get round to "
        "analysing it,” he said.",
        "“It is a tight race between the two campaigns,” the analyst said.",
    )
    cand = seg(
        "c",
        'Kim said "we will never bow to foreign pressure".',
        'Kim said "we have no intention to export our capabilities".',
        'Kim said "we have no intention ... It is absurd".',
        'Kim said: "It is absurd. It is a paradox."',
        'Kim said: "our capabilities. It is absurd."',
        'The teacher said he "didn\'t expect to pull out".',
        'Kim called it "a total paradox".',  # three words: too few to be sure of a misquote
        # a word left out of a long quote
        "He said \"I gave all this data to the security service, but they can't get round to "
        'analysing it".',
        'He said "but they cannot get round to it".',
        # a number in figures for its word
        'The analyst said "it is a tight race between the 2 campaigns".',
        'The analyst said "it is a tight race between the 3 campaigns".',
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_names for m in found] == [
        ("“we will never bow to foreign pressure”",),
        (),
        (),
        (),
        ("“our capabilities. It is absurd.”",),  # two quotes joined as one
        (),
        (),
        (),
        ("“but they cannot get round to it”",),
        (),
        ("“it is a tight race between the 3 campaigns”",),
    ]


def test_a_long_sentence_with_most_of_the_claims_words_decides_where_the_closest_do_not() -> None:
    """A long sentence that says the claim among other things ranks low by cosine; where no
    close unit decides, the sentence with most of the claim's words may contradict it (LLM
    summary of a match report: "Ipswich have now won four of their last five away games").
    Not for a claim with something novel: that is unsupported already."""
    embedder, cfg = HashedEmbedder(), VerifierConfig()
    source = seg(
        "s",
        "The Tractor Boys, who have now lost four of their last five away games, were caught "
        "cold by goals in the opening half hour by the home side's strike pair on a windy "
        "night at the ground in front of a crowd of nearly twenty thousand fans.",
        "Ipswich have now played at home.",
        "Ipswich have now signed a striker.",
        "Their manager was angry.",
    )
    cand = seg(
        "c",
        "Ipswich have now won four of their last five away games.",
        "Ipswich have now lost four of their last five away games.",
        "Ipswich have now won four of their last five away games in Leeds.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.conflict for m in found] == ["opposite won where the source has lost", "", ""]
    assert found[0].evidence is not None and found[0].evidence.text.startswith("The Tractor")
    assert found[2].signals.novel == ("leeds",)


def test_the_sentence_with_most_of_the_claims_words_decides_lower_cased_too() -> None:
    """Lower-cased (a tokenised release's sources, a system that writes lower case), the
    sentence with most of the claim's words decides as it does in cased text, but not by a
    negation: without capitals to split at, a "sentence" may run on into its neighbour."""
    # no unit is close enough by cosine to decide: the sentence with most words alone may
    embedder, cfg = HashedEmbedder(), VerifierConfig(contradiction_similarity=1.0, window=1)
    long = (
        "the tractor boys, who have now lost four of their last five away games, were caught "
        "cold by goals in the opening half hour by the home side's strike pair on a windy "
        "night at the ground in front of a crowd of nearly twenty thousand fans."
    )
    rest = ("ipswich have now played at home.", "their manager was angry.")
    cand = seg("c", "ipswich have now won four of their last five away games.")
    found = judged(seg("s", long, *rest), cand, cfg, embedder)
    assert [m.signals.conflict for m in found] == ["opposite won where the source has lost"]
    negated = long.replace("have now lost four", "have not lost four")
    cand = seg("c", "ipswich have now lost four of their last five away games.")
    found = judged(seg("s", negated, *rest), cand, cfg, embedder)
    assert [m.signals.conflict for m in found] == [""]
    # cased, the same negation decides
    found = judged(
        seg("s", negated.capitalize().replace("tractor boys", "Tractor Boys"), *rest),
        seg("c", "Ipswich have now lost four of their last five away games."),
        cfg,
        embedder,
    )
    assert [m.signals.conflict for m in found] == ["negation: only the source denies or negates it"]


def test_a_sentence_one_half_of_a_joined_claim_comes_from_may_give_another_amount() -> None:
    """A claim that joins two sentences shares most words with the one it takes least from;
    where no close unit decides, a sentence with half the claim's words besides its figures
    decides by another amount of the same thing ("30 goes" against "19 goes"), nothing else:
    its other words may be another statement's."""
    embedder = HashedEmbedder()
    cfg = VerifierConfig(contradiction_similarity=1.0, window=1)
    source = seg(
        "s",
        "Many punters will pin their hopes on McCoy delivering a result like he did in 2010 when"
        " he won this famous race on Don't Push It.",
        "'I've had 19 goes at this race and won once, so that gives you an idea.'",
        "'I've got 30 fences in my way!'",
    )
    cand = seg(
        "c",
        "He has had 30 goes at this race and won once, on Don't Push It in 2010.",
        "He has had 19 goes at this race and won once, on Don't Push It in 2010.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.conflict for m in found] == ["number 30 where the source has 19", ""]
    assert found[0].evidence is not None and "19 goes" in found[0].evidence.text
    # a word put for another in the sentence one word short decides nothing
    other = seg("c", "He has had 19 goes at this track and won once, on Don't Push It in 2010.")
    assert [m.signals.conflict for m in judged(source, other, cfg, embedder)] == [""]
    # a part of a long joined claim against the sentence it comes from
    source = seg(
        "s",
        "The 1-0 victory at Burnley was the sixth clean sheet the Gunners had kept in 12 Premier"
        " League games since David Ospina took over.",
        "More important, Arsenal have won 11 of those matches to move from sixth in the table"
        " to second.",
        "He was pleased, with 6 saves.",
    )
    joined = seg(
        "c",
        "The 1-0 victory at Burnley was the sixth clean sheet the Gunners had kept in 12 Premier"
        " League games since David Ospina took over, and Arsenal have won 6 of those matches to"
        " move from sixth in the table to second.",
    )
    found = judged(source, joined, cfg, embedder)
    assert [m.signals.conflict for m in found] == ["number 6 where the source has 11"]
    # a unit of measure alone is no thing counted: hours of calls are no hours of watch time
    source = seg(
        "s",
        "According to Apple, the watch can be used for up to three hours for calls.",
        "Watch: when used as a watch the device will last for 48 hours if checked five times an"
        " hour.",
    )
    calls = seg(
        "c",
        "According to Apple, the watch can be used for up to three hours for calls, and it"
        " takes 1.5 hours to charge the watch to 80 % and 2.5 hours for a full charge.",
    )
    assert [m.signals.conflict for m in judged(source, calls, cfg, embedder)] == [""]
    # nor a currency alone, its figure written with commas (the check set's "£1,580,575"
    # against "£1.45" per vote)
    source = seg(
        "s",
        "the lib dems spent £1,580,575 and lost all but one of their meps - labour , which came"
        " second , spent £1,027,339 .",
        "the figures cover the campaign period from 23 january to polling day , 22 may .",
        "for labour it is 26p per vote , the conservatives 79p and the lib dems , who lost 11 of"
        " their 12 meps , £1.45.",
    )
    spent = seg(
        "c",
        "the lib dems spent £1,580,575 and lost all but one of their meps - labour , which came"
        " second , spent £1,027,339 from 23 january .",
    )
    found = judged(source, spent, cfg, embedder)
    assert not found[0].signals.conflict.startswith("number")


def test_a_part_of_a_joined_claim_read_alone_against_the_sentence_it_copies() -> None:
    """A claim that joins two sentences says too much beside either to be read against it; a
    part that copies a sentence (three quarters of its words, in order) is read alone, for
    another date, figure or name, not for anything else a fragment may seem to say."""
    embedder = HashedEmbedder()
    cfg = VerifierConfig(contradiction_similarity=1.0, window=1)
    source = seg(
        "s",
        "MH370 disappeared in March 2014 with 239 people on board.",
        "In July part of an aircraft wing was found on Reunion Island.",
        "Malaysian authorities later confirmed the debris to be from the missing MH370 plane.",
    )
    joined = "{} part of an aircraft wing was found on Reunion Island, and Malaysian authorities"
    joined += " later confirmed the debris to be from the missing plane."
    found = judged(
        source, seg("c", joined.format("In March"), joined.format("In July")), cfg, embedder
    )
    assert [m.signals.conflict for m in found] == ["date march where the source has july", ""]
    assert found[0].evidence is not None and "In July" in found[0].evidence.text
    # a part is read against the sentence's own part it copies: the sentence's other figures
    # are another part's; a comma inside a figure parts nothing ("£1,750")
    source = seg(
        "s",
        "He had been released from prison in 2001, having served seven years of a life sentence,"
        " but was recalled when he pleaded guilty to downloading indecent images.",
        "He was recalled to prison in 2010.",
        "In 1958 reports recommended that the station should be closed as revenue was in the"
        " region of £1,750 per annum.",
    )
    fused = seg(
        "c",
        "Venables had been released from prison in 2001, having served seven years of a life"
        " sentence, but was recalled in 2010 when he pleaded guilty to downloading indecent"
        " images.",
        "A new siding was provided in 1956, however in 1958 reports recommended that the station"
        " should be closed as revenue was in the region of £1,750 per annum.",
    )
    assert [m.signals.conflict for m in judged(source, fused, cfg, embedder)] == ["", ""]
    # a part that copies too little of the sentence is not read alone
    source = seg(
        "s",
        "MH370 disappeared in March 2014 with 239 people on board.",
        "In July part of an aircraft wing was found on Reunion Island.",
        "Malaysian authorities later confirmed the debris to be from the missing MH370 plane.",
    )
    loose = joined.format("In March a piece of a wing from an aircraft turned up on Reunion,")
    loose = loose.replace(" part of an aircraft wing was found on Reunion Island,", "")
    assert [m.signals.conflict for m in judged(source, seg("c", loose), cfg, embedder)] == [""]


def test_a_window_the_claim_copies_but_for_a_negation_contradicts_it() -> None:
    """A quote of two sentences copied but for a negation: neither sentence alone says enough
    of the claim to compare, and the window holds the claim's figures (none), so it agreed;
    read as one sentence, the copy turns it. A window the claim copies less of decides
    nothing so."""
    embedder, cfg = HashedEmbedder(), VerifierConfig(contradiction_similarity=0.0, window=2)
    source = seg(
        "s",
        "he said: 'i always thought i had everyone pulling with me and suddenly i felt some were"
        " and some weren't.",
        "i didn't know who was on my side at the end and who wasn't.",
        "redknapp quit in february.",
    )
    said = (
        "he said: 'i always thought i had everyone pulling with me and suddenly i felt some were"
        " and some weren't. i knew who was on my side at the end and who wasn't.'"
    )
    evidence = document_evidence(source, cfg, embedder)

    def read(text: str) -> str:
        # the quote as one claim, as a summary's line that opens before it keeps it
        sentence = replace(seg("c", text).sentences[0], text=text, start=0, end=len(text))
        (found,) = measure_claims([Claim("c", "C1", sentence)], evidence, cfg, embedder)
        return found.signals.conflict

    assert read(said) == "negation: only the source denies or negates it"
    assert read(said.replace("i knew", "i didn't know")) == ""


def test_a_sentence_that_agrees_gives_way_to_one_the_claim_copies_more_that_disagrees() -> None:
    """The closest sentence by cosine may say nothing against a claim that another sentence,
    the one it copies most words from in order, contradicts: that one decides (LLM summary of
    a match report: "Maradona guided England to World Cup glory in 1986"). A claim that
    copies the agreeing sentence at least as closely keeps its agreement."""
    embedder, cfg = HashedEmbedder(), VerifierConfig(contradiction_similarity=0.0, window=1)
    source = seg(
        "s",
        "Maradona holds the World Cup aloft after guiding Argentina to glory in 1986.",
        "Maradona is widely considered one of the greatest players to have played the game "
        "and guided Argentina to World Cup glory in 1986.",
        "He scored against England with his hand.",  # England is no name found in no source
    )
    cand = seg(
        "c",
        "Maradona guided England to World Cup glory in 1986.",
        "Maradona holds the World Cup aloft after guiding England to glory in 1986.",
    )
    assert (
        ranked_first(source, cand.sentences[0].text, cfg, embedder) == 0
    )  # the sentence that agrees ranks first
    found = judged(source, cand, cfg, embedder)
    assert found[0].signals.conflict == "name england where the source has argentina"
    assert found[0].evidence is not None and found[0].evidence.text.startswith("Maradona is")
    assert found[1].signals.conflict == "name england where the source has argentina"
    assert found[1].evidence is not None and found[1].evidence.text.startswith("Maradona holds")


def test_a_figure_another_close_sentence_says_in_the_claims_words_is_no_conflict() -> None:
    """An article that rounds ("has lost 19st in just one year", then "managed to shed 18st
    10lb in just one year") does not make its rounded figure a conflict where the claim says it
    as the first sentence does (the twenty-sixth probe's faithful summary); a figure said only
    of another thing still conflicts."""
    embedder, cfg = HashedEmbedder(), VerifierConfig(contradiction_similarity=0.0, window=1)
    source = seg(
        "s",
        "A man who loved takeaways has lost 19st in just one year.",
        "David Rush, 33, from Lisburn, was forced to order special clothes.",
        "He jogged and, as a result, managed to shed 18st 10lb in just one year.",
        "His brother has lost 3st since June.",
    )
    claim = "Rush, 33, from Lisburn, has lost 19st in just one year."
    found = judged(source, seg("c", claim), cfg, embedder)
    assert [m.signals.conflict for m in found] == [""]
    claim = "Rush, 33, from Lisburn, managed to shed 3st in just one year."
    found = judged(source, seg("c", claim), cfg, embedder)
    assert [m.signals.conflict for m in found] == ["number 3 where the source has 18"]


def test_a_later_sentence_that_denies_what_the_agreeing_one_leaves_unsaid_decides() -> None:
    """A sentence that agrees with part of a claim gives way to a later close one that denies
    or turns a word of the claim the first does not say: "His family paid a ransom after
    receiving a call" agreed by "... received a call demanding a ransom payment" and denied by
    "No ransom was paid." A later sentence that denies only what the first already says does
    not outvote it."""
    embedder, cfg = HashedEmbedder(), VerifierConfig(contradiction_similarity=0.0, window=1)
    claim = "His family paid a ransom after receiving a phone call on Sunday."
    source = seg(
        "s",
        "His family received a phone call on Sunday demanding a ransom after the abduction.",
        "No ransom was paid to the gang.",
    )
    assert ranked_first(source, claim, cfg, embedder) == 0  # the sentence that agrees
    found = judged(source, seg("c", claim), cfg, embedder)
    assert found[0].signals.conflict == "negation: only the source denies or negates it"
    assert found[0].evidence is not None and found[0].evidence.text.startswith("No ransom")
    # the denied words are the first sentence's too: it keeps its agreement
    source = seg(
        "s",
        "His family paid a ransom after receiving a phone call on Sunday, police said.",
        "No ransom was paid to the gang.",
    )
    assert ranked_first(source, claim, cfg, embedder) == 0
    assert [m.signals.conflict for m in judged(source, seg("c", claim), cfg, embedder)] == [""]


def test_a_windows_sentence_that_disagrees_does_not_outvote_the_one_the_claim_copies(
    real_resources: Resources,
) -> None:
    """End to end with the real model on the seeds: the closest unit is a window of the
    sentence the claim copies (7,000 containers shipped) and the next (more than 9,000
    received). The claim was made from the first, so the second's figure is no conflict; a
    copy with another figure is still contradicted by the sentence it copies."""
    sources = tuple(
        Document(p.stem, "source", p.read_text(encoding="utf-8"), p.name)
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    said = "Shin Wonsik said North Korea had shipped about {} containers to Russia."
    claims = {"copy": said.format("7,000"), "swap": said.format("5,000")}
    candidates = tuple(Document(k, "candidate", v, f"{k}.txt") for k, v in claims.items())
    cfg = Config()
    cfg.data.sources_as_candidates = False
    result = run_event(Event("seeds", sources, candidates, "seeds"), cfg, real_resources)
    found = {a.claim.candidate: a for a in result.alignments}
    assert found["copy"].verdict == "supported"
    assert found["swap"].verdict == "contradicted"
    assert found["swap"].reason.endswith("number 5,000 where the source has 7,000")


def test_a_sentence_without_the_claims_figure_does_not_outvote_one_that_disagrees() -> None:
    """A sentence that agrees but holds none of the claim's figures decides nothing: the
    sentences with most of the claim's words (each, where several tie) are read for one that
    disagrees (an LLM summary's "lollipop lady for 55 years", 55 being another's age). A name
    given an age the sources never give it is contradicted by the sentence with its age."""
    embedder = HashedEmbedder()
    cfg = VerifierConfig(top_k=1, window=1, contradiction_similarity=0.0)
    source = seg(
        "s",
        'Mr Wright said: "I understand Sylvia had been a much-loved lollipop lady for them."',
        "The mother-of-three, a lollipop lady for 20 years, was on duty in Bedford Road as "
        "pupils left school.",
        "Sylvia Blackburn, 72, suffered serious head injuries outside the school.",
        "Brian Wright, 55, of Kempston, told the court he had been blinded by the sun.",
    )
    cand = seg(
        "c",
        "Sylvia Blackburn had been a lollipop lady for 55 years.",
        "Sylvia Blackburn had been a lollipop lady for 20 years.",
        "Brian Wright, 72, denies causing serious injury.",
    )
    assert (
        ranked_first(source, cand.sentences[0].text, cfg, embedder) == 0
    )  # the sentence without the figure ranks first
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.conflict for m in found] == [
        "number 55 where the source has 20",
        "",
        "number 72 where the source has 55",
    ]
    assert found[0].evidence is not None and found[0].evidence.text.startswith("The mother")
    assert found[2].evidence is not None and found[2].evidence.text.startswith("Brian Wright")


def test_a_lower_cased_word_put_for_another_is_a_swap_only_where_the_sources_have_it() -> None:
    """Lower-cased sources: "cautioned" for "warned" is the summary's own word (no source has
    it), a paraphrase; "Jones" for "police" recombines the sources' words, a swap; an
    opposite the sources lack is still one ("reduce" for "increase")."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg(
        "s",
        "police warned that anyone caught with the cash could land behind bars .",
        "jones visited the depot on friday .",
        "the new rules can also increase delays , the report found .",
    )
    cand = seg(
        "c",
        "Police cautioned that anyone caught with the cash could land behind bars.",
        "Jones warned that anyone caught with the cash could land behind bars.",
        "The new rules can also reduce delays, the report found.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.conflict for m in found] == [
        "",
        "name jones where the source has police",
        "opposite reduce where the source has increase",
    ]


@pytest.mark.parametrize(
    ("source", "cand", "conflict", "shown"),
    [
        # "She added ..." is Kim Yo Jong's (named two sentences before): John Kirby is the
        # wrong speaker. Before, the pronoun named no one and the claim was supported at 0.83
        # (a probe of the seeds).
        (
            (
                "On Friday, Kim Yo Jong called the speculation an absurd paradox.",
                "“We have no intention to export arms,” she said.",
                "She added the weapons are designed to attack Seoul.",
                "John Kirby said the missiles were fired at Ukraine.",
            ),
            (
                "John Kirby said the weapons are designed to attack Seoul.",
                "Kim said the weapons are designed to attack Seoul.",
            ),
            "name john, kirby where the source has jong, kim, yo",
            "She added",
        ),
        # the article names Andrea Carter only after the "she" (`conflict.misnamed`)
        (
            (
                "Chloe Hart, 29, from Leeds, built the app in her spare time.",
                "She then sold it to a firm in London for a small sum.",
                "Andrea Carter runs that firm.",
            ),
            (
                "Andrea Carter then sold it to a firm in London for a small sum.",
                "Chloe Hart then sold it to a firm in London for a small sum.",
            ),
            "name andrea carter where the source has she",
            "She then",
        ),
    ],
)
def test_a_name_put_for_a_she_who_is_someone_else_is_contradicted(
    source: tuple[str, ...], cand: tuple[str, ...], conflict: str, shown: str
) -> None:
    """A claim that gives a source's "she" another name than hers is contradicted, with that
    sentence as its evidence; her own name agrees."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    found = judged(seg("s", *source), seg("c", *cand), cfg, embedder)
    assert [m.signals.conflict for m in found] == [conflict, ""]
    assert found[0].evidence is not None and found[0].evidence.text.startswith(shown)


def test_a_count_the_sources_say_as_a_multiple_is_no_figure_found_in_no_source() -> None:
    """ "three times what it costs" where the sources say "treble what it costs"."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg("s", "Some charge up to £2,700 for one eye, treble what it costs the NHS.")
    cand = seg("c", "Some charge £2,700, three times what it costs.", "Some charge four times.")
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [(), ("four",)]
    # "almost a century" is almost 100 years (the fourteenth probe's)
    source = seg("s", "Hatfield Colliery closed in June after almost a century of production.")
    cand = seg("c", "Hatfield Colliery shut in June after almost 100 years.", "It ran 90 years.")
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [(), ("90",)]


def test_a_claim_that_names_its_speaker_is_read_against_the_sentence_it_copies() -> None:
    """The quote a claim copies may rank below another sentence of the speaker it names; the
    sentence it copies most words from, in order, says who spoke them (a probe of extractive
    summaries: '"We're not going to take away anything ...," said ... Mark Cueto', where the
    article has Diamond say it)."""
    # only the first sentence is close enough by cosine to decide, and it agrees
    embedder, cfg = HashedEmbedder(), VerifierConfig(window=1)
    source = seg(
        "s",
        '"We are not going to take away anything from him," said former winger Mark Cueto.',
        '"We are not going to take away anything that he has already got, we cannot enhance '
        "that at all at the moment, and the coaches agree on every single point of the plan "
        'for the season," said hooker Steve Diamond.',
        "Diamond has coached the side for ten years.",
    )
    claim = '"We are not going to take away anything that he has already got," said {}.'
    found = judged(source, seg("c", claim.format("Mark Cueto")), cfg, embedder)
    assert [m.signals.conflict for m in found] == [
        "name cueto, mark where the source has diamond, steve"
    ]
    found = judged(source, seg("c", claim.format("Steve Diamond")), cfg, embedder)
    assert [m.signals.conflict for m in found] == [""]


def test_a_short_quote_given_a_described_speaker_is_read_against_the_sentence_quoted() -> None:
    """A quote too short beside its speaker's description for the copy rule: the one source
    sentence that has it says who spoke it (eighteenth probe: '"There is every reason to be
    surprised," said Leeds head coach Garry Monk', where the article's label names Wagner).
    The quote goes on in single quotes after a speaker's colon ("Passer-by Kuan Tseng said: 'It
    seemed ...' | 'The woman was hysterical ...'"), and a quote two sentences have decides
    nothing."""
    embedder, cfg = HashedEmbedder(), VerifierConfig(window=1)
    article = (
        "Leeds head coach Garry Monk:",
        '"I am disappointed with the result, of course.',
        "Huddersfield head coach David Wagner:",
        '"There is every reason to be surprised.',
        "Passer-by Kuan Tseng, 32, said: 'It seemed that she had already parked the car.",
        "'The woman was hysterical and begging him to wake up, but he was already dead.'",
        "Song was rushed to hospital.",
    )
    source = seg("s", *article)
    claim = '"There is every reason to be surprised," said {}.'
    found = judged(source, seg("c", claim.format("Leeds head coach Garry Monk")), cfg, embedder)
    assert [m.signals.conflict for m in found] == [
        "name garry, monk where the source has david, wagner"
    ]
    assert found[0].evidence is not None and "surprised" in found[0].evidence.text
    found = judged(source, seg("c", claim.format("Huddersfield coach David Wagner")), cfg, embedder)
    assert [m.signals.conflict for m in found] == [""]
    said = (
        "'The woman was hysterical and begging him to wake up, but he was already dead,' {} said."
    )
    found = judged(source, seg("c", said.format("Mr Song")), cfg, embedder)
    assert [m.signals.conflict for m in found] == [
        "name song where the source has kuan, passer, tseng"
    ]
    found = judged(source, seg("c", said.format("Kuan Tseng")), cfg, embedder)
    assert [m.signals.conflict for m in found] == [""]
    # the quote twice over: which of the two speakers said it is not read
    twice = seg("t", *article, 'Mr Wagner said: "There is every reason to be surprised."')
    found = judged(twice, seg("c", claim.format("Leeds head coach Garry Monk")), cfg, embedder)
    assert found[0].signals.conflict != "name garry, monk where the source has david, wagner"


def test_an_event_no_source_reports_in_any_word_is_found_in_no_source() -> None:
    """A death, an injury, an arrest, a charge, a conviction or a prison term the claim reports
    and no source reports in any word: the probe's "has been charged" where the man was
    arrested, "died after falling" where he fell. The sources' other words for it, a denial
    and a price are none."""
    source = seg(
        "s",
        "A man in his 40s was arrested at the warehouse on Saturday.",
        "A worker fell from a cherry picker and was taken to hospital.",
        "Tickets cost 5 pounds.",
    )
    cand = seg(
        "c",
        "A man in his 40s has been charged after a search of the warehouse.",
        "A worker died after falling from a cherry picker.",
        "A man in his 40s was detained at the warehouse.",
        "A worker was injured in a fall from a cherry picker.",  # "hospital" reports it
        "No one was killed and the man was not charged.",
        "Fans were charged 5 pounds for tickets.",
        "The man was jailed after the search.",
    )
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_names for m in found] == [
        ("charged",),
        ("died",),
        (),
        (),
        (),
        (),
        ("jailed",),
    ]
    claims = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences, 1)]
    verdicts = judge_claims(claims, found, build_verifier(cfg))
    assert [v.verdict for v in verdicts[:2]] == ["unsupported", "unsupported"]
    assert "found in no source: charged" in verdicts[0].reason


def test_sanctions_imposed_a_sacking_or_a_ban_no_source_reports_are_found_in_no_source() -> None:
    """The seeds' 002 "the U.S. has imposed sanctions on several Russian individuals and
    companies" where the sources speak only of the sanctions in force; a sacking or a ban where
    the club says he left. Sanctions the sources say were imposed, and a word of imposing
    without sanctions, are none."""
    source = seg(
        "s",
        "The U.S. said Russia supplied petroleum to North Korea in quantities disallowed under "
        "sanctions.",
        "Durrant has left the club after two years as first-team coach.",
    )
    cand = seg(
        "c",
        "The U.S. has imposed sanctions on several Russian individuals and companies.",
        "The U.S. has imposed tariffs on several Russian companies.",
        "No sanctions were imposed on Russia.",
        "Durrant has been sacked by the club.",
        "Durrant has been banned by the club.",
    )
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_names for m in found] == [
        ("imposed",),
        (),
        (),
        ("sacked",),
        ("banned",),
    ]
    imposed = seg("s", "The EU imposed sanctions on Russian banks on Monday.")
    found = judged(imposed, seg("c", "Sanctions were imposed on Russian banks."), cfg, embedder)
    assert [m.signals.novel_names for m in found] == [()]


def test_a_purpose_a_claim_adds_in_words_no_source_has_is_found_in_no_source() -> None:
    """The seeds' 002 C9: "..., directed primarily at strengthening its defense against South
    Korea" where the sources say the weapons "are designed to attack Seoul". A purpose in the
    sources' words (any inflection), the clause's own predicate ("were intended to showcase"
    for "were meant to advertise", a paraphrase the similarity reads), and a plain "in order
    to" are none; the aim ends at a joining word."""
    source = seg(
        "s",
        "She said the recent weapons tests were part of the country's five-year plan.",
        "She added that the recently tested weapons are designed to attack Seoul.",
        "Experts believe the tests were meant to advertise the weapons it was planning to sell.",
        "South Korean Defense Minister Shin Wonsik said so.",
    )
    cand = seg(
        "c",
        "The tests were part of its five-year plan, directed primarily at strengthening its "
        "defense against South Korea.",
        "The tests were part of its five-year plan, in a bid to attack Seoul.",
        "The tests were intended to showcase the weapons it planned to sell.",
        "The weapons were tested in order to showcase them.",
        "The weapons were tested in an effort to attack Seoul and impress buyers.",
        "The tests, aimed squarely at buyers, were part of its plan.",
    )
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_names for m in found] == [
        ("strengthening",),
        (),
        (),
        (),
        (),
        ("buyers",),
    ]
    claims = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences, 1)]
    verdicts = judge_claims(claims, found, build_verifier(cfg))
    assert "found in no source: strengthening" in verdicts[0].reason


def test_a_date_only_the_pages_date_line_gives_is_found_in_a_source() -> None:
    """A page's date line ("27 December 2012") goes as a fragment, no prose to judge a claim
    by, but a claim that dates the event by it invents no date (WiCE: "The couple married in
    New York in December 2012", where only the date line gives the year). A counter ("12
    months ago") dates nothing, and the date line's figures count only as written."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    text = "27 December 2012\n12 months ago\nThe couple married in New York on Saturday."
    page = Document("s", "source", text, "s.txt")
    (clean,), _ = clean_documents([page], [], CleanConfig(), embedder)
    assert [r.text for r in clean.removed] == ["27 December 2012", "12 months ago"]
    cand = seg(
        "c",
        "The couple married in New York in December 2012.",
        "They married on 27 December.",
        "They married 12 days ago.",
        "They married in New York in 2013.",
    )
    found = judged(segment(clean), cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [(), (), ("12",), ("2013",)]
    assert [m.signals.novel_dates for m in found] == [(), (), (), ("2013",)]


def test_a_day_written_as_an_ordinal_and_a_season_written_short_are_no_new_figures() -> None:
    """ "April 9th" gives the day of "April 9, 2011"; "2018-2019" the second year of
    "2018-19" (WiCE's supported claims; before, "9" and "19" were figures found in no
    source). The day counts as "April 9" would, the short year only in its span. Any ordinal
    says its number: "each reactor closes when it turns 32" for "on its 32nd birthday"."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg(
        "s",
        "The two fighters will meet on April 9th in Albuquerque.",
        "Full implementation will take place over the coming 2018-2019 academic year.",
        "Each of Germany's 17 reactors will be phased out on its 32nd birthday.",
    )
    cand = seg(
        "c",
        "The fighters met on April 9 in Albuquerque.",
        "It is taking place during the 2018–19 academic year.",
        "Ten fighters met.",
        "It takes place in 19 schools.",
        "Each reactor closes when it turns 32.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [(), (), ("Ten",), ("19",), ()]


def test_a_us_state_written_short_after_a_town_names_the_state() -> None:
    """ "Berkeley, California" where the page says "Berkeley, CA, USA" (a probe of scraped
    pages: "california" was a name found in no source), and "Miami, Fla." for "Florida"; the
    other way round too. A state no source names or abbreviates is still found in no source."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg(
        "s",
        "Sensys Networks is located in Berkeley, CA, USA.",
        "MIAMI, Fla. (AP) — The company was founded in Florida.",
    )
    cand = seg(
        "c",
        "Sensys Networks is based in Berkeley, California.",
        "It is in Miami, Florida.",
        "It is in Tampa, FL.",
        "It is in Austin, Texas.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_names for m in found] == [(), (), ("tampa",), ("austin", "texas")]


def test_a_count_of_what_a_source_sentence_lists_is_no_novel_figure() -> None:
    """ "three countries" where the sentence that says the rest names "Nepal, Pakistan and Sri
    Lanka", "five other parties" where it names six (a blind probe's faithful summaries: each
    count was a figure found in no source). A count larger than the list, or of a sentence that
    says little of the claim, is still found in no source."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg(
        "s",
        "Google said it had launched local versions of YouTube for Nepal, Pakistan and Sri Lanka.",
        "Siddiq is standing for Labour, Marcus for the Conservatives, Nawaz for the Liberal"
        " Democrats, Nielson for UKIP, Johnson for the Greens, and Ellison for the U Party.",
        "The weather was bad in Paris, Rome and Madrid.",
        "Shots were fired in a busy area of bars and cafes.",
    )
    cand = seg(
        "c",
        "Google said it had launched local versions of YouTube for three countries.",
        "Siddiq is standing for Labour against five other parties.",
        "Google said it had launched local versions of YouTube for four countries.",
        "Google opened three offices.",
        "Google said it had launched 2.5 versions of YouTube for Nepal.",  # no count of a list
        "Two shots were fired in a busy area of bars and cafes.",  # no list of names
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [
        (),
        (),
        ("four",),
        ("three",),
        ("2.5",),
        ("Two",),
    ]


def test_lower_cased_a_count_of_a_list_of_names_the_lexicon_does_not_know() -> None:
    """Lower-cased, a list's items are names where the lexicon knows them for names or does not
    know a word of them ("irina rodnina"), so "three russian celebrities" counts the list
    (twenty-first probe's lower-cased faithful summary); a larger count is still found in no
    source, and a list of things ("bars and cafes") is no list of names."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg(
        "s",
        "several russian mps have also gone to crimea , including russian celebrities - former"
        " olympic ice skating champion irina rodnina , former cosmonaut valentina tereshkova and"
        " heavyweight boxer nikolai valuev .",
        "shots were fired in a busy area of bars and cafes .",
    )
    cand = seg(
        "c",
        "several russian mps have also gone to crimea , including three russian celebrities .",
        "several russian mps have also gone to crimea , including four russian celebrities .",
        "two shots were fired in a busy area of bars and cafes .",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [(), ("four",), ("two",)]


def test_a_percentage_a_source_gives_as_a_fraction_is_no_novel_figure() -> None:
    """ "equivalent to 50% of the previous year's bill" for "the equivalent of half the
    previous year's bill" (a blind probe's faithful summary); a share the sources do not give
    as a fraction is still found in no source."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg("s", "The payment is the equivalent of half the previous year's tax bill.")
    cand = seg(
        "c",
        "The payment is equivalent to 50% of the previous year's tax bill.",
        "The payment is equivalent to 25% of the previous year's tax bill.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [(), ("25%",)]


def test_a_span_of_time_a_source_gives_in_another_unit_is_no_novel_figure() -> None:
    """ "for 50 years" for "for half a century", "in 12 months" for "in just one year",
    "14 days" for "two weeks" (an eighteenth-probe summary); a span the sources give in no
    unit is still found in no source."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg(
        "s",
        "Conifer forests have been a familiar sight for half a century in Wales.",
        "David Rush has shed an incredible 19st in just one year.",
        "The clean-up took two weeks.",
    )
    cand = seg(
        "c",
        "Conifer forests have been a familiar sight for 50 years in Wales.",
        "David Rush has shed 19st in 12 months.",
        "The clean-up took 14 days.",
        "The clean-up took 15 days.",
        "David Rush has shed 19st in 13 months.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [(), (), (), ("15",), ("13",)]


def test_metres_written_short_are_no_novel_millions() -> None:
    """ "more than 200m" where a source says "more than 200 metres" (a twentieth-probe
    summary); "300m" there is still found in no source."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg("s", "Shinn was forced to ride more than 200 metres with his pants down.")
    cand = seg(
        "c",
        "Shinn was forced to ride more than 200m with his pants down.",
        "Shinn was forced to ride more than 300m with his pants down.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.novel_numbers for m in found] == [(), ("300m",)]


def test_another_events_phrase_put_in_a_copy_is_contradicted() -> None:
    """The claims stage reads `relinked` against the sentences closest to the claim: a copy
    with "in the lottery" (another sentence's win) for "in a church raffle"."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    source = seg(
        "s",
        "A couple who lost their homes are celebrating after winning $250,000 in the lottery.",
        "Ms Diano went to live in a trailer park after winning a year's rent-free accommodation"
        " in a church raffle.",
        "There she met Mr Krauss, who had also lost his home in the storms.",
    )
    cand = seg(
        "c",
        "Ms Diano went to live in a trailer park after winning a year's rent-free accommodation"
        " in the lottery.",
        "Ms Diano went to live in a trailer park after winning a year's rent-free accommodation"
        " in a church raffle.",
    )
    found = judged(source, cand, cfg, embedder)
    assert [m.signals.conflict for m in found] == [
        "word in the lottery where the source has in a church raffle",
        "",
    ]
    assert found[0].evidence is not None and "church raffle" in found[0].evidence.text


def test_a_word_that_opens_the_claim_is_a_name_where_the_sources_write_one() -> None:
    """The claims stage gives `compare` the sources' names: "Labour", opening the claim, is
    a name because a source writes it so inside a sentence, so the copy that puts it for "The
    SNP" is a swap; with no source writing it so, an opening word may be no name."""
    cfg, embedder = VerifierConfig(), HashedEmbedder()
    said = "The SNP took 56 of the 59 seats in Scotland in Thursday's election."
    claim = said.replace("The SNP", "Labour")
    cand = seg("c", claim)
    source = seg("s", said, "The result was a blow for Labour, which lost 40 seats.")
    assert [m.signals.conflict for m in judged(source, cand, cfg, embedder)] == [
        "name labour where the source has the snp"
    ]
    source = seg("s", said, "The result was a blow for the party, which lost 40 seats.")
    assert [m.signals.conflict for m in judged(source, cand, cfg, embedder)] == [""]
