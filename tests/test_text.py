"""Lexical helpers: tokens, names, numbers, dates, negation, demonym-aware vocabulary."""

from __future__ import annotations

import pytest

from evalkit.config import CleanConfig, VerifierConfig
from evalkit.embed import HashedEmbedder
from evalkit.lexicon import name_words
from evalkit.records import Claim, Document
from evalkit.stages.claims import document_evidence, judge_claims, measure_claims
from evalkit.stages.clean import clean_documents
from evalkit.stages.segment import segment
from evalkit.text import (
    amounts,
    clock_times,
    content_tokens,
    countries,
    dates,
    days,
    initials,
    is_sentence_end,
    known,
    listed,
    names,
    negated,
    numbers,
    spelled_out,
    tokens,
    unreferenced,
    untokenised,
    vocabulary,
)
from evalkit.verifiers import build_verifier

from .test_reference_facts import seg


def test_tokens_fold_case_accents_abbreviations_and_thousands() -> None:
    assert tokens("The U.S. paid 7,000 to Zoë") == ("the", "us", "paid", "7000", "to", "zoe")


def test_content_tokens_drop_stopwords() -> None:
    assert content_tokens("She said that the ministry is ready") == ("ministry", "ready")


def test_numbers_normalise_digits_and_words() -> None:
    assert numbers("about 7,000 containers, a five-year plan, 2.5 tonnes") == {"7000", "5", "2.5"}


def test_a_currency_named_after_the_figure_is_its_unit() -> None:
    assert [(a.value, a.unit) for a in amounts("3 million US dollars, 5m USD, 500 US troops")] == [
        ("3000000", "$"),
        ("5000000", "$"),
        ("500", ""),
    ]


def test_decades_and_dozens_count_their_years_and_things() -> None:
    """A summary writes the sources' "in three decades" as "in 30 years": the figure is 30."""
    assert numbers("Britain's biggest home tie in three decades") == {"30"}
    assert numbers("two dozen eggs, 3 decades on, a decade ago, $3 decades") == {"24", "30", "3"}
    assert novel(
        "It is the biggest home tie in three decades.",
        "It is the biggest in 30 years.",
        "It is the biggest in 3 years.",
    ) == [(), ("3",)]


def test_centuries_count_their_years() -> None:
    """A summary writes the sources' "in nearly 200 years" as "in nearly two centuries"."""
    assert numbers("the first new distillery in nearly two centuries") == {"200"}
    assert novel(
        "It is the first new distillery in the Borders in nearly 200 years.",
        "It is the first new distillery in nearly two centuries.",
        "It is the first new distillery in nearly three centuries.",
    ) == [(), ("three",)]  # as written


def test_a_decade_is_a_date_sourced_by_one_of_its_years() -> None:
    """ "In the late 1970s" is a date: found in no source unless a source has the decade or
    one of its years."""
    assert dates("He trained in Glasgow in the late 1970s, not the 80s.") == {"1970s"}
    assert novel(
        "He joined the club in 1975 and left in the 1990s.",
        "He joined the club in the 1970s.",
        "He left in the 1990s.",
        "He joined the club in the 1980s.",
    ) == [(), (), ("1980s",)]


def test_a_season_is_sourced_by_one_of_its_months() -> None:
    """ "In the summer" says the sources' "In June" (the fifteenth probe's); not "in the
    winter"."""
    assert novel(
        "In June his parents removed him from mainstream schooling.",
        "He was taken out of mainstream schooling in the summer.",
        "He was taken out of mainstream schooling in the winter.",
    ) == [(), ("winter",)]


def test_a_number_after_the_word_a_source_puts_before_its_roman_numeral_is_that_numeral() -> None:
    """A summary writes the sources' "World War II" as "World War Two" (or "world war two"):
    part of the name, not a figure of its own. The numeral gives no other figure of the claim
    ("Two years ago", where no source says two); "World War I" stays words (one letter: "I"
    is mostly the pronoun)."""
    source = "It marks the end of World War II, Malcolm X and World War I."
    assert novel(
        source,
        "It marks the end of World War Two.",
        "a world war two veteran was honoured.",
        "It marks the end of the Second World War.",
        "Two years ago he left.",
        "It marks the end of World War 2.5.",
    ) == [(), (), (), ("Two",), ("2.5",)]


def test_dates_are_months_weekdays_and_years() -> None:
    assert dates("On Friday, 17 May 2024, not in 123") == {"friday", "may", "2024"}
    assert dates("He signed in the summer and left in autumn") == {"summer", "autumn"}
    assert dates("a spring of water; he will fall") == frozenset()  # too often no season


def test_days_of_a_month_are_read_with_their_month() -> None:
    assert days("found on March 13. Seen on 12 March 2024, the 12th of March, Aug. 12") == {
        ("march", 13),
        ("march", 12),
        ("august", 12),
    }
    assert days("March 2024; they may 12 times; in March, 12 died; May 17") == {("may", 17)}


def test_times_of_day_are_read_on_a_24_hour_clock_as_written() -> None:
    found = clock_times("at 6pm, or 18:00, after 3.30 pm; at 10:15 a.m., noon and midnight")
    assert found == {
        "18:00": "6pm",
        "15:30": "3.30 pm",
        "10:15": "10:15 a.m.",
        "12:00": "noon",
        "00:00": "midnight",
    }
    # no time: a score, a figure, an hour past 12 with pm, a decimal
    assert clock_times("won 3:2 with 2.30 left, a 12.5m deal, 13pm, 16:45.5") == {}


def test_a_month_written_short_is_that_month() -> None:
    """AP style writes "Aug. 12": the sources' "August 12", and theirs the claim's."""
    assert dates("on Aug. 12 and Sept 3, in Jan 2020, said Jan Smith") == {
        "august",
        "september",
        "january",
        "2020",
    }
    assert novel("The blasts came on 12 August.", "They came on Aug. 12.") == [()]
    assert novel("The blasts came on Aug. 12.", "They came on August 12.") == [()]


def test_a_season_in_no_source_is_a_novel_date() -> None:
    """CLIFF: "Origi joined Liverpool ... from Lille this summer", a time no source gives."""
    embedder, cfg = HashedEmbedder(), VerifierConfig()
    text = "Origi joined Liverpool from Lille for a fee of ten million pounds."
    source = Document("s", "source", text, "s")
    summary = Document("c", "candidate", text[:-1] + " this summer.", "c")
    (src,), (cand,) = clean_documents([source], [summary], CleanConfig(), embedder)
    claims = [Claim("c", "C1", s) for s in segment(cand).sentences]
    measured = measure_claims(claims, document_evidence(segment(src), cfg, embedder), cfg, embedder)
    (aligned,) = judge_claims(claims, measured, build_verifier(cfg))
    assert (aligned.verdict, aligned.novel) == ("unsupported", ("summer",))


def test_initials_of_names_of_several_words() -> None:
    text = "In March, the United Nations Security Council met. North Korea's Kim Yo Jong spoke."
    assert initials(text) == {"un", "uns", "unsc", "nsc", "sc", "nk", "kyj", "ky", "yj"}


def novel(source: str, *claims: str) -> list[tuple[str, ...]]:
    """Each claim's names, numbers and dates found in no source, as the claims stage finds
    them against one source sentence."""
    embedder, cfg = HashedEmbedder(), VerifierConfig()
    cand = seg("c", *claims)
    found = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences, 1)]
    evidence = document_evidence(seg("s", source), cfg, embedder)
    return [m.signals.novel for m in measure_claims(found, evidence, cfg, embedder)]


def test_an_acronym_the_source_spells_out_is_no_novel_name_and_dotted_initials_are_names() -> None:
    assert novel(
        "The United Nations said the United States would send aid to Haiti.",
        "The U.N. said the US would send aid.",
        "The U.K. said it would send aid.",
    ) == [(), ("uk",)]


def test_a_name_opening_a_claim_or_following_a_colon_is_read_by_the_lexicon() -> None:
    """A capital opening a sentence says nothing, so the lexicon says whether the word is a
    name: "Chelsea" is (CLIFF: "Navanrette: The mainstream media ...", a misspelt speaker),
    "Police" is not; a wire's "(AP)" is no claim's word. A part of a hyphened name spelt with
    other vowels is the sources' name romanised another way ("Yo-jung" for "Yo Jong"); a
    name alone is not ("Alan" is no "alone")."""
    source = "Arsenal beat Everton. Police said so. Kim Yo Jong spoke. I left alone."
    assert novel(
        source,
        "Chelsea beat Everton.",
        "Opponent: Chelsea",
        "Police said Arsenal won.",
        "Everton (AP) — Arsenal won.",
        "Yo-jung, however, spoke.",
        "Alan Jong spoke.",
    ) == [("chelsea",), ("chelsea",), (), (), (), ("alan",)]


def test_a_headline_in_title_case_is_read_by_the_lexicon() -> None:
    """Capitals say nothing in "Robbie Williams Sings At Fan Wedding In Liverpool": the
    lexicon finds its names, as in a lower-cased claim."""
    source = "Gary Barlow sang at a fan's wedding in Berkshire."
    assert novel(
        source,
        "Robbie Williams Sings At Fan Wedding In Liverpool",
        "Gary Barlow Surprises Superfan At Her Wedding In Berkshire",
    ) == [("liverpool", "robbie", "williams"), ()]


def test_a_name_of_two_words_and_a_joining_word_spells_out_an_acronym() -> None:
    """An LLM summary spells out the article's "MoD" as "Ministry of Defence"; "the Ministry
    of Justice" spells out no acronym of the source."""
    source = "He has a clear MoD record, the DfT said."
    assert novel(
        source,
        "He has a clean Ministry of Defence record.",
        "The Department for Transport said so.",
        "The Ministry of Justice said so.",
    ) == [(), (), ("justice", "ministry")]


def test_a_title_or_party_in_its_short_form_is_the_same_word() -> None:
    """An LLM summary writes the article's "Lib Dems" as "the Liberal Democrats" and its
    "Sen." as "Senator" (and back): the same name, not a new one, nor a swap."""
    source = "Scottish Labour and the Scottish Lib Dems were critical, Sen. Warren said."
    assert novel(
        source,
        "Labour and the Liberal Democrats were critical.",
        "The Lib Dem leader was critical, Senator Warren said.",
        "The Tory leader and Governor Warren were critical.",
    ) == [(), (), ("governor", "tory")]
    assert novel(
        "The Tories and Senator Warren spoke.", "The Conservatives and Sen. Warren spoke."
    ) == [()]
    assert novel(  # a party's member or leader in the singular (the fifteenth probe's)
        source, "The Liberal Democrat leader was critical.", "A Conservative leader was critical."
    ) == [(), ("conservative",)]
    assert novel("The Tories spoke.", "A Conservative spoke.") == [()]
    assert novel(  # the Olympics are the Games (the fifteenth probe's)
        "Araf should be banned from the Rio 2016 Olympics.", "Araf should miss the 2016 Games."
    ) == [()]
    assert novel(  # the Met is the Metropolitan Police (a probe of LLM summaries)
        "A Met Police barrister spoke.", "A Metropolitan Police barrister spoke."
    ) == [()]


def test_a_seat_of_government_or_another_name_stands_for_its_country() -> None:
    """News writes a country's government by its seat ("Pyongyang denied ...", "talks with
    Washington", "the Kremlin", "the White House"): no novel name where a source names the
    country (a demonym will do), but the seat as the place ("in Moscow", "the capital,
    Washington") or the seat of a country no source names is one. A country's other name
    stands for it too ("Holland" for "the Netherlands", "the EU" for "the European Union"),
    but "the UK" is not "Britain": XSumFaith's annotators keep them apart."""
    source = "North Korea denied selling weapons to Russian forces, the United States said."
    assert novel(
        source,
        "Pyongyang denied selling weapons to Moscow, Washington said.",
        "The Kremlin denied buying weapons from Pyongyang.",
        "Officials met in Moscow.",
        "Officials said Beijing denied selling weapons to Moscow.",
    ) == [(), (), ("moscow",), ("beijing",)]
    vocab = vocabulary(["The American government said so."])
    assert countries("The White House said so.", vocab) == {"white", "house"}
    assert countries("It was said at the White House.", vocab) == frozenset()
    assert countries("Shots were fired in the US capital, Washington.", vocab) == frozenset()
    assert novel(  # a word for its people: "the Spaniard" where a source names Spain
        "Spain beat France and Lebanon, Britain and Belgium drew.",
        "The Spaniard beat the Frenchman; Britons and Belgians watched.",
        "The Lebanese and the Dane drew.",
    ) == [(), ("dane",)]
    assert novel(
        "Britain and the Netherlands left the European Union, a minister told us.",
        "Officials said Holland left the EU.",
        "Officials said the UK and Holland joined America.",  # "us" is no name of the US
    ) == [(), ("america", "uk")]
    assert novel("GB led 35-24.", "Great Britain led 35-24.") == [()]  # Team GB


def test_a_name_spelling_out_the_sources_acronym_is_no_novel_name() -> None:
    """XSum's summaries spell out what the article abbreviates ("a former UDR soldier" in the
    source, "a former Ulster Defence Regiment (UDR) soldier" in CLIFF's faithful summary)."""
    assert novel(
        "The MLA must apologise to a former UDR soldier, the Sussex PCC and US said.",
        "The MLA must apologise to a former Ulster Defence Regiment (UDR) soldier.",
        "Sussex's Police and Crime Commissioner said the MLA must apologise.",
        "In Upper Saxony the MLA must apologise.",  # "us": two words are no spelled name
        "The Ulster Defence Reserve Regiment said the MLA must apologise.",  # "udrr"
    ) == [(), (), ("saxony", "upper"), ("defence", "regiment", "reserve", "ulster")]
    vocab = frozenset({"udr"})
    assert spelled_out("the Ulster Defence Regiment", vocab) == {"ulster", "defence", "regiment"}
    # a number after the initials, in figures or as a Roman numeral: "WW1", "WWII"
    wars = frozenset({"ww1", "wwii"})
    assert spelled_out("They died in World War One.", wars) == {"world", "war", "one"}
    assert spelled_out("They died in World War Two.", wars) == {"world", "war", "two"}
    assert spelled_out("They died in World War Three.", wars) == frozenset()
    assert spelled_out("Ulster Defence Regiment", frozenset({"pcc"})) == frozenset()
    # in any case, the words before an acronym in brackets that they spell out
    glossed = "a ban upheld by the court of arbitration for sport ( cas ) and the world anti-doping"
    cas = {"court", "arbitration", "sport"}
    assert spelled_out(glossed + " agency (wada).", frozenset({"cas", "wada"})) == cas | {
        "world",
        "anti",
        "doping",
        "agency",
    }
    # the words must spell out the acronym they gloss, whatever else the sources spell
    assert spelled_out("the national intelligence agency (nsa)", frozenset({"nsa", "nia"})) == set()
    assert (
        spelled_out("the court of arbitration for sport -lrb- cas -rrb-", frozenset({"cas"})) == cas
    )
    assert novel(
        "Suarez appealed to CAS.", "suarez appealed to the court of arbitration for sport (cas)."
    ) == [()]


def test_an_ordinary_word_opening_a_claim_before_a_name_is_no_name() -> None:
    """A sentence's first word is capitalised whatever it is: "Former" before "Rangers" and
    "CLICK" before "HERE" are no names found in no source; "Steve" before "Sidwell" is one."""
    assert novel(
        "Sidwell played for Rangers and Brighton, where the news is.",
        "Former Rangers player Sidwell played for Brighton.",
        "CLICK HERE for the news.",
        "Steve Sidwell played for Brighton.",
    ) == [(), (), ("steve",)]


def test_may_and_march_are_dates_only_in_a_dates_context() -> None:
    for text in ("on May 17", "in May 2024", "May 2024", "17 May", "early May", "the 17th of May"):
        assert dates(text) == {"may"} | ({"2024"} if "2024" in text else set()), text
    for text in ("talks may resume next week", "they may", "Talks May Resume", "May I ask?"):
        assert dates(text) == frozenset(), text
    assert dates("since March, they march on Sundays") == {"march"}
    assert dates("the March on Washington") == frozenset()
    assert dates("an august body met Jan Smith") == frozenset()
    assert dates("Jan. 5 and in August") == {"january", "august"}


def test_a_modal_may_does_not_contradict_a_dated_source() -> None:
    """The claim check as `run` does it: "may" was read as a date against "Friday"."""
    embedder, cfg = HashedEmbedder(), VerifierConfig()
    source = Document("s", "source", "The talks will resume next week on Friday in Geneva.", "s")
    summary = Document("c", "candidate", "The talks may resume next week in Geneva.", "c")
    (src,), (cand,) = clean_documents([source], [summary], CleanConfig(), embedder)
    claims = [Claim("c", "C1", s) for s in segment(cand).sentences]
    measured = measure_claims(claims, document_evidence(segment(src), cfg, embedder), cfg, embedder)
    (aligned,) = judge_claims(claims, measured, build_verifier(cfg))
    assert (aligned.verdict, aligned.novel, aligned.conflict) == ("supported", (), "")


def test_names_skip_sentence_openers_but_keep_multiword_names() -> None:
    found = names("Foreign experts met Lee Sung-hoon in Vladivostok. However, Kim Jong Un left.")
    assert {"lee", "sung", "hoon", "vladivostok", "kim", "jong", "un"} <= found
    assert "foreign" not in found and "however" not in found


def test_a_name_with_a_figure_glued_on_is_the_token_the_sources_have() -> None:
    # (third probe) "GBP3,028" was the name "gbp3", which no source's words ("gbp3,028") had:
    # a copied sentence was "found in no source"
    text = "Mr Gauke wants details of their plan for GBP3,028 of tax rises and the new F1 rules."
    assert {"gbp3,028", "f1", "gauke"} <= names(text)
    assert names(text) <= set(tokens(text))


def test_a_word_opening_after_markdown_emphasis_is_an_opener() -> None:
    assert names("*Note: This summary is based on the articles.*") == frozenset()
    assert names("- **Update:** Kim Yo Jong spoke.") == {"kim", "yo", "jong"}


def test_title_case_headlines_yield_no_names() -> None:
    assert names("Kim Yo Jong Denies Allegations Of Weapon Exports To Russia") == frozenset()


def test_treebank_brackets_are_no_words() -> None:
    # CNN/DailyMail's tokenised release writes "(CNN)" as "-lrb- cnn -rrb-"
    assert content_tokens("-lrb- cnn -rrb- -- seoul , south korea") == (
        "cnn",
        "seoul",
        "south",
        "korea",
    )
    assert not {"lrb", "rrb"} & name_words("seoul , south korea -lrb- ap -rrb- -- the sister")
    assert tokens("amir hamza -lrb- 2-23 -rrb- was") == tokens("Amir Hamza (2-23) was")


def test_negation_includes_denial_verbs() -> None:
    assert negated("She denied that it shipped") and negated("She denied having shipped it")
    assert negated("a non-permanent member") and negated("don't")
    assert negated("She rejected claims that it shipped")
    assert not negated("She confirmed it")
    # implied: "failed to", "declined to" and a verb; not "declined to" a figure or a level
    assert negated("He failed to attend") and negated("He declined to comment")
    assert not negated("Shares declined to 5%") and not negated("It declined to the lowest level")
    assert not negated("She dismissed the speculation as absurd")
    # "deny any" or "all": none of it happened; not "denied murder but was found guilty"
    assert negated("Durst has long denied any involvement") and negated("She denies all claims")
    assert not negated("Dhillon denied murder but was found guilty")
    assert not negated("He denies the charges")
    # "without doubt" affirms
    assert not negated("Without doubt this is a reference to the campaign")
    # a "not" that ends a clause stands for a statement before it (the eleventh probe's)
    assert not negated("kuznetsova will hope not , after she hacked some of her own hair off")
    assert not negated("Whether he plays or not, the club will win.")
    assert negated("He hoped not to play.") and negated("He did not play, or so he said.")
    # nor one before "until": what did not happen until then happened then (fifteenth probe)
    assert not negated("It was not until 1988 that his wife discovered a scrapbook.")
    assert not negated("He will not be released until 2020.")
    assert not negated("His efforts didn't come to light until 1988.")
    assert negated("He did not come to light in 1988.")
    # nor do the idioms that affirm (the tenth probe's "nothing short of a gentleman")
    assert not negated("Roldan describes Castro as nothing short of a gentleman.")
    assert not negated("She is staying not far from the hospital.")
    assert not negated("He not only won the race but also set a record.")
    assert not negated("It was none other than the president.")
    assert negated("It is no longer open.") and negated("It is not far.")


def test_known_matches_demonyms_but_not_other_names() -> None:
    vocab = vocabulary(["North Korea and Ukraine met Vladimir"])
    assert known("korean", vocab) and known("ukrainian", vocab)
    assert not known("vladivostok", vocab)


def test_sentence_end_sees_through_closing_quotes() -> None:
    assert is_sentence_end("He said “no.”") and not is_sentence_end("Related")


def test_a_citation_mark_is_no_figure_and_no_word() -> None:
    """A model's or a wiki's "[1]" would be a figure found in no source."""
    cited = "Shin said 7,000 containers [1][2, 3] were sent in 2023 [^4]."
    assert numbers(cited) == {"7000", "2023"}
    assert content_tokens(cited) == content_tokens("Shin said 7,000 containers were sent in 2023.")
    assert numbers("[the minister] said 12 [sic] people") == {"12"}  # brackets of words stay


@pytest.mark.parametrize(
    "mark",
    [
        "(Article 1)",
        "(Articles 2 and 3)",
        "[Source 1, Source 3]",
        "[Sources 2, 3]",
        "[doc3]",
        "(Document #2)",
        "(Source: AP)",
        "(Sources: AP, Reuters)",
        "【3†source】",
    ],
)
def test_a_citation_naming_what_it_cites_is_no_figure_no_word_and_no_name(mark: str) -> None:
    """A summary citing its numbered articles or its publishers: "(Article 1)" was a figure
    found in no source and "Reuters" a name found in no source."""
    cited = f"Shin said North Korea sent 7,000 containers in 2023 {mark}."
    assert numbers(cited) == {"7000", "2023"} and names(cited) == {"north", "korea"}
    assert tokens(cited) == tokens("Shin said North Korea sent 7,000 containers in 2023.")
    assert unreferenced(cited) == cited.replace(mark, " " * len(mark))  # offsets hold


def test_a_figure_in_brackets_stays_one() -> None:
    """A cricket score, an age, "Article 5" in prose: figures as written."""
    for text, figures in [
        ("Najeeb Tarakai (27) put on a stand of 51.", {"27", "51"}),
        ("Hamza (2-23) took two wickets.", {"2", "23"}),
        ("NATO invoked Article 5 for the first time.", {"5"}),
    ]:
        assert numbers(text) == figures


def test_a_markdown_link_reads_as_its_text() -> None:
    linked = "[Kim Yo Jong](https://en.wikipedia.org/wiki/Kim_Yo_Jong) denied it in 2024."
    assert tokens(linked) == tokens("Kim Yo Jong denied it in 2024.")
    assert numbers(linked) == {"2024"}
    target = "(https://en.wikipedia.org/wiki/Kim_Yo_Jong)"
    assert unreferenced(linked) == linked.replace(target, " " * len(target))  # offsets hold


def test_untokenised_writes_the_release_s_tokens_as_text() -> None:
    """Penn Treebank tokens as written: quotes, punctuation and clitics on their words,
    thousands joined, brackets; text that is not tokenised is left as it is."""
    assert untokenised("`` we 're ready , '' he said .") == '"we\'re ready," he said.'
    assert untokenised("he said : ` it was 7 , 500 -lrb- or more -rrb- . '") == (
        "he said: \u2018it was 7,500 (or more).\u2019"
    )
    assert untokenised("the players ' union did n't agree .") == "the players ' union didn't agree."
    for text in ('He said "hello, world" and left.', "It's 7,500 (or more).", "Rock 'n' roll"):
        assert untokenised(text) == text


def test_a_plural_in_ies_is_known_by_its_singular() -> None:
    """ "the Freer and Sackler Galleries" where a source has "the Freer Gallery" (a WiCE claim
    read "galleries" as a name found in no source), and the other way round."""
    assert known("galleries", vocabulary(["the Freer Gallery of Art"]))
    assert known("gallery", vocabulary(["the Freer and Sackler Galleries"]))
    assert not known("galleons", vocabulary(["the Freer Gallery of Art"]))
    # and an adjective in -ional by its noun: "his run for Congress" where a source has "the
    # open seat in West Virginia's 3rd Congressional District"
    assert known("congress", vocabulary(["West Virginia's 3rd Congressional District"]))


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("YouTube launched local versions for Nepal, Pakistan and Sri Lanka.", 3),
        ("Players flee either via Turkey or Egypt.", 2),
        # where the list starts is not always clear: the most it may name
        ("Players flee Syria, either via Turkey or Egypt.", 3),
        # the comma of a figure splits no list; the clause before the first item is its tail
        ("They asked 3,200 adults across the US, India, China, Japan, Britain and Australia.", 6),
        # an "and" inside an item names one more
        ("Talks with Bob Saget, Mary-Kate and Ashley Olsen, Dave Coulier and Lori Loughlin.", 5),
        ("Nobody came.", 0),
        # a clause joined on after the last item ends it
        (
            "He played with Reading, Chelsea, Aston Villa, Fulham and Stoke and believes he"
            " deserves the opportunity to play at the top level again.",
            5,
        ),
        # a list of things that are no names is none a count may stand for
        ("It happened in a busy area of bars and cafes.", 0),
    ],
)
def test_listed_counts_the_items_of_the_longest_list_of_names(text: str, items: int) -> None:
    assert listed(text, lambda item: any(w[:1].isupper() for w in item.split())) == items


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("home to more than a quarter of a million people", "250000"),
        ("half a million people", "500000"),
        ("three quarters of a billion dollars", "750000000"),
        ("two and a half million viewers", "2500000"),
        ("only produces a half of one percent of GDP", "0.5"),
        ("only produces half of one per cent of GDP", "0.5"),
        ("capable of powering one million homes", "1000000"),
    ],
)
def test_a_share_of_a_scale_in_words_is_its_figure(text: str, value: str) -> None:
    """A summary writes "250,000" for "a quarter of a million" and "0.5%" for "half of one
    percent": the words are read as the figure, which is then no figure found in no source."""
    assert numbers(text) == {value}
    assert numbers("half a mile from the shore") == frozenset()
