"""Entailment: the backends (evalkit's model, a local Hugging Face checkpoint, none), the pair
cache, the use of its probabilities in both verdicts, the synthetic pairs and the train verb."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from evalkit.config import CacheConfig, EntailConfig, TrainConfig, VerifierConfig
from evalkit.embed import HashedEmbedder, bundled_model_path, cosines
from evalkit.entail import EntailCache, Entailer, build_entailer
from evalkit.entail.synthetic import CONTRA, ENTAIL, article_pairs, generate
from evalkit.entail.train import train
from evalkit.errors import InputError
from evalkit.pipeline import Resources
from evalkit.records import Alignment, Claim, Fact, Segmented, Sentence
from evalkit.stages.claims import (
    Measured,
    _first_reading,
    document_evidence,
    judge_claims,
    measure_claims,
)
from evalkit.stages.coverage import measure_facts
from evalkit.verifiers import build_verifier

from .conftest import ROOT
from .test_reference_facts import seg


class Fake:
    """An entailer that entails a claim whose words all occur in the evidence and contradicts
    one that says "shut"; counts the pairs it is asked about."""

    name, fingerprint = "fake", "0" * 32

    def __init__(self) -> None:
        self.asked = 0

    def entail(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.asked += len(pairs)
        out = np.zeros((len(pairs), 2), np.float32)
        for i, (evidence, claim) in enumerate(pairs):
            words, have = set(claim.lower().split()), set(evidence.lower().split())
            out[i] = (1.0, 0.0) if words <= have else (0.0, 0.99 if "shut" in words else 0.0)
        return out


def read(
    source: Segmented, cand: Segmented, entailer: Entailer | None = None
) -> tuple[list[Measured], tuple[Alignment, ...]]:
    """A candidate's claims read against one source (default verifier, hashed embedder): what
    was measured, and the verdicts."""
    cfg, emb = VerifierConfig(), HashedEmbedder()
    claims = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences)]
    measured = measure_claims(claims, document_evidence(source, cfg, emb), cfg, emb, entailer)
    return measured, judge_claims(claims, measured, build_verifier(cfg))


def test_a_contradiction_the_model_finds_is_contradicted_with_what_it_read() -> None:
    source = seg("s", "The bridge reopened on Monday.", "Traffic was heavy all week.")
    cand = seg("c", "The bridge stayed shut on Monday.", "The bridge reopened on Monday.")
    cfg = VerifierConfig(contradiction_threshold=0.9)
    emb = HashedEmbedder()
    claims = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences)]
    measured = measure_claims(claims, document_evidence(source, cfg, emb), cfg, emb, Fake())
    denied, repeated = judge_claims(claims, measured, build_verifier(cfg))
    assert denied.verdict == "contradicted" and "entailment model: 0.99" in denied.reason
    assert denied.evidence is not None and denied.evidence.text == source.sentences[0].text
    assert measured[0].signals.contradiction == pytest.approx(0.99)
    assert repeated.verdict != "contradicted" and measured[1].signals.entailment == 1.0
    # without an entailer the signals are NaN and the verdict falls back on the others
    plain = measure_claims(claims, document_evidence(source, cfg, emb), cfg, emb)
    assert plain[0].signals.entailment is None
    assert judge_claims(claims, plain, build_verifier(cfg))[0].verdict != "contradicted"


def test_the_model_reads_only_the_claims_no_rule_decided() -> None:
    source = seg(
        "s",
        "The bridge reopened on Monday after repairs.",
        "Traffic was heavy all week.",
        "The council paid 4,000 pounds for the work.",
    )
    cand = seg(
        "c",
        "The bridge reopened on Monday after repairs.",  # word for word: entailed
        "The council paid 7,000 pounds for the work.",  # a figure that disagrees
        "Mayor Jenkins praised the bridge.",  # a name found in no source
        "Traffic on the bridge was heavy.",  # only the model can tell
    )
    cfg, emb, fake = VerifierConfig(), HashedEmbedder(), Fake()
    claims = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences)]
    measured = measure_claims(claims, document_evidence(source, cfg, emb), cfg, emb, fake)
    ruled = [(m.signals.entailment, m.signals.contradiction) for m in measured[:3]]
    assert ruled == [(1.0, 0.0), (0.0, 1.0), (0.0, 0.0)]
    assert fake.asked == 2  # the last claim's two best units, nothing else
    assert measured[3].signals.entailment is not None


def test_a_count_the_source_says_in_words_is_no_novel_figure() -> None:
    source = seg("s", "Smith scored twice as Rovers beat Ashby.", "A dozen fans were hurt.")
    cand = seg(
        "c", "Smith scored two goals.", "Twelve fans were hurt.", "Smith scored three goals."
    )
    measured, _ = read(source, cand)
    assert [m.signals.novel for m in measured] == [(), (), ("three",)]


def test_a_contradicted_claim_shows_the_sentence_that_disagrees_not_the_closest_unit() -> None:
    source = seg(
        "s",
        "Work on the bridge began in May.",
        "The council paid 4,000 pounds for the bridge work.",
    )
    cand = seg("c", "The council paid 7,000 pounds for the bridge work, which began in May.")
    cfg, emb = VerifierConfig(), HashedEmbedder()
    evidence = document_evidence(source, cfg, emb)
    claims = [Claim("c", "C1", s) for s in cand.sentences]
    (m,) = measure_claims(claims, evidence, cfg, emb)
    closest = evidence.units[
        int(cosines(emb.encode([claims[0].sentence.text]), evidence.vectors).argmax())
    ]
    assert closest.text.startswith("Work on the bridge")  # the two-sentence window
    (judged,) = judge_claims(claims, [m], build_verifier(cfg))
    assert judged.verdict == "contradicted" and "7,000" in judged.reason
    assert judged.evidence is not None and judged.evidence.text == source.sentences[1].text


def test_a_window_that_agrees_gives_way_to_its_sentence_that_disagrees() -> None:
    """The check set's "Second Half ends, Bradford City 1, Oliver Banks 1.": the window of the
    sentence and its neighbour agrees loosely (it holds the figures), the sentence names
    another side; the claim copies under _COPY of it, which once let the window decide."""
    sentence = Sentence("s", 0, "Second Half ends, Bradford City 1, Oldham Athletic 1.", 0, 53)
    window = Sentence("s", 1, sentence.text + " Corner, Bradford City.", 0, 76)
    claim = "Second Half ends, Bradford City 1, Oliver Banks 1."
    ranked, sims = np.array([1, 0]), np.array([0.9, 0.95])  # the window first
    cfg = VerifierConfig()
    kind, conflict, at = _first_reading(
        claim, [sentence.text, window.text], 1, ranked, sims, frozenset(), frozenset(), cfg
    )
    assert (kind, at) == ("conflict", 0) and conflict is not None
    assert conflict.reason() == "name oliver banks where the source has oldham athletic"


def test_a_figure_said_by_a_sentence_the_claim_copies_below_the_close_ones_is_no_conflict() -> None:
    """The sentence a claim copies may rank below the close ones ("Between 1998 and 2012
    Starbucks paid just £8.6million ..." copies "... the company paid just £8.6million ...",
    which ranked fourth): a close sentence's other figure is then no conflict. A sentence
    outside the close ones that the claim copies no more of than the close one does not say the
    figure for it ("Mr Mosey, 67, confessed ..." against "Mrs Mosey, 47, confessed ...", where
    "Allen Mosey, 67, ..." is his age)."""
    cfg = VerifierConfig()
    units = [
        "Probe: Starbucks paid just £1.9million in tax to the Dutch government.",
        "Between 1998 and 2012 the company paid just £8.6million in corporation tax in Britain.",
    ]
    claim = "Between 1998 and 2012 Starbucks paid just £8.6million in corporation tax in Britain."
    ranked, sims = np.array([0]), np.array([0.81, 0.73])  # only the first is close
    kind, _, _ = _first_reading(claim, units, 2, ranked, sims, frozenset(), frozenset(), cfg)
    assert kind != "conflict"
    units = [
        "Mrs Mosey, 47, confessed that she often left things on the cooker.",
        "Allen Mosey, 67, and his wife Jean were out shopping when the blaze started.",
    ]
    claim = "Mr Mosey, 67, confessed that he often left things on the cooker."
    kind, conflict, at = _first_reading(
        claim, units, 2, ranked, sims, frozenset(), frozenset(), cfg
    )
    assert (kind, at) == ("conflict", 0) and conflict is not None
    assert conflict.reason() == "number 67 where the source has 47"


@pytest.mark.parametrize(
    ("sentences", "claim", "reason"),
    [
        # the window holds the claim's figure ("three") and agrees loosely; its second
        # sentence, read alone, says "weeks" for the claim's "months"
        (
            (
                "Mr Litvinenko drank tea containing polonium-210 during a meeting in London.",
                "He died in hospital nearly three weeks later.",
            ),
            "Mr Litvinenko died in hospital nearly three months later.",
            "number months where the source has weeks",
        ),
        # nothing decides (the claim's words are its speaker's name and the quote): the
        # window's sentence with Kevin Hart's quote ("He said: ...", read as his), read alone,
        # has another speaker
        (
            (
                "Kevin Hart brought his kids on stage to accept the comedic genius award.",
                'He said: "I do it all for them. I\'m trying to leave a legacy behind."',
                "Robert Downey Jr brought his fellow Avengers stars to their knees on stage.",
            ),
            'Robert Downey Jr said: "I do it all for them."',
            "name robert downey jr where the source has kevin hart",
        ),
    ],
)
def test_the_closest_window_gives_way_to_its_sentence_that_disagrees(
    real_resources: Resources, sentences: tuple[str, ...], claim: str, reason: str
) -> None:
    """Probes of LLM summaries: a window that agrees only loosely, or is closest where nothing
    decides, is read as its sentences, though only the window is among the top k (1)."""
    source = seg("s", *sentences)
    (sentence,) = seg("c", claim).sentences
    emb, cfg = real_resources.embedder, VerifierConfig(top_k=1)
    evidence = document_evidence(source, cfg, emb)
    sims = cosines(emb.encode([claim]), evidence.vectors)[0]
    assert evidence.units[int(sims.argmax())] in evidence.windows
    claims = [Claim("c", "C1", sentence)]
    (judged,) = judge_claims(
        claims, measure_claims(claims, evidence, cfg, emb), build_verifier(cfg)
    )
    assert judged.verdict == "contradicted" and judged.reason.endswith(reason)
    assert judged.evidence is not None and judged.evidence.text == sentences[1]


def test_a_spliced_claim_is_contradicted_with_the_sentence_it_took_the_rest_from() -> None:
    source = seg(
        "s",
        "The wounded civilians are being moved to rebel-held areas in Idlib province.",
        "Aid workers from the Red Cross said the convoy had been attacked near Aleppo.",
    )
    cand = seg(
        "c",
        "Aid workers from the Red Cross are being moved to rebel-held areas in Idlib province.",
        "Aid workers from the Red Cross said the convoy had been attacked near Aleppo.",
    )
    measured, (spliced, copied) = read(source, cand, Fake())
    assert spliced.verdict == "contradicted" and "the wounded civilians" in spliced.reason
    assert spliced.evidence is not None and spliced.evidence.text == source.sentences[0].text
    assert measured[0].signals.entailment == 0.0  # decided by the rule: the model reads nothing
    assert copied.verdict == "supported"


def test_a_window_that_holds_a_copied_sentence_does_not_outvote_its_disagreement() -> None:
    source = seg(
        "s",
        '"One of my heroes has just passed away," Yankovic wrote on Twitter.',
        "Billy May agreed.",
    )
    moved = '"One of my heroes has just passed away," Billy May wrote on Twitter.'
    paraphrase = "Yankovic wrote on Twitter that one of his heroes has passed away."
    cand = seg("c", moved, paraphrase)
    cfg, emb = VerifierConfig(), HashedEmbedder()
    evidence = document_evidence(source, cfg, emb)
    claims = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences)]
    sims = cosines(emb.encode([moved]), evidence.vectors)[0]
    first = evidence.units[int(sims.argmax())]
    assert first.text.startswith('"One') and "Billy" in first.text  # the two-sentence window
    judged, kept = judge_claims(
        claims, measure_claims(claims, evidence, cfg, emb), build_verifier(cfg)
    )
    assert judged.verdict == "contradicted" and "yankovic" in judged.reason
    assert judged.evidence is not None and judged.evidence.text == source.sentences[0].text
    assert kept.verdict == "supported"  # a paraphrase of the sentence is not a copy


def test_word_order_is_measured_against_one_evidence_unit() -> None:
    source = seg("s", "The court fined the company and the union praised the judge.")
    cfg, emb = VerifierConfig(), HashedEmbedder()
    claims = [
        Claim("c", "C1", s)
        for s in seg("c", "The court fined the company.", "The company fined the court.").sentences
    ]
    same, swapped = measure_claims(claims, document_evidence(source, cfg, emb), cfg, emb)
    assert same.signals.source_precision == swapped.signals.source_precision == 1.0
    assert same.signals.bigram_precision == 1.0
    assert swapped.signals.bigram_precision < 0.5


def test_coverage_asks_whether_a_candidate_sentence_entails_the_fact() -> None:
    fact = [Fact("F1", "The bridge reopened on Monday.", 1, "test", ())]
    says = seg("a", "Crowds cheered.", "The bridge reopened on Monday.")
    other = seg("b", "The bridge stayed shut on Monday.")
    got = measure_facts(fact, [says, other], HashedEmbedder(), Fake())
    assert (got["a"] or [])[0].entailment == 1.0
    assert (got["b"] or [])[0].entailment == 0.0
    assert (measure_facts(fact, [says], HashedEmbedder())["a"] or [])[0].entailment is None


def test_coverage_reads_no_pair_where_a_rule_decided_the_fact() -> None:
    facts = [
        Fact("F1", "The council paid 4,000 pounds for the work.", 1, "test", ()),
        Fact("F2", "The bridge reopened on Monday.", 1, "test", ()),
    ]
    cand = seg("a", "The council paid 7,000 pounds for the work.", "The bridge reopened on Monday.")
    fake = Fake()
    misstated, said = measure_facts(facts, [cand], HashedEmbedder(), fake)["a"] or []
    assert misstated.conflict is not None and misstated.entailment == 0.0
    assert said.entailment == 1.0
    assert fake.asked == 0


def test_coverage_reads_a_fact_against_its_match_alone() -> None:
    """Not also against the sentence nearest the fact by cosine (here the second one)."""
    fact = [Fact("F1", "The council approved the budget for the new bridge on Monday.", 1, "t", ())]
    cand = seg(
        "a",
        "On Monday, Monday, Monday, Monday, the council approved a budget for the new bridge, "
        "the new bridge, the new bridge.",
        "The council approved the budget for the bridge on the day.",
    )
    emb, fake = HashedEmbedder(), Fake()
    sims = cosines(emb.encode([fact[0].text]), emb.encode([s.text for s in cand.sentences]))
    assert sims[0, 1] > sims[0, 0]  # the nearest is not the match
    (got,) = measure_facts(fact, [cand], emb, fake)["a"] or []
    assert got.match.text == cand.sentences[0].text and fake.asked == 1


def test_pairs_are_cached_by_content_in_memory_and_on_disk(tmp_path: Path) -> None:
    from evalkit.cache import DiskCache

    pairs = [("The bridge reopened.", "The bridge reopened."), ("A b c.", "Shut d.")]
    fake = Fake()
    disk = DiskCache(tmp_path, "entail-fake", 1 << 20)
    cache = EntailCache(fake, disk, 100)
    first = cache.entail(pairs + pairs[:1])
    assert fake.asked == 2 and first.shape == (3, 2) and (first[0] == first[2]).all()
    cache.entail(pairs)
    assert fake.asked == 2  # from memory
    again = EntailCache(Fake(), DiskCache(tmp_path, "entail-fake", 1 << 20), 100)
    assert (again.entail(pairs) == first[:2]).all() and again.entailer.asked == 0  # type: ignore[attr-defined]


class Calls(Fake):
    """The fake, counting its calls too."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def entail(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.calls += 1
        return super().entail(pairs)


def test_pooled_events_ask_the_model_together_and_get_their_own_rows() -> None:
    """Events pooled by the embedding cache wait for each other: one model call runs every
    pair they miss (the model then gets full batches, not a candidate's few pairs)."""
    from evalkit.embed import EmbeddingCache

    calls = Calls()
    cache = EntailCache(calls, None, 100)
    embedder = EmbeddingCache(HashedEmbedder())
    cache.share(embedder.scheduler)
    asked = [
        [("The bridge reopened.", "The bridge reopened."), ("A b c.", "Shut d.")],
        [("x y", "x")],
        [],
        [("A b c.", "Shut d."), ("q", "r s")],
    ]

    def event(pairs: list[tuple[str, str]]) -> np.ndarray:
        embedder.encode([p for p, _ in pairs])  # an event encodes, then asks the entailer
        return cache.entail(pairs)

    got = list(embedder.pooled(event, asked))
    assert calls.calls == 1 and calls.asked == 4  # one call, each distinct pair once
    for pairs, rows in zip(asked, got, strict=True):
        assert np.array_equal(rows, Fake().entail(pairs)) and rows.shape == (len(pairs), 2)
    assert cache.pairs == 4 and list(embedder.pooled(event, asked[:2]))  # from memory now
    assert calls.calls == 1


def test_none_builds_no_entailer_and_an_unknown_name_is_refused() -> None:
    assert build_entailer(EntailConfig(name="none")) is None
    with pytest.raises(InputError, match="unknown entail 'nli'; choose from: hf, minilm, none"):
        build_entailer(EntailConfig(name="nli"))
    with pytest.raises(InputError, match="entail.model: .* is not a file"):
        build_entailer(EntailConfig(name="minilm", model="/nowhere/model.safetensors"))
    # more tokens than the model has positions failed on the first long pair (exit 1)
    with pytest.raises(InputError, match="entail.max_tokens: 513 tokens, .* at most 512"):
        build_entailer(EntailConfig(name="minilm", max_tokens=513))


def _tiny_checkpoint(folder: Path, labels: dict[int, str]) -> Path:
    """A randomly initialised two-layer BERT classifier on the bundled vocabulary."""
    import torch
    import transformers

    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=30522,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        num_labels=len(labels),
        id2label=labels,
        label2id={v: k for k, v in labels.items()},
    )
    transformers.BertForSequenceClassification(config).save_pretrained(folder)
    transformers.AutoTokenizer.from_pretrained(str(bundled_model_path())).save_pretrained(folder)
    return folder


def test_hf_backend_loads_a_local_checkpoint_and_finds_its_labels(tmp_path: Path) -> None:
    folder = _tiny_checkpoint(tmp_path / "nli", {0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"})
    entailer = build_entailer(EntailConfig(name="hf", model=str(folder)))
    assert entailer is not None and entailer.entailer.labels == (2, 0)  # type: ignore[attr-defined]
    pairs = [("The bridge reopened on Monday.", "The bridge reopened."), ("A.", "B.")]
    got = entailer.entail(pairs)
    assert got.shape == (2, 2) and got.dtype == np.float32
    assert ((got >= 0) & (got <= 1)).all() and (got.sum(axis=1) <= 1 + 1e-6).all()
    # the same pair gives the same numbers alone or in a batch
    assert (
        build_entailer(EntailConfig(name="hf", model=str(folder))).entail(pairs[:1]) == got[:1]
    ).all()  # type: ignore[union-attr]


def test_hf_backend_needs_the_entailment_label_named_when_its_labels_do_not_say(
    tmp_path: Path,
) -> None:
    folder = _tiny_checkpoint(tmp_path / "bin", {0: "LABEL_0", 1: "LABEL_1"})
    with pytest.raises(InputError, match="entail.entailment_label: cannot tell .*0=label_0"):
        build_entailer(EntailConfig(name="hf", model=str(folder)))
    chosen = build_entailer(EntailConfig(name="hf", model=str(folder), entailment_label="1"))
    assert chosen is not None and chosen.entailer.labels == (1, -1)  # type: ignore[attr-defined]
    assert (chosen.entail([("A.", "B.")])[:, 1] == 0).all()  # no contradiction label
    with pytest.raises(InputError, match="has no label 'yes'"):
        build_entailer(EntailConfig(name="hf", model=str(folder), entailment_label="yes"))
    with pytest.raises(InputError, match="not a Hugging Face model folder"):
        build_entailer(EntailConfig(name="hf", model=str(tmp_path)))
    with pytest.raises(InputError, match=f"entail.max_tokens: 600 tokens, but {folder} reads"):
        build_entailer(EntailConfig(name="hf", model=str(folder), max_tokens=600))


def test_hf_backend_refuses_a_damaged_checkpoint_in_one_line(tmp_path: Path) -> None:
    """A config.json that is not JSON (exit 3, "check the disk"), damaged weights or an unknown
    model type (exit 1, internal errors) were no one-line refusals naming entail.model."""
    import shutil

    good = _tiny_checkpoint(tmp_path / "good", {0: "CONTRADICTION", 1: "ENTAILMENT"})
    damages = {
        "config": ("config.json", "{not json", "config file"),
        "weights": ("model.safetensors", "\0" * 64, "deserializing header"),
        "type": ("config.json", '{"model_type": "nonsense", "id2label": {}}', "nonsense"),
    }
    for name, (file, text, found) in damages.items():
        folder = Path(shutil.copytree(good, tmp_path / name))
        (folder / file).write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=f"entail.model: cannot read {folder} .*{found}"):
            entailer = build_entailer(EntailConfig(name="hf", model=str(folder)))
            assert entailer is not None
            entailer.entail([("A.", "B.")])


ARTICLE = (
    "Police arrested 12 people in Leeds on Monday after the match. "
    "The club said 3,000 fans had travelled to the game, which Leeds won. "
    "Officers were not injured, said Chief Inspector Jane Smith of West Yorkshire Police. "
    "The stadium will reopen in March, while repairs continue on the east stand."
)


def test_synthetic_pairs_change_one_thing_and_are_labelled_by_what_they_change() -> None:
    pairs = list(article_pairs(ARTICLE, [], random.Random(0)))
    kinds = {p.kind for p in pairs}
    assert {"number", "negation", "recombined", "window", "name"} <= kinds
    for p in pairs:
        if p.kind == "number":
            assert p.labels == CONTRA and p.hypothesis != p.premise
            assert p.hypothesis.split()[:2] == p.premise.split()[:2]
        if p.kind == "clause_drop":
            assert p.labels == ENTAIL and p.premise.startswith(p.hypothesis[:-1])
        if p.kind == "negation":
            assert ("not" in p.premise.split()) != ("not" in p.hypothesis.split())
    assert generate([ARTICLE], 1) == generate([ARTICLE], 1)
    assert generate([ARTICLE], 1) != generate([ARTICLE], 2)


def _tiny_data(folder: Path) -> Path:
    folder.mkdir()
    rows = []
    for i in range(24):
        fact = f"The river level rose {i + 2} metres overnight in town {i}."
        rows.append(f"entailment\t{fact}\tThe river rose in town {i}.")
        rows.append(f"not_entailment\t{fact}\tThe river fell in town {i}.")
    (folder / "docnli_tiny.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    wice = {"label": "supported", "claim": "Leeds won.", "evidence": ["Leeds won the game."]}
    (folder / "wice_tiny.jsonl").write_text(json.dumps(wice) + "\n", encoding="utf-8")
    return folder


def test_train_lowers_the_loss_and_is_deterministic(tmp_path: Path) -> None:
    data = _tiny_data(tmp_path / "data")
    cfg = TrainConfig(
        data=str(data),
        articles=str(ROOT / "seeds" / "000_68530903c0620690.txt"),
        epochs=3,
        batch_size=16,
        lr=5e-4,
        frozen_layers=5,
        max_tokens=128,
        held_out=0.0,
        threads=1,
        save_every=1000,
    )
    card = train(cfg, tmp_path / "a.safetensors")
    assert card["data_sha256"]["docnli_tiny.txt"] and card["pairs"]["docnli_tiny"] == 48
    assert card["device"] == "cpu" and card["torch"]
    train(cfg, tmp_path / "b.safetensors")
    assert (tmp_path / "a.safetensors").read_bytes() == (tmp_path / "b.safetensors").read_bytes()
    cfg.epochs = 0.1  # one step
    train(cfg, tmp_path / "early.safetensors")

    def loss(name: str) -> float:
        """Mean -log P(the right label) on the DocNLI pairs, through the minilm backend."""
        model = build_entailer(EntailConfig(name="minilm", model=str(tmp_path / name)))
        assert model is not None
        lines = (data / "docnli_tiny.txt").read_text(encoding="utf-8").splitlines()
        rows = [line.split("\t") for line in lines]
        probs = model.entail([(p, h) for _, p, h in rows])
        right = [
            p[0] if y == "entailment" else 1 - p[0]
            for (y, _, _), p in zip(rows, probs, strict=True)
        ]
        return float(-np.mean(np.log(np.maximum(right, 1e-9))))

    assert loss("a.safetensors") < loss("early.safetensors") - 0.05


def test_train_refuses_a_folder_without_training_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="train.data: .* holds no docnli_"):
        train(TrainConfig(data=str(tmp_path)), tmp_path / "m.safetensors")
    with pytest.raises(InputError, match="train.data: name the folder"):
        train(TrainConfig(), tmp_path / "m.safetensors")
    with pytest.raises(InputError, match="train.max_tokens: 1000 tokens, .* at most 512"):
        train(TrainConfig(data=str(tmp_path), max_tokens=1000), tmp_path / "m.safetensors")
    # files that give nothing to train on, or no text: one line each, no hang, no trace
    (tmp_path / "docnli_x.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="gives no pairs to train on"):
        train(TrainConfig(data=str(tmp_path)), tmp_path / "m.safetensors")
    (tmp_path / "docnli_x.txt").write_bytes(b"\xff\xfe\x00not text")
    with pytest.raises(InputError, match=r"docnli_x\.txt: not valid UTF-8 \(byte 0\)"):
        train(TrainConfig(data=str(tmp_path)), tmp_path / "m.safetensors")
    (tmp_path / "docnli_x.txt").unlink()
    row = {"claim": "Kim spoke.", "evidence": "Kim spoke on Friday.", "label": "supported"}
    (tmp_path / "wice_x.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"wice_x\.jsonl:1: not a DocNLI or WiCE pair"):
        train(TrainConfig(data=str(tmp_path)), tmp_path / "m.safetensors")


def test_train_articles_are_read_as_run_and_meta_read_them(tmp_path: Path) -> None:
    """A cut-short line, a line that is no object, a latin-1 .txt were internal errors; an
    events JSONL added nothing without a word. Each is now one line naming the file."""
    from evalkit.entail.train import article_texts

    bench = ROOT / "tests" / "data" / "bench_faith_tiny.jsonl"
    texts, sums = article_texts(f"{bench},{ROOT / 'seeds'}")
    assert texts and sums[bench.name] and sums["000_68530903c0620690.txt"]
    (tmp_path / "latin").mkdir()
    (tmp_path / "latin" / "a.txt").write_bytes(b"M\xfcller said the weapons were sold.\n")
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps({"event_id": "e1", "articles": []}) + "\n", encoding="utf-8")
    for name, raw, message in [
        (
            "trunc.jsonl",
            b'{"source": "Kim denied the rep\n',
            r"trunc\.jsonl line 1: not valid JSON",
        ),
        ("array.jsonl", b"[1, 2]\n", r"array\.jsonl line 1: expected a JSON object, got"),
        ("latin", None, r"a\.txt: not valid UTF-8 \(byte 1\); convert it to UTF-8$"),
        (
            "events.jsonl",
            None,
            r"events\.jsonl: neither a faithfulness file .* has fields articles",
        ),
    ]:
        if raw is not None:
            (tmp_path / name).write_bytes(raw)
        with pytest.raises(InputError, match=r"^train\.articles: .*" + message) as err:
            article_texts(str(tmp_path / name))
        assert "\n" not in str(err.value)


def test_a_model_to_train_on_a_gpu_gets_the_plain_attention() -> None:
    """The fused attention kernels' backward is not deterministic on a GPU; the plain one is."""
    from evalkit.embed import bundled_model_path
    from evalkit.entail.model import fresh

    gpu, _ = fresh(bundled_model_path(), frozen_layers=5, seed=0, device="cuda")
    cpu, _ = fresh(bundled_model_path(), frozen_layers=5, seed=0)
    assert gpu.bert.config._attn_implementation == "eager"
    assert cpu.bert.config._attn_implementation != "eager"


def test_train_on_cuda_without_a_gpu_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import evalkit.device

    monkeypatch.setattr(evalkit.device, "torch_version", lambda: "2.13.0+cpu")
    data = _tiny_data(tmp_path / "data")
    with pytest.raises(InputError, match="train.device=cuda but no GPU is visible"):
        train(TrainConfig(data=str(data), device="cuda"), tmp_path / "m.safetensors")
    assert not (tmp_path / "m.safetensors").exists()


def test_the_shipped_model_is_small_and_reads_a_contradiction(
    tmp_path: Path,
) -> None:
    from evalkit.entail import SHIPPED

    assert SHIPPED.stat().st_size < 25 * 1024 * 1024
    card = json.loads(SHIPPED.with_suffix(".json").read_text(encoding="utf-8"))
    assert card["data_sha256"] and card["held_out"]
    model = build_entailer(EntailConfig(name="minilm"), CacheConfig(enabled=False))
    assert model is not None
    (same, denied, other) = model.entail(
        [
            ("The bridge reopened to traffic on Monday.", "The bridge reopened on Monday."),
            ("The bridge reopened to traffic on Monday.", "The bridge did not reopen."),
            ("The bridge reopened to traffic on Monday.", "The mayor resigned in protest."),
        ]
    )
    assert same[0] > 0.5 > denied[0] and same[0] > other[0]
    assert denied[1] > same[1]


def test_probabilities_round_to_the_grid_and_doubt_only_near_the_middle_of_a_step() -> None:
    from evalkit.entail import GRID, MARGIN, on_grid, unsure

    step = 1 / GRID
    probs = np.array(
        [[0.3 * step, 1.0], [2.5 * step + MARGIN / 2, 0.0], [0.5, 3.5 * step - MARGIN]]
    )
    assert on_grid(probs).tolist() == [[0.0, 1.0], [3 * step, 0.0], [0.5, 3 * step]]
    assert unsure(probs).tolist() == [False, True, False]  # MARGIN itself is far enough
    assert unsure(probs[:, ::-1]).tolist() == [False, True, False]  # either column


def seed_pairs() -> list[tuple[str, str]]:
    """Real pairs (about 180): the seeds' sentences against their neighbours and against their
    own first half."""
    import re

    sentences = [
        s
        for f in sorted((ROOT / "seeds").glob("*.txt"))
        for s in re.split(r"(?<=[.!?])\s+", f.read_text(encoding="utf-8"))
        if len(s) > 40
    ]
    pairs = [*zip(sentences, sentences[1:], strict=False)]
    return pairs + [(s, s[: len(s) // 2]) for s in sentences]


def test_the_shipped_model_gives_float64s_probabilities_rounded_though_it_runs_float32() -> None:
    """`MiniLMEntailer.entail` runs the model in float32 and again in float64 only for the pairs
    whose rounding the float32 probabilities leave in doubt: every pair gets the float64
    probabilities rounded to the grid, as on any other CPU."""
    from evalkit.entail import GRID, MARGIN, MiniLMEntailer, _run, on_grid, unsure

    pairs = seed_pairs()
    model = MiniLMEntailer(EntailConfig(name="minilm"))
    got = model.entail(pairs)
    exact, fast = _run(model, pairs), _run(model, pairs, model.fast)
    assert np.array_equal(got, on_grid(exact)) and np.array_equal(got * GRID, np.round(got * GRID))
    assert 0 < unsure(fast).sum() < len(pairs) / 4  # some pairs were run again, most not
    # the margin's premise, on this CPU's kernels: float32 stays far closer to float64 than it
    assert 0 < np.abs(fast - exact).max() < MARGIN / 4
    assert got[:, 0].max() > 0.5 and got[:, 1].max() > 0.1  # both columns carry probabilities


def test_on_a_gpu_the_shipped_model_runs_float64_alone_and_rounds_to_the_grid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import evalkit.entail
    from evalkit.entail import GRID, MiniLMEntailer

    calls = []

    def model_call(entailer: object, pairs: Sequence[tuple[str, str]], model: object = None):
        calls.append(model)
        return np.full((len(pairs), 2), 1 / 3, np.float32)

    monkeypatch.setattr(evalkit.entail, "_run", model_call)
    entailer = MiniLMEntailer(EntailConfig(name="minilm"))
    entailer.device = "cuda"
    got = entailer.entail([("The bridge reopened.", "It reopened.")] * 2)
    assert calls == [None]  # the float64 model, once; no float32 pass
    assert got.tolist() == [[85 / GRID, 85 / GRID]] * 2  # 1/3 of 256 is 85.3


def test_train_verb_writes_the_model_and_its_card_into_the_run_folder(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = _tiny_data(tmp_path / "data")
    run = tmp_path / "run"
    done = subprocess.run(
        [sys.executable, "-m", "evalkit", "train", f"train.data={data}", "train.epochs=1",
         "train.frozen_layers=5", "train.max_tokens=128", "train.held_out=0.2",
         f"hydra.run.dir={run}"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (run / "minilm.safetensors").is_file()
    card = json.loads((run / "minilm.json").read_text(encoding="utf-8"))
    assert card["steps"] == 3 and card["held_out"]
    assert "held-out accuracy" in done.stdout and f"entail.model={run}" in done.stdout


def test_the_real_models_score_an_event_the_same_cold_warm_and_uncached(tmp_path: Path) -> None:
    """The bundled embedder and the shipped entailment model through the whole pipeline: each
    claim and fact carries probabilities, and the cache changes no number."""
    from evalkit.config import Config
    from evalkit.pipeline import Resources, run_event
    from evalkit.stages.load import iter_events

    from .conftest import event_dir

    folder = event_dir(
        tmp_path,
        {
            "a.txt": "The Old Mill bridge reopened on Monday after three weeks of repairs. "
            "The council said 18,000 vehicles cross it every day.",
            "b.txt": "Engineers finished repairing the Old Mill bridge, which reopened Monday. "
            "About 18,000 vehicles use the bridge daily, officials said.",
            "candidates/c.txt": "The bridge reopened on Monday. About 45,000 vehicles cross it.",
        },
    )
    cfg = Config()
    cfg.entail.name = "minilm"
    cfg.data.sources, cfg.data.references = str(folder), None
    cfg.cache.enabled = False
    plain = run_event(next(iter_events(cfg.data)), cfg, Resources.build(cfg))
    claims = [a for a in plain.alignments if a.claim.candidate == "c"]
    assert claims and all(0 <= a.entailment <= 1 and 0 <= a.contradiction <= 1 for a in claims)
    assert all(0 <= m.entailment <= 1 for m in plain.matches if m.candidate == "c")
    cfg.cache.enabled, cfg.cache.dir = True, str(tmp_path / "cache")
    for _ in range(2):  # cold, then warm (the measured event from disk: no model runs)
        res = Resources.build(cfg)
        assert run_event(next(iter_events(cfg.data)), cfg, res) == plain
    assert res.entailer is not None and res.entailer.pairs == 0
