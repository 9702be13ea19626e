"""The one contradiction rule (evalkit.conflict), as claims and coverage apply it."""

from __future__ import annotations

import pytest

from evalkit.conflict import (
    compare,
    misaged,
    misnamed,
    placed,
    reattached,
    relinked,
    renamed,
    repointed,
    speakers,
    spliced,
    verbatim,
    voiced,
)
from evalkit.conflict.base import Conflict, copied_sentences, unattributed
from evalkit.text import amounts, dates, negated, numbers

NONE: frozenset[str] = frozenset()


def reason(claim: str, unit: str, novel: frozenset[str] = NONE, fact: bool = False) -> str:
    """What `compare` finds, as the claims stage reads a claim, or coverage a key `fact`."""
    kind, found = compare(claim, unit, True, novel, 0.6, fact)
    return found.reason() if found else kind


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a different figure for the same thing, whether or not it appears elsewhere
        (
            "About 45,000 vehicles a day are being diverted via Old Mill Road.",
            "About 18,000 vehicles a day are being diverted via Old Mill Road.",
            "number 45,000 where the source has 18,000",
        ),
        (
            "About 300 residents were evacuated from the estate.",
            "About 200 residents were evacuated from the estate.",
            "number 300 where the source has 200",
        ),
        (
            "Shin said North Korea received fewer than 2,000 Russian containers of aid.",
            "Shin said North Korea received more than 9,000 Russian containers of aid.",
            "number fewer than 2,000 where the source has more than 9,000",
        ),
        (
            "More than 9,000 containers arrived at the port.",
            "Fewer than 9,000 containers arrived at the port.",
            "number more than 9,000 where the source has fewer than 9,000",
        ),
        (
            "The deal is worth $3 billion to the company.",
            "The deal is worth $2.5 billion to the company.",
            "number $3 billion where the source has $2.5 billion",
        ),
        (
            "The plan was launched in 2019 by the ministry.",
            "The plan was launched in 2021 by the ministry.",
            "date 2019 where the source has 2021",
        ),
        (
            "The bridge reopened on Monday after repairs.",
            "The bridge reopened on Tuesday after repairs.",
            "date monday where the source has tuesday",
        ),
        (  # a decade (the fifteenth probe's)
            "Millar was a pupil at his circuit training classes in Glasgow in the late 1980s.",
            "Millar was a pupil at his circuit training classes in Glasgow in the late 1970s.",
            "date 1980s where the source has 1970s",
        ),
        (  # an ordinal in a clause that says more than the unit (the fifteenth probe's)
            "Thomas Ince curled in his 12th goal of the season as Derby County won 3-0 at "
            "Ipswich Town.",
            "Ince, whose earlier effort came after he drifted in from the right to score his "
            "11th goal of the season, could only hit the post from a low cross by Bent.",
            "number 12th where the source has 11th",
        ),
        (
            "Kim confirmed that her country has exported weapons to Russia.",
            "Kim, the leader's sister, denied that her country has exported weapons to Russia.",
            "negation: only the source denies or negates it",
        ),
        (
            "Resolutions that Russia, a non-permanent member, endorsed.",
            "Resolutions that Russia, a permanent member, endorsed.",
            "negation: only the claim denies or negates it",
        ),
        (
            "Quarterly profits rose sharply at the bank.",
            "Quarterly profits fell sharply at the bank.",
            "opposite rose where the source has fell",
        ),
    ],
)
def test_same_statement_with_another_value_is_a_conflict(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # the source's other clause negates something the claim does not repeat
        ("The striker scored twice.", "The striker scored twice, but it wasn't enough."),
        # lower-cased, where names stay words of the clauses; "but it was n't enough" says none
        # of the claim's words
        (
            "gonzalo castro scored the winner in the 57th minute for david moyes ' side .",
            "real sociedad midfielder gonzalo castro scored one of the goals of the season but "
            "it was n't enough as david moyes ' side had to settle for a share of the spoils .",
        ),
        # a quote of two sentences kept as one: the negation is in the sentence left out
        (
            "i just want to have it free - flowing , '' he tells bbc sport .",
            "`` i just want to learn it and not have to ask where i should be stood . i just "
            "want to have it free - flowing , '' he told bbc sport .",
        ),
        # a negation inside a relative clause of both
        (
            "Kim called the claims a paradox which is not worth any interpretation.",
            "On Friday, Kim called the claims a paradox which is not worth any interpretation.",
        ),
        # dismissing speculation negates nothing it goes on to say
        (
            "Kim called outside speculation on the arms dealings an absurd paradox.",
            "Kim dismissed outside speculation on the arms dealings as an absurd paradox.",
        ),
        # a denial the source makes in another clause than the one closest to the claim's
        (
            "Kim Yo-jong, the feared sister of North Korean dictator Kim Jong-un, has dismissed "
            "speculation that her country is trading arms with Russia, calling it “an absurd "
            "paradox.”",
            "The influential sister of North Korean leader Kim Jong Un has again denied that her "
            "country has exported any weapons to Russia, labelling outside speculation on the "
            "countries’ arms dealings as “the most absurd paradox”.",
        ),
        # figures of different things
        (
            "The fire destroyed 20 homes on the estate.",
            "The fire destroyed 20 homes and injured 3 people on the estate.",
        ),
        # counts of things not named alike are not compared; "father-of-two" is no figure
        (
            "Church figures say 14 of the 45 women who entered convents last year were young.",
            "Church figures say women entering convents rose from 15 in 2009 to 45 last year.",
        ),
        (
            "Shiraz Nawaz, 36, said he felt lucky to be alive.",
            "Father-of-two Shiraz Nawaz said he felt lucky to be alive after the flames.",
        ),
        # "refused" negates and is the opposite of "agreed": it stays in what a clause says
        # (taken out, this faithful claim's "refused to hand her over" negated a sentence that
        # does not say it)
        (
            "the pair fled after genevieve kelley, mary's mother, refused to hand her over to "
            "mark nunes, mary's biological father, during a custody dispute.",
            "the pair fled new hampshire in 2004 along with genevieve kelley, mary's mother, "
            "during a custody dispute with mark nunes, genevieve's former husband and mary's "
            "father.",
        ),
        # a source that says the claim word for word, whatever else its sentence holds
        (
            'Dr Wilson said: "We are unsure as to exactly why the numbers rose."',
            'Dr Wilson said: "We are unsure as to exactly why the numbers rose." He was not alone.',
        ),
    ],
)
def test_the_same_statement_agrees(claim: str, source: str) -> None:
    assert reason(claim, source) == "agree"


def test_a_different_statement_is_neutral_and_a_window_never_conflicts() -> None:
    claim = "About 45,000 vehicles a day are being diverted via Old Mill Road."
    assert reason(claim, "About 45,000 vehicles cross the bridge every day.") == "neutral"
    window = "About 18,000 vehicles a day are being diverted via Old Mill Road. It is busy."
    assert compare(claim, window, False, NONE, 0.6) == ("neutral", None)
    merged = "Traffic is diverted via Old Mill Road. About 45,000 vehicles a day use it."
    assert (
        compare(
            "About 45,000 vehicles a day are diverted via Old Mill Road.", merged, False, NONE, 0.6
        )[0]
        == "agree"
    )


def test_an_invented_name_where_the_source_has_another_is_a_conflict() -> None:
    claim = "Analyst Lee Park said the tests advertised the weapons."
    source = "Analyst Shin Wonsik said the tests advertised the weapons."
    assert reason(claim, source, frozenset({"lee", "park"})) == (
        "name lee, park where the source has shin, wonsik"
    )


def test_a_quote_moved_to_another_speaker_is_a_conflict() -> None:
    source = "In March, defence minister Shin Wonsik said about 7,000 containers were shipped."
    moved = "John Kirby said about 7,000 containers were shipped."
    assert reason(moved, source) == "name john, kirby where the source has shin, wonsik"
    assert reason("Shin said about 7,000 containers were shipped.", source) == "agree"
    assert reason("She said about 7,000 containers were shipped.", source) == "agree"
    # "According to" opening the claim names its speaker as "according to" inside it does
    assert reason("According to John Kirby, about 7,000 containers were shipped.", source) == (
        "name john, kirby where the source has shin, wonsik"
    )
    assert reason("According to Shin, about 7,000 containers were shipped.", source) == "agree"
    # a quote's speaker by what they did with it: called, dismissed, denied, described ...
    source = (
        "Kim Yo Jong dismissed outside speculation on arms dealings as “the most absurd paradox.”"
    )
    moved = 'Shin Wonsik called outside speculation on arms dealings "the most absurd paradox".'
    assert reason(moved, source) == "name shin, wonsik where the source has jong, kim, yo"
    assert reason(moved.replace("Shin Wonsik", "Kim"), source) == "agree"
    # read for the speaker rule alone: "Kim Yo Jong denied" keeps her name among the words
    # the claim says, so the unit that has her say it agrees (and is read first)
    claim = (
        "Kim Yo Jong denied that North Korea has exported weapons to Russia, calling the "
        'speculation "the most absurd paradox".'
    )
    source = (
        'Kim Yo Jong dismissed these claims as "the most absurd paradox" and reiterated that '
        "North Korea has no intention of exporting its military technologies."
    )
    assert reason(claim, source) == "agree"  # neutral when "denied" made her a speaker
    # "responded by saying"; a word of the speaker's name used elsewhere in the claim ("Korea"
    # of "North Korea") does not name the speaker
    source = "South Korea's Unification Ministry responded by saying it is fully ready to repel "
    source += "military threats by North Korea."
    moved = "Russia said it was fully ready to repel military threats by North Korea."
    assert reason(moved, source) == (
        "name russia where the source has korea, ministry, south, unification"
    )
    for speaker in ("South Korea", "The Unification Ministry", "Seoul"):
        assert reason(moved.replace("Russia", speaker), source) == "agree"
    # a nationality after "the" describes whom the claim names (the thirteenth probe's); a
    # country is another speaker
    source = "The Spaniard warned Bayern remained lethal even though they were missing Robben."
    claim = "Porto coach Julen Lopetegui warned that Bayern remained lethal without Robben."
    assert reason(claim, source) == "agree"
    assert reason(claim, source.replace("The Spaniard", "France")) == (
        "name julen, lopetegui where the source has france"
    )
    # lower-cased, where capitals say nothing of it (the seventh probe's swapped attribution)
    moved = (
        '"in the first 45 minutes you saw a team that is not ready," danny murphy told bt sport.'
    )
    source = moved.replace("danny murphy", "the argentine")
    assert reason(moved, source) == "name danny, murphy where the source has argentine"
    # a ministry's spokesperson speaks for the ministry the source names
    assert (
        reason(
            "The Unification Ministry said arms dealings must be stopped.",
            "Unification Ministry spokesperson Kim Inae said arms dealings must be stopped.",
        )
        == "agree"
    )


def test_a_speaking_she_is_read_as_the_speaker_named_before() -> None:
    """ "She added ..." after "Kim Yo Jong called ..." is Kim's: `voiced` reads the pronoun as
    the last speaker named within three sentences, read so in turn; a "she" no named speaker
    precedes, and a sentence that names its own speaker, stay as written."""
    article = [
        "On Friday, Kim Yo Jong called the speculation an absurd paradox.",
        "“We have no intention to export arms,” she said.",
        "She added the weapons are designed to attack Seoul.",
        "Shin Wonsik said 7,000 containers were shipped, she said.",
    ]
    assert voiced(article) == [
        article[0],
        "“We have no intention to export arms,” Kim Yo Jong said.",
        "Kim Yo Jong added the weapons are designed to attack Seoul.",
        article[3],
    ]
    assert voiced(["She said it was absurd."]) == ["She said it was absurd."]
    # the speaker rule then reads a quote given to another speaker
    moved = "John Kirby said the weapons are designed to attack Seoul."
    assert reason(moved, voiced(article)[2]) == (
        "name john, kirby where the source has jong, kim, yo"
    )
    assert reason(moved.replace("John Kirby", "Kim"), voiced(article)[2]) == "agree"


def test_in_a_dialogue_what_a_speaker_says_they_do_is_theirs() -> None:
    """A dialogue's turn "Amanda: I baked cookies." says Amanda baked them (a first-person
    verb, auxiliaries aside); every turn of a window counts, and a caption's label is no
    speaker."""
    turn = "Amanda: I baked  cookies."
    assert (
        reason("Jerry baked cookies for the party.", turn)
        == "name Jerry where the source has Amanda"
    )
    assert reason("Amanda baked cookies.", turn) == "agree"
    assert reason("She baked cookies.", turn) == "agree"
    window = "Amanda: I'll bring you some tomorrow. Jerry: Sure, I can't wait to eat them."
    _, found = compare("Amanda can't wait to eat them.", window, False, NONE, 0.6)
    assert found is not None and found.reason() == "name Amanda where the source has Jerry"
    _, found = compare("Jerry will bring them tomorrow.", window, False, NONE, 0.6)
    assert found is not None and found.reason() == "name Jerry where the source has Amanda"
    assert compare("Amanda will bring them tomorrow.", window, False, NONE, 0.6)[1] is None
    caption = "Defiant: 'I will not resign,' the minister said."
    assert reason("Smith will not resign.", caption) == "neutral"


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # subject and object exchanged across the verb
        (
            "The court fined the company for the spill.",
            "The company fined the court for the spill.",
            "order court ... company where the source has company ... court",
        ),
        (
            "the latest is the charge in a litany of accusations .",
            "the charge is the latest in a litany of accusations .",
            "order latest ... charge where the source has charge ... latest",
        ),
        # two words far apart, each in the other's place
        (
            "The Stranraer incident happened on 15 September with the Sandyhills con a week later.",
            "The Sandyhills incident happened on 15 September with the Stranraer con a week later.",
            "order stranraer ... sandyhills where the source has sandyhills ... stranraer",
        ),
        # two places exchanged around a word the claim also says elsewhere ("on", "in": an
        # independent probe's misses)
        (
            "Officers believe the man, who was working at Houghton Road on Fruehauf, fell from a "
            "cherry picker on Thursday.",
            "Officers believe the man, who was working at Fruehauf on Houghton Road, fell from a "
            "cherry picker on Thursday.",
            "order houghton ... fruehauf where the source has fruehauf ... houghton",
        ),
        (
            "he was studying to be a paramedic at london in st george's university hospital in "
            "2008 .",
            "he was studying to be a paramedic at st george's university hospital in london in "
            "2008 .",
            "order london ... st where the source has st ... london",
        ),
        # both passive: the roles are exchanged all the same
        (
            "smith was beaten by jones in the final at wimbledon .",
            "jones was beaten by smith in the final at wimbledon .",
            "order smith ... jones where the source has jones ... smith",
        ),
        # two times exchanged, though a time moved alone is none
        (
            "Smith died on Friday and Jones on Monday.",
            "Smith died on Monday and Jones on Friday.",
            "order friday ... monday where the source has monday ... friday",
        ),
    ],
)
def test_the_sources_words_with_two_exchanged_are_a_conflict(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # words joined by "and" may change places
        (
            "Rangers and Hibs remain level on 61 points.",
            "Hibs and Rangers remain level on 61 points.",
        ),
        # a phrase moved to the front or the back says the same thing
        (
            "In return, Shin said North Korea had received 9,000 containers.",
            "Shin said North Korea had received 9,000 containers in return.",
        ),
        # ... also where a word between its two sides ("the") is said twice (CLIFF)
        (
            "Elle, 51, has been labeled' The Body' since the 1980s.",
            "Having been labeled 'The Body' since the 1980s, Elle, pictured, left, in 1995 and, "
            "right, in 2012,  has had to make sure her physique is in peak condition at all times.",
        ),
        # the passive of the source's sentence
        (
            "Robert Durst is charged with unlawful possession of a firearm.",
            "A federal grand jury has charged Robert Durst with unlawful possession of a firearm.",
        ),
        # active against passive
        (
            "Kirby said North Korea-supplied missiles had been fired on Ukraine.",
            "Kirby said missiles supplied by North Korea had been fired at Ukraine.",
        ),
        ("jones was beaten by smith in the final .", "smith beat jones in the final ."),
        # a pronoun replaced by the name it stands for
        (
            "Barcelona plan to let Pogba stay in Italy for a year on loan.",
            "Barcelona will bid for Pogba, and plan to let him stay in Italy for a year on loan.",
        ),
        # two phrases that may trade places (`order._phrases_traded`): a pair, phrases side by
        # side, a quote and its speaker
        ("Chelsea and Arsenal met in the final.", "Arsenal and Chelsea met in the final."),
        (
            "The ruling party of Andy Murray and the opposition of Novak Djokovic agreed.",
            "The opposition of Novak Djokovic and the ruling party of Andy Murray agreed.",
        ),
        ("He spoke in London on Monday.", "He spoke on Monday in London."),
        # a time moved to the other end of the sentence
        (
            "In June 2011 Martuzevicius was arrested in London under a European Arrest Warrant.",
            "He was arrested in London in June 2011 under a European Arrest Warrant.",
        ),
        (
            "US border agents encountered two men carrying backpacks east of Sumas, Washington, "
            "on Tuesday morning.",
            "The incident began on Tuesday morning when border agents encountered two men "
            "carrying backpacks east of Sumas, Washington, in the US.",
        ),
        (
            "The US chose not to veto the resolution on Friday.",
            "On Friday, the US chose not to veto a UN Security Council resolution.",
        ),
        (
            "McCoy, who plans to retire in February, said: 'I'm a dreamer.'",
            "'I'm a dreamer,' said McCoy, who plans to retire in February.",
        ),
    ],
)
def test_reordered_but_same_statement_agrees(claim: str, source: str) -> None:
    assert reason(claim, source) == "agree"


def test_in_lower_cased_text_a_replaced_speaker_is_a_conflict() -> None:
    source = "prof ruggles said : `` and then they said to us alice has been killed . ''"
    assert reason(
        "dr hills said : `` and then they said to us alice has been killed . ''", source
    ) == ("name hills where the source has ruggles")
    said = "`` if you start a game like we start then it is very difficult , '' said pochettino ."
    assert reason(said.replace("pochettino", "argentine"), said) == (
        "name argentine where the source has pochettino"
    )
    # a pronoun for the speaker is no other speaker, nor is the claim's indefinite description
    # (the fourteenth probe's "A Church official said" for "father christopher jamison ...")
    assert reason("he said : `` and then they said to us alice has been killed . ''", source) == (
        "agree"
    )
    official = "a church official said : `` and then they said to us alice has been killed . ''"
    assert reason(official, source) == "agree"
    assert reason(source, official) == "name prof ruggles where the source has a church official"
    # not one with a name: the spokesperson of a body the unit does not name (the seventh probe)
    body = official.replace("a church official", "a london fire brigade spokesperson")
    assert reason(body, source) == (
        "name a london fire brigade spokesperson where the source has prof ruggles"
    )
    # a name put for another around a word both keep (from the independent probe): two changes
    # to the alignment, one speaker
    mother = "mr colfer-williams' mother, {} said her son had been treated for asthma."
    assert reason(mother.format("gareth colfer-williams"), mother.format("angela colfer")) == (
        "name gareth colfer williams where the source has angela colfer"
    )
    # a speaker's title or given name left out or added is the same speaker
    chief = "the driver, said police chief {}, was not hurt."
    assert reason(chief.format("john smith"), chief.format("smith")) == "agree"
    # the new speaker may share a word with someone else the sentence names
    said = "`` we have a decent side , '' said rodgers of striker rickie lambert ."
    assert reason(said.replace("rodgers", "paul lambert"), said) == (
        "name paul lambert where the source has rodgers"
    )
    # and so may a name put in place of another where nobody speaks
    added = "rickie lambert and balotelli scored , and manager brendan rodgers signed benteke ."
    assert reason(added.replace("brendan rodgers", "paul lambert"), added) == (
        "word paul lambert where the source has brendan rodgers"
    )


@pytest.mark.parametrize("lower", [False, True])
def test_a_group_put_for_another_group_as_speaker_is_a_conflict(lower: bool) -> None:
    """A statement given to another group (second probe, "swapped attributions"): before
    "said", after a closing "say" or after "according to", cased text or not."""

    def said(text: str) -> str:
        return text.lower() if lower else text

    died = "The student, from Eastbourne, died of smoke inhalation, {}."
    cases = [
        ("the club said", "prosecutors said", "name the club where the source has prosecutors"),
        ("say the school", "say police", "name the school where the source has police"),
        ("police said", "officials said", "name police where the source has officials"),
        (
            "according to her family",
            "according to police",
            "name her family where the source has police",
        ),
    ]
    for mine, theirs, expected in cases:
        assert reason(said(died.format(mine)), said(died.format(theirs))) == expected
    warned = "{} have warned that advances in AI could ultimately threaten humanity."
    assert reason(said(warned.format("The government")), said(warned.format("Scientists"))) == (
        "name the government where the source has scientists"
    )
    # the same force, or a voice that may speak for anyone, is no other speaker (third probe:
    # lower-cased text read "officers" for "police" as a swap)
    for mine in ("officers said", "a police spokesman said", "a spokeswoman said"):
        assert reason(said(died.format(mine)), said(died.format("police said"))) == "agree"
    # an office may speak for the person who holds it (tokenised CLIFF)
    assert reason(
        said("Prime Minister has claimed Labour will increase taxes by £3,028."),
        said("Mr Cameron has claimed that Labour are planning to increase taxes by £3,028."),
    ) == ("agree")
    # a person, by name or title, may speak for a group (tokenised CLIFF: "the white house has
    # said" for "mr earnest said")
    plan = "{} said it is in the final stages of drafting a plan to close the prison."
    assert reason(said(plan.format("The White House")), said(plan.format("Mr Earnest"))) == (
        "agree"
    )
    # words after "said" that do not end the sentence are what is said, not who says it (in
    # lower-cased text the older reading of a name after "said" names this change a name)
    ministry = "The ministry said {} arms dealings must be stopped immediately."
    assert reason(said(ministry.format("legal")), said(ministry.format("illegal"))) == (
        f"{'name' if lower else 'opposite'} legal where the source has illegal"
    )


@pytest.mark.parametrize("lower", [False, True])
def test_two_clauses_exchanged_around_a_one_way_word_are_a_conflict(lower: bool) -> None:
    """ "B before A" for "A before B" (second probe, "reversed relations"); "B after A" says
    the same, and so does "After B, A"."""

    def said(text: str) -> str:
        return text.lower() if lower else text

    source = said("The committee recommended the scheme to parliament after members voted for it.")
    assert (
        reason(
            said("Members voted for it after the committee recommended the scheme to parliament."),
            source,
        )
        == said(
            "order members voted ... after the committee ... where the source has the committee "
            "... after members voted ..."
        ).lower()
    )
    for same in (
        "Members voted for it before the committee recommended the scheme to parliament.",
        "After members voted for it, the committee recommended the scheme to parliament.",
        source,
    ):
        assert reason(said(same), source) == "agree"
    # a meeting goes both ways: "and" is no one-way word
    both = said("Thompson steadied the innings and Wilson helped the Irish to a total.")
    swapped = said("Wilson helped the Irish to a total and Thompson steadied the innings.")
    assert reason(swapped, both) == "agree"


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a second negation, in a clause too short for the clause-by-clause reading
        (
            "but evans is not desperate not to miss out again after the losses .",
            "but evans is desperate not to miss out again after the losses .",
            "negation: only the claim denies or negates it",
        ),
        (
            "it is not very , very hard , '' said koirala .",
            "it is very , very hard , '' said koirala .",
            "negation: only the claim denies or negates it",
        ),
        # contracted negations, as the text writes them and tokenised
        (
            "The company did report a loss for the year.",
            "The company didn't report a loss for the year.",
            "negation: only the source denies or negates it",
        ),
        (
            "the company does n't report a loss for the year .",
            "the company does report a loss for the year .",
            "negation: only the claim denies or negates it",
        ),
        # a pronoun of the other sex, cased or tokenised: someone else
        (
            "She was fined 500 pounds for speeding on the motorway last week.",
            "He was fined 500 pounds for speeding on the motorway last week.",
            "word she where the source has he",
        ),
        (
            "police said the boy had been seen with him in the car on friday .",
            "police said the boy had been seen with her in the car on friday .",
            "word him where the source has her",
        ),
        # a copy with another number where no counted word says what it counts (an age)
        (
            "Adrian Fatchett, 17, was injured at a house in Highfield Avenue, said police.",
            "Adrian Fatchett, 52, was injured at a house in Highfield Avenue, said police.",
            "number 17 where the source has 52",
        ),
        # opposites in any of their forms, a word with more than one ("lost": "won", "gained")
        (
            "In return, Shin said North Korea had sent more than 9,000 containers of aid.",
            "In return, Shin said North Korea had received more than 9,000 containers of aid.",
            "opposite sent where the source has received",
        ),
        # a player "sent off" is dismissed: no opposite of one who received a blow (the
        # fourteenth probe's)
        (
            "Substitute Youssouf Mulumbu was sent off for a forearm in Joey Barton's face, and "
            "Barton added a fourth in added time.",
            "earlier , in the 84th minute , he received a forearm in the face from substitute "
            "youssouf mulumbu that saw referee lee probert produce a red card .",
            "neutral",
        ),
        (
            "The tests advertised the weapons it was planning to buy from Russia.",
            "The tests advertised the weapons it was planning to sell to Russia.",
            "opposite buy where the source has sell",
        ),
        (
            "The party gained three seats in the election on Thursday.",
            "The party lost three seats in the election on Thursday.",
            "opposite gained where the source has lost",
        ),
        (
            "Experts believe the artillery and long-range missile tests were meant as adverts.",
            "Experts believe the artillery and short-range missile tests were meant as adverts.",
            "opposite long where the source has short",
        ),
        # compass points and their adjectives, support and opposition (probes of LLM summaries)
        (
            "Mr Rijke was freed in southern Mali in April 2015.",
            "Mr Rijke was freed in northern Mali in April 2015.",
            "opposite southern where the source has northern",
        ),
        (
            "The storm hit the east coast of the island on Monday.",
            "The storm hit the west coast of the island on Monday.",
            "opposite east where the source has west",
        ),
        (
            "Ms Bourne's letter met with cross-party support from the council.",
            "Ms Bourne's letter met with cross-party opposition from the council.",
            "opposite support where the source has opposition",
        ),
        (
            "Nia Griffith said the ministry was wrong to restructure its estate.",
            'Nia Griffith, MP for Llanelli, said the ministry was "right to restructure its '
            'estate".',
            "opposite wrong where the source has right",
        ),
        # a deed the unit only plans, expects or may do
        (
            "The council has closed the bridge over the River Severn.",
            "The council plans to close the bridge over the River Severn.",
            "word closed where the source has plans to close",
        ),
        (
            "He appeared at Leeds Crown Court on Monday.",
            "He will appear at Leeds Crown Court on Monday.",
            "word appeared where the source has will appear",
        ),
        # an irregular verb's past, and a threat (the fifteenth probe's)
        (
            "Some traders and small business owners have gone on strike over the notes.",
            "Some traders and small business owners have threatened to go on strike over the "
            "notes.",
            "word gone where the source has threatened to go",
        ),
        (
            "Some traders have gone on strike over the notes.",
            "Some traders went on strike over the notes, and others will go on strike.",
            "agree",
        ),
        # a suspension made permanent (the fifteenth probe's)
        (
            "Lamine Diack has been permanently suspended by the International Olympic Committee.",
            "Lamine Diack has been provisionally suspended by the International Olympic Committee.",
            "opposite permanently where the source has provisionally",
        ),
        (
            "Police said they had arrested two men in Leeds.",
            "Police said they would arrest two men in Leeds.",
            "word arrested where the source has would arrest",
        ),
        # the claim's own plan, or a deed the unit also has
        (
            "He is due to appear at Leeds Crown Court on Monday.",
            "He will appear at Leeds Crown Court on Monday.",
            "agree",
        ),
        (
            "The company announced 500 job cuts at its plant in Derby.",
            "The company announced 500 job cuts at its plant in Derby and will announce more.",
            "agree",
        ),
        # the unit's subject opens a clause of its own: no other party
        (
            "The Malaysian Censorship Board said it had rejected the screening because of a gay "
            "moment in the film.",
            "The Malaysian Censorship Board (LPF) said on Tuesday it had approved the screening "
            'but with "a minor edit concerning a gay moment in the film".',
            "opposite rejected where the source has approved",
        ),
        (
            "HMRC has been praised by MPs and the National Audit Office for its waiting times.",
            "HMRC has been criticised by MPs and the National Audit Office for waiting times.",
            "opposite praised where the source has criticised",
        ),
        (
            "President Obama met his January 2010 deadline for closing the facility.",
            "President Obama admitted the January 2010 deadline he had set for closing the "
            "facility would be missed.",
            "opposite met where the source has missed",
        ),
        (
            "Dhillon, 26, admitted murder and was sentenced to a minimum of 22 years.",
            "Dhillon, 26, denied murder but was found guilty and sentenced to a minimum of 22 "
            "years.",
            "opposite admitted where the source has denied",
        ),
        (
            "The council received 246 letters objecting to the plans.",
            "The council received 246 letters supporting the plans.",
            "opposite objecting where the source has supporting",
        ),
        (
            "United are third in the table, one point behind City.",
            "United moved into third, one point ahead of City.",
            "opposite behind where the source has ahead",
        ),
        (
            "Britain is currently the world's third largest exporter of wood.",
            "Britain is currently the world's third largest importer of wood.",
            "opposite exporter where the source has importer",
        ),
        # "refused" negates, and is the opposite of "agreed" too
        (
            "The insurance firm that indemnifies MLAs has agreed to cover Mr Flanagan's costs.",
            "The court was told that the insurance firm which indemnifies MLAs at Stormont, has "
            "refused to cover Mr Flanagan in respect of any compensation and costs in this case.",
            "opposite agreed where the source has refused",
        ),
        # places, shares, results, amounts, beginnings and ends (an independent probe's
        # extractive summaries with one word in place of its opposite)
        (
            "Officers were outside the home trying to find the owner of the dog.",
            "Officers were inside the home trying to find the owner of the dog.",
            "opposite outside where the source has inside",
        ),
        (
            "Leaders of non-Fijian majority communities, such as Chinese, were invited.",
            "Leaders of non-Fijian minority communities, such as Chinese, were invited.",
            "opposite majority where the source has minority",
        ),
        (
            "Last November's 1-0 defeat at the Etihad was City's fourth successive derby win.",
            "Last November's 1-0 victory at the Etihad was City's fourth successive derby win.",
            "opposite defeat where the source has victory",
        ),
        (
            "The new laptop uses 30 per cent more energy than the previous model.",
            "The new laptop uses 30 per cent less energy than the previous model.",
            "opposite more where the source has less",
        ),
        (
            "Ms Cheroitich said her ordeal ended at around 05:30 on Sunday.",
            "Ms Cheroitich said her ordeal began at around 05:30 on Sunday.",
            "opposite ended where the source has began",
        ),
        (
            "The header is saved in the top right corner of the page.",
            "The header is saved in the bottom right corner of the page.",
            "opposite top where the source has bottom",
        ),
        (
            "Later this year the British boss of the chain provoked outrage in Parliament.",
            "Earlier this year the British boss of the chain provoked outrage in Parliament.",
            "opposite later where the source has earlier",
        ),
        # "after" is also where the clause-by-clause reading splits a sentence
        (
            "it had not worked for years before every device was switched off .",
            "it had not worked for years after every device was switched off .",
            "opposite before where the source has after",
        ),
        # times, comparisons and quantities (a second independent probe, session 34)
        (
            "He spent next season in charge of the Under-20 development squad.",
            "He spent last season in charge of the Under-20 development squad.",
            "opposite next where the source has last",
        ),
        (
            "Those who had been involved in the football league fared worse.",
            "Those who had been involved in the football league fared better.",
            "opposite worse where the source has better",
        ),
        (
            "Few NHS trusts have imposed arbitrary rules on patients.",
            "Many NHS trusts have imposed arbitrary rules on patients.",
            "opposite few where the source has many",
        ),
        # a unit of measure for another of its kind, though the claim has it elsewhere
        (
            "Carroll ended a run of 574 seconds without a goal and scored two minutes later.",
            "Carroll ended a run of 574 minutes without a goal and scored two minutes later.",
            "word seconds where the source has minutes",
        ),
        (
            "Coober Pedy lies about 750 miles north of Adelaide.",
            "Coober Pedy lies about 750 km north of Adelaide.",
            "word miles where the source has km",
        ),
        # how often, and a judgement, for its opposite (third probe)
        (
            "Mrs Mosey confessed that she rarely left things on the cooker.",
            "Mrs Mosey confessed that she often left things on the cooker.",
            "opposite rarely where the source has often",
        ),
        # a word made its opposite by a prefix
        (
            "It is done for us as it was unimportant for us.",
            "It is done for us as it was important for us.",
            "opposite unimportant where the source has important",
        ),
        # another amount, in one word or more
        (
            "A loss might have produced many doubts and given Spurs a little more room.",
            "A loss might have produced a few doubts and given Spurs a little more room.",
            "opposite many where the source has a few",
        ),
        (
            "None of the actors were warned that they would not shake off their characters.",
            "Some of the actors were warned that they would not shake off their characters.",
            "opposite none where the source has some",
        ),
        (
            "The department found the number had gone down by 200 million since 2013.",
            "The department found the number had gone up by 200 million since 2013.",
            "opposite gone down where the source has gone up",
        ),
        (
            "The Leave campaign argued that the pound simply retreated to April levels.",
            "The Leave campaign argued that the pound simply retreated to March levels.",
            "word april where the source has march",
        ),
        (
            "The defendants have a right to an unfair trial, the judge said.",
            "The defendants have a right to a fair trial, the judge said.",
            "opposite unfair where the source has fair",
        ),
        # what was alleged said as proven
        (
            "The company was convicted of using a British firm to avoid paying taxes.",
            "The company was accused of using a British firm to avoid paying taxes.",
            "opposite convicted where the source has accused",
        ),
        (
            "Two others were convicted of planning to transport the drugs, police said.",
            "Two others were charged with planning to transport the drugs, police said.",
            "opposite convicted where the source has charged",
        ),
        (
            "Bobby Hernandez, 53, was convicted and is being held at a jail in Ohio.",
            "Bobby Hernandez, 53, was arrested and is being held at a jail in Ohio.",
            "opposite convicted where the source has arrested",
        ),
        # another step of how often, not only its opposite
        (
            "I always stamp my feet to get them to quiet down.",
            "I sometimes stamp my feet to get them to quiet down.",
            "opposite always where the source has sometimes",
        ),
        (
            "The 500 rupee notes are the lowest denomination notes in the country.",
            "The 500 rupee notes are the highest denomination notes in the country.",
            "opposite lowest where the source has highest",
        ),
        (
            "I love the fact that people don't know who I am.",
            "I hate the fact that people don't know who I am.",
            "opposite love where the source has hate",
        ),
        (
            "Swanson's goal is a bad, quality goal.",
            "Swanson's goal is a good, quality goal.",
            "opposite bad where the source has good",
        ),
        # a hedge left out, a prospect said as certain
        (
            "Italian police say they were informed of the attacks on Monday.",
            "Italian police say they were informed of the alleged attacks on Monday.",
            "word the attacks where the source has the alleged attacks",
        ),
        (
            "The man stole a car from the garage.",
            "Police said the man allegedly stole a car from the garage.",
            "word man stole where the source has man allegedly stole",
        ),
        (
            "Rankin will return for the five one-day internationals.",
            "Rankin is expected to return for the five one-day internationals.",
            "word will where the source has is expected to",
        ),
        (
            "The company will close the plant in Derby.",
            "The company may close the plant in Derby.",
            "word will where the source has may",
        ),
        # a prospect word that is no hedge here ("due date") hedges nothing
        (
            "Although April 25 is the Duchess' due date, it was never confirmed.",
            "Although April 25 is thought to be the Duchess' due date, it was never confirmed.",
            "word is the where the source has is thought to be the",
        ),
        # a prospect word elsewhere in the claim ("due to") hedges nothing here
        (
            "The man, who cannot be named due to a court order, will be held for 14 days.",
            "The man, who cannot be named due to a court order, could be held for 14 days.",
            "word will where the source has could",
        ),
        # what only seemed so, or was said or believed, said as so
        (
            "The defender was the cause of Liverpool's defensive frailties.",
            "The defender seemed to be the cause of Liverpool's defensive frailties.",
            "word was where the source has seemed to be",
        ),
        (
            "The man has been trying to gather details about a committee.",
            "The man is said to have been trying to gather details about a committee.",
            "word has where the source has is said to have",
        ),
        (
            "The boy was taken to hospital, where his condition is serious.",
            "The boy was taken to hospital, where his condition is believed to be serious.",
            "word is serious where the source has is believed to be serious",
        ),
        # what is to come said as done, in any past form
        (
            "Now the pictures went on display at the Drill Hall in August.",
            "Now the pictures will go on display at the Drill Hall in August.",
            "word went where the source has will go",
        ),
        (
            "The law also banned the online sharing of videos without consent.",
            "The law also wanted to ban the online sharing of videos without consent.",
            "word banned where the source has wanted to ban",
        ),
        (
            "Shortly before investigators spoke with her about the case, she was shot.",
            "Shortly before investigators were due to speak with her about the case, she was shot.",
            "word spoke where the source has were due to speak",
        ),
    ],
)
def test_a_copy_with_a_negation_or_an_opposite_changed_is_a_conflict(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # a name of the article in place of the sentence's own
        (
            "Opener Stuart Thompson hit 56 as Afghanistan made 165-5 in Greater Noida.",
            "name afghanistan where the source has ireland",
        ),
        # lower-cased: any words, where they are the only change
        (
            "opener stuart thompson hit 56 as afghanistan made 165-5 in greater noida .",
            "word afghanistan where the source has ireland",
        ),
        # the same name in another form, or a longer name both keep, is no swap
        ("Opener Stuart Thompson hit 56 as the Irish made 165-5 in Greater Noida.", "agree"),
        ("Opener Stuart Thompson hit 56 as Ireland made 165-5 in Noida.", "agree"),
        ("Opener Thompson hit 56 as Ireland made 165-5 in Greater Noida.", "agree"),
        # cased text: an ordinary word changed is a paraphrase, not a swap
        ("Opener Stuart Thompson scored 56 as Ireland made 165-5 in Greater Noida.", "agree"),
        # lower-cased, with a second change: a swap only of names the lexicon knows
        (
            "stuart thompson scored 56 as afghanistan made 165-5 in greater noida .",
            "word afghanistan where the source has ireland",
        ),
        ("stuart thompson scored 56 as the visitors made 165-5 in greater noida .", "agree"),
    ],
)
def test_one_name_in_place_of_another_is_a_conflict(claim: str, expected: str) -> None:
    source = "Opener Stuart Thompson hit 56 as Ireland made 165-5 in Greater Noida."
    unit = source.lower().replace(".", " .") if claim.islower() else source
    assert reason(claim, unit) == expected


def test_a_swap_is_read_where_the_swapped_words_are_most_of_a_short_claim() -> None:
    assert reason(
        "representing himself , banstead borough council won the appeal .",
        "representing himself , mr fidler won the appeal .",
    ) == ("word banstead borough council where the source has mr fidler")
    assert reason(
        "representing himself , banstead borough council insisted : `` i broke no law .",
        "representing himself , mr fidler insisted : `` i broke no law .",
    ) == ("name banstead borough council where the source has mr fidler")


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # lower-cased: a description after "the" for a name is no swap, nor another speaker
        (
            "the 68 - year - old says he would consider a return if it was the right club .",
            "harry redknapp says he would consider a return if it was the right club .",
            "agree",
        ),
        (
            "the white house has said it is in the final stages of drafting a plan .",
            "mr earnest has said it is in the final stages of drafting a plan .",
            "agree",
        ),
        (
            "the essex said staff worked hard to stop contraband getting into prisons .",
            "the ministry of justice said staff worked hard to stop contraband getting into "
            "prisons .",
            "name essex where the source has ministry of justice",
        ),
    ],
)
def test_a_description_for_a_name_in_lower_cased_text(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


def test_short_forms_of_a_name_are_no_swap() -> None:
    assert reason(
        "Harry Redknapp resigned as QPR manager with immediate effect.",
        "Harry Redknapp resigned as Queens Park Rangers manager with immediate effect.",
    ) == ("agree")
    assert reason(
        "The win means Rangers and Hibernian remain level on 61 points.",
        "The win means Rangers and Hibs remain level on 61 points.",
    ) == ("agree")


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # names that open the sentence, no English words
        (
            "McLeish held several positions in the youth set-up before 2007.",
            "Durrant held several positions in the youth set-up before 2007.",
            "name mcleish where the source has durrant",
        ),
        # or a word cased text writes with a capital (`lexicon.name_words`)
        (
            "Rangers held several positions in the youth set-up before 2007.",
            "Durrant held several positions in the youth set-up before 2007.",
            "name rangers where the source has durrant",
        ),
        # not a dateline ("SEOUL, South Korea (AP) —"), which is no subject
        (
            "Kim Yo Jong, the influential sister of the leader, again denied Friday that her "
            "country has exported any weapons to Russia.",
            "SEOUL, South Korea (AP) — The influential sister of the leader again denied Friday "
            "that her country has exported any weapons to Russia.",
            "agree",
        ),
        # a description after "the" may stand for the name
        (
            "The Frenchman fell out with then-head coach Louis van Gaal.",
            "Ribery fell out with then-head coach Louis van Gaal.",
            "agree",
        ),
        (
            "Roger Federer was beaten by the Swiss in the second round.",
            "Roger Federer was beaten by Wawrinka in the second round.",
            "agree",
        ),
        (
            'The tweet read "Fermanagh speaks to Steven Nolan about past.',
            'The tweet read "Tom Elliott speaks to Steven Nolan about past.',
            "name fermanagh where the source has tom elliott",
        ),
        # two ordinary words opening it are a paraphrase
        ("Officers said the man was arrested.", "Police said the man was arrested.", "agree"),
        # a name of up to five words, in a short claim, or sharing a word with the claim
        (
            "Ian John, from the Bedfordshire, Cambridgeshire and Hertfordshire major crime unit, "
            "said the inquiry is in its early stages.",
            "Det Ch Insp Martin Brunning, from the Bedfordshire, Cambridgeshire and "
            "Hertfordshire major crime unit, said the inquiry is in its early stages.",
            "name ian john where the source has det ch insp martin brunning",
        ),
        (
            "Second Half ends, Bradford City 1, Oliver Banks 1.",
            "Second Half ends, Bradford City 1, Oldham Athletic 1.",
            "name oliver banks where the source has oldham athletic",
        ),
        (
            "HMP Leyhill in Wayne Maycock is the only open prison in the South West.",
            "HMP Leyhill in South Gloucestershire is the only open prison in the South West.",
            "name wayne maycock where the source has south gloucestershire",
        ),
        # a capital opening it may stand for its country
        (
            "Seoul said the missiles were fired on Monday.",
            "South Korea said the missiles were fired on Monday.",
            "agree",
        ),
        (
            "The missiles were fired by Seoul on Monday.",
            "The missiles were fired by South Korea on Monday.",
            "agree",
        ),
        (
            "The Kremlin said the missiles were fired on Monday.",
            "Russian officials said the missiles were fired on Monday.",
            "agree",
        ),
        # but only for its own country (assets/countries.txt)
        (
            "The missiles were fired by Seoul on Monday.",
            "The missiles were fired by North Korea on Monday.",
            "name seoul where the source has north korea",
        ),
        (
            "The missiles were fired by Kabul on Monday.",
            "The missiles were fired by Iraq on Monday.",
            "name kabul where the source has iraq",
        ),
        # an office for the officer
        (
            "Prime Minister has claimed Labour will increase taxes by £3,028.",
            "Mr Cameron has claimed Labour are planning to increase taxes by £3,028.",
            "agree",
        ),
        # a short claim that copies under 80% of its words but for the name: the name keeps
        # its role
        (
            "Paula Dunican paid at her local branch of Asda.",
            "Paula Dunican spent £25 on the coat at her local branch in Canterbury.",
            "agree",
        ),
        # but not a league for a club
        (
            "I know we can stay in the Wigan next year.",
            "I know we can stay in the Premier League next year.",
            "name wigan where the source has premier league",
        ),
        # "Mr Ashley, who also owns ..." says of him what the claim says of another name
        (
            "Mr Wright also owns Newcastle United Football Club.",
            "The company pledged to review worker rights, with oversight by Mr Ashley, who also "
            "owns Newcastle United Football Club.",
            "name wright where the source has ashley",
        ),
        (
            "Mr Ashley also owns Newcastle United Football Club.",
            "The company pledged to review worker rights, with oversight by Mr Ashley, who also "
            "owns Newcastle United Football Club.",
            "agree",
        ),
    ],
)
def test_more_names_in_place_of_others(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


SOURCE = (
    "The wounded civilians are being transferred to rebel-held areas in Idlib province.",
    "The International Committee of the Red Cross said the convoy had been attacked.",
    "They have been working in the area since 2012.",
)


def test_a_clause_said_of_another_person_than_the_sources_say_it_of_is_moved() -> None:
    """A relative clause or a description between commas moved to another person (third
    probe): to a person of the next sentence, or within the sentence."""
    match = (
        "The Serb was barged down by Gibbs, who was the last defender, and had he not been "
        "infringed, he would have had a clear run on goal.",
        "Clattenburg spotted the incident and presented a yellow card.",
    )
    found = reattached(
        "Clattenburg, who was the last defender, spotted the incident and presented a yellow card.",
        match,
    )
    assert found is not None and found[1] == 0
    assert found[0].reason() == (
        "moved clattenburg, who was the last defender where the source has gibbs, who was the "
        "last defender"
    )
    speech = (
        "Woodley gave a speech dedicated to John Green, the author of the book which the film "
        "is based on, saying he gave this world a masterpiece.",
    )
    found = reattached(
        "Woodley, the author of the book which the film is based on, gave a speech dedicated to "
        "John Green saying he gave this world a masterpiece.",
        speech,
    )
    assert found is not None and found[0].theirs.startswith("green, the author")
    # the clause where the sources have it, the sentence the sources' own, or a claim whose
    # rest no source says, is no move
    assert reattached(match[0], match) is None
    assert reattached(speech[0], speech) is None
    assert reattached("Gibbs, who was the last defender, barged the Serb down.", match) is None


def test_one_sentences_subject_with_anothers_predicate_is_spliced() -> None:
    found = spliced(
        "The International Committee of the Red Cross are being transferred to rebel-held areas.",
        SOURCE,
    )
    assert found is not None
    conflict, at = found
    assert at == 0
    assert conflict.reason() == (
        "spliced: the source says the rest of it of the wounded civilians, not of the "
        "international committee of the red cross"
    )


@pytest.mark.parametrize(
    ("claim", "sources", "expected"),
    [
        # a one-word subject that is a name, from later in the same sentence
        (
            "terpstra had to settle for 14th place as alexander kristoff won a sprint finish "
            "with holland 's niki terpstra .",
            (
                "team sky 's geraint thomas had to settle for 14th place as alexander kristoff "
                "won a sprint finish with holland 's niki terpstra .",
            ),
            "spliced: the source says the rest of it of team sky s geraint thomas, not of terpstra",
        ),
        (
            "PSV have informed PSV of their wish to do so.",
            ("United have informed PSV of their wish to do so.",),
            "spliced: the source says the rest of it of united, not of psv",
        ),
        # an English word opening it may be no name; a name the subject holds is no splice
        (
            "Officers said the family were upset at their loss.",
            ("Police said the family were upset at their loss.", "Officers were called."),
            None,
        ),
        (
            "Thomas had to settle for 14th place.",
            ("Team Sky's Geraint Thomas had to settle for 14th place.",),
            None,
        ),
    ],
)
def test_a_one_word_name_as_subject(
    claim: str, sources: tuple[str, ...], expected: str | None
) -> None:
    found = spliced(claim, sources)
    assert (found[0].reason() if found else None) == expected


_MATCH = (
    "Walker scored twice in the first half to put the visitors in control.",
    "Rovers had lost three home games in a row before the break.",
    "Walker has now scored 19 goals this season.",
    "He was substituted after an hour.",
)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # after "and", another's predicate with its subject replaced, or without one
        (
            "Walker scored twice in the first half to put the visitors in control, and Walker "
            "had lost three home games in a row before the break.",
            "spliced: the source says the rest of it of rovers, not of walker",
        ),
        (
            "Walker scored twice in the first half to put the visitors in control and had lost "
            "three home games in a row before the break.",
            "spliced: the source says the rest of it of rovers, not of walker",
        ),
        # said there of the same one, or of a pronoun that may stand for them: fused, faithful
        (
            "Walker scored twice in the first half to put the visitors in control and has now "
            "scored 19 goals this season.",
            None,
        ),
        (
            "Walker scored twice in the first half to put the visitors in control and was "
            "substituted after an hour.",
            None,
        ),
        # two sentences joined whole
        (
            "Walker scored twice in the first half to put the visitors in control, and Rovers "
            "had lost three home games in a row before the break.",
            None,
        ),
    ],
)
def test_a_predicate_joined_on_with_and_said_there_of_someone_else(
    claim: str, expected: str | None
) -> None:
    found = spliced(claim, _MATCH)
    assert (found[0].reason() if found else None) == expected


def test_a_word_two_subjects_share_by_chance_leaves_them_two() -> None:
    """ "korean" of "The South Korean Unification Ministry" and of "Kim Yo Jong, the sister of
    North Korean leader Kim Jong Un": a subject keeps half the start's content words."""
    found = spliced(
        "The South Korean Unification Ministry denied allegations that North Korea has "
        "exported weapons.",
        (
            "Kim Yo Jong, the sister of North Korean leader Kim Jong Un, has denied "
            "allegations that North Korea has exported weapons.",
            "The South Korean Unification Ministry responded to the allegations.",
        ),
    )
    assert found is not None and found[0].mine == "the south korean unification ministry"


@pytest.mark.parametrize(
    "claim",
    [
        SOURCE[1],  # a sentence word for word
        SOURCE[1] + " " + SOURCE[2],  # two neighbouring sentences
        # the other sentence says its predicate of a pronoun, which may stand for the claim's
        # subject
        "The International Committee of the Red Cross have been working in the area since 2012.",
        # the rest does not start a predicate: a phrase moved from another sentence
        "The Red Cross said the convoy had been attacked in Idlib province.",
        # words of no sentence
        "The International Committee of the Red Cross are being moved to a safe place.",
    ],
)
def test_what_is_not_spliced(claim: str) -> None:
    assert spliced(claim, SOURCE) is None


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a value within the source's bound, or a bound the source's value meets
        (
            "The boat carried 105 migrants to Sicily.",
            "The boat carried more than 100 migrants to Sicily.",
            "agree",
        ),
        (
            "The boat carried over 100 migrants to Sicily.",
            "The boat carried 105 migrants to Sicily.",
            "agree",
        ),
        (
            "The boat carried 95 migrants to Sicily.",
            "The boat carried more than 100 migrants to Sicily.",
            "number 95 where the source has more than 100",
        ),
        (
            "The boat carried fewer than 90 migrants to Sicily.",
            "The boat carried more than 100 migrants to Sicily.",
            "number fewer than 90 where the source has more than 100",
        ),
        # a bound set alike with another value is another figure, either way (the thirty-sixth
        # probe: "at least two had been killed" for "at least three")
        (
            "The boat carried over 90 migrants to Sicily.",
            "The boat carried more than 100 migrants to Sicily.",
            "number more than 90 where the source has more than 100",
        ),
        # a tokenised sum with its currency keeps its scale
        (
            "Barcelona will offer £ 50 m for Pogba.",
            "Barcelona will offer £50million for Pogba.",
            "agree",
        ),
        (
            "Barcelona will offer £ 60 m for Pogba.",
            "Barcelona will offer £50million for Pogba.",
            "number £60 m where the source has £50million",
        ),
    ],
)
def test_bounds_and_written_forms_of_a_figure(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a role between "said" and the name
        (
            "It was never a penalty and we were the better side, said manager Steve Rudd.",
            "It was never a penalty and we were the better side, said manager Paul Grant.",
            "name rudd, steve where the source has grant, paul",
        ),
        # an office, an institution or a capital may speak for the one the source names
        (
            "The Prime Minister said the deal was dead.",
            "Theresa May said the deal was dead.",
            "agree",
        ),
        (
            "Seoul said the missiles were fired on Monday.",
            "South Korea said the missiles were fired on Monday.",
            "agree",
        ),
        # a phrase after "said" is no speaker
        (
            "Jones said in London that the deal was dead.",
            "Smith said the deal was dead.",
            "name jones where the source has smith",
        ),
        # a body a name qualifies speaks as that name: another country's officials are
        # someone else; the speaker's own country's may stand for him
        (
            "In January, Ukrainian officials said missiles had been fired on Ukraine.",
            "In January, U.S. spokesman John Kirby said missiles had been fired on Ukraine.",
            "name officials, ukrainian where the source has john, kirby",
        ),
        (
            "In January, U.S. officials said missiles had been fired on Ukraine.",
            "In January, U.S. spokesman John Kirby said missiles had been fired on Ukraine.",
            "agree",
        ),
        # the speaker's quote may name the claim's speaker, who is not the one who says it
        (
            "Mr Flanagan said he had been totally vindicated.",
            'In a statement, Mr Elliott said: "I have been totally vindicated and Phil Flanagan '
            "has admitted that the comments he made were totally untrue.",
            "name flanagan where the source has elliott",
        ),
        (
            "Mr Elliott said he had been totally vindicated.",
            'In a statement, Mr Elliott said: "I have been totally vindicated and Phil Flanagan '
            "has admitted that the comments he made were totally untrue.",
            "agree",
        ),
    ],
)
def test_who_says_it(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        # the passive dropped, its order kept: the roles reversed
        (
            "Smith beat Jones in the final on Sunday.",
            "order smith beat jones where the source has smith was beaten by jones",
        ),
        # the passive made active with its sides exchanged: the same
        ("Jones beat Smith in the final on Sunday.", "agree"),
        ("Jones beat Smith on Sunday, in the final.", "agree"),
    ],
)
def test_a_passive_made_active_in_the_same_order_reverses_the_roles(
    claim: str, expected: str
) -> None:
    assert reason(claim, "Smith was beaten by Jones in the final on Sunday.") == expected


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # an active made passive in the same order: the roles reversed
        (
            "Dr Patel was visited by the minister at the clinic in May.",
            "Dr Patel visited the minister at the clinic in May.",
            "order patel was visited by the minister where the source has patel visited the "
            "minister",
        ),
        # and with its sides exchanged, the same
        (
            "The minister was visited by Dr Patel at the clinic in May.",
            "Dr Patel visited the minister at the clinic in May.",
            "agree",
        ),
        # "lost to" for "beat", the order kept; and either way round
        (
            "Leeds lost to Hull in the semi-final at Headingley.",
            "Leeds beat Hull in the semi-final at Headingley.",
            "order leeds lost to hull where the source has leeds beat hull",
        ),
        (
            "Leeds defeated Hull in the semi-final at Headingley.",
            "Leeds lost to Hull in the semi-final at Headingley.",
            "order leeds defeated hull where the source has leeds lost to hull",
        ),
        (
            "Hull lost to Leeds in the semi-final at Headingley.",
            "Leeds beat Hull in the semi-final at Headingley.",
            "agree",
        ),
    ],
)
def test_a_relation_said_from_its_other_side_in_the_same_order(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a weekday is no month: Monday may be 12 May
        ("The attack happened on Monday.", "The attack happened on 12 May.", "agree"),
        (
            "The attack happened on Monday.",
            "The attack happened on Tuesday.",
            "date monday where the source has tuesday",
        ),
        (
            "The attack happened in June.",
            "The attack happened in May.",
            "date june where the source has may",
        ),
        # a season against a season; a month may fall in it
        (
            "He joined the club last summer.",
            "He joined the club last winter.",
            "date summer where the source has winter",
        ),
        ("He joined the club in the summer.", "He joined the club in July.", "agree"),
        # a figure moved beside a word exchanges no roles
        (
            "The 2016 Rio Olympics were a success.",
            "The Olympics in Rio in 2016 were a success.",
            "agree",
        ),
        # a title moved to another person (fourth probe); a time, a place or an adverb may
        # stand anywhere
        (
            "Opener captain Stuart Thompson hit 56 while William Porterfield (39) added runs.",
            "Opener Stuart Thompson hit 56 while captain William Porterfield (39) added runs.",
            "order captain stuart thompson where the source has captain william porterfield",
        ),
        # an age moved onto a speaker; a title moved where the source opens with a list's
        # number
        (
            "Steve Dumyahn, 18, said Howell was struggling over a gun with Tramond Peet.",
            "Steve Dumyahn said Howell was struggling over a gun with Tramond Peet, 18.",
            "order 18 said howell where the source has 18",
        ),
        (
            "Manager James Ward-Prowse backed up Ronald Koeman's faith in him.",
            "7. James Ward-Prowse backed up manager Ronald Koeman's faith in him.",
            "order manager james ward where the source has manager ronald koeman",
        ),
        (
            "The minister resigned on Monday after the vote.",
            "On Monday the minister resigned after the vote.",
            "agree",
        ),
        ("In London the minister resigned.", "The minister resigned in London.", "agree"),
        ("He also said the plan would work.", "He said the plan would also work.", "agree"),
        (
            '"It is very difficult," Pochettino said.',
            '"It is very difficult," said Pochettino.',
            "agree",
        ),
        # who believes it, moved to the end as a speaker is (the twenty-sixth probe's)
        (
            "The man fell from a cherry picker on Thursday, officers believe.",
            "Officers believe the man fell from a cherry picker on Thursday.",
            "agree",
        ),
        (
            "After struggling to close the gap on Kristoff, Geraint Thomas finished 14th.",
            "Geraint Thomas finished 14th after struggling to close the gap on Kristoff.",
            "agree",
        ),
        # a meeting, a draw or a match goes both ways; a win does not
        ("Trump met Putin in Helsinki.", "Putin met Trump in Helsinki.", "agree"),
        (
            "Trump beat Putin in Helsinki.",
            "Putin beat Trump in Helsinki.",
            "order trump ... putin where the source has putin ... trump",
        ),
    ],
)
def test_what_a_reordering_does_not_change(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # the hedge kept, with the speaker left out
        ("The man allegedly stole a car.", "Police said the man allegedly stole a car."),
        # reported speech: "would" is what "will" becomes
        ("He said he will resign next week.", "He said he would resign next week."),
        # a present may tell what is planned
        (
            "The exhibition goes on display at the Drill Hall in August.",
            "The exhibition will go on display at the Drill Hall in August.",
        ),
        # a hedge the claim has itself
        ("The plant may close in Derby.", "The company said the plant may close in Derby."),
        ("The plant may close in Derby.", "The company said the plant could close in Derby."),
        ("The plant could close in Derby.", "The plant could possibly close in Derby."),
        (
            "Several drops of oil on filter papers keep them fresh.",
            "Some drops of oil on filter papers keep them fresh.",
        ),
        # one step of how often in other words
        ("I frequently stamp my feet.", "I often stamp my feet."),
        # "said to" that tells what someone was told, not a hedge
        ("He told the crowd to be calm.", "He said to the crowd to be calm."),
        # one unit in two forms
        ("The deal is worth £5 million.", "The deal is worth £5m."),
        ("The journey takes 3 hours by train.", "The journey takes 3 hour by train."),
    ],
)
def test_a_copy_that_keeps_its_hedges_and_units_agrees(claim: str, source: str) -> None:
    assert reason(claim, source) == "agree"


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a condition left out states as certain what the source gives only on a condition
        # (third probe): one that opens the sentence or what it says, or an "unless"
        (
            "I can promise you nobody has been dreaming more than me.",
            "If everyone has gone to bed thinking the dream will happen, I can promise you "
            "nobody has been dreaming more than me.",
            "word (no condition) where the source has if everyone has gone to bed thinking the ...",
        ),
        (
            "The club will appeal against the ban, the manager said.",
            "The club will appeal against the ban unless it is cut, the manager said.",
            "word (no condition) where the source has unless it is cut",
        ),
        (
            "He said the club would appeal.",
            "He said that if the ban is upheld the club would appeal.",
            "word (no condition) where the source has if the ban is upheld",
        ),
        # a trailing "if" may say whom it holds for (people call this one faithful, CLIFF)
        (
            "Half of hospitals are letting patients jump NHS queues for cataract surgery.",
            "Half of hospitals are letting patients jump NHS queues for cataract surgery if "
            "they pay for it themselves, an investigation has revealed.",
            "agree",
        ),
        # "even if" and "as if" set no condition; "asked ... if" is "whether"; a claim that
        # keeps its condition keeps it
        ("He will play on.", "He will play on even if the club is relegated.", "agree"),
        ("He asked the club.", "He asked the club if he could leave.", "agree"),
        (
            "The club would appeal if the ban was upheld.",
            "She said the club would appeal if the ban was upheld.",
            "agree",
        ),
    ],
)
def test_a_copy_that_leaves_out_a_condition_is_a_conflict(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected
    # a key fact read against a candidate's sentence may leave the condition to it
    assert compare(claim, source, True, NONE, 0.6, True)[0] == "agree"


def test_a_hedge_inside_a_clause_left_out_and_a_denial_told_as_its_speakers() -> None:
    """A hedge inside a clause between commas that the claim leaves out whole hedges only that
    clause ("seen by fans, and possibly even by his manager, as ..."; the twenty-sixth probe's),
    not one that hedges the whole ("The man, who was later arrested, possibly stole ...").
    "According to the palace, she was not ..." tells the palace's denial; "she was not ..."
    alone says it as fact."""
    bellerin = "Bellerin is seen by fans, and possibly even by his manager, as the best."
    assert reason("Bellerin is seen by fans as the best.", bellerin) == "agree"
    assert reason("Bellerin is seen by his manager as the best.", bellerin) != "agree"
    stole = "The man, who was later arrested, possibly stole the car."
    assert reason("The man stole the car.", stole) == (
        "word man stole where the source has man who was later arrested possibly stole"
    )
    palace = "However, Kensington Palace has previously denied she was one of the women invited."
    told = "According to Kensington Palace, she was not one of the women invited."
    assert reason(told, palace) == "agree"
    assert reason("She was not one of the women invited.", palace) == (
        "negation: only the claim denies or negates it"
    )
    said = "Kensington Palace said she was not one of the women invited."
    assert reason(said, palace) == "agree"


def test_a_key_fact_without_the_hedge_of_a_candidate_sentence_is_no_conflict() -> None:
    # coverage reads a key fact (written in other words) against a candidate's sentence: a
    # candidate that hedges still says the fact; a claim that drops the hedge says more
    fact, sentence = "The man stole a car.", "The man allegedly stole a car."
    assert compare(fact, sentence, True, NONE, 0.6, True) == ("agree", None)
    assert reason(fact, sentence) == "word man stole where the source has man allegedly stole"


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # one side's win is the other's loss
        (
            "Manchester City have won the last four Manchester derbies.",
            "United have lost the last four derbies to City.",
            "agree",
        ),
        (
            "Rovers won the cup final at Wembley.",
            "Rovers lost the cup final at Wembley.",
            "opposite won where the source has lost",
        ),
        (
            "Prices rose sharply in London last year.",
            "Prices fell sharply in London last year.",
            "opposite rose where the source has fell",
        ),
        # a bid won is one that did not fail (the thirteenth probe's)
        (
            "Last July she won her bid to have her conviction overturned.",
            "She failed last July to have her conviction overturned.",
            "opposite won where the source has failed",
        ),
        # a negating prefix, either way; not a word that merely starts like one
        (
            "The ministry said legal arms dealings must be stopped immediately.",
            "The ministry said illegal arms dealings must be stopped immediately.",
            "opposite legal where the source has illegal",
        ),
        (
            "Officials said the plan is unlikely to succeed this year.",
            "Officials said the plan is likely to succeed this year.",
            "opposite unlikely where the source has likely",
        ),
        (
            "Fans gathered inside the stadium before the match.",
            "Fans gathered beside the stadium before the match.",
            "agree",
        ),
        # lower-cased: the parties are the words before the opposite words
        (
            "manchester city have won the last four manchester derbies .",
            "united have lost the last four derbies to city : .",
            "agree",
        ),
        (
            "the company said profits rose last year .",
            "profits fell at the company last year , it said .",
            "opposite rose where the source has fell",
        ),
    ],
)
def test_an_opposite_said_of_another_party(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


def test_a_passive_nominalisation_is_no_exchange() -> None:
    assert reason(
        "The club confirmed the signing of Smith on Monday.",
        "Smith's signing was confirmed by the club on Monday.",
    ) == ("agree")


@pytest.mark.parametrize(
    ("source", "old", "new", "expected"),
    [
        # a compass point makes another place: "North Korea" is not "South Korea"
        (
            "South Korea's Unification Ministry said it is fully ready to repel threats.",
            "South",
            "North",
            "name north where the source has south",
        ),
        (
            "Police in South Yorkshire arrested a man on Monday.",
            "South",
            "North",
            "name north where the source has south",
        ),
        (
            "Police in South Yorkshire arrested a man on Monday.",
            "South Yorkshire",
            "Yorkshire",
            "agree",
        ),
        # the claim's "North" is its own although the unit names North Korea too
        (
            "The South Korean ministry said it is ready to repel threats from North Korea.",
            "South",
            "North",
            "name north where the source has south",
        ),
        # so does any other word, but a title or a possessive before a surname both keep
        (
            "Manchester City beat Chelsea 2-0 at the Etihad Stadium on Saturday.",
            "City",
            "United",
            "name united where the source has city",
        ),
        (
            "Hillary Clinton said the plan would fail, in a speech in Ohio.",
            "Hillary",
            "Bill",
            "name bill where the source has hillary",
        ),
        (
            "Hillary Clinton said the plan would fail, in a speech in Ohio.",
            "Hillary",
            "Senator",
            "agree",
        ),
        (
            "Sebastian Coe said the bid would be announced on Friday in London.",
            "Sebastian",
            "Lord",
            "agree",
        ),
        (
            "Norway's Kristoff won the Tour of Flanders after beating off Niki Terpstra.",
            "Norway's",
            "Alexander",
            "agree",
        ),
    ],
)
def test_another_word_beside_a_name_both_keep_is_another_name_unless_a_title(
    source: str, old: str, new: str, expected: str
) -> None:
    assert reason(source.replace(old, new, 1), source) == expected


_ORDER = "far from it , {} said the order will dress down in t-shirts and jeans ."


@pytest.mark.parametrize(
    ("source", "old", "new", "expected"),
    [
        # lower-cased, a title for a given name before the surname both keep agrees, as in
        # cased text (the fifth probe's "theodora hawksley said" for "miss hawksley said")
        (_ORDER.format("miss hawksley"), "miss", "theodora", "agree"),
        (_ORDER.format("senator clinton"), "senator", "hillary", "agree"),
        # a given name for another is another person; "miss" the verb is no title
        (
            _ORDER.format("hillary clinton"),
            "hillary",
            "bill",
            "word bill where the source has hillary",
        ),
        (
            "he will miss the game on sunday against leeds .",
            "miss",
            "lose",
            "word lose where the source has miss",
        ),
    ],
)
def test_a_title_for_a_given_name_in_lower_cased_text(
    source: str, old: str, new: str, expected: str
) -> None:
    assert reason(source.replace(old, new), source) == expected


def test_two_changes_one_word_apart_are_one_name_in_place_of_another() -> None:
    source = "On Friday, Kim Yo Jong called outside assessments on the dealings absurd."
    assert reason(source.replace("Yo Jong", "Jong Un"), source) == (
        "name jong un where the source has yo jong"
    )
    assert reason(source.replace("Yo Jong", "Yo-jong"), source) == "agree"


def test_two_changes_that_trade_places_are_one_exchange_in_lower_cased_text() -> None:
    source = (
        "in return, shin said that north korea had received more than 9,000 russian containers "
        "likely filled with aid."
    )
    claim = (
        "in return, shin said that russia had received more than 9,000 north korean containers "
        "likely filled with aid."
    )
    assert reason(claim, source) == "word russia where the source has north korea"
    # two rewordings are no exchange
    claim = claim.replace("russia", "pyongyang").replace("north korean", "moscow")
    assert reason(claim, source) == "agree"


def test_lower_cased_copy_of_part_of_a_sentence_with_a_name_in_place_of_another() -> None:
    """A lower-cased claim that copies a sentence's start with a name (one the lexicon knows)
    in place of another is a swap; another word there may be a paraphrase, and a short form
    of the name is the same name."""
    source = (
        "the u.s., south korea and others have accused north korea of supplying weapons to "
        "russia for its war in ukraine in return for technology and aid."
    )
    claim = (
        "russia, south korea and others have accused north korea of supplying weapons to "
        "russia for its war in ukraine."
    )
    assert reason(claim, source) == "word russia where the source has the usa"
    source = "motorists pulled over on the interstate and got out of their cars to pick up cash."
    assert reason("drivers pulled over on the interstate.", source) == "agree"
    source = "the win means rangers and hibs remain level on 61 points, albeit with a worse record."
    assert reason("the win means rangers and hibernian remain level on 61 points.", source) == (
        "agree"
    )


def test_a_claim_without_capitals_is_read_against_the_source_lower_cased() -> None:
    """A system that writes lower case (XSumFaith's) against cased sources: capitals on one
    side only hid the claim's names, so its swaps went unread."""
    source = "In return, Shin said North Korea had received more than 9,000 Russian containers."
    claim = "in return, shin said russia had received more than 9,000 north korean containers."
    assert reason(claim, source) == "name russia where the source has north korea"
    source = "The fact that polonium caused his death shows Russian state help, Mr Horwell said."
    claim = source.replace("Mr Horwell", "sir robert owen").lower()
    assert reason(claim, source) == "name owen, robert where the source has horwell"
    source = "Trade with North Korea breaks rules that Russia, a permanent member, endorsed."
    claim = "trade with north korea breaks rules that north korea, a permanent member, endorsed."
    assert reason(claim, source) == "word north korea where the source has russia"
    assert reason(source.lower(), source) == "agree"
    # and a cased claim against a lower-cased source
    source = (
        "kim yo jong emphasized that north korea has no intention of exporting its military "
        "capabilities to any country or making them public."
    )
    claim = (
        "Kim Yo Jong said North Korea has the intention to export its military technical "
        "capabilities to any country."
    )
    assert reason(claim, source) == "negation: only the source denies or negates it"


def test_a_copy_that_leaves_the_subject_out_and_turns_the_pronoun_is_someone_else() -> None:
    source = (
        "The influential sister of North Korean leader Kim Jong Un again denied Friday that her "
        "country has exported any weapons to Russia."
    )
    claim = source.replace("The influential sister of North", "North").replace("her", "his")
    assert reason(claim, source) == "word his where the source has her"
    # words left out alone change nobody
    assert reason(source.replace("influential ", ""), source) == "agree"


def test_kin_put_in_place_of_another_is_someone_else() -> None:
    source = "The influential sister of the leader again denied that her country exported arms."
    assert reason(source.replace("sister", "wife"), source) == (
        "word wife where the source has sister"
    )
    source = "Smith's teenage son said the family was devastated by the news."
    assert reason(source.replace("teenage ", ""), source) == "agree"
    # lower-cased too, beside another change (a dateline left out), where a name would not do
    source = (
        "seoul ( ap ) — the influential sister of the leader again denied that it exported arms ."
    )
    claim = "the influential wife of the leader denied that it exported arms ."
    assert reason(claim, source) == "word wife where the source has sister"


def test_a_number_in_figures_for_its_word_is_the_same_copy() -> None:
    source = "Fognini had five set points to force a fifth set but Murray won five games in a row."
    assert reason(source.replace("five set", "5 set"), source) == "agree"
    assert reason(source.replace("five set", "6 set"), source) == (
        "number 6 where the source has five"
    )


def test_a_role_put_in_place_of_another_is_someone_else() -> None:
    source = (
        "The prosecutor said traffic in the other direction had stopped, but the defendant did not."
    )
    assert reason(source.replace("defendant", "victim"), source) == (
        "word victim where the source has defendant"
    )
    source = "Lukaku curled over from the edge of the box with just the keeper to beat."
    assert reason(source.replace("keeper", "coach"), source) == (
        "word coach where the source has keeper"
    )
    # one role by another name, or a role for a name, is no other person here
    assert reason(source.replace("keeper", "goalkeeper"), source) == "agree"
    assert reason(source.replace("the keeper", "Pickford"), source) == "agree"


def test_roles_in_the_plural_and_roles_that_share_a_stem_are_other_people() -> None:
    source = "The council had ignored the complaints of the tenants for years."
    assert reason(source.replace("tenants", "landlords"), source) == (
        "word landlords where the source has tenants"
    )
    source = "Being rejected by a lover, an employer or a barman is galling."
    assert reason(source.replace("employer", "employee"), source) == (
        "word employee where the source has employer"
    )


def test_a_date_written_the_other_way_round_or_short_is_the_same_date() -> None:
    source = "Leheup met the woman on July 9, 2013 after arranging to meet on the app."
    assert reason(source.replace("July 9, 2013", "9 July 2013"), source) == "agree"
    source = "APC leader Muhammadu Buhari will be inaugurated on 29 May, after he won."
    assert reason(source.replace("29 May", "May 29"), source) == "agree"
    source = "In October 2014, at the age of 105, he travelled to Prague to receive the honour."
    assert reason(source.replace("October", "Oct"), source) == "agree"
    assert reason(source.replace("October", "November"), source) == (
        "date november where the source has october"
    )


def test_lower_cased_words_of_one_step_or_one_role_are_no_swap() -> None:
    source = "the evacuation could take days and the talks often stall , she added ."
    for old, new in (("often", "frequently"), ("could", "might")):
        assert reason(source.replace(old, new), source) == "agree"
    source = "the keeper was beaten at the near post in december ."
    for old, new in (("keeper", "goalkeeper"), ("december", "dec")):
        assert reason(source.replace(old, new), source) == "agree"
    # another step, another role or another month is still a swap
    assert reason(source.replace("keeper", "defender"), source) == (
        "word defender where the source has keeper"
    )
    assert reason(source.replace("december", "march"), source) == (
        "word march where the source has december"
    )


def test_an_adverb_that_opens_a_sentence_is_no_name() -> None:
    source = "Often Inverness got to the St Johnstone box only to be rebuffed by a ring of steel."
    assert reason(source.replace("Often", "Frequently"), source) == "agree"


def test_names_of_one_country_are_no_swap() -> None:
    source = "The British government said the new plan would cost about £5m next year."
    assert reason(source.replace("British", "UK"), source) == "agree"
    assert reason(source.replace("British", "French"), source) == (
        "name french where the source has british"
    )


def test_a_negated_denial_or_concealment_affirms() -> None:
    """ "We don't conceal the fact that such weapons will be used ..." says they will be used:
    before, a claim quoting the weapons' use was contradicted (only the source negates), and
    one saying they will not be used agreed (both negate)."""
    source = (
        "“We don’t conceal the fact that such weapons will be used to prevent Seoul from "
        "inventing any idle thinking,” Ms Kim said."
    )
    claim = (
        'Ms Kim said such weapons "will be used to prevent Seoul from inventing any idle thinking".'
    )
    assert reason(claim, source) == "agree"
    assert reason(claim.replace("will be used", "will not be used"), source) == (
        "negation: only the claim denies or negates it"
    )
    assert reason("He met Kim in May.", "He did not deny that he met Kim in May.") == "agree"


def test_a_name_put_first_in_a_tail_the_claim_cuts_short_is_a_swap() -> None:
    """ "... to attack Tokyo." for "... to attack Seoul, the South Korean capital.": the claim
    ends on its name, leaving the unit's apposition out (before, the five words it replaced were
    no name, and "Tokyo", a seat of a country the sources name, passed as supported)."""
    source = (
        "She added the recently tested weapons are designed to attack Seoul, the South Korean "
        "capital."
    )
    claim = "Kim said the recently tested weapons are designed to attack Tokyo."
    assert reason(claim, source) == "name tokyo where the source has seoul"
    assert reason(claim.replace("Tokyo", "Seoul"), source) == "agree"
    assert reason(claim.replace("Tokyo", "the South Korean capital"), source) == "agree"


def test_a_name_put_for_a_name_with_its_verb_in_other_words_is_a_swap() -> None:
    """An LLM summary of a match report: "Luke Varney headed in Jacob Butterfield's cross"
    where the report has "James Vaughan rose well to head in Jacob Butterfield's cross": the
    names are the change, the words after them a paraphrase. Not a possessive ("Norway's
    Kristoff poses after beating off ..." for "Alexander Kristoff beat off ...", CLIFF), nor a
    dateline ("SEOUL, South Korea (AP) — The sister ... denied" against "Kim Yo Jong ...
    confirmed": the negation is the change)."""
    source = (
        "The home side extended their lead when James Vaughan rose well to head in Jacob "
        "Butterfield's cross at the far post."
    )
    claim = "Luke Varney headed in Jacob Butterfield's cross at the far post."
    assert reason(claim, source) == "name luke varney where the source has james vaughan"
    assert reason(claim.replace("Luke Varney", "James Vaughan"), source) == "agree"
    # both names with words after them: not "West Brom" of "Charlie Anichebe gave West Brom
    # the lead" for "Austin" of "Charlie Austin doubled the lead" (REALSumm, a first version)
    source = "Charlie Anichebe gave West Brom the lead in the 58th minute."
    assert reason("Charlie Austin doubled the lead.", source) == "neutral"
    source = "Norway's Kristoff poses after beating off competition from Niki Terpstra to win."
    assert reason("Alexander Kristoff beat off competition from Niki Terpstra to win.", source) == (
        "agree"
    )
    source = (
        "SEOUL, South Korea (AP) — The sister of North Korean leader Kim Jong Un again denied "
        "Friday that her country has exported any weapons to Russia."
    )
    claim = (
        "Kim Yo Jong, the sister of North Korean leader Kim Jong Un, confirmed that her country "
        "has exported weapons to Russia."
    )
    assert reason(claim, source).startswith("negation")


def test_another_day_of_the_same_month_is_a_date_conflict() -> None:
    """ "discovered her body on March 12" against "was discovered on March 13" (an LLM
    summary's wrong day); a unit that also has the claim's day does not disagree."""
    claim = "Firefighters discovered her body on March 12."
    source = "Police were at the scene after her body was discovered on March 13."
    assert reason(claim, source) == "date march 12 where the source has march 13"
    assert reason(claim, source.replace("on March 13", "on 12 March")) == "agree"
    assert reason(claim, source.replace("13.", "13, a day after March 12.")) == "agree"


def test_an_age_between_commas_is_a_count_of_years() -> None:
    """ "Janet Muller, 26, was ..." gives her age, as "the 21-year-old" does: another number of
    the same count (an LLM summary's wrong age)."""
    source = "Police released footage of the 21-year-old University of Brighton student."
    claim = "Janet Muller, 26, was a student at the University of Brighton."
    assert reason(claim, source) == "number 26 where the source has 21"
    assert reason(claim.replace("26", "21"), source) == "agree"


@pytest.mark.parametrize("age", ["5", "five"])
def test_an_age_after_aged_is_a_count_of_years(age: str) -> None:
    """ "went missing aged five" gives an age whatever words follow the figure ("aged three
    has been found"), as "a 5-year-old" does; "aged 3 months" counts months."""
    source = "A boy who went missing aged 3 has been found living with his mother in Ohio."
    claim = f"A boy went missing aged {age}."
    assert reason(claim, source) == f"number {age} where the source has 3"
    assert reason(claim, source.replace("aged 3", "aged three")) == (
        f"number {age} where the source has three"
    )
    assert reason(claim, "A 5-year-old boy went missing in Ohio.") == "agree"
    assert reason(claim, "A 3-year-old boy went missing in Ohio.") == (
        f"number {age} where the source has 3"
    )
    assert amounts("aged 3 months")[0].noun != amounts("aged 3 has been found")[0].noun


@pytest.mark.parametrize(
    ("fact", "sentence", "expected"),
    [
        # "win" said as "won": the fact's two words are both there, and its negation is not
        (
            "He did not win the race.",
            "Jockey Blake Shinn won the race in Melbourne despite losing his pants.",
            "negation: only the claim denies or negates it",
        ),
        # and what the negation reaches is said too, in another form ("rise" of "rose")
        (
            "Prices did not rise.",
            "Prices rose sharply in London.",
            "negation: only the claim denies or negates it",
        ),
    ],
)
def test_a_key_fact_word_said_in_another_form_still_speaks_of_the_fact(
    fact: str, sentence: str, expected: str
) -> None:
    """A key fact has few words: one the sentence says in another form ("won" for "win") or
    turns to its opposite would leave too few in common to compare them at all. A claim
    keeps the plain overlap (a summary sentence has words enough)."""
    assert reason(fact, sentence, fact=True) == expected
    assert compare(fact, sentence, True, NONE, 0.6)[0] != "conflict"


def test_a_negation_reaches_the_word_in_another_form() -> None:
    """ "did not rise" negates what "rose" says: the negated word need not be written alike."""
    source = "Last year house prices in London did not rise."
    assert reason("Last year house prices in London rose.", source) == (
        "negation: only the source denies or negates it"
    )
    assert reason("Last year house prices in London did not rise.", source) == "agree"


@pytest.mark.parametrize(
    ("fact", "sentence", "expected"),
    [
        (
            "The event was in Nottwil, Switzerland.",
            "Storey won the world title in Nottwil, Austria, a minute clear of Anna Harkowska.",
            "name switzerland where the source has austria",
        ),
        (
            "HMP Leyhill is in South Gloucestershire.",
            "Three prisoners escaped from HMP Leyhill in North Somerset on Saturday.",
            "name south gloucestershire where the source has north somerset",
        ),
        (
            "A motorcyclist was killed in a crash at Thornton, near Horncastle.",
            "The crash happened at about 14:15 BST on the B1191 at Thornton, near Woodhall.",
            "name horncastle where the source has woodhall",
        ),
        (
            "Survivors told police when they arrived in Trapani, Sicily.",
            "Survivors informed police upon their arrival in Palermo, Sicily yesterday.",
            "name trapani where the source has palermo",
        ),
    ],
)
def test_a_place_the_other_side_puts_another_in(fact: str, sentence: str, expected: str) -> None:
    """A name beside a name both sides have, related to it alike ("Nottwil, Switzerland",
    "Leyhill in South Gloucestershire", "Thornton, near Horncastle", "Trapani, Sicily"), that
    the other sentence puts another name in place of: a key fact is misstated, a claim
    contradicted (the probe's "arrived in Trapani, Sicily" where the source has Palermo, named
    elsewhere in it)."""
    assert reason(fact, sentence, fact=True) == expected
    assert reason(fact, sentence) == expected
    assert placed(fact, sentence.replace(expected.split()[-1].title(), "Lucerne")) is not None


def test_a_name_whose_first_part_is_one_letter_is_read_without_failing() -> None:
    """The name "N'Golo" splits at its apostrophe into a one-letter "n", no content word,
    beside the name another sentence puts in its place (a 1,000-event benchmark run stopped
    here with an IndexError): the name is still read as another person's."""
    fact = "Conceded by N'Golo Kante."
    sentence = "Penalty conceded by {} (Leicester City) after a foul in the penalty area."
    assert placed(fact, sentence.format("Wes Morgan")) == Conflict("name", "n", "wes morgan")
    assert placed(fact, sentence.format("N'Golo Kante")) is None


@pytest.mark.parametrize(
    ("fact", "sentence"),
    [
        # the same place, or none put in its place
        ("HMP Leyhill is in South Gloucestershire.", "They escaped from HMP Leyhill."),
        ("HMP Leyhill is in South Gloucestershire.", "They left HMP Leyhill in Gloucestershire."),
        ("He was born in Leeds, England.", "He was born in Leeds, Britain, in 1950."),
        # no place: a verb or nothing between the names, a short form, a person after a comma
        ("ESPN suspended McHenry.", "ESPN producer Seth Markman said she knows."),
        ("Anuradha Koirala was a CNN Hero.", "Two CNN Heroes are among the survivors."),
        ("The club is in Leeds, QPR said.", "The club is in Leeds, Queens Park Rangers said."),
        ("The event was in Nottwil, Switzerland.", "In Nottwil, Storey won the title."),
        ("They arrived in Sicily.", "They arrived in Palermo, Sicily."),
        ("Jones, of Leeds, won the race.", "Smith, of Leeds, came second in the race."),
        # a name that goes on after a possessive: a place within the other
        (
            "Queen's Club in London will host the tie.",
            "The venerable club in Baron's Court will host the tie.",
        ),
        (
            "Fled after Genevieve Kelley, Mary's mother, refused to hand over daughter.",
            "The Kelleys fled after Mark Nunes, Mary's biological father, was granted custody.",
        ),
        (
            "A piece of coal was presented to the Mayor of Doncaster.",
            "Doncaster's mayor Ros Jones has accepted a lump of coal.",
        ),
    ],
)
def test_a_key_fact_place_stays_where_no_other_is_put_in(fact: str, sentence: str) -> None:
    assert placed(fact, sentence) is None


@pytest.mark.parametrize(
    ("fact", "sentence", "expected"),
    [
        (
            "The BBC has been criticised.",
            "The BBC has been praised for its online game, which had a million hits.",
            "opposite criticised where the source has praised",
        ),
        (
            "A woman was arrested.",
            "A man was arrested in Leeds on Monday.",
            "opposite woman where the source has man",
        ),
        (
            "He was living with his father.",
            "A boy who went missing has been found living with his mother in Columbus, Ohio.",
            "opposite father where the source has mother",
        ),
        # both there, or the two sides of one tie: "her husband" is the man whose wife she is
        ("A man was arrested.", "A man and a woman were arrested in Leeds.", "agree"),
        ("A woman ran over her husband.", "His wife then reversed, running him over.", "neutral"),
    ],
)
def test_a_statement_of_names_and_opposite_words_alone_is_read_for_its_polarity(
    fact: str, sentence: str, expected: str
) -> None:
    """A short key fact whose words are all names and words with an opposite has nothing else
    to find the sentence's clause by; it is read where the sentence has each of its words, in
    another form or as its opposite."""
    assert reason(fact, sentence, fact=True) == expected


def test_the_united_states_is_a_name_not_the_pronoun_us() -> None:
    """ "U.S." and "US" fold to "us", which is a pronoun too; where a claim or unit writes the
    country, a name put in its place is a swap (cased or not), and dotted initials are names."""
    source = "The U.S., South Korea and others have accused North Korea of supplying weapons."
    claim = source.replace("The U.S.", "Russia")
    assert reason(claim, source) == "name russia where the source has usa"
    assert reason(claim.lower(), source.lower()) == "word russia where the source has the usa"
    assert reason(claim.lower(), source) == "word russia where the source has the usa"
    assert reason(source.replace("U.S.", "U.K."), source) == "name uk where the source has usa"
    assert reason(source.replace("U.S.", "US"), source) == "agree"
    assert reason(source.replace("U.S.", "United States"), source) == "agree"
    # "the United States", like "the U.S.", is a country after "the", no description
    source = "Both are locked in separate confrontations with the United States over weapons."
    assert reason(source.replace("the United States", "China"), source) == (
        "name china where the source has the united states"
    )
    assert reason(source.replace("The U.S.", "the us").lower(), source) == "agree"
    # a pronoun stays one
    assert reason(
        "He told us the plan would cost £5m.", "He told them the plan would cost £5m."
    ) == ("agree")


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        ("Smith did not attend the hearing.", "Smith failed to attend the hearing.", "agree"),
        ("He would not comment on the case.", "He declined to comment on the case.", "agree"),
        (
            "Smith attended the hearing.",
            "Smith failed to attend the hearing.",
            "negation: only the source denies or negates it",
        ),
    ],
)
def test_a_negation_implied_by_failed_to_or_declined_to(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # "denies allegations of ..." and "denied allegations that ...": one denial, written
        # two ways (lower-cased and tokenised, where no clause run happens to hide it)
        (
            "kim yo jong denies allegations of north korea weapon exports to russia",
            "north korea 's influential sister , kim yo jong , has once again denied allegations "
            "that her country has been exporting weapons to russia .",
        ),
        (
            "in a statement released on friday , kim yo jong dismissed outside speculation on "
            "north korea-russian arms dealings as `` the most absurd paradox .",
            "kim yo-jong , the feared sister of north korean dictator kim jong-un , has dismissed "
            "speculation that her country is trading arms with russia , calling it `` an absurd "
            "paradox . ''",
        ),
    ],
)
def test_two_denials_written_differently_agree(claim: str, source: str) -> None:
    assert reason(claim, source) == "agree"


def test_a_name_swapped_beside_treebank_brackets_is_a_swap() -> None:
    # "(2-23)" tokenised is "-lrb- 2-23 -rrb-": no words of its own to misalign the copy
    assert (
        reason(
            "Afghan spinner Opener Stuart Thompson (2-23) was the only bowler to take more "
            "than one wicket on a day when the bat dominated.",
            "afghan spinner amir hamza -lrb- 2-23 -rrb- was the only bowler to take more "
            "than one wicket on a day when the bat dominated .",
        )
        == "word opener stuart thompson where the source has amir hamza"
    )


def test_denying_any_of_it_negates_and_without_doubt_affirms() -> None:
    """The probe's faithful "Durst has long denied any involvement in ..." against "Durst has
    long maintained that he had nothing to do with ..." was a negation only the source made;
    "without doubt this is a reference to ..." negated the copy of it."""
    assert reason(
        "Durst has long denied any involvement in Berman's death.",
        "Durst has long maintained that he had nothing to do with Berman's death.",
    ) == ("agree")
    assert reason(
        "Smith denied any involvement in the theft of the car.",
        "Smith admitted involvement in the theft of the car.",
    ) == ("negation: only the claim denies or negates it")
    # a denial the verdict overrules: the probe's "Dhillon, 26, was sentenced ... for murdering"
    source = "Dhillon, 26, denied murder but was found guilty and sentenced to 22 years."
    assert reason("Dhillon, 26, was found guilty of murder and sentenced to 22 years.", source) == (
        "agree"
    )
    assert reason(
        "This is a reference to the campaign launched by the hacktivist collective Anonymous.",
        "without doubt this is a reference to the campaign launched by the hacktivist "
        "collective anonymous .",
    ) == ("agree")


def test_a_caption_label_is_no_part_of_the_name_after_it() -> None:
    """A Daily Mail caption's "Courts: Peet appeared ..." against the probe's faithful "Tramond
    Peet, 18, appeared ...": "Courts Peet" was read as another name. A name or a word of speech
    before the colon stays: a dialogue's turn has its speaker."""
    source = "Courts: Peet appeared in court Monday charged with two counts of theft."
    claim = "Tramond Peet, 18, appeared in court Monday charged with two counts of theft."
    assert reason(claim, source) == "agree"
    assert reason(claim, source.lower()) == "agree"
    assert reason(claim.replace("Tramond Peet, 18,", "Smith"), source) == (
        "name smith where the source has peet"
    )
    assert reason("Jerry baked cookies.", "Amanda: I baked cookies.") == (
        "name Jerry where the source has Amanda"
    )
    # a claim that copies the caption with its label: the copy rules still read it
    copied = "killed : justus howell , 17 , was shot twice by police in zion , illinois ."
    assert reason(copied.replace("illinois", "investigators"), copied) == (
        "word investigators where the source has illinois"
    )


def test_a_denial_against_a_confirmation_is_still_a_negation() -> None:
    assert (
        reason(
            "She confirmed that North Korea exported weapons to Russia.",
            "She denied that North Korea exported weapons to Russia.",
        )
        == "negation: only the source denies or negates it"
    )


def test_a_negation_of_words_the_claim_does_not_say_is_no_conflict() -> None:
    """ "the ban was no longer necessary" negates a word the claim does not have: a faithful
    "has lifted its ban" paraphrases it (a probe of LLM summaries); where the negation's
    clause has a word of the claim's, it still conflicts."""
    source = (
        "Pakistan's telecoms regulator said the ban was no longer necessary because Google, "
        "which owns YouTube, had now launched a Pakistan-specific version."
    )
    claim = (
        "Pakistan has lifted its ban on YouTube after Google launched a Pakistan-specific "
        "version of the site, the telecoms regulator said."
    )
    assert reason(claim, source) == "agree"
    assert reason(claim, source.replace("no longer necessary", "not lifted")) == (
        "negation: only the source denies or negates it"
    )
    # "refuses to shuffle his squad": the negation reaches the claim's "squad"
    assert reason(
        "Mourinho will rotate his squad late in the season.",
        "Jose Mourinho will persist with his midfield trio as he refuses to shuffle his squad "
        "so late in the season.",
    ) == ("negation: only the source denies or negates it")
    # and the claim's own negation the same way
    assert reason(
        "The regulator said the ban on YouTube was no longer necessary.",
        "The regulator said it has lifted the ban on YouTube.",
    ) == ("agree")
    # the unit's negation of other words does not cover the claim's own ("couldn't overcome
    # the demons" against "had no anger issues"); one that reaches the claim's words does
    coach = (
        '"Yet he had some anger issues and couldn\'t overcome the demons in his life," Tom '
        "Osborne said."
    )
    claim = "Tom Osborne said Phillips had no anger issues."
    assert reason(claim, coach) == "negation: only the claim denies or negates it"
    assert reason(claim, coach.replace("the demons in his life", "his anger issues")) == "agree"
    # a negation that negates nothing in its clause may be anyone's: an answer
    assert (
        reason(
            "oscar was substituted at half time , but mourinho insists he is not struggling and "
            "will bounce back .",
            "asked whether oscar is struggling , as he was substituted at half-time , mourinho "
            "said : ` no , i do n't think he had a bad performance , i just think he was not good "
            "enough .",
        )
        == "agree"
    )
    # the reach runs to the end of the unit: "refused to give up the location of her husband
    # and daughter" covers a claim's "refused to hand over daughter" (CLIFF, tokenised)
    assert (
        reason(
            "fled after genevieve kelley , mary 's mother , refused to hand over daughter .",
            "genevieve , now 50 , handed herself in last november , but refused to give up the "
            "location of her husband and daughter , who had not been seen for a decade .",
        )
        == "neutral"
    )


def test_a_cased_claim_agrees_with_its_tokenised_lower_cased_source() -> None:
    # "won’t" against the tokenised "wo n't" is no word swapped for another
    assert reason(
        "It won’t, however, stop the 40-year-old hoping his script has a glorious finale.",
        "it wo n't , however , stop the 40 - year - old hoping his script has a glorious finale .",
    ) == ("agree")
    assert reason(
        "It will, however, stop the 40-year-old hoping his script has a glorious finale.",
        "it wo n't , however , stop the 40 - year - old hoping his script has a glorious finale .",
    ) == ("negation: only the source denies or negates it")


def test_a_sentence_with_a_clause_left_out_is_not_spliced() -> None:
    source = (
        "Elle Macpherson, who turned 51 last month, has revealed that she carries a tester kit.",
        "So what's her secret?",
        "The model has revealed that she carries a tester kit wherever she goes.",
    )
    # the start of the first and the rest of the third, but the first says it all
    assert spliced("Elle Macpherson has revealed that she carries a tester kit.", source) is None
    # without the first sentence's rest, it is a splice again
    found = spliced(
        "Elle Macpherson has revealed that she carries a tester kit.",
        source[1:] + ("Elle Macpherson, who turned 51 last month, was in London.",),
    )
    assert found is not None and found[0].reason().endswith("of the model, not of elle macpherson")


def test_misstated_change_reads_fact_value_then_candidate_value() -> None:
    fact = "Shin said about 7,000 containers of munitions were shipped to Russia."
    said = "Shin said about 4,000 containers of munitions were shipped to Russia."
    kind, found = compare(fact, said, True, NONE, 0.6)
    assert kind == "conflict" and found is not None and found.change() == "7,000 -> 4,000"


def test_amounts_parse_currency_scale_percent_and_bounds() -> None:
    parsed = {
        a.text: (a.value, a.unit, a.bound)
        for a in amounts(
            "It cost $3 billion, up 4.5%, for 1.2m people and fewer than 2,000 firms in 2021."
        )
    }
    assert parsed == {
        "$3 billion": ("3000000000", "$", 0),
        "4.5%": ("4.5", "%", 0),
        "1.2m": ("1200000", "", 0),
        "2,000": ("2000", "", -1),
    }
    assert [a.value for a in amounts("It cost 3bn euros")] == ["3000000000"]
    assert amounts("It cost 3bn euros")[0].unit == "€"


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        (
            "15 migrants were arrested.",
            "Police have arrested 12 Christian migrants accused of throwing 15 Muslims overboard.",
            "number 15 where the source has 12",
        ),
        (
            "12 Christians died.",
            "Fifteen Christians died when 12 Muslims threw them overboard.",
            "number 12 where the source has Fifteen",
        ),
        # the figure counts the same thing there, or nothing it names
        ("28 whales died.", "36 whales were saved, but 28 of them died later.", "agree"),
        ("28 whales died.", "Thirty-six whales died after 28 were pushed out to sea.", "agree"),
        ("15 people were injured.", "The attack killed 12 people and injured 15.", "agree"),
        ("15 people were injured.", "It killed 12 people and 15 were injured.", "agree"),
        ("28 whales died.", "36 whales beached and 28 died.", "agree"),
    ],
)
def test_a_figure_the_source_gives_only_to_something_else(
    claim: str, source: str, expected: str
) -> None:
    """The source has the claim's figure, but counting something else it names, and another
    figure of the claim's thing: the figure is wrong, wherever else it stands."""
    assert reason(claim, source) == expected
    assert reason(claim, source, fact=True) == expected


@pytest.mark.parametrize("verb", ["joked", "explained", "revealed", "recalled", "replied"])
def test_words_given_to_another_speaker_by_more_verbs_of_speech(verb: str) -> None:
    """An abstractive summary gives words with more verbs than "said": "joked", "explained"."""
    source = "'He needed a belt at the 200-metre mark,' Rudolph said."
    claim = f"Blake Shinn {verb} that the rider had needed a belt by the 200-metre mark."
    assert reason(claim, source) == "name blake, shinn where the source has rudolph"
    assert reason(claim.replace("Blake Shinn", "Rudolph"), source) in ("agree", "neutral")


def test_number_words_read_whole() -> None:
    """ "twenty-five" was read as 20 (a figure found in no source beside "25"), "sixty" and
    "seventeen" not at all; "twenty-first" is an ordinal, and British "pc" is per cent."""
    values = {
        text: [(a.value, a.unit) for a in amounts(text)]
        for text in (
            "twenty-five people",
            "Forty two people",
            "sixty people",
            "seventeen people",
            "the twenty-first century",
            "up 10pc",
            "a five-year plan",
        )
    }
    assert values == {
        "twenty-five people": [("25", "")],
        "Forty two people": [("42", "")],
        "sixty people": [("60", "")],
        "seventeen people": [("17", "")],
        "the twenty-first century": [],
        "up 10pc": [("10", "%")],
        "a five-year plan": [("5", "")],
    }
    claim, source = "Twenty-five people died in the fire.", "25 people died in the fire."
    assert compare(claim, source, True, frozenset(), 0.6) == ("agree", None)


def test_a_unit_written_onto_its_figure_is_its_noun() -> None:
    """ "20ft" was no figure: "cut to 20ft" said nothing of a fact's "20 ft" and a summary's
    "80mph" could not disagree with 70mph."""
    assert [(a.value, a.noun) for a in amounts("cut to 20ft in shade")] == [
        ("20", frozenset({"ft", "shade"}))
    ]
    assert numbers("he weighed 15st 4lbs") == {"15", "4"}
    assert numbers("a £5m deal") == {"5000000"}  # a scale, not a unit
    wrong = compare(
        "Winds of up to 80mph hit Wales.", "Winds of up to 70mph hit Wales.", True, NONE, 0.6
    )
    assert wrong[0] == "conflict"


def test_tokenised_thousands_are_one_figure() -> None:
    """A system's tokenised "£ 7 , 500" was the figures 7 and 500, so a fact's "7,500" was
    misstated; "march 3 , 2015" stays a day and a year."""
    assert [(a.text, a.value) for a in amounts("spent £ 7 , 500 on it")] == [("£7,500", "7500")]
    assert numbers("downloaded 20 , 000 times") == {"20000"}
    assert numbers("on march 3 , 2015 .") == {"3", "2015"}
    fact = "Michael spent 7,500 on a hair transplant."
    summary = "he spent £ 7 , 500 on a hair transplant ."
    assert compare(summary, fact, True, frozenset(), 0.6)[0] != "conflict"


def test_word_for_word_means_whole_words() -> None:
    assert verbatim("The bridge reopened.", "Yesterday the bridge reopened, they said.")
    assert not verbatim("He said it.", "She said it.")  # "he said" is not in "she said"
    assert not verbatim("The bridge reopen", "The bridge reopened.")


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # another figure between the same words, though the claim says the rest otherwise
        (
            "Tim Bresnan made 68 but Yorkshire were all out for 255.",
            "Tim Bresnan made 68 but was the last to go as they were all out for 236.",
            "number 255 where the source has 236",
        ),
        # ordinals and fractions
        (
            "Bellerin scored his first Premier League goal in the 4-1 win over Liverpool.",
            "The Spaniard scored his second Premier League goal in the 4-1 win over Liverpool.",
            "number first where the source has second",
        ),
        (
            "Bellerin shaved a tenth of a second off Walcott's time.",
            "Bellerin shaved a hundredth of a second off Walcott's time, prompting a vow.",
            "number tenth where the source has hundredth",
        ),
        # the claim's figure is in the unit, but among other words
        (
            "Bradley Cooper said Chris Kyle would have turned 40 four days ago.",
            'The 40-year-old actor said: "Chris Kyle would have turned 41 four days ago."',
            "number 40 where the source has 41",
        ),
        # two figures that trade places
        (
            "Roy Oliver, 15, fired a rifle into a car, killing Jordan Edwards, 37.",
            "Roy Oliver, 37, fired a rifle into a car that was driving away, killing Jordan "
            "Edwards, 15.",
            "number 15 where the source has 37",
        ),
        # a count of times, a span of time
        (
            "Mr Litvinenko had been poisoned three times in the run-up to his death.",
            "Mr Litvinenko had been poisoned twice in the run-up to his death, he said.",
            "number three where the source has twice",
        ),
        (
            "Mr Litvinenko died in hospital nearly three months later.",
            "He died in hospital nearly three weeks later.",
            "number months where the source has weeks",
        ),
        # the same figure among the same words elsewhere in the unit: a list
        (
            "The club won 5 games in 2019.",
            "The club won 3 games in 2018 and 5 games in 2019.",
            "agree",
        ),
        # a figure beside one word of the claim's is no such list
        (
            "The Netherlands scored the first 18 points of the fourth quarter to lead 71-60.",
            "Netherlands, led by 18 points from De Jong, scored the first 10 points of the fourth "
            "quarter to lead 71-60.",
            "number 18 where the source has 10",
        ),
        # within the unit's bound
        (
            "A boat carrying 105 African migrants from Libya to Sicily sank.",
            "A dinghy carrying more than 100 African migrants from Libya to Sicily sank.",
            "agree",
        ),
        # "one" counts the word after it, whose plural the claim's count takes
        (
            "Paul Stirling was dismissed for a duck with just two runs on the board.",
            "Opener Paul Stirling was dismissed for a duck and with just one run on the board.",
            "number two where the source has one",
        ),
        (
            "No one was hurt in the fire at the house on Monday.",
            "No one was hurt in the fire at the house on Monday, police said.",
            "agree",
        ),
        # two figures traded, the one given as roughly so far from the other (read first where
        # both sides set the same bound, "more than")
        (
            "Childline counselled more than 2,400 children in the past year compared to about "
            "4,500 in 2011-12.",
            "The NSPCC's Childline service said it counselled more than 4,500 children in the "
            "past year compared to about 2,400 in 2011-12.",
            "number 2400 where the source has 4500",
        ),
        # the age a name has between commas, though the claim gives the unit's to another
        (
            "Edward Tenniswood, 20, has been charged with the murder of India Chipchase, 51.",
            "Book-keeper Edward Tenniswood, 51, from Stanley Road, faces a charge of murder.",
            "number 20 where the source has 51",
        ),
        (
            "Edward Tenniswood, 51, has been charged with the murder of India Chipchase, 20.",
            "Book-keeper Edward Tenniswood, 51, from Stanley Road, faces a charge of murder.",
            "agree",
        ),
        # "the same day" is not "the next day" ("the following day" is)
        (
            "She visited a cardiologist the same day, who inserted a stent into an artery.",
            "She visited a cardiologist the next day, who inserted a stent into an artery that "
            "was 99 per cent blocked.",
            "number same where the source has next",
        ),
        (
            "She visited a cardiologist the following day, who inserted a stent into an artery.",
            "She visited a cardiologist the next day, who inserted a stent into an artery that "
            "was 99 per cent blocked.",
            "agree",
        ),
        # an office both give between commas beside someone, another one
        (
            "Catherine West, the leader of Southwark Council, has called for HGVs to be banned.",
            "The leader of Southwark Council, Peter John, has called for HGVs to be banned "
            "during rush hour to protect cyclists.",
            "name catherine west where the source has peter john",
        ),
        (
            "Peter John, the leader of Southwark Council, has called for HGVs to be banned.",
            "The leader of Southwark Council, Peter John, has called for HGVs to be banned "
            "during rush hour to protect cyclists.",
            "agree",
        ),
        # a span of time after the same word
        (
            "The reforms were unveiled by Home Secretary Theresa May last month.",
            "The reforms were unveiled by Home Secretary Theresa May last week.",
            "number month where the source has week",
        ),
        # an ordinal written in figures, a round of a cup, a side
        (
            "The world number three's round included an eagle on the 13th.",
            "The world number three's round included an eagle on the 12th as he bids to win.",
            "number 13th where the source has 12th",
        ),
        (
            "The world number three's round included an eagle on the twelfth.",
            "The world number three's round included an eagle on the 12th as he bids to win.",
            "agree",
        ),
        (
            "Bayern will be without Ribery for the Champions League semi-final first leg.",
            "Bayern will be without Ribery for the Champions League quarter-final first leg.",
            "number semi where the source has quarter",
        ),
        (
            "McIlroy ruptured a ligament in his right ankle playing football with friends.",
            "The former world number one ruptured a ligament in his left ankle during a game "
            "of football with friends in July.",
            "number right where the source has left",
        ),
        (
            "Goals from Yattara and Lacazette gave Lyon a 2-0 away win over Bastia on Wednesday.",
            "Goals from Yattara and Lacazette helped Lyon go top with a 2-0 home win against "
            "Bastia on Wednesday.",
            "number away where the source has home",
        ),
        # another number after "number": the number and a word before it are enough
        (
            "The Russian is the world number one.",
            '"My hair can grow," said the Russian world number nine, complaining.',
            "number one where the source has nine",
        ),
        (
            "The Russian is the world number nine.",
            '"My hair can grow," said the Russian world number nine, complaining.',
            "agree",
        ),
        # one count of another span of time: the count and a word before it are enough ("a"
        # and "an" count one)
        (
            "People running illegal schools could face up to 51 years in jail.",
            "Anyone running illegal schools could face a jail term of up to 51 weeks.",
            "number years where the source has weeks",
        ),
        (
            "Mr Flanagan deleted the tweet within a day of posting it.",
            "The tweet was deleted by Mr Flanagan within an hour of being posted.",
            "number day where the source has hour",
        ),
        (
            "Mr Flanagan deleted the tweet within an hour of posting it.",
            "The tweet was deleted by Mr Flanagan within an hour of being posted.",
            "agree",
        ),
        # a span of time needs the word before it in common
        (
            "In the last year sales rose sharply across the region.",
            "In the last 12 months sales rose sharply across the region.",
            "agree",
        ),
        # too few words in common around the figure
        (
            "Meaker took 3-48 to turn the game on its head.",
            "Fast bowler Meaker (3-61) turned the game on its head.",
            "agree",
        ),
        (  # another scorer's goal (a tokenised CNN/DailyMail source)
            "bobby zamora scored qpr 's third goal with a lob .",
            "a lob from bobby zamora . charlie austin headed qpr 's second goal of the game .",
            "agree",
        ),
    ],
)
def test_a_figure_between_the_words_of_another_figure(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # the claim says the unit's figure where the unit does and adds one of its own
        (
            "Venables, who was released in 2001 after serving seven years of a life sentence, "
            "was recalled to prison in 2010 when he pleaded guilty to downloading images.",
            "He had been released from prison in 2001, having served seven years of a life "
            "sentence, but was recalled when he pleaded guilty to downloading images.",
            "agree",
        ),
        (
            "Storey has won 11 gold, eight silver and three bronze medals in both cycling and "
            "swimming across six Paralympics.",
            "Storey began her sporting career in the pool, winning six medals at the 1992 "
            "Paralympics before switching to cycling in 2005.",
            "neutral",
        ),
        (
            "McGregor, 29, has worn 4oz gloves in the UFC and will make his boxing debut against "
            "the 40-year-old Mayweather.",
            "McGregor, 29, will make his boxing debut in what could be the richest fight.",
            "neutral",
        ),
        # not where the unit has the claim's figure too (two traded), nor where it has its
        # own more often than the claim does
        (
            "Caleb Dias, 17, and Chloie Rhodes, 18, could not wait to jump on board.",
            "Caleb Dias, 18, and Chloie Rhodes, 17, could not wait to jump on board.",
            "number 17 where the source has 18",
        ),
        (
            "Second Half ends, Bradford City 57, Oldham Athletic 1.",
            "Second Half ends, Bradford City 1, Oldham Athletic 1.",
            "number 57 where the source has 1",
        ),
    ],
)
def test_a_figure_added_beside_the_units_is_no_other_figure(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # another name between the same words, though the unit has the claim's elsewhere
        (
            "The film's star Ansel Elgort picked up best female performance.",
            "The film's star Shailene Woodley also picked up best female performance and best "
            "kiss for a scene with Ansel Elgort.",
            # (read as a swap: the claim leaves out the unit's tail, where its name is)
            "name ansel elgort where the source has shailene woodley also",
        ),
        (
            "Guiseley keeper Jonny Maxted saved well from Jordan Preston's shot.",
            "Liam Hogan blocked Jordan Preston's effort and Guiseley keeper Jonny Maxted then "
            "saved well from Wesley York's shot.",
            "name jordan preston where the source has wesley york",
        ),
        # the claim's name, named first in the unit, then a clause that ends in another name
        (
            "The Netherlands scored the first 10 points of the fourth quarter.",
            "Netherlands, who were led by 18 points from Worthy De Jong, scored the first 10 "
            "points of the fourth quarter.",
            "agree",
        ),
        (
            "Jodie Sweetin and Andrea Barber will both return for the new series.",
            "Jodie Sweetin, who played Stephanie Tanner, and Andrea Barber, who portrayed D.J.'s "
            "best friend Kimmy Gibbler, will both return for the new series, Netflix said.",
            "agree",
        ),
        # an office for a name, a description for a name
        (
            "The Prime Minister told the BBC the plan would go ahead.",
            "David Cameron told the BBC the plan would go ahead.",
            "agree",
        ),
        # initials for a name with "of" (the tenth probe's)
        (
            "The conductor founded the AAM in 1973 and directed it for some 30 years.",
            "The conductor founded the Academy of Ancient Music (AAM) in 1973 and directed the "
            "academy for some 30 years.",
            "agree",
        ),
        (
            "The conductor founded the AAM in 1973 and directed it for some 30 years.",
            "The conductor founded the English Concert in 1973 and directed it for some 30 years.",
            "name aam where the source has english concert",
        ),
    ],
)
def test_a_name_between_the_words_of_another_name(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


def test_a_capital_letter_alone_is_no_name_to_put_for_another() -> None:
    """The "U" of "Valu-4-U" is a capitalised word but no name: read as one, it raised an
    IndexError (benchmarks/bench_scale.py's corpus)."""
    assert (
        reason(
            "Angie Booth, who owns Valu-4-U in East Cowes, said the shop may close.",
            "Angie Booth, who owns the Valu-4 shop in East Cowes, said the shop may close.",
        )
        == "agree"
    )


def test_quotes_after_a_sentence_that_introduces_them_are_its_speakers() -> None:
    """ "Surrey skipper Gareth Batty told BBC Radio London:" (or a label, "Yorkshire captain
    Alex Lees:") gives the quotes that open the sentences after it to its speaker, until a
    sentence that is no quote, as does a sentence that closes a quote and names its speaker
    to the one before; a speaking "He" is the name that opens the sentence before,
    where that sentence has no speaker (a BBC report's layout)."""
    article = [
        "Surrey skipper Gareth Batty told BBC Radio London:",
        '"Everyone is stepping up to the plate.',
        '"Davies and Foakes were quite magnificent, that partnership blew the game open.',
        "Yorkshire captain Alex Lees:",
        '"We are all gutted."',
        "Kevin Hart brought his kids on stage to accept the award.",
        'He said: "I do it all for them."',
        '"Not his words."',
    ]
    read = voiced(article)
    assert read[1:3] == [f"Gareth Batty said: {article[1]}", f"Gareth Batty said: {article[2]}"]
    assert read[4] == f"Alex Lees said: {article[4]}"
    assert read[6] == 'Kevin Hart said: "I do it all for them."'
    assert [read[0], read[3], read[5], read[7]] == [article[0], article[3], article[5], article[7]]
    assert reason(
        "Yorkshire captain Alex Lees said Davies and Foakes were magnificent.", read[2]
    ) == ("name alex, lees where the source has batty, gareth")
    assert reason("Gareth Batty said Davies and Foakes were magnificent.", read[2]) == "agree"
    # "He told BBC Sport:" introduces no one by name
    assert voiced(["He told BBC Sport:", '"We won."']) == ["He told BBC Sport:", '"We won."']
    # a quote of two sentences whose speaker follows it
    quote = [
        "'I was more worried about winning the race.",
        "They went just after the start,' Shinn said.",
    ]
    assert voiced(quote) == [f"Shinn said: {quote[0]}", quote[1]]
    assert reason(
        "Greg Rudolph said he was more worried about winning the race.", voiced(quote)[0]
    ) == ("name greg, rudolph where the source has shinn")
    assert voiced(['"A quote.', "Not closed here."]) == ['"A quote.', "Not closed here."]
    # "tweeted" gives words to a speaker as "said" does
    tweet = [
        "Sweden's former Foreign Minister Carl Bildt said the kidnapping weighed on his mind.",
        'He tweeted on Monday: "Extremely gratifying that Johan Gustafsson is free."',
    ]
    assert reason(
        'Margot Wallstrom tweeted: "Extremely gratifying that Johan Gustafsson is free."',
        " ".join(tweet),
    ) == ("name margot, wallstrom where the source has bildt, carl, foreign, minister")


def test_a_quote_that_opens_after_one_its_speaker_closed_goes_on_with_theirs() -> None:
    """News prints a speaker's quote over several paragraphs, naming the speaker once after
    the first: "'...,' Smith added. | 'You can't keep playing forever ...'" (seventeenth
    probe). A claim that gives the later paragraph to someone else names the wrong speaker."""
    article = [
        "Sinfield is tackled during a match between Leeds and Leigh.",
        "'I think it's fantastic to make that decision to bow out,' Smith added.",
        "'You can't keep playing forever and it's hard to keep them at bay at some stage.",
        "'You have to bite the bullet and step aside.",
        "The club said it would honour him.",
        "'He was a great servant.",
    ]
    read = voiced(article)
    assert read[2:4] == [f"Smith said: {article[2]}", f"Smith said: {article[3]}"]
    # a sentence between them with no quote of its own ends it; so does one not opening a quote
    assert [read[0], read[1], read[4], read[5]] == [article[0], article[1], article[4], article[5]]
    claim = "'You can't keep playing forever and it's hard to keep them at bay,' {} said."
    assert reason(claim.format("Sinfield"), read[2]) == "name sinfield where the source has smith"
    assert reason(claim.format("Smith"), read[2]) == "agree"
    # a quote whose own sentence names its speaker is theirs
    named = [article[1], "'You can't keep playing forever,' Jones said."]
    assert voiced(named) == named
    # so after a speaker's colon that opens the quote ("Kuan Tseng, 32, said: 'It seemed ...")
    colon = [
        "Passer-by Kuan Tseng, 32, said: 'It seemed that she had already parked the car.",
        "'The woman was hysterical and begging him to wake up.'",
    ]
    assert voiced(colon)[1] == f"Passer-by Kuan Tseng said: {colon[1]}"
    assert voiced(["He said: 'It seemed safe.", colon[1]]) == [
        "He said: 'It seemed safe.",
        colon[1],
    ]


def test_tokenised_quotes_are_read_as_written() -> None:
    """CNN/DailyMail's release writes quotes `` ... '' and ` ... ': a quote that goes on into
    the next sentence is still its speaker's, and a claim that gives it to someone else names
    the wrong speaker (an eleventh-probe summary, tokenised)."""
    article = [
        "gateshead manager malcolm crosby told the bbc : `` the end of the match was tense .",
        "it was an up and down match . ''",
        "the crowd went home happy .",
    ]
    read = voiced(article)
    assert read[1] == 'gateshead manager malcolm crosby said: it was an up and down match."'
    assert [read[0], read[2]] == [article[0], article[2]]
    assert reason("`` it was an up and down match , '' fognini said .", read[1]) == (
        "name fognini where the source has crosby, malcolm"
    )
    assert reason("`` it was an up and down match , '' crosby said .", read[1]) == "agree"
    # a quote opened mid-sentence goes on into the next and is closed by its speaker after it
    match = [
        "media playback is not supported on this device `` the end of the match was tense .",
        "it was an up and down match .",
        "i did n't feel like it was the best tennis , '' murray told the bbc .",
    ]
    assert voiced(match)[1] == "murray said: it was an up and down match."
    single = ["dr hills told the court : ` she was dismayed .", "the case was closed . '"]
    assert voiced(single)[1].startswith("dr hills said: the case was closed.")


def test_more_verbs_give_words_to_a_speaker() -> None:
    """ "admitted", "conceded", "noted", "confirmed", "enthuses" give words to their speaker as
    "said" does: a quote moved to someone else names the wrong speaker, and a speaking "he"
    is the person named before it (an eleventh-probe summary)."""
    article = [
        "David Rush, 33, used to weigh 34st but has shed an incredible 19st in just one year.",
        "'Since my weight loss my life has changed so much,' he enthuses.",
    ]
    read = voiced(article)
    assert read[1] == "'Since my weight loss my life has changed so much,' David Rush enthuses."
    assert reason(
        "'Since my weight loss my life has changed so much,' his mother Margaret enthuses.", read[1]
    ) == ("name margaret where the source has david, rush")
    for verb in ("admitted", "conceded", "noted", "confirmed"):
        assert reason(
            f"Tom Smith {verb} that the club had made mistakes in the transfer window.",
            f"Ian Jones {verb} that the club had made mistakes in the transfer window.",
        ) == ("name smith, tom where the source has ian, jones")


def test_whom_a_speaker_tells_is_no_part_of_what_is_said() -> None:
    """The words of a claim's attribution ("..., Fognini told the BBC.") are not weighed as
    what it says: a quote that a voiced sentence gives another speaker is compared, cased,
    lower-cased or tokenised."""
    unit = 'Murray said: "It was an up and down match."'
    claim = '"It was an up and down match," Fognini told the BBC.'
    assert reason(claim, unit) == "name fognini where the source has murray"
    assert reason(claim.lower(), unit.lower()) == "name fognini where the source has murray"
    tokenised = "it was an up and down match , '' fognini told the bbc ."
    assert reason(tokenised, unit.lower()) == "name fognini where the source has murray"
    assert reason(claim.replace("Fognini", "Murray"), unit) == "agree"
    assert unattributed("The team lost, the coach said it was bad.") == (
        "The team lost, the coach said it was bad."
    )
    assert unattributed('"It is fine," Smith told the Associated Press news agency.') == (
        '"It is fine'
    )


def test_the_end_of_what_the_source_says_started() -> None:
    """ "at the end of Anti-Bullying Week" against "at the start of ...": opposite words in a
    copy (a probe of LLM summaries); a claim that keeps the source's end agrees."""
    source = "The report is released at the start of Anti-Bullying Week, the charity said."
    assert reason("The report is released at the end of Anti-Bullying Week.", source) == (
        "opposite end where the source has start"
    )
    assert reason("The report is released at the start of Anti-Bullying Week.", source) == "agree"


def test_said_may_come_before_or_after_its_speaker() -> None:
    """ "Cooper said "Chris Kyle ..."" is the source's ""Chris Kyle ..." said Cooper": no two
    words exchanged, and not a subject spliced onto another's predicate either."""
    source = (
        'The 40-year-old actor said: "Chris Kyle would have turned 41 four days ago. Chris, '
        'this is for you," said Cooper.'
    )
    claim = "Cooper said Chris Kyle would have turned 41 four days ago."
    assert reason(claim, source) == "agree"
    assert spliced(claim, (source, "Other winners included Bradley Cooper.")) is None
    # an object after another verb of speech is still one
    assert reason(
        "The Bayern warned Spaniard remained lethal.", "The Spaniard warned Bayern remained lethal."
    ) == ("order bayern ... spaniard where the source has spaniard ... bayern")


def test_what_a_pronoun_said_names_no_speaker() -> None:
    """ "she said North Korea does not intend ...": North Korea is what she said, not who said
    it (the seeds' faithful_complete against Kim Yo Jong's quote, where the quote's "she" is
    read as her name)."""
    source = (
        "Kim Yo Jong said: \u201cWe have no intention to export our military technical "
        "capabilities to any country or open them to the public,\u201d in a statement."
    )
    claim = (
        "In a statement, she said North Korea does not intend to export its military technical "
        "capabilities to any country or reveal them to the public."
    )
    assert speakers(claim) == frozenset()
    assert reason(claim, source) == "agree"
    assert speakers('"We won," said Cooper.') == {"cooper"}
    # a place after a preposition ends its phrase: the speaker is the sentence's subject
    article = [
        "The woman whose moans sparked most complaints in New York said today: 'I'm fine'.",
        "She said: 'I'm four months pregnant.",
    ]
    assert speakers(article[0]) == frozenset()
    assert voiced(article) == article
    assert speakers("A spokesman for Chelsea said the club would appeal.") == {"chelsea"}


def test_two_names_that_trade_places_where_the_claim_adds_a_given_name() -> None:
    """ "Eden Hazard sealed the points after Loic Remy laid the chance ..." against "Loic Remy
    sealed the points, after Hazard laid the chance ...": the given name the unit leaves out
    does not hide the exchange; one of two people a unit names together is no swap."""
    assert reason(
        "Eden Hazard sealed the points after Loic Remy laid the chance on a plate for him.",
        "Loic Remy sealed the points, after Hazard laid the chance on a plate for him.",
    ) == ("order hazard ... loic where the source has loic ... hazard")
    assert (
        reason(
            "Scott Kelley was arrested at Hartsfield-Jackson Atlanta airport on Monday.",
            "Scott and Mary were taken into custody at Hartsfield-Jackson Atlanta airport on "
            "Monday.",
        )
        == "agree"
    )


_ELLIOTT = "Mr Elliott served in the UDR for 10 years, between 1982 and 1992."
_CAMP = "Inmates have been moved out and at the start of the year, 122 men were left."
_PHONE = (
    "Dr Hills told of her guilt about trying to reassure her daughter on the phone two days before."
)
_WON = (
    "Striker Ronaldo decided this would be a good idea for the 2002 World Cup - Brazil went on "
    "to win it."
)
_FIRM = "The museum inherited Waterford Wedgwood's pension bill after the firm collapsed in 2009."


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        (
            "Tom Elliott served in the UDR for 19 years and is now the MP for Fermanagh.",
            _ELLIOTT,
            "number 19 where the source has 10",
        ),
        (
            "Tom Elliott served in the UDR for 10 years and is now the MP for Fermanagh.",
            _ELLIOTT,
            "neutral",
        ),
        (
            "At the start of the year 684 men were held at the camp, down from 1,200 in 2003.",
            _CAMP,
            "number 684 where the source has 122",
        ),
        (
            "At the start of the year 122 men were held at the camp, down from 1,200 in 2003.",
            _CAMP,
            "agree",
        ),
        # "7,000" is one figure, no clause "000 containers of munitions ..."
        (
            "In March, South Korean defence minister Shin Wonsik said North Korea had sent about "
            "7,000 containers of munitions and other military equipment to Russia since last "
            "year and had received more than 9,000 Russian containers probably carrying aid in "
            "return.",
            "In return, Mr Shin said, North Korea had received more than 9,000 Russian containers "
            "likely filled with aid.",
            "neutral",
        ),
        # the span a count counts is part of the figure, not a word the clause must share
        (
            "Alice's mother, Dr Hills, said she felt guilty for reassuring her daughter on the "
            "phone two weeks before.",
            _PHONE,
            "number weeks where the source has days",
        ),
        (
            "Alice's mother, Dr Hills, said she felt guilty for reassuring her daughter on the "
            "phone two days before.",
            _PHONE,
            "neutral",
        ),
        # a clause without a figure, read for its polarity
        (
            "Ronaldo sported an unusual haircut at the 2002 World Cup, which Brazil went on to "
            "lose.",
            _WON,
            "opposite lose where the source has win",
        ),
        (
            "Ronaldo sported an unusual haircut at the 2002 World Cup, which Brazil went on to "
            "win.",
            _WON,
            "agree",
        ),
        # a year after a verb and its preposition
        (
            "Waterford Wedgwood collapsed in 2010, and the museum went into administration in "
            "2009.",
            _FIRM,
            "number 2010 where the source has 2009",
        ),
        (
            "Waterford Wedgwood collapsed in 2009, and the museum went into administration in "
            "2009.",
            _FIRM,
            "agree",
        ),
        # not a date: a season has no words around it to say what it dates
        (
            "Sue Taylor called it a poor old tired building that is hot in summer and cold in "
            "winter.",
            "In the winter it's quite cold, it's a poor old tired building now.",
            "neutral",
        ),
    ],
)
def test_a_clause_is_read_alone_where_the_claim_joins_two_statements(
    claim: str, source: str, expected: str
) -> None:
    """A claim that joins two statements says too much for the sentence that has one of them;
    a figure of that clause, or its polarity, is read alone against it (an LLM summary's wrong
    figure)."""
    assert reason(claim, source) == expected


def test_a_he_after_an_unnamed_speaker_is_not_the_speaker_named_before() -> None:
    """ "An HMRC spokesman pointed out ..." between a named speaker and "he said": the "he"
    may be the spokesman, so it is read as no one (it gave a faithful "HMRC said ..." the
    accountant's words)."""
    article = [
        '"This is a massive amount," said Chas Roy-Chowdhury, head of taxation at ACCA.',
        "An HMRC spokesman pointed out that there was some wriggle room.",
        '"If a taxpayer calls us, they will not incur a surcharge," he said.',
    ]
    assert voiced(article) == article
    named = [article[0], "Chas Roy-Chowdhury pointed out that there was some wriggle room."]
    assert voiced([*named, article[2]])[2].endswith("Chas Roy-Chowdhury said.")


def test_a_name_given_an_age_the_sources_never_give_it() -> None:
    """An age between commas against every age the sources give the name, wherever they give
    it: another age is a conflict with the first sentence that gives one; an age the sources
    also give the name (two people of one family name) is none. An age the sources give only
    another name, given to a name they give none, between commas or before it ("62-year-old"),
    cased or lower-cased and tokenised: moved."""
    sentences = (
        "Sylvia Blackburn, 72, suffered serious head injuries outside the school.",
        "Brian Wright, 55, of Kempston, told Luton Crown Court he had been blinded by the sun.",
        "He denies causing serious injury by dangerous driving.",
    )
    found = misaged("Brian Wright, 72, denies causing serious injury.", sentences)
    assert found is not None and (found[0].reason(), found[1]) == (
        "number 72 where the source has 55",
        1,
    )
    assert misaged("Brian Wright, 55, denies causing serious injury.", sentences) is None
    assert misaged("Mr Wright denies causing serious injury.", sentences) is None
    family = (*sentences, "His son, Tom Wright, 23, was in the car.")
    assert misaged("Tom Wright, 23, was in the car.", family) is None
    # an age the sources give only another name, to a name they give none: moved; not an
    # age a description holds ("the 24-year-old"), which may be the claim's name
    sources = (
        "dennis krauss and mary ann diano said they plan to spend it on a house .",
        "mary ann diano , 62 , lost her home in the storm .",
        "the 24 - year - old clerk finished her shift .",
        "gina michelle was behind the counter .",
    )
    found = misaged("62-year-old Dennis Krauss said they plan to spend it on a house.", sources)
    assert found is not None and (found[0].reason(), found[1]) == (
        "moved dennis krauss, 62 where the source has mary ann diano, 62",
        1,
    )
    found = misaged("dennis krauss , 62 , said they plan to spend it on a house .", sources)
    assert found is not None and found[1] == 1
    assert misaged("Mary Ann Diano, 62, lost her home in the storm.", sources) is None
    assert misaged("Gina Michelle, 24, was behind the counter.", sources) is None
    # an age a description holds, whatever name follows it, and one name written two ways
    held = (
        "a 39-year-old woman named lucy reed said she knew him .",
        "the 39-year-old cousin of princes william and harry was seen .",
        "tom jeffrey-shaw , 26 , has been charged .",
        "ann lee , 26 , was found .",
    )
    assert misaged("Lucy Reed, 39, said she knew him.", held) is None
    assert misaged("tom jeffrey - shaw, 26, has been charged.", held) is None


def test_a_quote_left_open_goes_on_in_the_sentences_that_open_with_a_quote() -> None:
    """A sentence that opens a quote and leaves it open ("... criticised by Ms Davidson who
    said: "There is nothing more serious ...") gives its speaker to the sentences after it that
    open with a quote and name no speaker; a quote closed in its sentence gives none."""
    article = [
        'The unveiling was criticised by Ms Davidson who said: "There is nothing more serious.',
        '"Alex Salmond has form in unveiling vanity projects to himself."',
        'Mr Rennie added: "Nothing gets in the way of his ego."',
        '"His absence means we will be more sceptical."',
    ]
    assert voiced(article) == [
        article[0],
        'Davidson said: "Alex Salmond has form in unveiling vanity projects to himself."',
        article[2],
        article[3],
    ]
    claim = "Mr Rennie said Alex Salmond had form in unveiling vanity projects to himself."
    assert reason(claim, voiced(article)[1]) == "name rennie where the source has davidson"
    assert reason(claim.replace("Mr Rennie", "Ms Davidson"), voiced(article)[1]) == "agree"
    # "who said" names a speaker only where its words are names: not "A Mum who says ..."
    mum = ['A Mum who says: "I felt like a rabbit in headlights.', '"It was hard."']
    assert voiced(mum) == mum
    fact = "Chloe Owens says her and husband felt like 'Rabbits in headlights'."
    assert reason(fact, "A Mum who says she felt like a ` Rabbit in headlights ' .") == "agree"


# From the independent probe (session 32): in lower-cased or tokenised sources no capital marks
# where a sentence ends, so the segmenter joins neighbours and a copy of one sentence with one
# change was read against more text than it copies, and passed.
@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        (
            "' ms reichert went on to claim that alcohol gave her the confidence to approach the "
            "prince after they shared a kiss .",
            "she wrote : ' i 'm only in my bathing suit and feeling overdressed . ' ms reichert "
            "went on to claim that alcohol gave her the confidence to approach the prince "
            "before they shared a kiss .",
            "opposite after where the source has before",
        ),
        (
            "the driver was not injured in the crash .",
            "police were called at 2am . the driver was injured in the crash . the road reopened .",
            "negation: only the claim denies or negates it",
        ),
    ],
)
def test_a_copy_of_one_sentence_the_segmenter_joined_to_others(
    claim: str, unit: str, expected: str
) -> None:
    assert reason(claim, unit) == expected
    alone = next(s for s in unit.split(" . ") if "kiss" in s or "injured" in s)
    assert reason(claim, alone + " .") == expected  # as read against the sentence alone


def test_the_sentences_a_claim_copies() -> None:
    unit = "a man was hurt . he was taken to hospital . police said the road was closed ."
    assert copied_sentences("he was taken to a hospital .", unit) == "he was taken to hospital ."
    # a claim across two of them keeps both; a unit of one sentence is itself
    both = copied_sentences("a man was hurt and he was taken to hospital", unit)
    assert both == "a man was hurt . he was taken to hospital ."
    assert copied_sentences("a man was hurt", "a man was hurt badly") == "a man was hurt badly"


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # two phrases of several words traded across the verb (seventh probe, "reversed
        # relations"), a verb or pronoun agreeing with its new subject
        (
            "Two-time Wimbledon champion Andy Murray beat world number one Novak Djokovic 6-4 6-3.",
            "World number one Novak Djokovic beat two-time Wimbledon champion Andy Murray 6-4 6-3.",
            "order two time wimbledon champion andy murray ... world number one novak djokovic "
            "where the source has world number one novak djokovic ... two time wimbledon "
            "champion andy murray",
        ),
        (
            "Chancellor George Osborne is fiercely loyal to Prime Minister David Cameron.",
            "Prime Minister David Cameron is fiercely loyal to Chancellor George Osborne.",
            "order chancellor george osborne ... prime minister david cameron where the source "
            "has prime minister david cameron ... chancellor george osborne",
        ),
        (
            "MPs and the National Audit Office have been criticised by HMRC for waiting times.",
            "HMRC has been criticised by MPs and the National Audit Office for waiting times.",
            "order mps and the national audit office ... hmrc where the source has hmrc ... mps "
            "and the national audit office",
        ),
        (
            "The report revealed that the kidnapper threatened and beat him on the phone.",
            "The report revealed that he threatened and beat the kidnapper on the phone.",
            "order the kidnapper ... him where the source has he ... the kidnapper",
        ),
        # a passive made whose participle stands a few words before its "by"
        (
            "Mr Farron, who was beaten to the leadership by Norman Lamb, was asked about it.",
            "Mr Farron, who beat Norman Lamb to the leadership, was asked about it.",
            "order farron who was beaten to the leadership by norman where the source has "
            "farron who beat norman",
        ),
        # the doer of a deed a noun names put as its object
        (
            "Joe Hart bemoaned Sunday's derby thumping of Manchester United.",
            "Joe Hart bemoaned Sunday's derby thumping by Manchester United.",
            "opposite of where the source has by",
        ),
    ],
)
def test_two_phrases_traded_or_a_deed_said_from_its_other_side(
    claim: str, source: str, expected: str, lower: bool
) -> None:
    if lower:
        claim, source = claim.lower(), source.lower()
    assert reason(claim, source) == expected


@pytest.mark.parametrize("lower", [False, True])
def test_two_phrases_traded_beside_edits_of_the_claims_own(lower: bool) -> None:
    """The trade read inside a stretch of the sentence, though the claim also changes a tense
    and drops a quote elsewhere (seventeenth probe): not a copy word for word otherwise."""
    claim = (
        "Pakistan's ministry said Google had provided an online web process through which "
        "requests for blocking access can be made by Google to the PTA directly."
    )
    source = (
        "Pakistan's ministry said: \"Google has provided an online web process through which "
        "requests for blocking access can be made by the PTA to Google directly."
    )
    # the same words in the order the source has them agree
    kept = claim.replace("by Google to the PTA", "by the PTA to Google")
    if lower:
        claim, kept, source = claim.lower(), kept.lower(), source.lower()
    assert reason(claim, source) == (
        "order google ... the pta where the source has the pta ... google"
    )
    assert reason(kept, source) == "agree"


def test_a_trade_inside_a_sentence_needs_the_rest_copied() -> None:
    """No trade read where the claim says much else otherwise, nor a quote's speaker moved
    across "said" inside a longer sentence."""
    source = "The council said the bridge was closed by the police to traffic on Monday."
    # five words changed outside the stretch: another statement, not an edit of this one
    claim = "A spokesman told reporters later that the bridge was closed by traffic to the police."
    assert not reason(claim, source).startswith("order")
    # a quote and its speaker trade places inside a sentence that also changes a word
    quoted = 'On Monday, "We will win", Smith said, and the fans cheered loudly.'
    spoken = 'On Monday, Smith said "We will win", and the fans cheered loud.'
    assert not reason(spoken, quoted).startswith("order")


def test_a_speaker_described_otherwise_in_cased_text() -> None:
    """A speaker described by a name and a word of what it is, put for one with other names;
    not a body for a person (who may speak for it), nor where the two share a name."""
    said = 'Temperton died at 66 after "a brief battle with cancer", {} said.'
    assert reason(
        said.format("producer Quincy Jones"),
        said.format("Jon Platt of Warner/Chappell music publishing"),
    ) == (
        "name producer quincy jones where the source has jon platt of warner chappell music "
        "publishing"
    )
    for mine, theirs in (
        ("The White House", "Mr Earnest"),  # a body for a person
        ("the UK government", "Amnesty International UK"),  # a name in common
        ("Warner/Chappell boss Jon Platt", "Jon Platt"),  # the same person described
        ("Jon Platt, the Warner/Chappell boss,", "Jon Platt"),
    ):
        assert reason(said.format(mine), said.format(theirs)) == "agree"


def test_a_name_the_claim_has_elsewhere_but_fewer_times_is_swapped() -> None:
    """The claim names Senegal once where the unit names it twice: one Senegal became Ukraine
    (which the claim, like the unit, also names elsewhere)."""
    text = (
        "Israel recalled its ambassadors to New Zealand and Senegal, cut aid to {}, and "
        "cancelled a visit by Ukraine's prime minister."
    )
    assert reason(text.format("Ukraine"), text.format("Senegal")) == (
        "name ukraine where the source has senegal"
    )


def test_a_lower_cased_phrase_of_several_words_put_for_another() -> None:
    """Lower-cased, a phrase of up to five words put for another in a copy: a subject, a
    company for a bank named in full, a predicate for another; not a description after "the",
    nor more than five words a side."""
    said = "{} believes he would have helped qpr avoid relegation."
    theirs = said.format("former west ham boss redknapp")
    assert reason(said.format("striker charlie austin"), theirs) == (
        "word striker charlie austin where the source has former west ham boss redknapp"
    )
    assert reason(said.format("the 68-year-old"), theirs) == "agree"
    spent = "and {} spent £400m last year on new branches."
    assert reason(spent.format("halifax"), spent.format("royal bank of scotland (rbs)")) == (
        "word halifax where the source has royal bank of scotland rbs"
    )
    freed = "morgan, who was freed in 2004 after six years in jail, {}."
    theirs = freed.format("was given a new identity")
    assert reason(freed.format("was recalled to jail in 2011"), theirs) == (
        "word recalled to jail in 2011 where the source has given a new identity"
    )
    assert reason(freed.format("was sent back to a jail cell in leeds in 2011"), theirs) in (
        "agree",
        "neutral",
    )


def test_a_predicate_said_of_the_same_person_by_surname_is_not_spliced() -> None:
    """ "Finance Minister Arun Jaitley" + "said that ..." of "Mr Jaitley", and "Commission
    chairman Dick Pound" + "said ..." of "Pound, who chaired the investigation," name one
    person (the fifteenth probe's); "Mr Modi" is someone else."""
    sources = (
        "Finance Minister Arun Jaitley urged people to be patient.",
        "Mr Jaitley said that nearly $30bn in the old notes had been deposited in banks.",
    )
    claim = "Finance Minister Arun Jaitley said that nearly $30bn in the old notes had been "
    claim += "deposited in banks."
    assert spliced(claim, sources) is None
    found = spliced(claim, (sources[0], sources[1].replace("Jaitley", "Modi")))
    assert found is not None and found[0].theirs == "mr modi"
    pound = (
        "The commission, chaired by Dick Pound, accused Russia of state-sponsored doping.",
        'Pound, who chaired the investigation, said the situation was "worse than we thought".',
    )
    said = 'Commission chairman Dick Pound said the situation was "worse than we thought".'
    assert spliced(said, pound) is None


def test_a_predicate_said_of_the_name_before_who_is_spliced() -> None:
    """ "Kevin Hart, who ..., won ..." from "... Bradley Cooper, who won ...": the relative
    clause is said of Cooper; an irregular past ("won") opens a predicate. Not a one-word
    description ("The Frenchman fell out with ..." for Ribery), nor a split after an
    auxiliary ("Ipswich have now" + "lost four ...")."""
    sources = (
        "Kevin Hart, who was the target of many jokes, brought his kids on stage.",
        "Other winners included Bradley Cooper, who won best male performance for his role.",
        "The Frenchman is a fine player.",
        "Ribery fell out with head coach Louis van Gaal.",
    )
    found = spliced(
        "Kevin Hart, who was the target of many jokes, won best male performance for his role.",
        sources,
    )
    assert found is not None and found[1] == 1
    assert spliced("The Frenchman fell out with head coach Louis van Gaal.", sources) is None
    lower = tuple(s.lower() for s in sources)
    assert spliced("the frenchman fell out with head coach louis van gaal.", lower) is None
    # a subject that is no person is another sentence's all the same
    found = spliced(
        "The road fell out with head coach Louis van Gaal.", (*sources, "The road was shut.")
    )
    assert found is not None and found[1] == 3


def test_a_predicate_of_a_named_who_or_of_a_she_not_yet_named_is_spliced() -> None:
    """A name put before the predicate another sentence says of the name before its "who"
    ("Mike Babcock" + "has played in 159 straight games" of "Miller, who has played ...");
    not a bare description before "who" ("the tractor boys"), nor the name itself. A name put
    before the predicate of a "she" or a description ("the 36-year-old") where no sentence
    before names it: neither can stand for someone named only later; named before, it may.
    """
    sources = (
        "red wings coach mike babcock said miller will have a scar .",
        "the team will need miller , who has played in 159 straight games , this week .",
        "the tractor boys , who have now lost four of their last five away games , sank .",
        "ipswich face leeds next .",
    )
    found = spliced("Red Wings coach Mike Babcock has played in 159 straight games.", sources)
    assert found is not None and (found[0].reason(), found[1]) == (
        "spliced: the source says the rest of it of miller, not of red wings coach mike babcock",
        1,
    )
    assert spliced("Miller has played in 159 straight games.", sources) is None
    assert spliced("Ipswich have now lost four of their last five away games.", sources) is None
    jail = (
        "the jail holds 40 women .",
        "she has a job in the jail library and likes to do makeovers .",
        "it was revealed how charlotte mulhall , who is serving life , regarded her as a friend .",
    )
    found = spliced(
        "Charlotte Mulhall has a job in the jail library and likes to do makeovers.", jail
    )
    assert found is not None and found[0].reason() == (
        "spliced: the source says the rest of it of she, not of charlotte mulhall"
    )
    named = (jail[2], jail[1])  # named before the "she": she may be Mulhall
    claim = "Charlotte Mulhall has a job in the jail library and likes to do makeovers."
    assert spliced(claim, named) is None
    # nor an article's first line, whose "she" its cut lead may have named (BBC articles
    # without their summary line: "He spent last season in charge ..." of Durrant)
    assert spliced(claim, jail[1:]) is None
    # a description as the subject ("the 36-year-old") is read as the pronoun is
    aged = (
        "bees swarmed over a street in leeds .",
        "the 36-year-old had been on his way to the takeaway when he heard buzzing .",
        "shiraz nawaz , 36 , from leeds , was stung .",
    )
    claim = "Shiraz Nawaz had been on his way to the takeaway when he heard buzzing."
    assert spliced(claim, aged) is not None
    assert spliced(claim, (aged[0], aged[2], aged[1])) is None
    assert spliced(claim, aged[1:]) is None  # (an article's first line: the test below)
    # unless the claim says its person is someone else
    sacked = ("lee merritt , a lawyer , spoke .", "the policeman was sacked a few days later .")
    assert spliced("Lee Merritt, a lawyer, was sacked a few days later.", sacked) is not None


def test_a_description_is_whom_a_line_just_before_or_after_names() -> None:
    """An article's first line describes one person whom the next names as it opens, in an
    article cut before its first line (XSum's BBC articles: "The 29-year-old made 37
    appearances ..." / "Reid, who has ...") or in a lead ("A morbidly obese man who ... has
    lost 19st ..." / "David Rush, 33, from Lisburn, ..."), so "Reid made 37 appearances ..." is
    no splice (the twenty-sixth probe's faithful summaries); nor is a description just after
    a line that names the claim's start and no one else ("... meant Golden State became ..." /
    "The defending champions will now face ..."). Not a group ("the wounded civilians"), a
    thing ("The road"), nor where the line before names another too."""
    first_lines = [
        (
            "the 36-year-old had been on his way to the takeaway when he heard buzzing .",
            "shiraz nawaz , 36 , from leeds , was stung .",
            "Shiraz Nawaz had been on his way to the takeaway when he heard buzzing.",
        ),
        (
            "The former England Under-21 international has progressed through the youth system.",
            "Browning, 22, missed the end of last season with a knee injury.",
            "Browning, 22, has progressed through the youth system.",
        ),
        (
            "A morbidly obese man who loved takeaways has lost 19st in just one year.",
            "David Rush, 33, from Lisburn, Northern Ireland, hated leaving the house.",
            "Rush, 33, from Lisburn, Northern Ireland, has lost 19st in just one year.",
        ),
    ]
    for first, second, claim in first_lines:
        assert spliced(claim, (first, second)) is None
        # not a line after another, whose description the article may have named before
        assert spliced(claim, ("Bees swarmed in the town.", first, second)) is not None
    wounded = ("the wounded civilians were taken to idlib .", "the red cross said so .")
    assert spliced("The Red Cross were taken to Idlib.", wounded) is not None
    road = ("the 32-year-old man was taken to hospital .", "the road was closed .")
    assert spliced("The road was taken to hospital.", road) is not None
    warriors = (
        "the 4-3 win meant golden state became only the 10th team to rally from 3-1 down .",
        "the defending champions will now face the cleveland cavaliers .",
    )
    assert spliced("Golden State will now face the Cleveland Cavaliers.", warriors) is None
    beaten = ("golden state beat oklahoma city 4-3 .", warriors[1])
    assert spliced("Oklahoma City will now face the Cleveland Cavaliers.", beaten) is not None
    assert spliced("Golden State will now face the Cleveland Cavaliers.", beaten) is not None


def test_a_partys_other_name_and_a_bodys_initials_are_no_swap() -> None:
    """ "the Conservatives" for "the Tories" is one party (`text._SHORT_FORMS`), and "the MoJ"
    for "the Ministry of Justice" one body, its "of" among the initials (the twenty-seventh
    probe's faithful summaries); other initials are another body."""
    tories = "UKIP spent £2,956,737, while the Tories' campaign expenditure was £2,980,815."
    claim = tories.replace("Tories", "Conservatives")
    assert reason(claim, tories) == "agree"
    assert reason(tories, claim) == "agree"
    moj = "But the Ministry of Justice said there was no evidence of drones at the site."
    assert reason(moj.replace("Ministry of Justice", "MoJ"), moj) == "agree"
    for other in ("MoD", "HSE"):
        assert reason(moj.replace("Ministry of Justice", other), moj).startswith("name ")


def test_the_twenty_seventh_probes_copies_with_one_change() -> None:
    """Errors of the twenty-seventh probe, each a copy with one change: pence glued to their
    figure ("79p" for "68p"), opposites of the news ("complete" / "ongoing", "weekend" /
    "weekday", "northbound" / "southbound"), a body put for another past the speaker the claim
    leaves out ("by officers" / "by paramedics, officers said"; not a claim with a speaker of
    its own)."""
    pence = "UKIP's campaign spending works out at 68p for each of their 4,376,635 votes."
    assert reason(pence.replace("68p", "79p"), pence) == "number 79 where the source has 68"
    assert reason(pence.replace("68p", "68 pence"), pence) == "agree"
    for old, new in (("ongoing", "complete"), ("weekday", "weekend"), ("southbound", "northbound")):
        unit = f"Officers said the {old} inquiries into the crash were closed on Thursday."
        assert reason(unit.replace(old, new), unit) == f"opposite {new} where the source has {old}"
    treated = "Mr Fatchett died despite being treated at the scene by paramedics, officers said."
    claim = "Mr Fatchett died despite being treated at the scene by officers."
    assert reason(claim, treated) == "word officers where the source has paramedics"
    assert reason(claim.replace("officers", "paramedics"), treated) == "agree"
    bishop = "Mr Bishop said 90 hectares were planted last year, officials said."
    claim = "According to Martin Bishop, of Confor, 90 hectares were planted last year."
    assert reason(claim, bishop) == "agree"


def test_a_word_that_opens_a_headline_for_a_name_is_no_swap() -> None:
    """ "Dominatrix claims ..." for "Carrie Reichert, 43, claims ...": a headline's description,
    which an English word at the opening cannot be told from ("Town" for "Leeds" is another
    club; session 38 tried reading both as swaps and dropped it for this)."""
    source = "Carrie Reichert, 43, claims she shared a kiss with Prince Harry."
    assert reason("Dominatrix claims she shared a kiss with Prince Harry.", source) == "agree"


def test_an_opening_pronoun_that_points_at_someone_the_sources_do_not_say_it_of() -> None:
    """A claim that opens with "he" or "she" stands for someone the claim before it names;
    where the closest sentence that says what follows says it of another person, the pronoun
    points at the wrong one (the thirteenth probe's "Prof Clive Ruggles ... | He had become
    obsessed with the 24-year-old", of Dhillon). Not where the sentence says it of a pronoun,
    or of someone the claim before names, nor where everyone that claim names is known to be of
    the other sex (the pronoun stands for someone named earlier), nor in lower-cased text."""
    sources = [
        "Prof Clive Ruggles said none of them had realised how serious the situation was.",
        "The trial at Newcastle Crown Court heard Dhillon had become obsessed with the woman.",
        "Dhillon, 27, denies murder.",
    ]
    previous = "Her father, Prof Clive Ruggles, said none of them had realised the danger."
    claim = "He had become obsessed with the woman and stalked her."
    found = repointed(claim, previous, sources[1:2], sources)
    assert found is not None and found[0] == 0
    assert found[1].reason() == "name he where the source has dhillon"
    # the first sentence that says what follows decides: said of "he" there, nothing
    said_of_him = "He had become obsessed with the woman, the court heard."
    assert repointed(claim, previous, [said_of_him, sources[1]], sources) is None
    # the claim before names him: the pronoun is his
    named = "Dhillon met Prof Clive Ruggles's daughter at university."
    assert repointed(claim, named, sources[1:2], sources) is None
    # everyone named before is a woman: "he" stands for someone named earlier
    women = [*sources, "Mrs Emma Ruggles said she had warned her sister."]
    before = "Her sister, Emma Ruggles, said she had warned her."
    assert repointed(claim, before, sources[1:2], women) is None
    assert repointed(claim.replace("He", "She"), before, sources[1:2], women) is not None
    # an apposition between the name and its verb, and an adverb the claim adds
    flown = ["Mr Gustafsson, 42, is being flown back to Sweden.", "Carl Bildt said so."]
    found = repointed(
        "He is now being flown back to Sweden.",
        "Carl Bildt said the case moved him.",
        flown[:1],
        flown,
    )
    assert found is not None and found[1].reason() == "name he where the source has mr gustafsson"
    lower = [s.lower() for s in sources]
    assert repointed(claim.lower(), previous.lower(), lower[1:2], lower) is None


def test_a_name_put_for_a_pronoun_that_its_article_has_not_named_yet() -> None:
    """A copy with a name put for its "she" that neither the sentence nor the article before
    it names: she cannot stand for someone not yet named. Not a name named before, however
    far back, cased or lower-cased, by its start ("Josh" for "Joshua"), nor in the sentence
    itself; not a description, nor a pronoun that is no "he" or "she"."""
    before = [
        "Chloe Hart, 29, from Leeds, built the app in her spare time.",
        "The council said it would look at the idea.",
        "She said: 'I had never made an app before.'",
    ]
    unit = "She then sold it to a firm in London for £3,100."
    found = misnamed("Andrea Carter then sold it to a firm in London for £3,100.", unit, before)
    assert found is not None and found.reason() == "name andrea carter where the source has she"
    lower = [b.lower() for b in before]
    found = misnamed("andrea carter then sold it to a firm in london for £3,100.", unit, lower)
    assert found is not None
    assert misnamed("Chloe Hart then sold it to a firm in London for £3,100.", unit, before) is None
    assert (
        misnamed("chloe then sold it to a firm in london for £3,100.", unit.lower(), lower) is None
    )
    far = ["Joshua Hart, 13, built the app.", *(["The council met."] * 20)]
    assert (
        misnamed(
            "Josh then sold it to a firm in London.", "He then sold it to a firm in London.", far
        )
        is None
    )
    # a role before the name is not whom the article named ("a passenger")
    crew = ["A passenger said the fire spread."]
    off = "{} then ordered everyone to gather at the bow of the ferry."
    assert misnamed(off.format("Passenger Tom Reed"), off.format("He"), crew)
    named = "She then sold it to a firm run by Andrea Carter."
    assert misnamed("Andrea Carter then sold it to a firm run by Andrea Carter.", named, []) is None
    assert misnamed("The mother then sold it to a firm in London for £3,100.", unit, before) is None
    it = "It was then sold to a firm in London for £3,100."
    assert misnamed("Andrea Carter was then sold to a firm in London for £3,100.", it, []) is None


def test_a_nation_of_the_united_kingdom_for_the_kingdom_is_no_other_name() -> None:
    source = "The summit was held in London, UK, on Friday."
    claim = "The summit was held in London, England, on Friday."
    assert reason(claim, source) == "agree"
    # invented where the source names the kingdom: no other place for it, nothing stated
    assert reason(claim, source, frozenset({"england"})) == "neutral"
    assert reason(claim.replace("England", "France"), source) == (
        "name france where the source has uk"
    )
    assert reason(claim, source.replace("UK", "Canada"), frozenset({"england"})) == (
        "name england where the source has canada"
    )
    # a key fact's place: the kingdom is no other place than its nations, but is than others
    fact = "The race was held in Nottwil, UK."
    assert placed(fact, "The race was held in Nottwil, Switzerland, on Sunday.") is not None
    assert placed(fact, "The race was held in Nottwil, Scotland, on Sunday.") is None


def test_initials_for_a_subject_are_no_splice() -> None:
    source = (
        "Queens Park Rangers beat Chelsea 2-1 at Loftus Road on Saturday.",
        "Charlie Austin scored twice for QPR, who climbed out of the relegation zone.",
    )
    assert spliced("QPR beat Chelsea 2-1 at Loftus Road on Saturday.", source) is None
    found = spliced("Austin beat Chelsea 2-1 at Loftus Road on Saturday.", source)
    assert found is not None and found[0].reason() == (
        "spliced: the source says the rest of it of queens park rangers, not of austin"
    )


def test_a_name_opening_a_claim_of_opposite_words_is_read_against_every_clause() -> None:
    source = "Chelsea lost the first leg 2-1 in Paris but won the tie on away goals."
    assert reason("Chelsea won.", source) == "agree"
    # a key fact, whose words count in their opposites, against a sentence that says only one
    assert reason("Chelsea won.", "Chelsea lost 2-1 in Paris on Tuesday.", fact=True) == (
        "opposite won where the source has lost"
    )


def test_a_negated_word_against_its_opposite_is_no_contradiction() -> None:
    # "did not rise" follows from "fell"; "fell" does not contradict "did not rise"
    assert reason("Prices did not rise last month.", "Prices fell last month.") == "agree"
    assert reason("Prices fell last month.", "Prices did not rise last month.") == "agree"
    assert reason("Prices fall every month.", "Prices did not rise every month.") == "agree"
    # the word itself is still negated, and an opposite beside a negation of something else
    # is still read
    assert reason("Prices did not rise last month.", "Prices rose last month.") == (
        "negation: only the claim denies or negates it"
    )
    assert reason(
        "The bank did not comment, and prices fell last month.",
        "The bank did not comment, and prices rose last month.",
    ) == ("opposite fell where the source has rose")


def test_a_name_after_said_is_its_speaker_only_after_a_quote_or_a_comma() -> None:
    assert speakers('"It is the end of an era," said John Grogan.') == {"john", "grogan"}
    assert speakers("The mine will close, said chairman John Grogan.") == {"john", "grogan"}
    # what is said, of someone named: no speaker
    assert speakers("The trust chairman said South Yorkshire had 50,000 miners.") == set()
    source = "John Grogan, chairman of the trust, said South Yorkshire had 50,000 miners."
    assert reason("The trust chairman said South Yorkshire had 50,000 miners.", source) == "agree"


def test_an_attribution_moved_to_the_other_end_exchanges_nothing() -> None:
    source = (
        "Weatherford Police Department said all of the lost money had been picked up by citizens."
    )
    claim = "Citizens had picked up all of the lost money, Weatherford Police Department said."
    assert reason(claim, source) == "agree"
    assert reason(claim.lower(), source.lower()) == "agree"
    # the speaker and the subject exchanged, the attribution where it was
    assert reason(
        "Citizens said police had picked up all of the lost money.",
        "Police said citizens had picked up all of the lost money.",
    ) == ("order citizens ... police where the source has police ... citizens")


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        (
            "The lights were switched on at 6pm.",
            "The lights were switched off at 6pm.",
            "opposite switched on where the source has switched off",
        ),
        (
            "Shares went up sharply on Monday.",
            "Shares went down sharply on Monday.",
            "opposite went up where the source has went down",
        ),
        # the same particle too, or another phrase after it
        (
            "The lights were switched on at 6pm.",
            "The lights were switched on at 6pm and switched off at midnight.",
            "agree",
        ),
        (
            "He called on the government to act.",
            "He called off the strike and urged the government to act.",
            "agree",
        ),
    ],
)
def test_a_verb_with_the_opposite_particle(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


def test_listed_names_that_a_plural_stands_for_are_no_splice() -> None:
    source = (
        "Fiercely individual, the islands have never before combined to stage a big event.",
        "Guernsey, Alderney, Jersey, Herm and Sark are hosting the games this year.",
    )
    claim = (
        "Guernsey, Alderney, Jersey, Herm and Sark have never before combined to stage a big event."
    )
    assert spliced(claim, source) is None
    named = (source[0].replace("the islands", "Malta and Gozo"), source[1])
    found = spliced(claim, named)
    assert found is not None and found[0].theirs == "fiercely individual malta and gozo"


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a clause of an opposite word alone ("but he was acquitted") is read with its neighbours
        (
            "He admitted killing his neighbor at a 2003 trial, and he was convicted despite "
            "arguing that he acted in self-defense.",
            "He admitted killing his neighbor at a 2003 trial, but he was acquitted after "
            "arguing that he acted in self-defense.",
            "opposite convicted where the source has acquitted",
        ),
        # an opposite a negation earlier in the sentence does not reach
        (
            "The more algorithms that indicate a student will not send in their work, the lower "
            "the chance of that happening.",
            "The more algorithms that indicate the student will not send in their work - the "
            "higher the chance of that happening.",
            "opposite lower where the source has higher",
        ),
        # a copy with one word turned and words of the source left out
        (
            "The day after the grim discovery, Miss Muller had been reported missing from Mill "
            "View Hospital.",
            "The day before the grim discovery, on March 12, Miss Muller had been reported "
            "missing from Mill View Hospital.",
            "opposite after where the source has before",
        ),
        (
            "Wales were knocked out by South Africa in the quarter-final despite trailing with "
            "10 minutes remaining.",
            "Wales were knocked out by two-time champions South Africa in the quarter-final "
            "despite leading with 10 minutes remaining.",
            "opposite trailing where the source has leading",
        ),
        (
            "Stuart McCall had suffered his first win as Rangers manager last week.",
            "Stuart McCall had suffered his first defeat as Rangers manager last week.",
            "opposite win where the source has defeat",
        ),
        # the copy rules read what is said, whoever the claim has say it
        (
            "There will be more major finds, Mr Bartram said.",
            "\"But South Australia supplies about 90% of the world's opals. There may be more "
            'major finds."',
            "word will where the source has may",
        ),
        # a hedge dropped where the claim puts words in elsewhere
        (
            "McGregor will make his boxing debut against Mayweather in what will be the richest "
            "fight in history.",
            "McGregor, 29, will make his boxing debut in what could be the richest fight in "
            "history.",
            "word will where the source has could",
        ),
    ],
)
def test_a_word_turned_among_other_edits(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


def test_two_names_exchanged_in_a_clause_or_beside_pronouns_of_their_own() -> None:
    # the claim says more than the source: its clause is read alone
    assert reason(
        "Eddie Howe is full of praise for the job Redknapp has done at Bournemouth, saying it "
        "is second to none.",
        "Redknapp is full of praise for the job current Bournemouth manager Eddie Howe has done "
        "at the club.",
    ) == ("order eddie ... redknapp where the source has redknapp ... eddie")
    # each name's pronoun changes with it ("whom he" for "who she"): still an exchange
    assert reason(
        'Mr Gustafsson said he had spoken with Ms Wallstrom, whom he described as "happy".',
        'Ms Wallstrom said she had spoken with Mr Gustafsson, who she described as "happy".',
    ) == ("order gustafsson ... wallstrom where the source has wallstrom ... gustafsson")
    # a passive made active, a pronoun on both sides: the same roles
    assert reason(
        "The parole board is understood to have approved her temporary release, and the "
        "justice minister to have sanctioned it.",
        "Her temporary release is understood to have been approved by the parole board and "
        "sanctioned by the justice minister.",
    ) == ("agree")


def test_lower_cased_a_name_in_another_role_among_several_changes_is_no_swap() -> None:
    fact = "paula dunican paid at her local branch of asda ."
    sentence = "paula dunican spent # 25 on the coat at her local branch in canterbury , kent ."
    assert reason(fact, sentence, fact=True) == "agree"
    assert reason(fact, sentence.replace("in canterbury", "of tesco"), fact=True) == (
        "word asda where the source has tesco kent"
    )


def test_hundreds_in_words_and_ranges_that_share_a_scale() -> None:
    assert [a.value for a in amounts("one hundred and fifty people, two hundred cars")] == [
        "150",
        "200",
    ]
    assert [a.value for a in amounts("a hundred and twenty-three days")] == ["123"]
    assert [(a.value, a.unit) for a in amounts("he is easily worth £25-30 million")] == [
        ("25000000", "£"),
        ("30000000", "£"),
    ]
    assert [a.value for a in amounts("Chelsea won 2-1 in the final")] == ["2", "1"]
    source = "The Tianjin explosions killed 150 people, and he is easily worth £25-30 million."
    assert reason("The Tianjin explosions killed one hundred and fifty people.", source) == "agree"
    assert reason("He is easily worth between £25m and £30m, and more.", source) == "agree"
    assert reason("The Tianjin explosions killed two hundred people.", source) == (
        "number two hundred where the source has 150"
    )


def test_speakers_are_found_without_capitals_by_the_lexicon() -> None:
    """Lower-cased, the speaker is the names the lexicon knows among the words before "said"
    (or a role's appositive before it): a quote given to another person the article names is a
    conflict, as in cased text (a lower-cased probe of extractive summaries)."""
    unit = (
        "katherine murphy, chief executive of the patients' association, added: 'all patients "
        "have the right to appropriate treatment irrespective of their ability to pay.'"
    )
    claim = (
        "clara eaglen said all patients have the right to appropriate treatment irrespective "
        "of their ability to pay."
    )
    assert reason(claim, unit) == "name clara, eaglen where the source has katherine, murphy"
    assert reason(claim.replace("clara eaglen", "katherine murphy"), unit) == "agree"
    # a group, or a role with no name, is no named speaker
    assert reason(claim.replace("clara eaglen", "the association"), unit) != (
        "name the association where the source has katherine, murphy"
    )
    assert speakers("the company said it would appeal.") == frozenset()
    # the names next to the verb: not a description's place ("the england number one said")
    assert speakers("the england number one said it was one of his worst days.") == frozenset()
    assert speakers("mr king claimed in a video that staff threatened him.") == {"king"}
    # after "said", the last run of names: past a role before them
    assert speakers('"we were open," said gateshead manager malcolm crosby.') == {
        "malcolm",
        "crosby",
    }
    # a speaking "he" is the speaker named before, but not past a speaker it cannot name
    article = [
        "professor karol sikora said: 'ashya is not out of the woods yet.'",
        "mr king claimed in a video that staff threatened him.",
        "he told journalists in spain: 'they were going to kill him.'",
    ]
    assert voiced(article)[2] == "mr king told journalists in spain: 'they were going to kill him.'"
    article[1] = "the hospital's chief executive claimed in a video that staff were threatened."
    assert voiced(article)[2] == article[2]
    # the quotes a lower-cased "she said:" introduces are hers, named as the article names her
    article = [
        "dr hills told of her guilt about trying to reassure her daughter.",
        'she said: "and i sort of reassured her that was ok.',
        "\"and i thought she was over-reacting so i just said 'don't be silly'.",
    ]
    assert voiced(article)[2] == f"dr hills said: {article[2]}"
    assert speakers("the aam's music director richard egarr added: 'i am saddened.'") == {
        "richard",
        "egarr",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Playing away," said Saracens head coach Mark McCall.', {"mark", "mccall"}),
        ('"It is," said deputy opposition leader Tanya Plibersek.', {"tanya", "plibersek"}),
        ('"We are," said four-time major winner McIlroy of Northern Ireland.', {"mcilroy"}),
        ('"We\'re not," said 48-year-old ex-Sale hooker Diamond.', {"diamond"}),
        ('"We are," said former Sharks and England winger Mark Cueto.', {"mark", "cueto"}),
        ('"We are not," said the minister in London.', set()),
    ],
)
def test_a_speaker_after_said_may_follow_words_that_describe_them(
    text: str, expected: set[str]
) -> None:
    """After "said", up to four words may describe the speaker before the name that ends the
    clause ("said Saracens head coach Mark McCall."): before, a third lower-case word or a
    figure hid the name, and a quote given to another player of the same club went unread."""
    assert speakers(text) == expected


def test_a_quote_goes_on_past_sentences_without_quote_marks() -> None:
    """A quote left open goes on through the sentences after it that have no quote mark of
    their own, and into the next that opens one; a speaking "She" that introduces a quote is the
    person named before; a quote whose sentences end in one that closes it and names its
    speaker is that speaker's throughout (BBC and Daily Mail layouts, a probe of extractive
    summaries)."""
    article = [
        "The King family raised money for Ashya's treatment.",
        "Dr Nicky Thorp, of the Children's Cancer Group, said: \"We were dismayed, but I can "
        "see why NHS England agreed to fund the case.",
        "The child was there, the child needed radiotherapy.",
        '"The use of protons does not improve cure rates of tumours."',
        "In Prague, Ashya's parents refused the chemotherapy.",
    ]
    read = voiced(article)
    assert read[2:4] == [f"Dr Nicky Thorp said: {article[2]}", f"Dr Nicky Thorp said: {article[3]}"]
    assert read[4] == article[4]
    article = [
        "Dr Hills told of her guilt about trying to reassure her daughter.",
        'She said: "And I sort of reassured her that was ok.',
        "\"And I thought she was over-reacting so I just said 'don't be silly'.",
    ]
    assert voiced(article)[2] == f"Dr Hills said: {article[2]}"
    article = [
        "Another passenger told the Sydney Morning Herald of the horror.",
        "'At one stage, I looked out the window and the waves crashed against the glass.",
        "I freaked out and closed the curtains.",
        "I couldn't deal with it,' Athanasia Georgoudakis told the Sydney Morning Herald.",
        "'This is the last cruise.'",
    ]
    read = voiced(article)
    assert read[1:3] == [f"Athanasia Georgoudakis said: {t}" for t in article[1:3]]
    assert read[3:] == article[3:]
    claim = (
        "'At one stage, I looked out the window and the waves crashed against the glass,' "
        "Courtney Randall told the Sydney Morning Herald."
    )
    assert reason(claim, read[1]) == (
        "name courtney, randall where the source has athanasia, georgoudakis"
    )


def test_a_season_written_short_gives_both_its_years() -> None:
    """ "(2011-12 last 16, second leg)" says 2012 as much as 2011: a claim's "in 2012" is no
    other year, nor a year found in no source (a probe's faithful summary)."""
    unit = (
        "Barcelona 7 Bayer Leverkusen 1 (2011-12 last 16, second leg) Messi became the first "
        "player to score five goals in a Champions League fixture."
    )
    claim = (
        "Messi became the first player to score five goals in a Champions League fixture in 2012."
    )
    assert reason(claim, unit) == "agree"
    assert (
        reason(claim.replace("2012", "2013"), unit) == "date 2013 where the source has 2011, 2012"
    )
    assert dates("the 1999-00 season") == {"1999", "2000"}
    assert numbers("in 2011-13") == {"2011", "13"}  # no season: two years apart


def test_a_question_neither_affirms_nor_denies() -> None:
    """A source's question says nothing a claim's negation could contradict ("Can UVA ... sue
    for defamation?" against "UVA cannot sue for defamation"); the same words as a statement
    do."""
    claim = "The university is a governmental entity, so UVA cannot sue for defamation."
    asked = "Can UVA, Phi Kappa Psi or any of the other fraternities sue for defamation?"
    assert reason(claim, asked) != "negation: only the claim denies or negates it"
    said = "UVA, Phi Kappa Psi or any of the other fraternities can sue for defamation."
    assert reason(claim, said) == "negation: only the claim denies or negates it"


def test_a_claims_negation_that_reaches_no_word_says_nothing_against_the_unit() -> None:
    """ "..., but the cashier said no" refuses what the unit need not report (a summary that
    joins two sentences); a negation that reaches the unit's words still conflicts."""
    unit = "On day two, he went into a burger joint and asked the cashier for a burger refill."
    claim = "On day two, he went into a burger joint and asked the cashier for a burger refill"
    assert reason(f"{claim}, but the cashier said no.", unit) == "agree"
    assert reason(claim.replace("asked", "did not ask") + ".", unit) == (
        "negation: only the claim denies or negates it"
    )


def test_a_name_the_unit_has_only_in_a_part_the_claim_leaves_out_is_a_swap() -> None:
    """A copy that leaves out the unit's tail, where the claim's name is, and puts that name in
    place of another ("NPR profiled ..." against "the Baltimore Sun profiled ... -- the part
    of the city that NPR called out ..."): the name was moved onto another deed. Two
    capitalised words after "the" are a name, no description, unless a seat or body that may
    speak for the other; and a title is read past for a short form."""
    unit = (
        "Back in 1995, the Baltimore Sun profiled Soon Jae and Eun Ja Lee, owners of a market "
        "in Sandtown -- the same part of the city that NPR called out as a locus of tension."
    )
    claim = "Back in 1995, NPR profiled Soon Jae and Eun Ja Lee, owners of a market in Sandtown."
    assert reason(claim, unit) == "name npr where the source has the baltimore sun"
    faithful = claim.replace("NPR", "the Baltimore Sun")
    assert reason(faithful, unit) == "agree"
    # two capitalised words the lexicon knows as no name are a description still (a system's
    # capitals): a key fact's "Chloe's" against "The Little Girl's"
    fact = "Chloe's naked body was found."
    sentence = "The Little Girl's naked body was found in the woods 90 minutes after she was taken."
    assert reason(fact, sentence, fact=True) == "agree"
    # a phrase moved from the tail, its preposition with it, is no swap
    unit = "his debut is likely to be at real madrid on 26 october in el clasico."
    assert reason("his debut is likely to be in el clasico on 26 october.", unit) == "agree"
    unit = (
        "Pianist Laurie Holloway has told how his friend Princess Margaret phoned him with the "
        "idea, days before the Queen Mother's milestone birthday."
    )
    claim = unit.replace("Princess Margaret", "Prince Charles")
    assert reason(claim, unit) == "name prince charles where the source has princess margaret"


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a clause's two sides exchanged around a one-way word, past a phrase both open with
        (
            "During the attack on 14 March, the nun was raped in the convent itself before money "
            "was stolen from the convent school.",
            "During the attack on 14 March, money was stolen from the convent school, before the "
            "nun was raped in the convent itself.",
            "order the nun ... before money was ... where the source has during the ... before "
            "the nun ...",
        ),
        (
            "Phillips, who was serving 30 years, was accused of killing his former cellmate after "
            "he had been placed in a cell alone.",
            "Phillips, who was serving 30 years, had been placed in a cell alone after he was "
            "accused of killing his former cellmate.",
            "order was accused ... after he had ... where the source has phillips who ... after "
            "he was ...",
        ),
        (
            "Phillips, who was serving 30 years, had been placed in a cell alone after he was "
            "accused of killing his former cellmate.",
            "Phillips, who was serving 30 years, had been placed in a cell alone after he was "
            "accused of killing his former cellmate.",
            "agree",
        ),
        # a cause put for its effect: "so" and "because" in a copy
        (
            "Leheup missed his last train home, because the alleged victim allowed him to come "
            "home with her.",
            "Leheup missed his last train home, so the alleged victim allowed him to come home "
            "with her.",
            "opposite because where the source has so",
        ),
    ],
)
def test_a_clause_reversed_or_a_cause_for_its_effect(
    claim: str, source: str, expected: str
) -> None:
    """Found by a probe of extractive summaries whose errors reverse a relation."""
    assert reason(claim, source) == expected


def test_lower_cased_a_head_of_function_words_left_out_is_no_cut() -> None:
    """Lower-cased, a copy that leaves out the unit's head or tail reads only lexicon names as
    swapped; a head of function words alone ("And barcelona's second ...") leaves nothing out,
    and a verb after the change is no surname a title stands before ("his friend prince
    charles phoned him" for "... princess margaret phoned him")."""
    unit = (
        "and barcelona's second of the night, when suarez stormed through and finished, was "
        "their 400th goal in the competition."
    )
    claim = unit.removeprefix("and ").replace("suarez", "neymar")
    assert reason(claim, unit) == "word neymar where the source has suarez"
    unit = "pianist laurie holloway has told how his friend princess margaret phoned him."
    claim = unit.replace("princess margaret", "prince charles")
    assert reason(claim, unit) == "word prince charles where the source has princess margaret"
    # a title for a given name before the surname both keep stays no swap
    said = "miss hawksley said the hospital was full."
    assert reason(said.replace("miss", "theodora"), said) == "agree"


def test_a_cased_claim_is_read_again_against_a_lower_cased_sentence_with_its_names() -> None:
    """A cased claim against a lower-cased source sentence: both are read lower-cased, where
    the lexicon may not know the names; where that finds nothing, the sentence is read again
    with the claim's names capitalised, as cased text shows them (sources lower-cased, a probe
    of extractive summaries whose errors reverse a relation)."""
    unit = (
        "earlier this month, american apparel was granted a restraining order preventing him "
        "from making any negative statements in the press about the company."
    )
    claim = (
        "Earlier this month, Mr Charney was granted a restraining order preventing American "
        "Apparel from making any negative statements in the press about him."
    )
    assert reason(claim, unit) == (
        "order mr charney ... american apparel where the source has american apparel ... him"
    )
    faithful = (
        "Earlier this month, American Apparel was granted a restraining order preventing him "
        "from making any negative statements in the press."
    )
    assert reason(faithful, unit) == "agree"


def test_an_age_before_a_name_that_describes_someone_is_theirs() -> None:
    """ "The 23-year-old former England Under-19 international ..." gives England no age: the
    probe's faithful "Angus MacDonald, 23, played 67 league games ..." was moved."""
    sources = (
        "MacDonald made 67 league appearances for National League club Torquay.",
        "The 23-year-old former England Under-19 international has also played for Reading.",
        "Chelsea's 25-year-old Brazil striker scored twice.",
    )
    assert misaged("Angus MacDonald, 23, played 67 league games for Torquay.", sources) is None
    assert misaged("Willian, 25, scored twice.", sources) is None
    # a nationality before "man", a name with "of" before "student" (the thirteenth probe's)
    described = (
        "Mr Gustafsson, 42, is being flown back to Sweden from Africa.",
        "Police released footage of the 21-year-old University of Brighton student in Portslade.",
    )
    assert misaged("A 42-year-old Swedish man has been freed.", described[:1]) is None
    assert misaged("Brighton student Janet Muller, 21, was reported missing.", described) is None
    named = ("The 62-year-old Dennis Krauss said he would buy a house.",)
    found = misaged("Tom Smith, 62, said he would buy a house.", named)
    assert found is not None and found[0].kind == "moved"


def test_a_subject_described_or_a_quote_is_no_splice() -> None:
    """The probe's faithful "Berman, a crime writer, was shot ..." (its subject with an
    apposition) and 'Howell's mother LaToya told Fox News her son "couldn't have been a
    threat" ...' (a quote, said of the "he" it stands for) were spliced."""
    sentences = (
        "Berman, a crime writer, was a close friend of Durst.",
        "Smith, a crime writer, was a close friend of Durst.",
        "Berman was shot in the head in her Beverly Hills home in December 2000.",
        "In the wake of his death, Howell's mother LaToya told Fox News her son 'couldn't have "
        "been a threat'.",
        "She said: 'Justus was a young man murdered by Zion police'.",
        "'As he was fleeing from police, they killed my son.",
        "He couldn't have been a threat if he was running.'",
    )
    claim = (
        "Berman, a crime writer, was shot in the head in her Beverly Hills home in December 2000."
    )
    assert spliced(claim, sentences) is None
    assert spliced(claim.replace("Berman", "Smith", 1), sentences) is not None
    quoted = (
        "Howell's mother LaToya told Fox News her son \"couldn't have been a threat\" if he was "
        "running."
    )
    assert spliced(quoted, sentences) is None


def test_a_name_in_a_phrase_after_from_the_speaks_for_no_one() -> None:
    """ "Det Ch Insp Martin Brunning, from the Bedfordshire, Cambridgeshire and Hertfordshire
    major crime unit, said: ..." made Bedfordshire the speaker, against the probe's faithful
    "Det Ch Insp Martin Brunning said officers urgently wanted to speak to ..."."""
    source = (
        "Det Ch Insp Martin Brunning, from the Bedfordshire, Cambridgeshire and Hertfordshire "
        "major crime unit, said officers urgently wanted to speak to Ian McLoughlin."
    )
    claim = "Det Ch Insp Martin Brunning said officers urgently wanted to speak to Ian McLoughlin."
    assert speakers(source) == frozenset()
    assert reason(claim, source) == "agree"


def test_a_word_that_joins_a_clause_is_no_part_of_a_speaker() -> None:
    """Lower-cased, "while the social network says ..." is a description of the speaker, as
    "the social network says" is: the probe's faithful "Twitter says it remains committed to
    free speech ..." was another speaker."""
    source = (
        "while the social network says it remains committed to the platform being used as a "
        "symbol of free speech , it says it will not tolerate accounts tweeting sickening "
        "messages promoting violence ."
    )
    claim = (
        "Twitter says it remains committed to free speech but will not tolerate accounts that "
        "promote violence."
    )
    assert reason(claim, source) == "agree"
    assert reason(claim, source.replace("while the social network", "while police")) == (
        "name twitter where the source has police"
    )


def test_a_figure_with_its_scale_in_words_is_one_figure_between_the_same_words() -> None:
    """ "to 12.5 million in 2000" against "to 10 million in 2000", where neither counts a
    named thing: the figure and its scale are read as one value among the words around them
    (a probe of scraped pages; before, a scaled figure was no figure of the slot reading).
    The value is read whole: "10,000,000" is "10 million", "one hundred and fifty" 150."""
    source = (
        "In absolute numbers, the Asian American population grew from just under 1 million in "
        "1960 to 10 million in 2000 - a tenfold increase."
    )
    claim = (
        "The Asian American population grew from just under 1 million in 1960 to 12.5 million "
        "in 2000, a tenfold increase."
    )
    assert reason(claim, source) == "number 12.5 million where the source has 10 million"
    assert reason(claim.replace("12.5 million", "10,000,000"), source) == "agree"
    assert reason(claim.replace("12.5 million", "ten million"), source) == "agree"
    raised = (
        "MyHeritage has raised a combined $49 million in venture capital so far and is seeing "
        "revenues in the range of $50 to $100 million per year."
    )
    assert reason("MyHeritage has raised a combined $50 million in venture capital.", raised) == (
        "number 50 million where the source has 49 million"
    )
    assert reason("MyHeritage has raised a combined $49 million in venture capital.", raised) == (
        "agree"
    )


def test_a_day_written_with_a_leading_zero_is_the_same_day() -> None:
    """ "with effect from 01 October 2015" (a probe of scraped pages: the faithful "from 1
    October 2015" was contradicted)."""
    source = "Joe Bauernfreund became the named portfolio manager with effect from 01 October 2015."
    claim = "Joe Bauernfreund became its named portfolio manager with effect from 1 October 2015."
    assert reason(claim, source) == "agree"
    assert reason(claim.replace("1 October", "2 October"), source) == (
        "number 2 where the source has 01"
    )


def test_a_names_possessive_is_read_as_the_name_before_the_words_after_it() -> None:
    """ "on Cleveland's practice squad" for "on the Cleveland Browns practice squad": the same
    team, so the claim's other team ("joins the Colts' practice squad") adds a name and puts
    none in its place (a probe of scraped pages). Another team in its place still conflicts."""
    source = (
        "Blanchard, 6-3, 223 pounds, was most recently on the Cleveland Browns practice squad "
        "after spending the entire 2015 offseason with Green Bay Packers."
    )
    claim = (
        "Blanchard joins the Colts' practice squad after most recently being on Cleveland's "
        "practice squad after spending the entire 2015 offseason with Green Bay."
    )
    assert reason(claim, source) == "agree"
    assert reason(claim.replace("Cleveland's", "Detroit's"), source).startswith("name ")


def test_offensive_and_defensive_are_opposites_in_a_copy() -> None:
    source = (
        "There will also be a new setup for 8-meter free positions that will permit the "
        "defensive team to position players at the hashes adjacent to the 8-meter free position."
    )
    claim = source.replace("defensive", "offensive")
    assert reason(claim, source) == "opposite offensive where the source has defensive"
    assert reason(source, source) == "agree"


def test_a_predicate_said_of_a_body_by_its_description_is_not_spliced() -> None:
    """ "The company has raised ..." where the source says it of "MyHeritage", described as
    "the company" in the same sentence (a probe of scraped pages); "The Red Cross" is a name,
    and still spliced, as is a name where the source describes ("ESPN showed magnanimity" of
    "the firm", the eighth probe's)."""
    sources = (
        "MyHeritage has raised a combined $49 million in venture capital so far and Japhet "
        "tells me that the company is currently seeing revenues of $50 million per year.",
        "The Red Cross said it was ready to help.",
    )
    claim = "The company has raised a combined $49 million in venture capital so far."
    assert spliced(claim, sources) is None
    found = spliced(claim.replace("The company", "The Red Cross"), sources)
    assert found is not None and found[0].theirs == "myheritage"
    firm = (
        "advanced towing removed her car .",
        "the firm showed magnanimity , saying it did not want mchenry to suffer .",
        "ESPN suspended her .",
    )
    found = spliced("ESPN showed magnanimity, saying it did not want McHenry to suffer.", firm)
    assert found is not None and found[0].theirs == "the firm"


def test_the_hosts_for_the_visitors_is_an_opposite() -> None:
    """ "reward for the hosts' urgency" for "the visitors' urgency" (eighteenth probe); lower-
    cased, the swap rule reads it first."""
    claim = "His second attempt was reward for the hosts' urgency and superior quality."
    source = "His second attempt was reward for the visitors' urgency and superior quality."
    assert reason(claim, source) == "opposite hosts where the source has visitors"
    assert reason(claim.lower(), source.lower()) == "word hosts where the source has visitors"
    assert reason(source, source) == "agree"


def test_another_events_time_place_or_cause_put_in_is_relinked() -> None:
    """A copy of a sentence but for a phrase of time, place or cause taken word for word from
    another sentence that tells another event (seventeenth probe's wrong links): "in the
    lottery" for "in a church raffle", "last weekend at the Emirates" for "in August", "when
    its population peaked at 684" for "to detain the most dangerous suspects"."""
    sources = (
        "A couple who lost their homes are celebrating after winning $250,000 in the lottery.",
        "Ms Diano lost her home, and went to live in a trailer park after winning a year's"
        " rent-free accommodation in a church raffle.",
        "Bellerin has exceptional pace, as he proved in August when he set a new Arsenal record"
        " over 40 metres.",
        "Arsenal beat Liverpool last weekend at the Emirates.",
        "The camp was established in 2002 by the Bush administration to detain the most"
        " dangerous suspects.",
        "In 2003, when its population peaked at 684, the camp was full.",
        "He was arrested on Monday.",
        "Police said he was arrested at his home in Leeds after a raid.",
    )
    for claim, expected, at in (
        (
            "Ms Diano went to live in a trailer park after winning a year's rent-free"
            " accommodation in the lottery.",
            "word in the lottery where the source has in a church raffle",
            1,
        ),
        (
            "Bellerin has exceptional pace, as he proved last weekend at the Emirates when he set"
            " a new Arsenal record over 40 metres.",
            "word last weekend at the emirates where the source has in august",
            2,
        ),
        (
            "The camp was established in 2002 by the Bush administration, when its population"
            " peaked at 684.",
            "word when its population peaked at 684 where the source has to detain the most"
            " dangerous suspects",
            4,
        ),
    ):
        found = relinked(claim, sources, range(len(sources)))
        assert found is not None and (found[0].reason(), found[1]) == (expected, at)
    # the phrase after the link word both keep, found elsewhere after another article and
    # words ("due to the attack at Nairobi's Westgate mall" from "despite the 2013 attack at
    # Nairobi's Westgate mall", twenty-fourth probe)
    kenya = (
        "Then, in 2011, the government's patience snapped - partly due to a series of kidnappings"
        " along Kenya's tourist-dependent coast.",
        "Perhaps that helps to explain why, despite the 2013 attack at Nairobi's Westgate mall,"
        " security in the capital remains noticeably lax.",
    )
    claim = kenya[0].replace("a series of kidnappings along Kenya's tourist-dependent coast", "{}")
    found = relinked(claim.format("the attack at Nairobi's Westgate mall"), kenya, (0,))
    assert found is not None and found[1] == 0
    assert relinked(claim.format("the raids on tourists near Mombasa"), kenya, (0,)) is None
    # only the sentences near the claim are read for the copy
    assert (
        relinked(sources[1].replace("in a church raffle", "in the lottery"), sources, (0,)) is None
    )
    # the same event told in the other sentence: a fusion; the sentence's own phrase; a
    # phrase no other sentence has (a paraphrase)
    assert relinked("He was arrested at his home in Leeds.", sources, range(len(sources))) is None
    assert relinked(sources[1], sources, range(len(sources))) is None
    assert relinked(sources[2].replace("in August", "in late summer"), sources, range(8)) is None
    # a long clause cut short and a phrase of the match's added (CLIFF's faithful Pegasus
    # summary)
    match = (
        "Philippe Coutinho scored the decisive goal for Liverpool, drilling a low shot in off"
        " the far post.",
        "Liverpool beat Blackburn 1-0 in the FA Cup replay at Ewood Park on Wednesday.",
    )
    assert (
        relinked("Philippe Coutinho scored the decisive goal at Ewood Park.", match, (0, 1)) is None
    )


def test_a_work_or_an_animal_by_what_it_is_is_no_splice() -> None:
    """ "The film has been made ..." of "Turning Points has been made ...", "Leo caused a fire"
    of "The dog caused a fire" where the article has named Leo before, and "the 31-year-old
    sister of ..." for the name (eighteenth probe: three faithful summaries); a dog named only
    later is still spliced."""
    sources = (
        "All hungry Leo wanted was one of his dog biscuits to chew on.",
        "Turning Points has been made for London 2012 Festival, a nationwide arts event.",
        "The dog caused a severe fire after managing to switch on the cooker.",
        "Pippa looked as chic as ever in a tweedy skirt.",
        "The 31-year-old sister of the Duchess of Cambridge writes columns.",
        "Max the cat slept through it.",
    )
    for claim in (
        "The film has been made for London 2012 Festival, a nationwide arts event.",
        "Leo caused a severe fire after managing to switch on the cooker.",
        "The 31-year-old sister of the Duchess of Cambridge looked as chic as ever in a tweedy"
        " skirt.",
    ):
        assert spliced(claim, sources) is None
    found = spliced("Max caused a severe fire after managing to switch on the cooker.", sources)
    assert found is not None and found[0].theirs == "the dog"
    # someone described by age after "a" is someone: the check set's spliced "a 12-year-old
    # israeli girl showed the abandoned vessel ..."
    girl = "A 12-year-old Israeli girl showed the abandoned vessel burning down."
    rescuers = (
        "Photos taken by rescuers showed the abandoned vessel burning down.",
        "A 12-year-old Israeli girl was missing.",
    )
    found = spliced(girl, rescuers)
    assert found is not None and found[0].theirs == "photos taken by rescuers"


def test_nonexistent_negates_and_what_someone_is_refused_they_are_not_given() -> None:
    """ "have almost no atmosphere" for "are almost nonexistent"; "is refused his prescribed
    medications" for "prison authorities refuse to allow him the prescribed medications" (a
    probe of scraped pages: both faithful claims were contradicted)."""
    mercury = (
        "Atmospheres of some planetary bodies, such as Mercury, are almost nonexistent, as the "
        "primordial atmosphere has escaped the relatively low gravitational attraction."
    )
    claim = "Some planetary bodies, such as Mercury, have almost no atmosphere."
    assert reason(claim, mercury) == "agree" and negated("They are almost nonexistent.")
    jailed = (
        "Independent journalist Pedro Arguelles Moran also suffers health problems but prison "
        "authorities refuse to allow him the prescribed medications he requires."
    )
    refused = "Pedro Arguelles Moran has health problems but is refused his prescribed medications."
    assert reason(refused, jailed) == "agree"
    given = "Pedro Arguelles Moran is given his prescribed medications by prison authorities."
    withheld = (
        "Prison authorities refuse to allow Pedro Arguelles Moran the prescribed medications."
    )
    assert reason(given, withheld) == "negation: only the source denies or negates it"
    assert negated("He was refused bail.") and not negated("He was released on bail.")
    # "denied" is said of statements too: "The allegations have been denied by Kadyrov" (the
    # tenth probe's faithful claim) denies as "Kadyrov has denied the allegations" does
    assert (
        reason(
            "The allegations have been denied by Chechen leader Ramzan Kadyrov.",
            "Ramzan Kadyrov has denied the allegations, calling them lies.",
        )
        == "agree"
    )


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a verb's subject made its object where the source's object is a pronoun
        (
            "It was revealed in July 2013 how Nevin regarded Charlotte Mulhall, who is serving"
            " life for murder, as a close friend in jail.",
            "It was revealed in July 2013 how Charlotte Mulhall, who is serving life for murder,"
            " regarded her as a close friend in jail.",
            "order nevin regarded charlotte mulhall where the source has charlotte mulhall"
            " regarded her",
        ),
        (
            "Years later, Freberg called Yankovic a major influence on his career.",
            "Years later, Yankovic called him a major influence on his career.",
            "order freberg called yankovic where the source has yankovic called him",
        ),
        (
            "I don't know what price Real wanted Bayern to pay, Ribery said.",
            "I don't know what price Bayern wanted them to pay.",
            "order real wanted bayern where the source has bayern wanted them",
        ),
        # the unit's object made the subject, its subject, said further back, the object
        (
            "Mr Zaev has accused the government of trying to destabilise the Balkan nation.",
            "The government denies the accusations, and in return has accused Mr Zaev of trying"
            " to destabilise the Balkan nation.",
            "order mr zaev accused the government where the source has the government ..."
            " accused mr zaev",
        ),
        # a clause of a longer claim that copies a sentence but for one word's opposite
        (
            "Ivanov cancelled an investigation, but his move was welcomed both by the"
            " opposition and by EU officials.",
            "But his move was condemned both by the opposition and by EU officials.",
            "opposite welcomed where the source has condemned",
        ),
        # "can" is a prospect that "will" states as certain
        (
            "Chelsea will extend their lead at the top on Sunday.",
            "Chelsea can extend their lead at the top on Sunday.",
            "word will where the source has can",
        ),
        # one step of how many for another, the verb made to agree
        (
            "He was seized along with two other men, both of whom were freed in a raid in 2015.",
            "He was seized along with two other men, one of whom was freed in a raid in 2015.",
            "opposite both where the source has one",
        ),
        # an attempt said done
        (
            "Rose, who became the first European player to win the US Open and Masters, smiled.",
            "Rose, who was looking to become the first European player to win the US Open and"
            " Masters, smiled.",
            "word became where the source has was looking to become",
        ),
        # a prospect made certain, its condition put otherwise
        (
            "Chelsea will extend their lead at the top by beating Burnley at Turf Moor on Sunday.",
            "Chelsea can extend their lead at the top if they beat Burnley at Turf Moor on Sunday.",
            "word will where the source has can",
        ),
        # a modal's words put otherwise, for certain
        (
            "HMRC warned that anyone who failed to renew their tax credits would have payments"
            " stopped, or find themselves paying more than they needed to.",
            "HMRC warned that anyone who failed to renew their tax credits could be in danger of"
            " having payments stopped, or find themselves paying more than they needed to.",
            "word would have where the source has could be in danger of having",
        ),
        # a negated verb against its irregular past
        (
            "The couple did not get funding for the first try.",
            "We got funding for the first try and got lucky when Mazy was born.",
            "negation: only the claim denies or negates it",
        ),
    ],
)
def test_a_seventeenth_probes_errors_are_conflicts(claim: str, source: str, expected: str) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # the source's subject a pronoun, its object the claim's subject
        (
            'The Channel 4 News journalist called Brand "a snide", before Brand walked off.',
            'He called the Channel 4 News journalist "a snide", before walking off.',
            "order the channel 4 news journalist called brand where the source has he called"
            " the channel 4 news journalist",
        ),
        # the source's object "them", a progressive verb (no passive)
        (
            "Health boards and care homes are asking the commissioner to show significant"
            " improvements in practice.",
            "The commissioner is asking them to show significant improvements in practice.",
            "order homes asking the commissioner where the source has the commissioner asking them",
        ),
        # a verb phrase of several words both have before the verb, a subject cut short
        (
            "PSG will want to knock Marseille off the top of the table.",
            "Marseille and their star striker Andre-Pierre Gignac will want to knock PSG off the"
            " top of the table.",
            "order psg knock marseille where the source has marseille ... knock psg",
        ),
        # one body of people for another
        (
            "Police made the grim discovery of Janet Muller's body in Ifield on March 13.",
            "Firefighters made the grim discovery of Janet Muller's body in Ifield on March 13.",
            "word police where the source has firefighters",
        ),
        # a man's honorific for a woman's, the pronoun after it too
        (
            "Mr Mosey confessed that he often left things on the cooker.",
            "Mrs Mosey, 47, confessed that she often left things on the cooker.",
            "word mr where the source has mrs",
        ),
        # the possessor for whom the possessive names
        (
            "It kicked off when Mrs Alexander found her vegetable patch would not grow anything.",
            "It kicked off when Mrs Alexander's aunt found her vegetable patch would not grow"
            " anything.",
            "word alexander where the source has alexander s aunt",
        ),
        # a recommendation said done, a modal left out, a charge said proven
        (
            "Dick Pound said Araf has been banned from the Rio 2016 Olympics.",
            "Dick Pound said Araf should be banned from the Rio 2016 Olympics.",
            "word has been where the source has should be",
        ),
        (
            "It was revealed that militants control 90,000 Twitter accounts worldwide.",
            "It was revealed that militants could control as many as 90,000 Twitter accounts"
            " worldwide, allowing them to spread propaganda.",
            "word militants control where the source has militants could control",
        ),
        (
            "He stole £572,206 from Patrick Bradley Ltd, based in Kilrea.",
            "He was charged with stealing £572,206 from Patrick Bradley Ltd, based in Kilrea.",
            "word stole where the source has was charged with stealing",
        ),
        (
            "He was found guilty of stealing £572,206 from Patrick Bradley Ltd.",
            "He was accused of stealing £572,206 from Patrick Bradley Ltd.",
            "word found guilty where the source has accused",
        ),
        # a hedge put otherwise for certain, a claim's attribution left out, "yet to" left out
        (
            "The panel concluded that Genevieve had abused the girl.",
            "The panel instead concluded that Genevieve instead likely abused the girl.",
            "word had where the source has instead likely",
        ),
        (
            "Ms Reichert was one of 10 women picked to party with him in August 2012.",
            "Ms Reichert claims she was one of 10 women picked to party with him in August 2012.",
            "word reichert was where the source has reichert claims she was",
        ),
        (
            "The dispute rumbled on, and the trees knocked £20,000 off the value of her home.",
            "The dispute rumbled on, with Mrs Alexander, 54, claiming that the trees knocked"
            " £20,000 off the value of her home.",
            "word on and where the source has on with mrs alexander 54 claiming that the",
        ),
        (
            "A number of people captured on CCTV near the meat market had come forward.",
            "A number of people captured on CCTV near the meat market had yet to come forward.",
            "negation: only the source denies or negates it",
        ),
        # a claim said proven; a condition put otherwise where nothing hedges the claim
        # (seventeenth probe)
        (
            "The powder, which can be sprinkled over salads, is proven to support nutrition.",
            "The powder, which can be sprinkled over salads, claims to support nutrition.",
            "word is proven where the source has claims",
        ),
        (
            "McCoy will stop riding immediately after the Grand National on Saturday.",
            "McCoy, champion jockey every year since 1997, will stop riding immediately if his"
            " mount Shutthefrontdoor wins the Grand National on Saturday.",
            "word after where the source has if his mount shutthefrontdoor wins",
        ),
        # a bound past the source's the same way
        (
            "Landlords who let properties to more than five unrelated people need a licence.",
            "Landlords who let properties to more than three unrelated people need a licence.",
            "number more than five where the source has more than three",
        ),
        # an opposite with an object the source lacks
        (
            "Miller had wanted to return in the third period of the game, in which Detroit beat"
            " the Senators 2-1.",
            "Miller had wanted to return in the third period of the game, which Detroit lost 2-1.",
            "opposite beat where the source has lost",
        ),
        # "less" for "ful"
        (
            "The most common type was Bacillus mycoides, which is harmful.",
            "The most common type was Bacillus mycoides, which is harmless.",
            "opposite harmful where the source has harmless",
        ),
    ],
)
def test_an_eighteenth_probes_reversals_are_conflicts(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected
    assert reason(claim.lower(), source.lower()) == expected


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # the same sides as the source's
        (
            "Marseille will want to knock PSG off the top of the table.",
            "Marseille and their star striker Andre-Pierre Gignac will want to knock PSG off the"
            " top of the table.",
        ),
        ("Brand called the journalist a snide.", "He called the journalist a snide."),
        # the pronoun subject named, or the source's object kept as the claim's object
        ("He called the journalist a snide.", "Brand called the journalist a snide."),
        ("The journalist was called a snide by Brand.", "He called the journalist a snide."),
        # one body by another of its names, one woman's honorific for another's
        ("Police officers made the discovery.", "Police made the discovery."),
        (
            "Mrs Mosey confessed that she often left things.",
            "Ms Mosey, 47, confessed that she often left things.",
        ),
        # initials for the name that opens a longer tail; an age's description for a name
        (
            "Lamine Diack has been provisionally suspended by the IOC.",
            "Lamine Diack has been provisionally suspended by the International Olympic"
            " Committee, who have also asked the IAAF to start disciplinary action.",
        ),
        (
            "Walls said only two people refused out of the 103 people he asked.",
            "The 42-year-old said only two people refused out of the 103 people he asked.",
        ),
        # a charge said in the present, or otherwise; a recommendation kept
        (
            "He is charged with stealing £572,206 from Patrick Bradley Ltd.",
            "He was charged with stealing £572,206 from Patrick Bradley Ltd.",
        ),
        (
            "He faces charges of stealing £572,206 from Patrick Bradley Ltd.",
            "He was charged with stealing £572,206 from Patrick Bradley Ltd.",
        ),
        (
            "Araf should be banned from the Rio 2016 Olympics, he said.",
            "Araf should be banned from the Rio 2016 Olympics.",
        ),
        # "some of them" for the object: the pronoun subject may be the object's own
        (
            "The listings include one for an iOS Battery Life Software Engineer.",
            "They include listings for an iOS Battery Life Software Engineer and a Cell Engineer.",
        ),
        # a list's later item, the items between left out
        (
            "There are other stories on the website from five sporting figures, including Dame"
            " Tanni Grey-Thompson and Geraint Thomas.",
            "There are other stories on the website from Paralympic gold medallists Dame Tanni"
            " Grey-Thompson and David Roberts, world champion hurdler Dai Greene and Olympic"
            " cycling gold medallist Geraint Thomas.",
        ),
        # the claim's own "said" for "claims"; a claim kept
        (
            "Ms Reichert said she was one of 10 women picked to party with him.",
            "Ms Reichert claims she was one of 10 women picked to party with him.",
        ),
        (
            "Ms Reichert claims she was one of 10 women picked to party with him.",
            "Ms Reichert claims that she was one of 10 women picked to party with him.",
        ),
        # a claim whose attribution the claim gives its own way
        (
            "According to Carrie Reichert, alcohol gave her the confidence to approach him.",
            "Ms Reichert went on to claim that alcohol gave her the confidence to approach him.",
        ),
        # a claim that opens past the claimant and the verb
        (
            "Klopp's side are 10th in the Bundesliga table.",
            "However, Mertesacker insisted Klopp, whose side are 10th in the Bundesliga table,"
            " will need time.",
        ),
        # a possessive the claim keeps, its name left out
        (
            "Smith's lawyer said he was innocent.",
            "Smith's lawyer, John Brown, said he was innocent.",
        ),
        # the object calls back what the source's object also did
        (
            "The journalist called him back a week later.",
            "He called the journalist, who called him back a week later.",
        ),
    ],
)
def test_an_eighteenth_probes_guards_agree(claim: str, source: str) -> None:
    assert reason(claim, source) in ("agree", "neutral")


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # the speaker after a quote's end is no place beside the name before it
        (
            '"You saw a team that is not ready to fight for the Premier League," Pochettino'
            " told BT Sport.",
            '"You saw a team that is not ready to fight for the Premier League," the Argentine'
            " told BT Sport.",
        ),
        # a surname after a quoted nickname is the same person
        (
            'The New York Times dubbed him the "Che Guevara of advertising," and years later,'
            " Yankovic called him a major influence on his career.",
            'The New York Times dubbed him the "Che Guevara of advertising," and years later,'
            ' "Weird Al" Yankovic called him a major influence on his career.',
        ),
        # the verb's object pronoun named, the subject kept; a passive turned active
        (
            "Smith thanked Jones for his support.",
            "Smith thanked him for his support.",
        ),
        ("Smith was arrested by police on Monday.", "Police arrested him on Monday."),
        # a speaker after "said", or the unit's object the subject of its own clause
        ("Mr Zaev said the government was lying.", "The government was lying, said Mr Zaev."),
        (
            "Jones beat Brown in the final.",
            "Smith beat Jones in the semi-final, and Jones beat Brown.",
        ),
        # a condition put otherwise, the prospect kept
        (
            "Chelsea can extend their lead at the top by beating Burnley at Turf Moor on Sunday.",
            "Chelsea can extend their lead at the top if they beat Burnley at Turf Moor on Sunday.",
        ),
        # the verb said twice: the claim's first is not the source's second ("keep them")
        (
            "You can't keep playing forever and it's hard to keep them at bay, Sinfield said.",
            "You can't keep playing forever and it's hard to keep them at bay.",
        ),
        (
            "Smith thanked the club for its support.",
            "Smith said the club had let him down and thanked them for its support.",
        ),
    ],
)
def test_a_seventeenth_probes_faithful_edits_agree(claim: str, source: str) -> None:
    assert reason(claim, source) == "agree"


def test_a_predicate_said_of_several_is_spliced_onto_one() -> None:
    """ "Disney has been offering refunds" takes the predicate of "Local cinema chains have been
    offering refunds" (a blind probe's wrong subject); the verb's form for one subject hid it."""
    sources = (
        "The film was held for a review of its content in Malaysia.",
        "Disney said it was pleased.",
        "Local cinema chains have been offering refunds for customers who bought tickets.",
    )
    found = spliced(
        "The film was held for a review of its content in Malaysia, and Disney has been"
        " offering refunds for customers who bought tickets.",
        sources,
    )
    assert found is not None
    assert found[0].reason() == (
        "spliced: the source says the rest of it of local cinema chains, not of disney"
    )
    assert spliced("Local cinema chains have been offering refunds for customers.", sources) is None


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a verb's regular form against its base with a negation: "enjoyed" for "didn't enjoy"
        (
            'He added: "The TT was a bloody disaster, aside from walking the dog and racing the'
            ' Mugen, I enjoyed it."',
            'He added: "The TT was a bloody disaster, aside from walking the dog and racing the'
            " Mugen, I didn't enjoy it.",
            "negation: only the source denies or negates it",
        ),
        # another outlet for a newspaper named by an English word after "the"
        (
            "Newsbeat contacted Brand to see if he would take legal action against Channel 4 News"
            " and its owner Rupert Murdoch.",
            "Newsbeat contacted Brand to see if he would take legal action against The Sun and"
            " its owner Rupert Murdoch.",
            "name channel 4 news where the source has the sun",
        ),
        # a body of people put for another, or a name for one (cased)
        (
            "The new tragedies come just days after Italian police reported 400 presumed dead in"
            " the sinking of another ship.",
            "The new tragedies come just days after aid agencies reported 400 presumed dead in"
            " the sinking of another ship.",
            "name italian police where the source has aid agencies",
        ),
        (
            "Prosecutors have also asked local authorities to examine cold cases near where Durst"
            " lived.",
            "FBI agents have also asked local authorities to examine cold cases near where Durst"
            " lived.",
            "name prosecutors where the source has fbi agents",
        ),
        (
            "His case has cost British taxpayers a six-figure sum, according to Michael Ellis.",
            "His case has cost British taxpayers a six-figure sum, according to legal experts.",
            "name michael ellis where the source has legal experts",
        ),
        # a speaker named by a label before the quote it opens
        (
            '"It looked like an ordinary start from both teams," said Derby manager Steve'
            " McClaren.",
            'Ipswich manager Mick McCarthy: "It looked like an ordinary start from both teams,'
            " but the first goal was far too easy for me.",
            "name mcclaren, steve where the source has mccarthy, mick",
        ),
        # a passive dropped, its sides in the same order, side A a pronoun
        (
            "The Frenchman was hit by his team car after it had rear-ended another vehicle.",
            "The Frenchman was hit by his team car after it had been rear-ended by another"
            " vehicle.",
            "order it had rear ended another where the source has it had been rear ended by"
            " another",
        ),
        # a twentieth probe's: a name in capitals opening the copy for a body of people; a
        # name for "one fan"; a verb said plainly for its "did not"; a negation left out where
        # "but" joins for "and"; "accepted" for "turned down"; a hedge made certain
        (
            "RTÉ released the footage in April and appealed for the man to come forward.",
            "Detectives released the footage in April and appealed for the man to come forward.",
            "name rte where the source has detectives",
        ),
        (
            '"Nothing will be the same again," Dobrev tweeted.',
            '"Nothing will be the same again," one fan tweeted.',
            "name dobrev where the source has one fan",
        ),
        (
            "He said: 'I knew who was on my side at the end and who wasn't.'",
            "He said: 'I didn't know who was on my side at the end and who wasn't.",
            "negation: only the source denies or negates it",
        ),
        (
            "Mr Ratcliffe said the family could go to his wife's appeal hearing but did not know"
            " when to expect a result.",
            "Mr Ratcliffe said the family could not go to his wife's appeal hearing and did not"
            " know when to expect a result.",
            "negation: only the source denies or negates it",
        ),
        (
            "Redknapp feels he still has plenty to offer, having accepted a 'mind-blowing' offer"
            " to coach abroad.",
            "Redknapp feels he still has plenty to offer, having turned down a 'mind-blowing'"
            " offer to coach abroad.",
            "opposite accepted where the source has turned down",
        ),
        (
            "However, Muir says the World Indoor Championships in March are definitely a target.",
            "However, Muir says the World Indoor Championships in March are potentially a target.",
            "word definitely where the source has potentially",
        ),
        # a verb's object made its subject where the source's object is a pronoun, a verb
        # phrase both have between
        (
            "Young revealed he did not call Hodgson to explain his absence from the 24-man party.",
            "Young revealed Hodgson did not call him to explain his absence from the 24-man"
            " party when it was announced.",
            "order he call hodgson where the source has hodgson call him",
        ),
        # a body's capitalised name after "the" is a name, not a description
        (
            "The findings were published by Nature on Monday.",
            "The findings were published by the Royal Society on Monday.",
            "name nature where the source has the royal society",
        ),
        # a negation left out of a copy of the middle of a sentence, its head and tail (a
        # clause with a negation of its own) left out
        (
            "A number of people captured on CCTV near the meat market had come forward.",
            "She added that a number of people captured on CCTV near the meat market had yet to"
            ' come forward and while "they may not think what they saw would be of any'
            ' significance, they could have information".',
            "negation: only the source denies or negates it",
        ),
        # a name swapped in a copy the claim goes on from with a clause of its own
        (
            "Also in Spain, SPORT look at Real Madrid's quest to overhaul their rivals at the top"
            " of La Liga, saying that if Real win their final 10 games they can count on winning"
            " the title.",
            "Also in Spain, Marca look at Real Madrid's quest to overhaul their rivals at the top"
            " of La Liga.",
            "name sport where the source has marca",
        ),
        # what one wants to do said certain; a vote's or a frequency's opposite
        (
            "The Disposal Services Authority will award at least one of the frigates to a UK ship"
            " recycler.",
            "The Disposal Services Authority wants to award at least one of the frigates to a UK"
            " ship recycler.",
            "word will where the source has wants to",
        ),
        (
            'Members also backed an amendment from Green MSP Andy Wightman noting "concerns".',
            'Members also rejected an amendment from Green MSP Andy Wightman noting "concerns".',
            "opposite backed where the source has rejected",
        ),
        (
            "Incidents of gun crime at schools and colleges in India are very common.",
            "Incidents of gun crime at schools and colleges in India are very rare.",
            "opposite common where the source has rare",
        ),
    ],
)
def test_a_nineteenth_sessions_changes_are_conflicts(
    claim: str, source: str, expected: str
) -> None:
    assert reason(claim, source) == expected


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("She told the Mail that she was happy.", "She told the Daily Mail that she was happy."),
        ("The team played well.", "The team plays well."),
        ("The lights were switched on.", "The lights had been switched on."),
        # one body by a word for another like it; a name left out of its description
        (
            "Officials made the discovery at the house.",
            "Authorities made the discovery at the house.",
        ),
        (
            "Kristoff took victory in a sprint finish with Terpstra.",
            "Kristoff took victory in a sprint finish with Holland's Niki Terpstra.",
        ),
        # a report both speak of, one denying it: not what the report says
        (
            'Kim Yo Jong called outside speculation on North Korean-Russian arms dealings "the'
            ' most absurd paradox".',
            "Kim Yo-jong has dismissed speculation that her country is trading arms with Russia,"
            " calling it “an absurd paradox.”",
        ),
        # "200m" for "200 metres"
        (
            "Blake Shinn was forced to ride more than 200m to the finish line.",
            "Blake Shinn was forced to ride more than 200 metres to the finish line.",
        ),
        # a prescription says nothing of whether it is so
        (
            "Fishing communities are at risk of being marginalised in the Brexit negotiations.",
            'The Lords say fishing "must not be marginalised in the Brexit negotiations".',
        ),
    ],
)
def test_a_nineteenth_sessions_faithful_edits_agree(claim: str, source: str) -> None:
    assert reason(claim, source) == "agree"


def test_a_time_or_place_of_another_event_ends_a_copy_cut_short() -> None:
    """The nineteenth probe's wrong links: the claim ends a copy with another event's time
    ("in the sixth minute." for "on the half hour and tipped away ..."), a year for a month,
    a place after "at a"; not where the source was cut short mid-word, nor a place put for a
    clause that is no time or place ("at Ewood Park" for "for Liverpool, drilling ...")."""
    sources = (
        "Areola blocked Steed Malbranque's back heel on the half hour and tipped away Clinton"
        " Njie's low shot three minutes before the break as Lyon continued to dominate.",
        "Lopes saved brilliantly from Cavani in the sixth minute.",
        "In 2012 another customer found a dead cockroach inside a kettle.",
        "Meanwhile in February a disgusted shopper found the severed head of a frozen rat.",
        "Nazarbayev greeted thousands of supporters at a forum in the capital Astana.",
        "He later spoke at a news conference.",
        "The first film in the se",
    )
    for claim, expected, at in (
        (
            "Areola blocked Steed Malbranque's back heel in the sixth minute.",
            "word in the sixth minute where the source has on the half hour",
            0,
        ),
        (
            "In 2012 a disgusted shopper found the severed head of a frozen rat.",
            "word in 2012 where the source has in february",
            3,
        ),
        (
            "Nazarbayev greeted thousands of supporters at a news conference in the capital"
            " Astana.",
            "word at a news conference where the source has at a forum",
            4,
        ),
    ):
        found = relinked(claim, sources, range(len(sources)))
        assert found is not None and (found[0].reason(), found[1]) == (expected, at)
    assert relinked("The first film in the series.", sources, range(len(sources))) is None
    assert relinked(sources[1], sources, range(len(sources))) is None


def test_one_person_by_two_of_their_names_is_read_as_the_unit_names_them() -> None:
    """ "Wilshaw said" for "Sir Michael said" where a source names "Sir Michael Wilshaw";
    "The BHA" for "The British Horseracing Authority"; not two people listed together."""
    sources = ["Chief inspector Sir Michael Wilshaw spoke.", "The British Horseracing Authority"]
    found = renamed(
        "Wilshaw said the cases were bad.",
        "Sir Michael said the cases were bad.",
        Conflict("name", "wilshaw", "michael, sir"),
        sources,
    )
    assert found == "Sir Michael said the cases were bad."
    found = renamed(
        "The BHA confirmed it.",
        "The British Horseracing Authority confirmed it.",
        Conflict("name", "bha", "authority, british, horseracing"),
        sources,
    )
    assert found == "The British Horseracing Authority confirmed it."
    two = ["Ben and Parkinson were hurt."]
    assert renamed("Parkinson ran.", "Ben ran.", Conflict("name", "parkinson", "ben"), two) is None
    # lower-cased, one word each; not two names a comma parts
    stores = ["onto the windows , android and apple stores ."]
    word = Conflict("word", "windows", "android")
    assert renamed("live on windows .", "live on android .", word, stores) is None
    one = ["L/Bdr Ben Parkinson was hurt."]
    assert renamed("Parkinson ran.", "Ben ran.", Conflict("name", "parkinson", "ben"), one) == (
        "Ben ran."
    )


def test_a_headline_names_no_speaker_for_a_he_who_speaks() -> None:
    """ "..., he said." after a scraped page's links ("Things to know before you see Rogue
    One") stays "he": the film is no speaker."""
    sentences = [
        "Fett has amassed a vast collection of action figures.",
        "You might also like:",
        "Rogue One receives warm reviews",
        "Things to know before you see Rogue One",
        '"When I\'m not dressing up in Star Wars costumes, I wear a uniform," he said.',
    ]
    assert voiced(sentences)[-1] == sentences[-1]
    named = ["Mick Fett said he was happy.", sentences[-1]]
    assert voiced(named)[-1].endswith("Mick Fett said.")


def test_a_description_ending_in_a_person_or_a_quote_going_on_is_no_splice() -> None:
    """ "Ginola could not persuade ..." of "The former Paris Saint-Germain and Tottenham player
    could not persuade ..."; "'I think it must have been ironed,' said Mrs Dunican" where her
    quote goes on after "..., ' said Mrs Dunican."; "Michael Pulman, 33, ... has spent" of
    "Michael"."""
    sources = (
        "Ginola is a former footballer.",
        "The former Paris Saint-Germain and Tottenham player could not persuade enough FIFA"
        " football associations to back his bid.",
        "'I noticed a stain, so I opened it and stuck to the lining was a lizard,' said Mrs"
        " Dunican.",
        "'I think it must have been ironed - it was disgusting.'",
        "Michael Pulman, 33, a care worker from Walsall, spoke to the BBC.",
        "Michael has spent £7,500 on a hair transplant.",
    )
    for claim in (
        "Ginola could not persuade enough FIFA football associations to back his bid.",
        "'I think it must have been ironed - it was disgusting,' said Mrs Dunican.",
        "Michael Pulman, 33, a care worker from Walsall, has spent £7,500 on a hair transplant.",
    ):
        assert spliced(claim, sources) is None
    # one the article names only after the description is not whom it describes (but see
    # `test_a_description_is_whom_a_line_just_before_or_after_names`); a thing is not whom a long
    # description describes; a possessive's owner is not the subject
    later = (sources[2], sources[1], sources[0])
    claim = "Ginola could not persuade enough FIFA football associations to back his bid."
    assert spliced(claim, later) is not None
    dead = (
        "The 32-year-old man was pronounced dead at the scene.",
        "The road was closed between Thursley and Liphook until early evening.",
    )
    assert spliced("The road was pronounced dead at the scene.", dead) is not None
    resort = (
        "bulgaria 's most popular resort of sunny beach is cheap .",
        "bulgaria might not be the first hotspot that springs to mind for a summer holiday .",
    )
    claim = (
        "bulgaria 's most popular resort of sunny beach might not be the first hotspot that"
        " springs to mind for a summer holiday ."
    )
    assert spliced(claim, resort) is not None


def test_a_name_for_he_where_the_article_opens_on_he_is_no_misnaming() -> None:
    """An article cut from its lead (a BBC article without its summary line) opens on "he":
    the name a claim puts for it may be the lead's ("As a teenager Fernandez tried ..." for "As
    a teenager he tried ..."); one that opens by naming someone still tells."""
    opening = "As a teenager he tried three times to defect from Cuba."
    claim = "Fernandez finally escaped to Mexico on his fourth attempt."
    unit = "He finally escaped to Mexico on his fourth attempt."
    assert misnamed(opening.replace("he", "Fernandez"), opening, []) is None
    assert misnamed(claim, unit, [opening]) is None
    assert misnamed(claim, unit, ["Carlos Ruiz, 20, said the boat was full.", opening])


def test_a_he_after_a_description_of_someone_is_not_an_earlier_speaker() -> None:
    """ "He admits ..." after "The Belgium international has overcome ..." is the international,
    not the speaker quoted two sentences before; "he added" after "The 27-year-old has ..."."""
    sentences = [
        "'We have top players,' said Lucas.",
        "Another player is goalkeeper Simon Mignolet, who produced two saves.",
        "The Belgium international has overcome his early-season wobbles.",
        "He admits victory over Blackburn was important.",
    ]
    assert voiced(sentences)[-1] == sentences[-1]
    assert voiced([sentences[0], sentences[-1]])[-1].startswith("Lucas admits")


def test_a_description_joined_on_with_and_is_no_splice() -> None:
    """ "The 22-year-old fractured her neck ..., and spent four weeks in hospital" where the
    other sentence says "Norfolk's Williamson spent four weeks in hospital"."""
    sources = (
        "The 22-year-old fractured her neck after colliding with Elis Ligtlee.",
        "Norfolk's Williamson spent four weeks in hospital after January's accident.",
    )
    claim = (
        "The 22-year-old fractured her neck after colliding with Elis Ligtlee, and spent four"
        " weeks in hospital after January's accident."
    )
    assert spliced(claim, sources) is None


@pytest.mark.parametrize(
    ("claim", "unit", "mine"),
    [
        # lower-cased, a pronoun put back as its name leaves the swap the only change
        (
            "bueno hit four in one game earlier this year against real union and will be gunning"
            " for his old club on wednesday night.",
            "he hit four in one game earlier this year against levante and will be gunning for"
            " his old club on wednesday night.",
            "real union",
        ),
        (
            "however, chris ramsey told bbc sport's football focus there was more to redknapp's"
            " decision than health problems.",
            "however, redknapp told bbc sport's football focus there was more to his decision"
            " than health problems.",
            "chris ramsey",
        ),
        # and "of" put in
        (
            "lady wolffe remitted the case to the high court in edinburgh to be dealt with"
            " because of its greater sentencing powers.",
            "sheriff george way remitted the case to the high court in edinburgh to be dealt"
            " with because its greater sentencing powers.",
            "lady wolffe",
        ),
        # cased, a description the unit gives someone else put for a name
        (
            "The security guard said no, and the guard almost broke into a run to get away.",
            "The security guard said no, and Jia almost broke into a run to get away.",
            "the guard",
        ),
    ],
)
def test_a_swap_beside_a_name_put_back_for_a_pronoun_is_a_conflict(
    claim: str, unit: str, mine: str
) -> None:
    verdict, found = compare(claim, unit, True, frozenset(), 0.5)
    assert verdict == "conflict" and found is not None and found.mine == mine


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        # the pronoun's name alone, a caption's place left out, a number in words
        (
            "bueno hit four in one game earlier this year against levante.",
            "he hit four in one game earlier this year against levante.",
        ),
        (
            "burger was a standout performer in saracens' 46-6 victory at twickenham.",
            "jacques burger (centre) was a standout performer in saracens' 46-6 victory at"
            " twickenham.",
        ),
        (
            "starbucks' dutch division paid just £1.9million of tax - a meagre tax rate of less"
            " than one per cent.",
            "its dutch division paid just £1.9million of tax - a meagre tax rate of less than"
            " 1per cent.",
        ),
        # a description the unit gives no one else
        (
            "The Frenchman scored twice before half-time.",
            "Ribery scored twice before half-time.",
        ),
    ],
)
def test_light_edits_of_a_lower_cased_copy_agree(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.5)[0] == "agree"


def test_lower_cased_speakers_by_a_label_or_a_surname_the_vocabulary_inflects() -> None:
    """'ipswich manager mick mccarthy: "..."' names mick mccarthy; "caroline abrahams, of age
    uk, said:" names caroline abrahams, whose quote goes on in the next sentence."""
    label = (
        'ipswich manager mick mccarthy: "it looked like an ordinary start from both teams, but'
        " the first goal was far too easy for me."
    )
    assert speakers(label) == {"mick", "mccarthy"}
    claim = (
        '"it looked like an ordinary start from both teams, but the first goal was far too'
        ' easy for me," said derby manager steve mcclaren.'
    )
    assert compare(claim, label, True, frozenset(), 0.5)[0] == "conflict"
    sentences = [
        "caroline abrahams, of age uk, said: ‘in the last few years it has become harder to"
        " access cataract surgery.",
        "‘cataracts are extremely debilitating and treatment should be based on a clinical need.’",
    ]
    assert voiced(sentences)[1].startswith("caroline abrahams said:")


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        # a step of how often, with a joining word put in and a tail left out
        (
            "David Beckham often gets it wrong these days when it comes to fashion, but he is"
            " definitely also a fan of a tight suit.",
            "While David Beckham rarely gets it wrong these days when it comes to fashion, he is"
            " definitely also a fan of a tight suit, and arguably carries it off to perfection.",
        ),
        # a step of how many, with a clause left out
        (
            "Local fishermen have been using mechanised boats to float the stranded whales back"
            " into the sea, but all of the animals have returned to the shore.",
            "Local fishermen, helped by officials, have been using mechanised boats to float the"
            " stranded whales back into the sea, but many of the animals have returned to the"
            " shore.",
        ),
        # a negation dropped with "also" put in; "a lack of" left out
        (
            "'That didn't happen,' laughs Mrs Rhodes, whose younger self also features in the"
            " film.",
            "'That didn't happen,' laughs Mrs Rhodes, whose younger self does not feature in the"
            " film.",
        ),
        (
            "There was evidence to back up claims on social media that some people had voted"
            " twice, and the watchdog said it took the issue very seriously.",
            "Although there was a lack of evidence to back up claims on social media that some"
            " people had voted twice, the watchdog said it took the issue very seriously.",
        ),
        # a hedge word left out beside a hedge said otherwise; a seeming left out where the
        # claim copies another hedge
        (
            "Authorities knew around the time of the boy's disappearance that his father was the"
            " culprit, according to AL.com.",
            "Authorities suspected around the time of the boy's disappearance that his father was"
            " possibly the culprit, according to AL.com.",
        ),
        (
            "Komsomolskaya Pravda quoted a Facebook conversation allegedly hacked by Cyber"
            " Berkut, in which Ukrainian officials admit that their forces downed flight MH17.",
            "Komsomolskaya Pravda quoted a Facebook conversation allegedly hacked by Cyber"
            " Berkut, in which Ukrainian officials appear to admit that their forces downed"
            " flight MH17.",
        ),
        # two names that share their first two letters, neither an English word
        (
            "Shenwari and Najeeb Tarakai (27) put on an opening stand of 51 as Afghanistan"
            " cruised to their victory target.",
            "Shahzad and Najeeb Tarakai (27) put on an opening stand of 51 as Afghanistan"
            " cruised to their victory target.",
        ),
        # another kind of body speaks; a possessor is no speaker
        (
            "The university said the incident was not treated as suspicious.",
            "South Wales Police said the incident was not treated as suspicious.",
        ),
        (
            'Simpson said the piece was "a little bit like a tone poem".',
            'Krut said Simpson\'s piece was "a little bit like a tone poem".',
        ),
        # the two sides of "before" exchanged; two names kept in order by "respectively"
        (
            "Whether you are rejected by a lover or a barman who serves you before a newly"
            " arrived regular customer, it's galling.",
            "Whether you are rejected by a lover or a barman who serves a newly arrived regular"
            " customer before you, it's galling.",
        ),
        (
            "Fans will be familiar with Joe Dempsie and Hannah Murray who play Gilly and Gendry"
            " respectively.",
            "Fans will be familiar with Joe Dempsie and Hannah Murray who play Gendry and Gilly"
            " respectively.",
        ),
        # a pronoun object made the subject; pronouns of each sex exchanged inside a quote a
        # speaker introduces
        (
            "During the negotiations, he told a Conservative minister: 'You take care of the"
            " workers.'",
            "During the negotiations, a Conservative minister told him: 'You take care of the"
            " workers.'",
        ),
        (
            "In a statement to police, the alleged victim said: 'My flatmate said she was going"
            " to call the police, but she laughed at him.'",
            "My flatmate said she was going to call the police, but he laughed at her.'",
        ),
        # a place put for another where the unit has it only in words the claim leaves out
        (
            "Reports include that a man had jumped to his death in Tianjin due to the stock"
            " market slump, Xinhua said.",
            "Reports include that a man had jumped to his death in Beijing due to the stock"
            " market slump and that 1,300 people were killed in Tianjin blasts, Xinhua said.",
        ),
        # a newspaper by its name is no description
        (
            "mr smith , speaking after the raid , told scotland yard the criminals would be"
            " aware of the huge risk .",
            "mr smith , speaking after the raid , told the daily mirror the criminals would be"
            " aware of the huge risk .",
        ),
    ],
)
def test_a_twenty_first_probes_errors_are_conflicts(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.5)[0] == "conflict"


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        # "and" may join names in either order without "respectively"
        (
            "Hannah Murray and Joe Dempsie play Gendry and Gilly.",
            "Joe Dempsie and Hannah Murray play Gendry and Gilly.",
        ),
        # a hedge copied with the rest
        (
            "Komsomolskaya Pravda quoted a Facebook conversation allegedly hacked by Cyber Berkut.",
            "In addition, Komsomolskaya Pravda quoted a Facebook conversation allegedly hacked by"
            " Cyber Berkut.",
        ),
        # the Welsh and the Irish by their countries' names
        (
            "The Irish side won the match on Saturday in Dublin.",
            "The Ireland side won the match on Saturday in Dublin.",
        ),
        # part of a name is no description of someone else
        (
            "The Channel Islands Heritage Festival is a five-week hurrah of history, parades,"
            " concerts and food that will unite five of the islands.",
            "The ongoing Channel Islands Heritage Festival (3 April–11 May) is a five-week hurrah"
            " of history, parades, concerts and food that will unite most of the archipelago –"
            " Guernsey, Alderney, Jersey, Herm and Sark.",
        ),
        # "told her mother" is no pronoun object
        (
            "She told the nurse her mother had gone.",
            "The nurse told her mother she had gone.",
        ),
        # a passive of giving either way round
        (
            "Earlier this month, a restraining order was granted to American Apparel preventing"
            " Mr Charney from making negative statements.",
            "Earlier this month, American Apparel was granted a restraining order preventing him"
            " from making negative statements.",
        ),
        # a hedge dropped where the claim copies another; a synonym with "that" left out; a
        # place of another role after a caption's place is left out
        (
            "The two alleged ringleaders of the Anzac Day plot attended Haider's funeral.",
            "The two alleged ringleaders of the Anzac Day plot reportedly attended Haider's"
            " funeral.",
        ),
        (
            "he was told he could be as important to bayern as lionel messi is to barcelona.",
            "he was told that he could be as vital to bayern as lionel messi is to barcelona.",
        ),
        (
            "philippe coutinho scored the decisive goal at ewood park.",
            "philippe coutinho (right) scored the decisive goal for liverpool, drilling a low"
            " shot in off the far post .",
        ),
        # a description and the name after "said" of one speaker
        (
            '"Chris, this is for you," said the 40-year-old actor.',
            'The 40-year-old actor said: "Chris, this is for you," said Cooper.',
        ),
        # a clause cut before the quote's second negation
        (
            "Athanasia Georgoudakis, from Yagoona in Sydney's south-west, told the Sydney Morning"
            " Herald: 'I will not take another cruise, never.'",
            "I will not take another cruise, never.'",
        ),
    ],
)
def test_a_twenty_first_probes_guards_agree(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.5)[0] != "conflict"


def test_a_quote_left_open_by_a_straight_single_quote_goes_on_with_its_speaker() -> None:
    """ "'As he was fleeing ... my son. | He couldn't have been a threat if he was running.'" is
    LaToya's, whom the sentence before has speak; "ruth tudor, president of ..., thinks ..."
    names whom the "she" after it is, lower-cased too."""
    sentences = [
        "She said: 'Justus was a young man murdered by Zion police'.",
        "'As he was fleeing from police, they killed my son.",
        "He couldn't have been a threat if he was running.'",
    ]
    voiced_ = voiced(["Howell's mother LaToya told Fox News her son was innocent.", *sentences])
    assert voiced_[-1].startswith("LaToya said:")
    claim = '"He couldn\'t have been a threat if he was running," Witherspoon said.'
    assert compare(claim, voiced_[-1], True, frozenset(), 0.5)[0] == "conflict"
    lower = [
        'prof domingue added: "we take advantage of the fact that modules are presented.',
        '"the model is tailored to each of the modules."',
        "ruth tudor, president of the open university's students' association, thinks the"
        " scheme is a positive one.",
        '"it\'s a great idea," she told the bbc.',
    ]
    assert "ruth tudor told the bbc" in voiced(lower)[-1]
    # a place that opens the sentence is no one a "she" may be
    place = ["norfolk's williamson spent four weeks in hospital.", '"i pulled through," she said.']
    assert voiced(place) == place


def test_a_name_for_a_body_a_source_names_beside_its_word_is_no_splice() -> None:
    """ "UVA is a public university" of "The university is ..." where a source has "the
    University of Virginia (UVA)"; not "Harvard", which no source calls the university."""
    rest = "The university is a public university, and therefore it is a governmental entity."
    claim = "UVA is a public university, and therefore it is a governmental entity."
    assert spliced(claim, ("The University of Virginia (UVA) is in Charlottesville.", rest)) is None
    other = ("Harvard is in Boston.", rest)
    assert spliced(claim.replace("UVA", "Harvard"), other) is not None


def test_he_after_a_sentence_whose_subject_follows_a_role_is_that_person() -> None:
    """ "Brecon and Radnorshire Conservative MP Chris Davies condemned ... | "...," he said."
    is Chris Davies's, not Brecon's."""
    sentences = [
        "Brecon and Radnorshire Conservative MP Chris Davies condemned the closure.",
        '"This decision is abhorrent," he said.',
    ]
    assert voiced(sentences)[1] == '"This decision is abhorrent," Chris Davies said.'


def test_a_name_moved_to_a_pronouns_place_is_traded_with_it() -> None:
    """ "Walcott shaved ... off Bellerin's time" for "Bellerin shaved ... off his time": the name
    moved to the pronoun's place, another put in its own."""
    traded = (
        "Walcott had held the record, but Walcott shaved one hundredth of a second off Bellerin's"
        " time."
    )
    source = (
        "Walcott had held the record, but Bellerin shaved one hundredth of a second off his time."
    )
    assert compare(traded, source, True, frozenset(), 0.5)[0] == "conflict"
    resolved = source.replace("his time", "Walcott's time")
    assert compare(resolved, source, True, frozenset(), 0.5)[0] == "agree"


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        # a word for its opposite by a negating prefix, in a clause with little else
        (
            "klopp has been tipped to replace arsenal boss arsene wenger and it remains likely .",
            "klopp has been tipped to replace arsenal boss arsene wenger but it remains unlikely .",
        ),
        # "for" for "against" after the same verb
        (
            "He said the Lib Dems tabled an amendment and when that was defeated he voted for the"
            " bill.",
            "He said the Lib Dems tabled an amendment and when that was defeated he voted against"
            " the bill.",
        ),
        # "would" for "might", with "said" put for "hinted" (a speaker's verb, no hedge)
        (
            "He said that other measures aimed at fighting corruption would follow.",
            "He hinted that other measures aimed at fighting corruption might follow.",
        ),
        # another time of day
        (
            "the ferry was carrying more than 100 people when the incident happened at around 6pm"
            " local time .",
            "the youngster was in the toilet on board the ferry which was carrying more than 100"
            " people when the incident happened at around 3.30pm local time .",
        ),
        # "was said to have" left out with an aside before it
        (
            "prince harry invited 10 women to party with him at his vip suite at the encore at"
            " wynn hotel .",
            "prince harry , pictured above in las vegas in 2012 , was said to have invited 10"
            " women to party with him at his vip suite at the encore at wynn hotel .",
        ),
        # "could have" left out
        (
            "The game cost £20,000, though the BBC insist it was made in-house.",
            "The game could have cost as much as £20,000, but the BBC insist it was made in-house.",
        ),
        # what is only speculation said as fact
        (
            "she failed last july to have her conviction overturned , but a full release from"
            " jail is imminent .",
            "she failed last july to have her conviction overturned , though this outing will"
            " fuel speculation a full release from jail is imminent .",
        ),
        # "all" for "most", the joining word before it left out
        (
            "all of the colourful blooms and spots of bacteria were found to be harmless .",
            "while most of the colourful blooms and spots of bacteria was found to be harmless ,"
            " money has been known to carry dangerous diseases .",
        ),
        # a quote given to another than the one named between commas before "said"
        (
            "'WTF is this from the BBC? Such bad taste,' said James Burke.",
            "Another user, Matt Sterling, said: 'WTF is this from the BBC? Such bad taste.'",
        ),
        # two sides traded, the unit's tail left out
        (
            "The singer had contacted bridesmaids Kirsty Miles and Becky Young three months ago.",
            "Bridesmaids Kirsty Miles and Becky Young had contacted the singer three months ago to"
            " ask the singer to perform at their best friend's wedding.",
        ),
    ],
)
def test_a_twenty_second_probes_errors_are_conflicts(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.6)[0] == "conflict"


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        (
            "The ferry caught fire at around 6pm local time.",
            "The ferry caught fire at around 18:00 local time.",
        ),
        ("He played for Leeds against Chelsea.", "He played against Chelsea for Leeds."),
        (
            "Other measures are said to be on the way.",
            "Other measures might be on the way, he said.",
        ),
        (
            "Prince Harry invited 10 women to party with him at his VIP suite.",
            "Prince Harry, pictured above in Las Vegas in 2012, invited 10 women to party with"
            " him at his VIP suite.",
        ),
        (
            "The game could have cost £20,000, but the BBC insist it was made in-house.",
            "The game could have cost as much as £20,000, but the BBC insist it was made in-house.",
        ),
        (
            "most of the colourful blooms and spots of bacteria were found to be harmless .",
            "while most of the colourful blooms and spots of bacteria was found to be harmless ,"
            " money has been known to carry dangerous diseases .",
        ),
        (
            "'WTF is this from the BBC? Such bad taste,' said Matt Sterling.",
            "Another user, Matt Sterling, said: 'WTF is this from the BBC? Such bad taste.'",
        ),
        (
            "Bridesmaids Kirsty Miles and Becky Young had contacted the singer three months ago.",
            "Bridesmaids Kirsty Miles and Becky Young had contacted the singer three months ago to"
            " ask the singer to perform at their best friend's wedding.",
        ),
        (
            "He said that other measures aimed at fighting corruption might follow.",
            "He hinted that other measures aimed at fighting corruption might follow.",
        ),
        # "the latter" put as what it points back at
        (
            "the gunmen separated muslims from christians and killed the christians .",
            "the gunmen separated muslims from christians and killed the latter .",
        ),
    ],
)
def test_a_twenty_second_probes_guards_agree(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.6)[0] != "conflict"


def test_a_speaker_named_between_commas_after_a_description_speaks() -> None:
    assert speakers("Another user, Matt Sterling, said: 'It is bad.'") == {"matt", "sterling"}
    assert speakers("She said, in London, that it was bad.") == frozenset()


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        # "all" for "one", with the nouns and verbs made to agree
        (
            "The panel heard that the women were vulnerable due to the effects of alcohol and that"
            " all of the offences were committed when the women were asleep.",
            "'The panel has also heard that the women were vulnerable due to the effects of"
            " alcohol and that one of the offences was committed when the woman was asleep.",
        ),
        # "always" for "mostly", the hedge of whose report it is left out too
        (
            "during the breakdowns of the past year, black-owned businesses were always protected"
            " during bouts of violence.",
            "But while reports say that during the breakdowns of the past year, black-owned"
            " businesses were mostly protected during bouts of violence, there's little evidence.",
        ),
        # an accusation said proven
        (
            "The US National Security Agency (NSA) was last year found to have bugged the phone of"
            " Chancellor Angela Merkel as part of a huge surveillance programme.",
            "The US National Security Agency (NSA) was last year accused of bugging the phone of"
            " Chancellor Angela Merkel as part of a huge surveillance programme.",
        ),
        # an impersonal hedge that opens the unit left out
        (
            "The shift in policy will lead to an increase in the number of donors.",
            "The hope will be that the shift in policy will lead to an increase in the number of"
            " donors.",
        ),
        # a passive made, the side after "by" named first in a caption too
        (
            "Sir Alex Ferguson's team were going for their second triumph in a row and had been"
            " beaten by Barcelona in the 2008 semi-finals.",
            "Barcelona 2 Manchester United 0 (2009 final in Rome) Sir Alex Ferguson's team were"
            " going for their second triumph in a row and had beaten Barcelona in the 2008"
            " semi-finals.",
        ),
        # "an easier" for "a harder": one article
        (
            "the latter have an easier time proving defamation.",
            "Members will be private individuals, and not public figures; the latter have a"
            " harder time proving defamation.",
        ),
    ],
)
def test_earlier_probes_missed_errors_are_conflicts(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.6)[0] == "conflict"


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        (
            "The panel heard that one of the offences was committed when the women were asleep.",
            "The panel has also heard that one of the offences was committed when the woman was"
            " asleep.",
        ),
        ("Police said that the man fled the scene.", "Police said that the man fled the scene."),
        ("It is thought that the man fled.", "It is thought that the man fled, police said."),
        (
            "The NSA was found to have bugged the phone.",
            "The NSA was found to have bugged the phone, a report said.",
        ),
        ("the latter have an easy time.", "the latter have a easy time, he said."),
    ],
)
def test_earlier_probes_guards_agree(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.6)[0] != "conflict"


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        # "almost" left out before a word of all
        (
            "Mixing between the two groups is minimal, and informal segregation runs deep at"
            " every level of society.",
            "Mixing between the two groups is minimal, and informal segregation runs deep at"
            " almost every level of society.",
        ),
        # "hopefully" left out, "will" put in
        (
            "markman said : ' she realizes she will have to do her job really well and will win"
            " back some of the trust of our viewers . '",
            "she realizes she will have to do her job really well and hopefully win back some of"
            " the trust of our viewers .",
        ),
        # "five-times" for "twice"
        (
            "Five-times winners Porto have not reached the last four since winning the trophy in"
            " 2004.",
            "Twice winners Porto have not reached the last four since winning the trophy in 2004.",
        ),
        # "defeat to" for "win over"
        (
            "Kompany has missed only one of them - a 2-0 defeat to Leicester which saw one of only"
            " three clean sheets.",
            "Belgian star Kompany has missed only one of them – a 2-0 win over Leicester which saw"
            " one of only three clean sheets.",
        ),
        # a given name for "Mrs", the pronoun of the other sex with it
        (
            "Allen Mosey confessed that he often left things on the cooker when it was switched"
            " off.",
            "Mrs Mosey, 47, confessed that she often left things on the cooker when it was"
            " switched off.",
        ),
        # another numeral ordinal ("61st" reads as 61 and a unit glued on)
        (
            "Barcelona's second of the night, in the 61st minute when Suarez stormed through and"
            " nutmegged David Luiz, was their 400th goal in the competition.",
            "And Barcelona's second of the night, in the 67th minute when Suarez stormed through,"
            " nutmegged David Luiz and finished, was their 400th goal in the competition.",
        ),
        # the side after "by" is the one the unit has done to
        (
            "This time last year the sides met at the same stage and Saracens were crushed 46-6 by"
            " Vern Cotter's men at Twickenham.",
            "This time last year the sides met at the same stage and produced a seminal"
            " performance as Vern Cotter's men were crushed 46-6 at Twickenham.",
        ),
        # the possessor said to do what the one it names did
        (
            "Westwood pulled out because of a back problem, and his place went to Chris Wood.",
            "Westwood's partner Danny Willett pulled out because of a back problem, and his place"
            " went to Chris Wood.",
        ),
        # the claim's speaker named in the unit beside a description that speaks
        (
            'Eddie Jones said that England are an "unknown quantity" in "a really open'
            ' competition".',
            'The New Zealander also said that England under new coach Eddie Jones are an "unknown'
            ' quantity" in "a really open competition".',
        ),
    ],
)
def test_a_twenty_third_probes_errors_are_conflicts(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.6)[0] == "conflict"


@pytest.mark.parametrize(
    ("claim", "unit"),
    [
        (
            "Segregation runs deep at almost every level.",
            "Segregation runs deep at almost every level, he said.",
        ),
        ("Segregation runs deep at most levels.", "Segregation runs deep at almost most levels."),
        (
            "Two-times winners Porto have not reached the last four.",
            "Twice winners Porto have not reached the last four.",
        ),
        (
            "Mrs Mosey confessed that she often left things on the cooker.",
            "Mrs Mosey, 47, confessed that she often left things on the cooker.",
        ),
        (
            "Vern Cotter's men were crushed 46-6 by Saracens at Twickenham.",
            "This time last year"
            " the sides met as Vern Cotter's men were crushed 46-6 at Twickenham.",
        ),
        (
            "Apple said its shares fell sharply on Monday.",
            "Apple's shares fell sharply on Monday, the company said.",
        ),
        (
            "Cooper said he had loved the film.",
            "The 40-year-old actor said he had loved the film, Cooper added.",
        ),
        ("Barcelona scored in the 61st minute.", "Barcelona scored in the 61st minute, he said."),
    ],
)
def test_a_twenty_third_probes_guards_agree(claim: str, unit: str) -> None:
    assert compare(claim, unit, True, frozenset(), 0.6)[0] != "conflict"


def test_said_to_be_is_no_speech() -> None:
    """ "with two clubs said to be interested" names no speaker: a list generalised there is no
    quote given to another (lower-cased, the twenty-second probe's false alarm), nor is
    "City said to have made an offer" City speaking."""
    claim = (
        "the arsenal right-back has been linked with a move, with two clubs said to be"
        ' interested, but wenger said he was "surprised" by the speculation.'
    )
    unit = (
        "the arsenal right-back has been linked with a move, with both barcelona and manchester"
        ' city said to be interested, but wenger said he was "surprised" by the speculation,'
        " who progressed through barcelona's academy."
    )
    assert compare(claim, unit, True, frozenset(), 0.6)[0] == "agree"
    assert speakers("Manchester City said to have made an offer, Smith said.") == {"smith"}
    assert speakers("Manchester City said they had made an offer.") == {"manchester", "city"}


def test_a_name_for_the_name_that_opens_longer_words_is_a_swap() -> None:
    """A name put for the name that opens the unit's longer words ("by South Wales Police
    after" for "by the Royal Logistics Corps bomb disposal unit after"): the words after the
    name were too many to read as one name before. Not where only a possessive follows
    ("Alexander Kristoff" for "Norway's Kristoff")."""
    unit = (
        "The university said the controlled explosion was carried out by the Royal Logistics "
        "Corps bomb disposal unit after the chemicals had become unstable."
    )
    claim = (
        "The controlled explosion was carried out by {} after the chemicals had become unstable."
    )
    assert reason(claim.format("South Wales Police"), unit) == (
        "name south wales police where the source has the royal logistics corps"
    )
    assert reason(claim.format("the Royal Logistics Corps"), unit) == "agree"
    assert reason(claim.format("army experts"), unit) == "agree"
    cut = claim.format("South Wales Police").replace(" after the chemicals had become unstable", "")
    assert reason(cut, unit) == (
        "name south wales police where the source has the royal logistics corps"
    )
    # a body known by its initials after "the" is a name, no description
    unit = (
        "The vast majority of UK fish are exported, mainly to the EU while a significant"
        " proportion of the fish that British consumers eat is imported, often from EU states."
    )
    exported = "The vast majority of UK fish are exported, mainly to {}."
    assert reason(exported.format("Norway"), unit) == "name norway where the source has the eu"
    assert reason(exported.format("the EU"), unit) == "agree"


def test_a_body_word_after_a_name_both_keep_is_part_of_a_name() -> None:
    """ "the Scottish SPCA" for "the Scottish government": a body's word after a name both keep
    names that body, so another name in its place is a swap (a body's word alone, "the
    company", may be the name a summary puts for it)."""
    unit = (
        "Last year the Scottish government held a consultation on licensing air weapons, but a "
        "majority of responders opposed the plan."
    )
    assert reason(unit.replace("government", "SPCA"), unit) == (
        "name spca where the source has government"
    )
    assert reason(unit.replace("government", "Government"), unit) == "agree"
    assert reason(unit.replace("government", "ministers"), unit) == "agree"
    assert reason("Apple's board approved the plan.", "The company's board approved the plan.") == (
        "agree"
    )


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        (
            "Unsolved cases are among those getting a new look, Durst's attorney, Dick DeGuerin,"
            " said.",
            "Unsolved cases are among those getting a new look, the official said.",
            "name deguerin, dick where the source has the official",
        ),
        (
            "A man in his 80s was also taken to hospital, Det Insp Martin Brunning said.",
            "A man in his 80s was also taken to hospital, a police spokeswoman said.",
            "name brunning, det, insp, martin where the source has a police spokeswoman",
        ),
        (
            "Some traders have threatened to go on strike, Mr Jaitley said.",
            "Some traders have threatened to go on strike, our correspondent says.",
            "name jaitley where the source has our correspondent",
        ),
        # the same kind of role, or none the claim gives: whom the description may be
        (
            "Some traders have threatened to go on strike, Finance Minister Arun Jaitley said.",
            "Some traders have threatened to go on strike, the minister said.",
            "agree",
        ),
        (
            "Some traders have threatened to go on strike, police spokesman John Smith said.",
            "Some traders have threatened to go on strike, a spokesman said.",
            "agree",
        ),
        (
            "Some traders have threatened to go on strike, Mr Jaitley said.",
            "Some traders have threatened to go on strike, the official said.",
            "agree",
        ),
        (
            "The dead whales are being buried near the shore, whale expert Dr Kumaran"
            " Sathasivam says.",
            "The dead whales are being buried near the shore, officials say.",
            "name kumaran, sathasivam where the source has officials",
        ),
        (
            "I was very lucky, Cooper said.",
            "I was very lucky, the 40-year-old actor said.",
            "agree",
        ),
        ("I was very lucky, coach Tom Smith said.", "I was very lucky, the manager said.", "agree"),
        (
            "I was very lucky, our correspondent Tom Smith says.",
            "I was very lucky, our correspondent says.",
            "agree",
        ),
    ],
)
def test_a_named_speaker_given_another_role_than_the_description_that_speaks(
    claim: str, unit: str, expected: str
) -> None:
    """The unit's speaker is a description, the claim's a name it does not have: the claim
    gives that name a role of another kind ("Durst's attorney" against "the official"), or the
    unit's speaker is its own reporter ("our correspondent says"), whom no other name is."""
    assert reason(claim, unit) == expected


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # two names exchanged where the claim leaves out the unit's tail
        (
            'Sir Nicholas called on the defence secretary to "take action" against Mr Corbyn.',
            'Mr Corbyn called on the defence secretary to "take action" against Sir Nicholas over'
            " his comments.",
            "order nicholas ... corbyn where the source has corbyn ... nicholas",
        ),
        # ... or an aside between commas
        (
            "When the traffic lights turned red, a woman and her daughter stepped out to escort"
            " Mrs Blackburn across the road.",
            "When the traffic lights turned red, Mrs Blackburn, who was wearing appropriate"
            " clothing, stepped out to escort a woman and her daughter across the road.",
            "order a woman and her daughter escort mrs blackburn where the source has mrs"
            " blackburn ... escort a woman and her daughter",
        ),
        (
            'Mr Corbyn called on the defence secretary to "take action" against Sir Nicholas.',
            'Mr Corbyn called on the defence secretary to "take action" against Sir Nicholas over'
            " his comments.",
            "agree",
        ),
        # "win over" for "defeat by"; not for "defeat of", which says the same
        (
            "Cheltenham were unchanged from Saturday's 3-0 league win over Carlisle.",
            "Cheltenham were unchanged from Saturday's 3-0 league defeat by Carlisle.",
            "opposite win where the source has defeat",
        ),
        (
            "Cheltenham were unchanged from Saturday's 3-0 league win over Carlisle.",
            "Cheltenham were unchanged from Saturday's 3-0 league defeat of Carlisle.",
            "agree",
        ),
        # an opposite for a word with its auxiliary
        (
            "Racing at the event continued after the bronze medallist's crash.",
            "Racing at the event was cancelled after the bronze medallist's crash, with fans"
            " asked to leave the velodrome.",
            "opposite continued where the source has cancelled",
        ),
        # an attribution moved to the end is no exchange
        (
            'The Ministry of Defence will "consider all options" for the frigates to ensure "best'
            ' financial return for the taxpayer", it has previously said.',
            'The Ministry of Defence has previously said it will "consider all options" for the'
            ' frigates to ensure "best financial return for the taxpayer".',
            "agree",
        ),
        # opposites of the news a copy puts for one another
        (
            "The fire was thought to have started deliberately, police said.",
            "The fire was thought to have started accidentally, police said.",
            "opposite deliberately where the source has accidentally",
        ),
        (
            "Many elements of the CFP should be scrapped after Brexit, the report says.",
            "Many elements of the CFP should be retained after Brexit, the report says.",
            "opposite scrapped where the source has retained",
        ),
        (
            "The club were relegated on the final day of the season.",
            "The club were promoted on the final day of the season.",
            "opposite relegated where the source has promoted",
        ),
    ],
)
def test_names_exchanged_past_words_left_out_and_opposites_with_light_edits(
    claim: str, unit: str, expected: str
) -> None:
    """Exchanges read past the unit's words the claim leaves out at its ends or between
    commas; opposites read past an auxiliary or function words put in; the opposites of the
    news a copy puts for one another."""
    assert reason(claim, unit) == expected


def test_a_name_of_the_other_sex_than_the_pronoun_it_stands_for() -> None:
    """A title or a common given name says a name's sex: put for "he" or "she" of the other,
    whether in a copy of the sentence ("Margaret joined Slimming World" for "he joined ...")
    or as a quote's speaker ("..., Sarah said" for "..., he said"), it names someone else,
    however often the article named them before. A possessor's sex is not the speaker's."""
    unit = "Determined to beat the bulge, he joined Slimming World and gave his diet a makeover."
    before = ["All that changed when his mother Margaret began suffering from heart problems."]
    found = misnamed(unit.replace("he joined", "Margaret joined"), unit, before)
    assert found is not None and found.reason() == "name margaret where the source has he"
    assert misnamed(unit.replace("he joined", "Mr Rush joined"), unit, ["Mr Rush was big."]) is None
    quote = "'Having been told this was a bad idea, it worked,' {} said."
    assert reason(quote.format("Sarah"), quote.format("he")) == "name sarah where the source has he"
    assert reason(quote.format("Sir Hugh Orde"), quote.format("she")) == (
        "name hugh, orde, sir where the source has she"
    )
    assert reason(quote.format("Andrew"), quote.format("he")) == "agree"
    assert reason(quote.format("Alex Smith"), quote.format("she")) == "agree"
    assert reason(quote.format("Mr Smith's wife"), quote.format("she")) == "agree"


def test_a_rank_describes_whom_a_name_put_before_its_predicate_may_be() -> None:
    """ "the world number 101 lost 6-3 6-0 to ... Paire" may be said of Bedene, whom the
    article names: a rank describes a player as an age does; a name of another the sentence
    has is still spliced. Lower-cased, a word the lexicon does not know may be such a name."""
    sources = (
        "british number three aljaz bedene was knocked out in the first round .",
        "the world number 101 lost 6-3 6-0 to french fifth seed benoit paire .",
    )
    assert spliced("bedene lost 6-3 6-0 to french fifth seed benoit paire.", sources) is None
    found = spliced("paire lost 6-3 6-0 to french fifth seed benoit paire.", sources)
    assert found is not None and found[1] == 1


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # a speaker of the other sex: a description against a title
        (
            "'The defendant was a bit funny towards her,' the woman told police.",
            "Mr Sheikh added: 'The defendant was a bit funny towards her.'",
            "name the woman where the source has mr sheikh",
        ),
        # a role of another kind, the unit's named speaker's
        (
            '"He was an intelligent person," officials told the Associated Press.',
            '"He was an intelligent person," Tom Osborne, his coach at Nebraska, told the'
            " Associated Press.",
            "name officials where the source has tom osborne his coach at nebraska",
        ),
        # a body of another kind
        (
            'The force said: "Public protection is our top priority."',
            'A Prison Service spokesperson said: "Public protection is our top priority."',
            "name the force where the source has a prison service spokesperson",
        ),
        # "has said" names its speaker as "said" does
        (
            "Homosexual activity is illegal, although LPF Chairman Datuk Abdul Hamid has said"
            ' banning the film is "ridiculous".',
            "Homosexual activity is illegal, although the country's tourism minister has said"
            ' banning the film is "ridiculous".',
            "name abdul, chairman, datuk, hamid, lpf where the source has the country's tourism"
            " minister",
        ),
        # the claim's speaker told someone, its object a possessive: its words are still who
        # says it, not what is said
        (
            "'It is very nice to have seen that this season,' Brendan Rodgers told Liverpool's"
            " official website.",
            "Origi said: 'It is very nice to have seen that this season.",
            "name brendan, rodgers where the source has origi",
        ),
        # the same sex, or none said; a role the unit has; a possessor's sex is not the speaker's
        (
            "'The defendant was a bit funny towards her,' the man told police.",
            "Mr Sheikh added: 'The defendant was a bit funny towards her.'",
            "agree",
        ),
        (
            "'The defendant was a bit funny towards her,' the boy's mother told police.",
            "Mrs Sheikh added: 'The defendant was a bit funny towards her.'",
            "agree",
        ),
        (
            '"He was an intelligent person," his coach told the Associated Press.',
            '"He was an intelligent person," Tom Osborne, his coach at Nebraska, told the'
            " Associated Press.",
            "agree",
        ),
        (
            'Police said: "Public protection is our top priority."',
            'A police spokesperson said: "Public protection is our top priority."',
            "agree",
        ),
    ],
)
def test_a_speaker_told_apart_by_sex_role_or_body(claim: str, unit: str, expected: str) -> None:
    """Each side has one speaker, and their sex, or the kinds of their roles or bodies, differ
    where the unit gives nobody the claim's: another speaker."""
    assert reason(claim, unit) == expected


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # a charge said proven in a looser copy
        (
            "sanchez 's classmate , christopher plaskon , has been convicted of murder .",
            "a classmate , christopher plaskon , has been charged with murder .",
            "word convicted of where the source has charged with",
        ),
        (
            "a classmate , christopher plaskon , has been charged with murder .",
            "sanchez 's classmate , christopher plaskon , has been convicted of murder .",
            "agree",
        ),
        # an impersonal hope left out after a word that joins it
        (
            "The family has been told that an assistant has been employed at a local school"
            " and that their son will start there in the next few weeks.",
            "The family has been told that an assistant has been employed at a local school"
            " and the hope is that their son will be able to start there in the next few weeks.",
            "word and that where the source has and the hope is that",
        ),
        # a condition left out, its "would be" said as "is"
        (
            "He is the first police officer convicted of murder in Dallas county since 1973.",
            "If convicted, he would be the first police officer convicted of murder in Dallas"
            " county since 1973, the report adds.",
            "word (no condition) where the source has if convicted",
        ),
        (
            "If convicted, he would be the first police officer convicted of murder in Dallas"
            " county since 1973.",
            "If convicted, he would be the first police officer convicted of murder in Dallas"
            " county since 1973, the report adds.",
            "agree",
        ),
    ],
)
def test_a_charge_a_hope_or_a_condition_said_for_certain(
    claim: str, unit: str, expected: str
) -> None:
    """A charge said proven where the claim copies less of the unit, a hope that follows
    "and" left out, a condition left out with its "would be" said as "is"."""
    assert reason(claim, unit) == expected


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # an opposite, whatever else the copy changed before it (a pronoun, its verb's form)
        (
            "Keep celery crispy by storing it with a coffee filter, which is far less absorbent"
            " than kitchen roll.",
            "Keep celery crispy by storing them with a coffee filter, which are far more"
            " absorbent than kitchen roll, and will absorb moisture from the vegetables.",
            "opposite less where the source has more",
        ),
        # a negation left out, an aside between commas left out whole besides
        (
            "Many Clouds had shown symptoms of ataxia in the past, but the horse had never"
            " collapsed before, and had shown symptoms of ataxia on Saturday.",
            "Many Clouds had shown symptoms of ataxia in the past, which had seen him over-heat"
            ' and "wobble" on his feet, but the horse had never collapsed before, and had shown'
            " no symptoms of ataxia on Saturday.",
            "negation: only the source denies or negates it",
        ),
        (
            "Many Clouds had shown symptoms of ataxia in the past, but the horse had never"
            " collapsed before, and had shown no symptoms of ataxia on Saturday.",
            "Many Clouds had shown symptoms of ataxia in the past, which had seen him over-heat"
            ' and "wobble" on his feet, but the horse had never collapsed before, and had shown'
            " no symptoms of ataxia on Saturday.",
            "agree",
        ),
    ],
)
def test_an_opposite_or_a_negation_past_other_edits(claim: str, unit: str, expected: str) -> None:
    """An opposite read wherever it stands among a copy's changes; a negation left out of a
    copy that also leaves out an aside between commas."""
    assert reason(claim, unit) == expected


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        (
            "Passengers had pleaded for calm on board the ship, saying it was built to withstand"
            " the storm.",
            "The crew had pleaded for calm on board the ship, saying it was built to withstand"
            " the storm, which has been described as a 'once in a century' weather event.",
            "name passengers where the source has the crew",
        ),
        (
            "Ms Chipchase was last seen by Mr Tenniswood on Bridge Street on Saturday.",
            "Ms Chipchase was last seen by friends on Bridge Street on Saturday.",
            "name mr tenniswood where the source has friends",
        ),
        # one body by another of its words
        (
            "Ms Chipchase was last seen by her relatives on Bridge Street on Saturday.",
            "Ms Chipchase was last seen by her family on Bridge Street on Saturday.",
            "agree",
        ),
        (
            "The workers had pleaded for calm on board the ship.",
            "The staff had pleaded for calm on board the ship.",
            "agree",
        ),
    ],
)
def test_a_body_of_people_put_for_another_or_for_a_name(
    claim: str, unit: str, expected: str
) -> None:
    """Friends, a crew, relatives: bodies of people, whom a name or another body put in their
    place is not (a body opening the sentence is no name that a description may be)."""
    assert reason(claim, unit) == expected


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # a deal from its other side, its sides in the same order: the other deal
        (
            "Liverpool, who last week signed Raheem Sterling from Manchester City for £49m,"
            " triggered a release clause.",
            "Liverpool, who last week sold Raheem Sterling to Manchester City for £49m,"
            " triggered a release clause.",
            "opposite signed where the source has sold",
        ),
        # ... its sides exchanged: the same deal
        (
            "Manchester City, who last week signed Raheem Sterling from Liverpool for £49m,"
            " triggered a release clause.",
            "Liverpool, who last week sold Raheem Sterling to Manchester City for £49m,"
            " triggered a release clause.",
            "agree",
        ),
        (
            "The world number 45 dropped the first set and lost 6-7 6-4 6-4.",
            "The world number 45 took the first set but lost 6-7 6-4 6-4.",
            "opposite dropped where the source has took",
        ),
    ],
)
def test_a_deal_from_its_other_side(claim: str, unit: str, expected: str) -> None:
    """ "Sold ... to" and "signed ... from" tell one deal with its sides exchanged, and the other
    deal with them in the same order."""
    assert reason(claim, unit) == expected


def test_a_swap_past_an_aside_the_claim_leaves_out() -> None:
    """Lower-cased, a swap is read as the copy's only change where the claim also leaves out an
    aside between commas whole ("south-west london"); not where it keeps the aside's words, nor
    where the "aside" ends a list whose first item the claim put something in place of."""
    unit = (
        "on a campaign visit to surbiton, south-west london, mr clegg said that liberal democrats"
        " had blocked tory plans to cut the top rate of income tax."
    )
    claim = unit.replace(", south-west london,", ",").replace("liberal democrats", "labour")
    assert reason(claim, unit) == "word labour where the source has liberal democrats"
    kept = unit.replace("liberal democrats", "labour")
    assert reason(kept.replace("to surbiton, south-west london", "to london"), unit) == "agree"
    # the rest of a list whose first item the claim replaced is no aside (twenty-sixth probe)
    listed = (
        "reid, who has also had spells with charlton, bradford and preston, could make his debut"
        " for the u's against aston villa."
    )
    claim = listed.replace("charlton, bradford and preston", "three other clubs")
    assert reason(claim, listed) == "agree"


def test_a_word_that_opens_a_sentence_is_a_name_where_the_sources_write_one() -> None:
    """ "Labour" opening the claim is a name where the sources write it as one inside a
    sentence (`named`): put for "The SNP", it is a swap; without that, an English word that
    opens a sentence may be no name."""
    claim = "Labour took 56 of the 59 seats in Scotland in Thursday's election."
    unit = "The SNP took 56 of the 59 seats in Scotland in Thursday's election."
    found = compare(claim, unit, True, NONE, 0.6, named=frozenset({"labour", "snp"}))
    assert found[1] is not None and found[1].reason() == "name labour where the source has the snp"
    assert compare(claim, unit, True, NONE, 0.6) == ("agree", None)


def test_a_name_opening_a_short_claim_is_no_run_put_for_another() -> None:
    """A name the sources write inside a sentence opens the claim: a name still (`named`), but
    not a run of names with the words after it put for another run ("Tevez joined Juventus in
    2013" copies "... joining Juventus in 2013", not "United in 2008 before joining")."""
    unit = (
        "He also lifted the Champions League trophy with United in 2008 before joining Juventus"
        " in 2013, where he won two Italian championships."
    )
    named = frozenset({"tevez", "united", "juventus"})
    assert compare("Tevez joined Juventus in 2013.", unit, True, NONE, 0.6, named=named)[1] is None


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # a speaker put where the unit opens with an impersonal hedge and names its speaker
        # after it (the twenty-seventh probe's): the hedge is left out
        (
            'Northumberland County Council said 145 potholes each day will be "filled in".',
            'It is hoped that 145 potholes each day will be "filled in", the council said.',
            "word northumberland county council said where the source has it is hoped that",
        ),
        (
            "Police said the man was arrested on Friday.",
            "It is understood that the man was arrested on Friday, police said.",
            "word police said where the source has it is understood that",
        ),
        # (a hedge after the speaker's "said" too)
        (
            "The council said 145 potholes will be filled.",
            "The council said it is hoped that 145 potholes will be filled.",
            "word said 145 where the source has said it is hoped that 145",
        ),
        (
            "Police said it is thought that the man was arrested on Friday.",
            "It is thought that the man was arrested on Friday, police said.",
            "agree",
        ),
        # (the claim hedges its own way: a false alarm of a first run)
        (
            "A total of 18 unregulated schools are understood to have been visited.",
            "It is understood that a total of 18 unregulated schools have been visited.",
            "agree",
        ),
        # (nor does a hedge of a sentence the claim leaves out hedge what it copies)
        (
            "Manager Tommy Wright said he was pleased with the three points and probably "
            "equally pleased with the clean sheet.",
            "Tommy Wright said: \"Swanson's goal is a good, quality goal, and we probably "
            "could've scored more when they went down to 10. I'm pleased with the three points "
            'and probably equally pleased with the clean sheet."',
            "agree",
        ),
        # a body put for a person's pronoun, or for someone a description with "a" or "one"
        # brings in
        (
            "The man appealed, and two appeal court judges ruled in the newspaper's favour.",
            "But the man appealed and two appeal court judges ruled in his favour.",
            "word the newspaper s where the source has his",
        ),
        (
            "The man appealed, and two appeal court judges ruled in the man's favour.",
            "But the man appealed and two appeal court judges ruled in his favour.",
            "agree",
        ),
        (
            'The Ministry of Justice said the jail was "notorious" for mobile phones.',
            'One former inmate said the jail was "notorious" for mobile phones.',
            "word the ministry of justice where the source has one former inmate",
        ),
        (
            'The ministry said the jail was "notorious" for mobile phones.',
            'A ministry spokesman said the jail was "notorious" for mobile phones.',
            "agree",
        ),
        # a pronoun is never the name its own sentence gives after it
        (
            "BBC Sport's Nick Hope initially experienced racial abuse, but explains how he "
            "overcame that.",
            "He initially experienced racial abuse, but explains to BBC Sport's Nick Hope how "
            "he overcame that.",
            "word bbc sport s nick hope where the source has he",
        ),
        (
            "Singh initially experienced racial abuse, but explains how he overcame that.",
            "He initially experienced racial abuse, but explains to BBC Sport's Nick Hope how "
            "he overcame that.",
            "agree",
        ),
        (
            "The listings include one for an iOS Battery Life Software Engineer.",
            "They include listings for an iOS Battery Life Software Engineer.",
            "agree",
        ),
        # a speaker moved from after "said" is no name put for the words it replaces
        (
            "A 17-year-old boy who was arrested on suspicion of murder has been bailed, police "
            "said.",
            "A 17-year-old boy arrested on suspicion of murder has been bailed and "
            "investigations continue, said police.",
            "agree",
        ),
    ],
)
def test_a_hope_a_person_or_a_speaker_said_otherwise_in_a_copy(
    claim: str, unit: str, expected: str
) -> None:
    """The twenty-seventh probe's misses and one false alarm: an impersonal hedge left out where
    the claim puts the speaker in its place; a body put for a person; a name put for the "he"
    of a sentence that names it later; and a speaker moved from the end, no swap."""
    assert reason(claim, unit) == expected


def test_quotes_after_a_label_or_a_speaker_set_apart_by_a_comma_are_theirs() -> None:
    """The quotes that open the sentences after 'West Ham manager Slaven Bilic: "It was ...'
    or 'Young, to whom Millar gifted ..., added: "Robert was special.' are that speaker's,
    so a claim that gives them to another names the wrong speaker (the twenty-seventh probe's
    misses). "Young" is a name only where the article writes it so inside a sentence too."""
    article = [
        "Leicester drew 2-2 with West Ham, and Billy Young watched.",
        'West Ham manager Slaven Bilic: "It was a good game of football.',
        '"It was extremely hard for referee, but that was no penalty at all."',
        "Young, to whom Millar gifted his 1984 King of the Mountains polka dot jersey which now "
        'hangs on the wall of his bike shop, added: "Robert was special.',
        '"I believe he would have won the Tour."',
    ]
    read = voiced(article)
    assert read[2].startswith("Slaven Bilic said: ")
    assert read[4] == 'Young said: "I believe he would have won the Tour."'
    claim = 'Leicester boss Claudio Ranieri said: "It was extremely hard for referee."'
    assert reason(claim, read[2]).startswith("name ")
    assert voiced(article[1:])[3] == article[4]


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # a body the sentence names after its "it" put for the "it"
        (
            "The Department of Health said the Mental Health Taskforce had increased mental "
            "health funding.",
            "The Department of Health said it had increased mental health funding to £11.7bn "
            "and had accepted the recommendation of the Mental Health Taskforce that the use "
            'of out of area treatments "must be eliminated by 2020/21".',
            "word the mental health taskforce where the source has it",
        ),
        (
            "The Department of Health said the department had increased mental health funding.",
            "The Department of Health said it had increased mental health funding to £11.7bn "
            "and had accepted the recommendation of the Mental Health Taskforce that the use "
            'of out of area treatments "must be eliminated by 2020/21".',
            "agree",
        ),
        # a figure put for a count said without one, out of its range
        (
            "A crowd of 20,000 people later gathered outside the prosecutor's office.",
            "A crowd of several hundred people later gathered outside the prosecutor's office.",
            "number 20,000 where the source has several hundred",
        ),
        (
            "A crowd of 300 people later gathered outside the prosecutor's office.",
            "A crowd of several hundred people later gathered outside the prosecutor's office.",
            "agree",
        ),
        (
            "500 people marched.",
            "Tens of thousands of people marched.",
            "number 500 where the source has tens of thousands of",
        ),
        ("50,000 people marched.", "Tens of thousands of people marched.", "agree"),
        (
            "5,000 people marched.",
            "Dozens of people marched.",
            "number 5,000 where the source has dozens of",
        ),
        # a hope said done, a short verb's last letter doubled
        (
            "Chris Hughton's side have wrapped up the league title.",
            "Chris Hughton's side are now hoping to wrap up the league title in the final two "
            "matches.",
            "word wrapped where the source has hoping to wrap",
        ),
        # a negation before a quote is the quote's clause's
        (
            'He said Mr Fidler had made "very good progress" and had "fully complied".',
            'He said Mr Fidler had made "very good progress", but that he had not "fully '
            'complied".',
            "negation: only the source denies or negates it",
        ),
        # the doer of a verb of speech made the one told, the one told ("him") its doer
        (
            "Tally Evans told a social worker his life was going to be different.",
            "A social worker told him his life was going to be different.",
            "order evans told a social worker where the source has a social worker told him",
        ),
        # opposites, past another form of a verb the claim puts
        (
            "He will stick by his players despite the three midfielders' improvement in form.",
            "He will stick by his players despite the three midfielders' decline in form.",
            "opposite improvement where the source has decline",
        ),
        (
            "The suspects were caught and the area was quickly cordoned off.",
            "The suspects fled and the area was quickly cordoned off.",
            "opposite caught where the source has fled",
        ),
        (
            "Water came through glass panels and all of the crew were frightened.",
            "Water coming through glass panels and some of the crew were frightened.",
            "opposite all where the source has some",
        ),
        ("Water came through glass panels.", "Water coming through glass panels.", "agree"),
        (
            "Keep celery crispy by storing it with a coffee filter, which is far less "
            "absorbent than kitchen roll but will still absorb moisture from the vegetables.",
            "Keep celery crispy by storing them with a coffee filter, which are far more "
            "absorbent than kitchen roll, and will absorb moisture from the vegetables.",
            "opposite less where the source has more",
        ),
        # "yet to" and a seeming, left out as the verb is said done
        (
            "United have held detailed talks with the player.",
            "United have yet to hold detailed talks with the player.",
            "negation: only the source denies or negates it",
        ),
        (
            "The club having made a significantly better financial offer than Liverpool.",
            "The club understood to have made a significantly better financial offer than "
            "Liverpool.",
            "word having where the source has understood to have",
        ),
    ],
)
def test_the_twenty_eighth_probes_misses(claim: str, unit: str, expected: str) -> None:
    """Errors of the twenty-eighth probe, read after it was read blind, and faithful pairs
    beside them."""
    assert reason(claim, unit) == expected


def test_a_line_that_names_a_speaker_and_where_they_spoke_heads_the_quotes_after_it() -> None:
    """BBC's "Former Liverpool and Spurs midfielder Danny Murphy on Match of the Day", a line
    without a closing mark, heads the quotes after it as a label with a colon does (the
    twenty-eighth probe's "..., Pochettino said"); a line that says more of its person does
    not."""
    article = [
        "Spurs lost 3-0 at Old Trafford.",
        "Former Liverpool and Spurs midfielder Danny Murphy on Match of the Day",
        '"It was so unlike Spurs, they do so well at home."',
    ]
    assert (
        voiced(article)[2]
        == 'Danny Murphy said: "It was so unlike Spurs, they do so well at home."'
    )
    claim = '"It was so unlike Spurs, they do so well at home," Pochettino said.'
    assert reason(claim, voiced(article)[2]).startswith("name ")
    photo = [article[0], "Midfielder Danny Murphy watches from the stands", article[2]]
    assert voiced(photo) == photo


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # a negation taken away past a clause of its own the copy leaves out in its middle
        (
            "United have held detailed talks with the player, while Liverpool have "
            "established a good relationship with the club.",
            "United have yet to hold detailed talks with the player but have informed PSV of "
            "their wish to do so while Liverpool have established a good relationship with "
            "the club.",
            "negation: only the source denies or negates it",
        ),
        (
            "United have yet to hold detailed talks with the player, while Liverpool have "
            "established a good relationship with the club.",
            "United have yet to hold detailed talks with the player but have informed PSV of "
            "their wish to do so while Liverpool have established a good relationship with "
            "the club.",
            "agree",
        ),
        # the left-out clause's own negation is none of the copy's
        (
            "United have held detailed talks with the player, while Liverpool have "
            "established a good relationship with the club.",
            "United have held detailed talks with the player but have not informed PSV of "
            "their wish to do so while Liverpool have established a good relationship with "
            "the club.",
            "agree",
        ),
        # "No," answering a question negates no clause of the quote
        (
            "Oscar was substituted at half-time, but Mourinho said: 'I don't think he had a "
            "bad performance, I just think he was not good enough.'",
            "Asked whether Oscar is struggling, as he was substituted at half-time, Mourinho "
            "said: 'No, I don't think he had a bad performance, I just think he was not good "
            "enough.'",
            "agree",
        ),
        (
            "Mourinho said: 'I think he had a bad performance.'",
            "Mourinho said: 'No, I don't think he had a bad performance.'",
            "negation: only the source denies or negates it",
        ),
        # the unit's object put before its verb, where the claim copies the unit up to it
        (
            "The government denies the accusations, and in return Mr Zaev has accused the "
            "government of trying to destabilise the Balkan nation.",
            "The government denies the accusations, and in return has accused Mr Zaev of "
            "trying to destabilise the Balkan nation.",
            "order mr zaev accused the government where the source has the government ..."
            " accused mr zaev",
        ),
        (
            "The government denies the accusations, and in return has accused Mr Zaev of "
            "trying to destabilise the nation.",
            "The government denies the accusations, and in return has accused Mr Zaev of "
            "trying to destabilise the Balkan nation.",
            "agree",
        ),
    ],
)
def test_the_twenty_ninth_probes_rules(claim: str, unit: str, expected: str) -> None:
    """Errors and false alarms of the twenty-eighth probe that its rules left, ruled before the
    twenty-ninth probe was read with them, and faithful pairs beside them."""
    assert reason(claim, unit) == expected


def test_a_name_put_for_a_description_its_article_last_named_far_back_is_another() -> None:
    """ "The 24-year-old also picked up ..." speaks of Jack O'Connell, whose sentence comes just
    before it, not of Dev Patel, named five sentences back (the twenty-third probe); a name the
    article gives near, or never before, is not read so."""
    before = [
        "Dev Patel's first job took him from London to India.",
        "He told Newsbeat the part changed his life.",
        "Nicholas Hoult played Tony in the first two series.",
        "He has since gone on to play Beast in the X-Men prequels.",
        "Jack O'Connell, who played Cook, was hand-picked by Angelina Jolie to star in Unbroken.",
    ]
    unit = "The 24-year-old also picked up the Rising Star Award at this year's Baftas."
    claim = "{} also picked up the Rising Star Award at this year's Baftas."
    found = misnamed(claim.format("Dev Patel"), unit, before)
    assert found == Conflict("name", "dev patel", "the 24 year old")
    lower = [line.lower() for line in before]
    assert misnamed(claim.format("Dev Patel").lower(), unit.lower(), lower) == found
    assert misnamed(claim.format("O'Connell"), unit, before) is None
    assert misnamed(claim.format("Dev Patel"), unit, before[1:]) is None  # never named before
    assert misnamed(claim.format("Dev Patel"), unit, before[:1] + before[3:]) is None  # near
    # the article gives the description's words beside the name: what they are
    minister = [
        "Justice Minister Claire Sugden confirmed a motion will go before the assembly.",
        "The move will bring Northern Ireland in line with England and Wales.",
        "Those proposals would see men receive posthumous pardons.",
        "Dubbed 'Turing's Law', after Alan Turing, the law will also allow living men to apply.",
        "The motion is expected to contain the same provisions.",
    ]
    said = "{} said she has secured executive agreement to ask the assembly to pass the motion."
    assert misnamed(said.format("Ms Sugden"), said.format("The minister"), minister) is None


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # opposites: a verb of width, a comparative of the other way
        (
            "Official figures showed that the UK trade deficit widened in April.",
            "Official figures showed that the UK trade deficit narrowed in April.",
            "opposite widened where the source has narrowed",
        ),
        (
            "This window period is far longer than 12 months.",
            "This window period is far less than 12 months.",
            "opposite longer where the source has less",
        ),
        # an opposite past a place the claim names for the unit's "here"
        (
            "In Jersey, the Jersey War Tunnels – another military-medical complex – have been "
            "restored into something more frightening, with museum displays slotted into the "
            "long tunnels.",
            "Here, the Jersey War Tunnels – another military-medical complex – have been "
            "restored into something less frightening, with museum displays and fascinating "
            "facts slotted into the long tunnels.",
            "opposite more where the source has less",
        ),
        # the top of how much for a lower step of how often, "all of them" as "all"
        (
            "Black-owned businesses were all protected during bouts of violence.",
            "Black-owned businesses were mostly protected during bouts of violence.",
            "opposite all where the source has mostly",
        ),
        (
            "The hashtag #147notjustanumber is a reference to the number of people, all of "
            "them students, killed at Garissa University College on Thursday.",
            "Using the hashtag #147notjustanumber -- a reference to the number of people, "
            "mostly students, killed at Garissa University College on Thursday -- Kenyans "
            "tweeted pictures of the victims in happier times.",
            "opposite all of them where the source has mostly",
        ),
        (
            "Black-owned businesses were usually protected during bouts of violence.",
            "Black-owned businesses were mostly protected during bouts of violence.",
            "agree",
        ),
        # a passive that names no doer made active: its subject made the doer
        (
            "The Tenants Association gave samples to the council, and those samples are 3mm "
            "aluminium sheet.",
            "The Tenants Association were given samples, which I kept for eight years, and "
            "those samples are 3mm aluminium sheet.",
            "order association gave samples where the source has association were given",
        ),
        ("The shop opened on Monday.", "The shop was opened on Monday.", "agree"),
        # a key fact's passive without its "was" (REALSumm, a false alarm of a first run)
        (
            "Godfrey Elfwick recruited via Twitter.",
            "Godfrey Elfwick was recruited via Twitter to appear on the programme .",
            "agree",
        ),
    ],
)
def test_the_twenty_ninth_probes_misses(claim: str, unit: str, expected: str) -> None:
    """Errors of the twenty-ninth probe, read after it was read blind, and faithful pairs
    beside them."""
    assert reason(claim, unit) == expected


def test_quotes_go_on_with_the_speaker_of_the_quote_left_open_before_them() -> None:
    """The twenty-ninth probe's quotes given to another speaker: a quote closed by "said ...
    Diamond." goes on, left open, through the next sentences and the next paragraph's quote;
    quotes after "Kramarenko from the Russian Embassy said:" are his; "he said" after "RSPCA
    inspector, Andy Bostock, is appealing ..." is Andy Bostock; "it was confirmed she had
    consumed antifreeze" has no speaker."""
    article = [
        "Sharks director of rugby Steve Diamond does not want to suppress that natural ability.",
        '"We\'re not going to take away anything," said ex-Sale hooker Diamond.',
        '"We have a good management structure here.',
        "We understand what we're bringing from one sport to another.",
        '"We have to settle him in; we don\'t want to rush him in."',
        "There is a long line of Wigan players moving to union.",
    ]
    read = voiced(article)
    assert read[2:5] == [f"Diamond said: {line}" for line in article[2:5]]
    assert read[5] == article[5]
    claim = '"We have to settle him in; we don\'t want to rush him in," said Mark Cueto.'
    assert reason(claim, read[4]) == "name cueto, mark where the source has diamond"
    embassy = [
        'Alexander Kramarenko from the Russian Embassy said: "It is done for them.',
        '"The arctic convoy was a material expression of our wartime alliance."',
    ]
    assert voiced(embassy)[1] == f"Alexander Kramarenko said: {embassy[1]}"
    rspca = [
        '"We found her behind the sofa," Adria Pearce said.',
        "Meereen was taken to the vets - where it was confirmed she had consumed antifreeze.",
        "RSPCA inspector, Andy Bostock, is appealing for everyone to store chemicals safely.",
        '"We are very concerned," he said.',
    ]
    read = voiced(rspca)
    assert read[1] == rspca[1]
    assert read[3] == '"We are very concerned," Andy Bostock said.'
    # a sentence with a verb of speech of its own ends the quote left open
    club = article[:3] + ["The club said it would honour him."]
    assert voiced(club)[3] == club[3]


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # a name put for a role and a name, where the unit names the claim's elsewhere
        (
            "Robins captain Kyle Storer cleared the header and, moments later, Storer did well "
            "to stop Sakho turning in Ayew's low cross.",
            "Robins captain Kyle Storer cleared the header and, moments later, keeper Jonathan "
            "Flatt did well to stop Sakho turning in Ayew's low cross.",
            "name storer where the source has jonathan flatt",
        ),
        (
            "Robins captain Kyle Storer cleared the header and, moments later, Flatt did well "
            "to stop Sakho turning in Ayew's low cross.",
            "Robins captain Kyle Storer cleared the header and, moments later, keeper Jonathan "
            "Flatt did well to stop Sakho turning in Ayew's low cross.",
            "agree",
        ),
        # not past a capitalised word: a name's run, or no role (false alarms of a first run)
        (
            "Two quick goals from Diafra Sakho and Andre Ayew gave West Ham control before "
            "half-time.",
            "After the League Two side's bright start, two quick goals from Diafra Sakho and "
            "Andre Ayew gave the Premier League side control before half-time.",
            "agree",
        ),
        (
            "The Netherlands led for most of the first three quarters before being overhauled "
            "by Joe Prunty's team in the last 10 minutes.",
            "Coach Joe Prunty's team led for most of the first three quarters before being "
            "overhauled by their guests in the last 10 minutes.",
            "name the netherlands where the source has coach joe prunty",
        ),
        # one of a class at its top made the one at the top
        (
            "Maradona is universally considered the greatest player to have played the game.",
            "Maradona is widely considered one of the greatest players to have played the game.",
            "word the greatest player where the source has one of the greatest players",
        ),
        (
            "Maradona is considered one of the greatest players to have played the game.",
            "Maradona is widely considered one of the greatest players to have played the game.",
            "agree",
        ),
    ],
)
def test_the_twenty_ninth_probes_leftovers(claim: str, unit: str, expected: str) -> None:
    """Errors of the twenty-ninth probe that its rules left, ruled before the thirtieth probe
    was read with them, and faithful pairs beside them."""
    assert reason(claim, unit) == expected


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # an "it" that only opens a seeming is no pronoun a name was put for (a false alarm)
        (
            "Cancer experts say that although Ashya appears to be in remission, it is far too "
            "early to say he has been completely cured.",
            "Cancer experts say although it appears Ashya is in remission it is far too early "
            "to say he has been completely cured.",
            "agree",
        ),
        # hedges left out: "estimated", "feared", past an adverb, in the verb's own form
        (
            "With no way of checking online, the proportion of duplicate applications ranged "
            "between 30% and 70% in different areas.",
            "With no way of checking online, the proportion of duplicate applications is "
            "estimated to have ranged between 30% and 70% in different areas.",
            "word applications ranged where the source has applications is estimated to have "
            "ranged",
        ),
        (
            "With no way of checking online, the proportion of duplicate applications is "
            "estimated to have ranged between 30% and 70%.",
            "With no way of checking online, the proportion of duplicate applications is "
            "estimated to have ranged between 30% and 70% in different areas.",
            "agree",
        ),
        (
            "Jesse Sergent suffered a fractured collarbone after being hit by a neutral service "
            "car.",
            "Jesse Sergent suffered what was feared to be a fractured collarbone after being hit "
            "by a neutral service car.",
            "word suffered a where the source has suffered what was feared to be a",
        ),
        (
            "The Duchess is staying at Kensington Palace, a short drive from the hospital where "
            "she is due to give birth.",
            "The Duchess is currently thought to be staying at Kensington Palace, a short drive "
            "from the hospital where she is due to give birth.",
            "word is staying where the source has is currently thought to be staying",
        ),
        (
            "The Duchess is currently staying at Kensington Palace, a short drive from the "
            "hospital where she is due to give birth.",
            "The Duchess is currently staying at Kensington Palace, a short drive from the "
            "hospital where she is due to give birth, officials said.",
            "agree",
        ),
        # no speaker opens a claim where its verb is no verb of speech (a false alarm of a
        # first run, on the check set)
        (
            "Adam Leheup allegedly insisted on having sex with the 25-year-old woman despite "
            "her shouting: 'No, no.'",
            "Adam Leheup, 34, allegedly insisted on having sex with the 25-year-old woman "
            "despite her shouting: 'No, no.'",
            "agree",
        ),
        # nor where the unit has no such speaker: a looser copy (CLIFF's, faithful)
        (
            "The Frenchman says he was told he was as important to Bayern Munich as Lionel "
            "Messi is to Barcelona.",
            "He was told that he could be as vital to Bayern as Lionel Messi is to Barcelona.",
            "agree",
        ),
        # a prospect said as certain beside a name the claim gives in full
        (
            "Having played his part in the win at Blackburn, Lucas Leiva will get his chance "
            "against Aston Villa on April 19.",
            "But having played his part in the win at Blackburn, Lucas is hoping to get his "
            "chance against Aston Villa on April 19.",
            "word leiva will where the source has is hoping to",
        ),
        (
            "Having played his part in the win at Blackburn, Lucas Leiva is hoping to get his "
            "chance against Aston Villa on April 19.",
            "But having played his part in the win at Blackburn, Lucas is hoping to get his "
            "chance against Aston Villa on April 19.",
            "agree",
        ),
        # an impersonal hedge without "that" left out
        (
            "He claimed asylum.",
            "It is thought he claimed asylum.",
            "word he where the source has it is thought he",
        ),
        # a speaker put first; a statement joined to another, read alone
        (
            "Officials have said gross domestic product will shrink if oil prices drop to below "
            "$50 per barrel.",
            "Gross domestic product may actually shrink if oil prices drop to below $50 per "
            "barrel, Kazakh officials have said.",
            "word will where the source has may actually",
        ),
        (
            "Growth is forecast to slow to 1.5 percent this year, and officials have said gross "
            "domestic product will shrink if oil prices drop to below $50 per barrel.",
            "Gross domestic product may actually shrink if oil prices drop to below $50 per "
            "barrel, Kazakh officials have said.",
            "word will where the source has may actually",
        ),
        (
            "Growth is forecast to slow to 1.5 percent this year, and officials have said gross "
            "domestic product may shrink if oil prices drop to below $50 per barrel.",
            "Gross domestic product may actually shrink if oil prices drop to below $50 per "
            "barrel, Kazakh officials have said.",
            "agree",
        ),
        (
            "The watchdog said there was evidence to back up claims on social media that some "
            "people had voted twice, and that anyone with information should contact the police.",
            "Although there was a lack of evidence to back up claims on social media that some "
            "people had voted twice, the watchdog said it took the issue very seriously and "
            "anyone with information should contact the police.",
            "negation: only the source denies or negates it",
        ),
        # a joined statement's head or tail the unit goes on past is no hedge left out
        (
            "They are proud Kenyans, but feel like second-class citizens, and they are watched "
            "by every passing policeman.",
            "They are proud Kenyans, but occasionally feel like second-class citizens, "
            "suspected by every passing, bribe-hungry policeman of supporting the militants.",
            "agree",
        ),
        # "failed to" negates
        (
            "Negredo and Soldado both failed to make it into the Spain squad after they "
            "succeeded away from Madrid.",
            "Negredo and Soldado both made it into the Spain squad after they succeeded away "
            "from Madrid and the national team boss will be watching on Wednesday.",
            "negation: only the claim denies or negates it",
        ),
        (
            "Negredo and Soldado both made it into the Spain squad after they succeeded away "
            "from Madrid.",
            "Negredo and Soldado both made it into the Spain squad after they succeeded away "
            "from Madrid and the national team boss will be watching on Wednesday.",
            "agree",
        ),
        # a participle with "by" made the same verb's "-ing": the doer made the done-to
        (
            "They feel like second-class citizens, suspecting every passing policeman of "
            "supporting the militants.",
            "They feel like second-class citizens, suspected by every passing policeman of "
            "supporting the militants.",
            "order suspecting where the source has suspected by",
        ),
        (
            "The prime minister arrived at the summit in Brussels on Monday morning, followed by "
            "the president.",
            "The prime minister arrived at the summit in Brussels on Monday morning, following "
            "the president.",
            "order followed by where the source has following",
        ),
        # two sides traded past a bracket the claim leaves out
        (
            "Students at the Massachusetts Institute of Technology recently told Mr Musk that "
            "AI was humanity's biggest existential threat.",
            "Mr Musk recently told students at the Massachusetts Institute of Technology (MIT) "
            "that AI was humanity's biggest existential threat.",
            "order students at the massachusetts institute of technology ... mr musk where the "
            "source has mr musk ... students at the massachusetts institute of technology",
        ),
        (
            "Mr Musk recently told students at the Massachusetts Institute of Technology that AI "
            "was humanity's biggest existential threat.",
            "Mr Musk recently told students at the Massachusetts Institute of Technology (MIT) "
            "that AI was humanity's biggest existential threat.",
            "agree",
        ),
    ],
)
def test_the_thirty_first_probes_misses(claim: str, unit: str, expected: str) -> None:
    """Errors of the thirty-first probe (session 58) and its one false alarm, with faithful
    pairs beside them."""
    assert reason(claim, unit) == expected


def test_a_phrase_or_a_cause_from_another_sentence_is_relinked() -> None:
    """A copy with the words after a link word replaced by another sentence's ("after his
    mother Margaret began suffering from heart problems" for "after moving out of his parents'
    home"), or with a cause or effect put in that a sentence other than its neighbours tells
    and the unit links to nothing ("because the movement of HGVs is restricted ...")."""
    sources = (
        "Mr Rush says he has always been big but really began piling on the pounds in his"
        " twenties after moving out of his parents' home.",
        "Frenchman Ribery is not yet fully fit following a five-week absence with an ankle"
        " injury while Schweinsteiger has had a virus for the past few days.",
        "Something like a fifth of freight activity moved out of the busiest times in the day.",
        "The charity has advised volunteers to wear welly boots or stout footwear.",
        "All that changed when his mother Margaret began suffering from heart problems, which"
        " provided the wake-up call he needed.",
        "Franck Ribery is absent with an ankle injury while Arjen Robben is out with a stomach"
        " muscle tear.",
        "Currently, the movement of HGVs is restricted in London between 21:00 and 07:00 on"
        " weekdays.",
        "Brackfield Wood is seven miles outside Derry, and limited parking is available for"
        " those taking part.",
        "The film is called A Royal Night Out.",
        "Now the adventure has been re-created in a new film, showing the young Princesses"
        " as they wander incognito through the city streets.",
        "That statistic is grossly overstated.",
        "It is a comparison of averages that does not control for education or profession.",
    )
    near = range(len(sources))
    for claim, expected, at in (
        (
            "Mr Rush says he has always been big but really began piling on the pounds in his"
            " twenties after his mother Margaret began suffering from heart problems.",
            "word mother margaret began suffering from heart problems where the source has"
            " parents home",
            0,
        ),
        (
            "Frenchman Ribery is not yet fully fit following a five-week absence with a stomach"
            " muscle tear.",
            "word stomach muscle tear where the source has virus for the past few days",
            1,
        ),
        (
            "Something like a fifth of freight activity moved out of the busiest times in the"
            " day, because the movement of HGVs is restricted between 21:00 and 07:00.",
            "word because where the source has two statements it does not link",
            2,
        ),
        (
            "As only limited parking is available, the charity has advised volunteers to wear"
            " welly boots or stout footwear.",
            "word as where the source has two statements it does not link",
            3,
        ),
    ):
        found = relinked(claim, sources, near)
        assert found is not None and (found[0].reason(), found[1]) == (expected, at)
    # the sources' own words, or their own link, or a phrase the unit's words say too
    for claim in (
        sources[0],
        "Frenchman Ribery is not yet fully fit following a five-week absence with an ankle injury.",
        "Something like a fifth of freight activity moved out of the busiest times in the day,"
        " and the movement of HGVs is restricted between 21:00 and 07:00.",
        "Mr Rush really began piling on the pounds in his twenties after moving out of his"
        " family home.",
        # a name set beside what the unit says; a reason its neighbour gives (false alarms of
        # a first run, on CLIFF and the probe)
        "The adventure has been re-created in a new film, A Royal Night Out.",
        "That statistic is grossly overstated, as it is a comparison of averages that does not"
        " control for education or profession.",
    ):
        assert relinked(claim, sources, near) is None


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # one word turned in a short copy; opposites of the news
        ("The cashier said yes.", "The cashier said no.", "opposite yes where the source has no"),
        ("The cashier said no.", "The cashier said no.", "agree"),
        (
            "The extremist group has spared Muslims in recent attacks.",
            "The extremist group has also killed Muslims in recent attacks.",
            "opposite spared where the source has killed",
        ),
        (
            "The extremist group has killed Muslims in recent attacks.",
            "The extremist group has also killed Muslims in recent attacks.",
            "agree",
        ),
        (
            "Mr Simpson also backed Mr Mackay's original motion, saying it represented a "
            "fundamental change.",
            "Mr Simpson also opposed Mr Mackay's original motion, saying it represented a "
            "fundamental change.",
            "opposite backed where the source has opposed",
        ),
        # "almost certainly" and a prospect's noun are hedges
        (
            "The interview has changed the way the fans feel about him.",
            "The interview has almost certainly changed the way the fans feel about him.",
            "word has changed where the source has has almost certainly changed",
        ),
        (
            "The interview has almost certainly changed the way the fans feel about him.",
            "The interview has almost certainly changed the way the fans feel about him, a "
            "blogger says.",
            "agree",
        ),
        (
            "England's brilliance has set up a four-day finish.",
            "England's brilliance has set up the possibility of a four-day finish.",
            "word up a where the source has up the possibility of a",
        ),
        (
            "England's brilliance has set up the possibility of a four-day finish, and the hosts "
            "would be wise to wrap things up.",
            "England's brilliance has set up the possibility of a four-day finish, and the hosts "
            "would be wise to wrap things up on Saturday.",
            "agree",
        ),
        (
            "The lawsuit described Bieniewicz as being in great health and certain to live to "
            "age 95.",
            "The lawsuit described Bieniewicz as being in great health with the potential to "
            "live to age 95.",
            "word and certain where the source has with the potential",
        ),
        (
            "The lawsuit described Bieniewicz as being in great health with the potential to "
            "live to age 95.",
            "Citing his doctor, the lawsuit described Bieniewicz as being in great health with "
            "the potential to live to age 95.",
            "agree",
        ),
        # "day one" is a figure
        (
            "On day two, he asked a security guard if he could borrow $100, and the guard said no.",
            "On day one, he went up to a security guard and asked if he could borrow $100.",
            "number two where the source has one",
        ),
        (
            "On day one, he asked a security guard if he could borrow $100, and the guard said no.",
            "On day one, he went up to a security guard and asked if he could borrow $100.",
            "agree",
        ),
        # a run moved from inside one clause to inside another, across its name or figure
        (
            "Sakho slotted in from Sam Byram's pass, before Ayew tucked his first goal since "
            "November into the same bottom corner moments later.",
            "Sakho slotted in his first goal since November from Sam Byram's pass, before Ayew "
            "tucked into the same bottom corner moments later.",
            "order tucked his first goal since november where the source has in his first goal "
            "since november",
        ),
        (
            "The NHS said 30 patients were placed out of Cornwall in 2015/16, 150 the year before, "
            "and 60 the year before that when a key unit was closed for six months.",
            "The NHS said 30 patients were placed out of Cornwall in 2015/16, 150 the year before "
            "when a key unit was closed for six months, and 60 the year before that.",
            "order that when a key unit was closed for six months where the source has before "
            "when a key unit was closed for six months",
        ),
        (
            "His team won the match, and he scored twice in the first half.",
            "He scored twice in the first half, and his team won the match.",
            "agree",
        ),
        # the next clause's words said in the first's place, its subject left out
        (
            "Cataract treatment is being rationed in England to fund weight-loss surgery for "
            "15,000 obese adults every year.",
            "Cataract treatment is being rationed in England to save money, even though the NHS "
            "recently announced it would fund weight-loss surgery for 15,000 obese adults every "
            "year at a cost of £6,000 each.",
            "word to fund where the source has to save money even though the nhs recently "
            "announced it would fund",
        ),
        (
            "Redknapp turned down a 'mind-blowing' offer to coach abroad.",
            "Former QPR manager Harry Redknapp feels he still has plenty to offer football but "
            "only at the right club, having turned down a 'mind-blowing' offer to coach abroad.",
            "agree",
        ),
        (
            'The Russian state "is likely to have been the sponsor of this plot", he said.',
            'The Russian state "is likely to have been the sponsor of this plot" and had '
            '"reasons aplenty" for wishing him "not only harm, but death", he said.',
            "agree",
        ),
        # false alarms of the blind read: a double negative; a believer moved to the head
        (
            "He scored against England in the 1986 World Cup with his hand and was sent home from "
            "the 1994 World Cup after testing positive for ephedrine.",
            "But his life on and off the pitch has not been without controversy - from scoring "
            "against England in the 1986 World Cup with his hand to being sent home from the 1994 "
            "World Cup after testing positive for ephedrine.",
            "agree",
        ),
        (
            "Lang believes the sportive is the first time Millar has allowed his name to be used "
            "for a cycling event.",
            "The sportive, Lang believes, is the first time Millar has allowed his name to be "
            "used for a cycling event.",
            "agree",
        ),
        (
            "The sportive is the first time Millar has allowed his name to be used for a cycling "
            "event.",
            "The sportive, Lang believes, is the first time Millar has allowed his name to be "
            "used for a cycling event.",
            "word sportive is where the source has sportive lang believes is",
        ),
    ],
)
def test_the_thirty_second_probes_misses(claim: str, unit: str, expected: str) -> None:
    """Errors of the thirty-second probe (session 59) and its false alarms, with faithful pairs
    beside them."""
    assert reason(claim, unit) == expected


def test_a_claim_that_joins_a_windows_sentences_is_read_against_both() -> None:
    """A window (two sentences) is read as one sentence where the claim copies words of both:
    a name put in the part it copies from one is caught. A name the window gives elsewhere is
    one a joining claim may move; a claim that copies one sentence is left to that sentence's
    own reading."""
    window = (
        "Pippa looked as chic as ever in a tweedy skirt, black blouse and cropped black blazer. "
        "The brunette writer accessorised her look with a black tote, £159 black pumps by Jemima "
        "Vine and oversized sunglasses."
    )
    joined = (
        "She accessorised her tweedy skirt and cropped black blazer with a black tote, £159 "
        "black pumps by {} and oversized sunglasses."
    )

    def read(claim: str, unit: str) -> str:
        kind, found = compare(claim, unit, False, NONE, 0.6)
        return found.reason() if found else kind

    assert read(joined.format("Tabitha Webb"), window) == (
        "name tabitha webb where the source has jemima vine"
    )
    assert read(joined.format("Jemima Vine"), window) == "agree"
    one = "The brunette writer accessorised her look with a black tote, £159 black pumps by "
    assert read(one + "Tabitha Webb and oversized sunglasses.", window) == "agree"
    assert reason(one + "Tabitha Webb and oversized sunglasses.", window) == (
        "name tabitha webb where the source has jemima vine"
    )
    moved = (
        "The Kelleys fled after Mark Nunes, Mary's biological father, was granted custody of his "
        "daughter in 2004. Genevieve (pictured) refused to hand her daughter over to Mr Nunes, "
        "and took the girl first to Colorado."
    )
    claim = "Fled after Genevieve Kelley, Mary's mother, refused to hand over daughter."
    assert read(claim, moved) == "agree"


def test_a_cause_put_in_where_the_unit_keeps_its_own_link_or_a_neighbour_tells_it() -> None:
    """The cause rule reads past a causal word of the unit that the claim keeps ("were forced
    to kill", "since leaving"), reads "which is why", and takes a cause from the next sentence
    where the claim says "because" (a loose "as" still joins a neighbour's reason)."""
    sources = (
        "Sometimes we were forced to kill, which we did under the influence of drugs.",
        "The rebels also threatened to cut off my legs or arms if I tried to flee.",
        "Wenger added that defender Hector Bellerin would be offered a new contract by the club.",
        "Both Barcelona and Manchester City are said to be interested in the right back.",
        "Mr Mackay said a costly revaluation would take time for many households.",
        "The council tax base has not been updated since 1991, critics pointed out.",
        "That statistic is grossly overstated.",
        "It is a comparison of averages that does not control for education or profession.",
    )
    near = range(len(sources))
    for claim, at in (
        (
            "Sometimes we were forced to kill, which we did because the rebels threatened to cut "
            "off my legs or arms.",
            0,
        ),
        (
            "Wenger added that defender Hector Bellerin would be offered a new contract by the "
            "club because both Barcelona and Manchester City are said to be interested.",
            2,
        ),
        (
            "Mr Mackay said a costly revaluation would take time, which is why the council tax "
            "base has not been updated since 1991.",
            4,
        ),
    ):
        found = relinked(claim, sources, near)
        assert found is not None and found[1] == at
        assert found[0].theirs == "two statements it does not link"
    for claim in (
        "That statistic is grossly overstated, as it is a comparison of averages that does not"
        " control for education or profession.",
        "Wenger added that defender Hector Bellerin would be offered a new contract by the club,"
        " and both Barcelona and Manchester City are said to be interested.",
    ):
        assert relinked(claim, sources, near) is None


def test_a_phrase_from_another_sentence_after_its_own_link_word_is_relinked() -> None:
    """A phrase put for the unit's, opening with a link word of its own ("Following"), whose
    words after it another sentence of another event has: "Following the GTC Scotland hearing,
    he was ordered ..." for "In addition to his payback order he was ordered ...", where "A
    GTC Scotland hearing was told ..." is another sentence."""
    sources = (
        "A GTC Scotland hearing was told that his conduct was fundamentally incompatible with "
        "being a registered teacher.",
        "He was made the subject of a community payback order earlier this year.",
        "In addition to his payback order he was ordered to take part in a special programme "
        "for sex offenders.",
    )
    claim = (
        "Following the GTC Scotland hearing, he was ordered to take part in a special programme "
        "for sex offenders."
    )
    found = relinked(claim, sources, range(len(sources)))
    assert found is not None and found[1] == 2
    assert found[0].reason() == (
        "word following the gtc scotland hearing where the source has in addition to his "
        "payback order"
    )
    assert relinked(sources[2], sources, range(len(sources))) is None


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        (
            "mr elfwick said the film was anti-women , referring to princess leia , who "
            "captured jabba the hutt in return of the jedi .",
            "princess leia , who was captured by jabba the hutt in return of the jedi .",
            "order leia who captured jabba where the source has leia who was captured by jabba",
        ),
        (
            "mr elfwick said the film was anti-women , referring to princess leia , who "
            "was captured by jabba the hutt in return of the jedi .",
            "princess leia , who was captured by jabba the hutt in return of the jedi .",
            "agree",
        ),
        (
            "Mr Cawthorne said the Tenants Association gave the council samples of 3mm "
            "aluminium sheet.",
            'Mr Cawthorne said: "The Tenants Association were given samples, which I kept '
            "for eight years, and those samples are 3mm aluminium sheet.",
            "order association gave the council where the source has association were given",
        ),
        (
            "Mr Cawthorne said the Tenants Association were given samples of 3mm aluminium sheet.",
            'Mr Cawthorne said: "The Tenants Association were given samples, which I kept '
            "for eight years, and those samples are 3mm aluminium sheet.",
            "agree",
        ),
        (
            'Judge Ansel Krut said Squint was "quite extraordinary" because it was a '
            '"difficult painting to look at".',
            'Judge Ansel Krut said Squint (19) was "quite extraordinary", even though it '
            'was a "difficult painting to look at".',
            "word because where the source has even though",
        ),
        (
            'Judge Ansel Krut said Squint was "quite extraordinary" though it was a '
            '"difficult painting to look at".',
            'Judge Ansel Krut said Squint (19) was "quite extraordinary", even though it '
            'was a "difficult painting to look at".',
            "agree",
        ),
        (
            "godfrey elfwick was invited on to the programme because his twitter bio "
            "states that he is a ' demisexual genderqueen muslim atheist ' .",
            "however , despite the fact that mr elfwick 's twitter bio states that he is a "
            "' demisexual genderqueen muslim atheist ' he was still invited on to the "
            "programme .",
            "word because where the source has despite",
        ),
        (
            "the one minute 51 second trailer was unveiled by mark hamill during a fan "
            "event at california 's anaheim convention center .",
            "the one minute 51 second trailer was unveiled by jj abrams during a fan even "
            "at california 's anaheim convention center - with stars carrie fisher , mark "
            "hamill , daisy ridley , oscar isaac and john boyega looking on .",
            "word mark hamill where the source has jj abrams",
        ),
        (
            "the one minute 51 second trailer was unveiled by jj abrams during a fan event "
            "at california 's anaheim convention center .",
            "the one minute 51 second trailer was unveiled by jj abrams during a fan even "
            "at california 's anaheim convention center - with stars carrie fisher , mark "
            "hamill , daisy ridley , oscar isaac and john boyega looking on .",
            "agree",
        ),
        (
            "In an interview with the Evening Standard, the model admitted that the tester "
            "kit is the most surprising thing in her handbag.",
            "In an interview with the Evening Standard, the model admitted that the most "
            "surprising thing in her handbag is the tester kit, which she uses to check "
            "her state of alkaline.",
            "agree",
        ),
        (
            "Spurs have won just once on the road since 24 September.",
            "Spurs have won just twice on the road since 24 September, including defeats "
            "at Chelsea.",
            "opposite once where the source has twice",
        ),
        (
            'But there was "more fight in her" since being moved into solitary confinement '
            "over Christmas, he said.",
            'Mr Ratcliffe said his wife had started a hunger strike but there was "more '
            'fight in her" since being moved out of solitary confinement over Christmas.',
            "opposite into where the source has out",
        ),
        (
            "Keep celery crispy by storing it with a coffee filter, though kitchen roll is "
            "far more absorbent than coffee filters.",
            "Keep celery crispy by storing them with a coffee filter, which are far more "
            "absorbent than kitchen roll, and will absorb moisture from the vegetables.",
            "order absorbent than coffee filters where the source has absorbent than kitchen roll",
        ),
        (
            "Keep celery crispy by storing it with a coffee filter, which is far more "
            "absorbent than kitchen roll.",
            "Keep celery crispy by storing them with a coffee filter, which are far more "
            "absorbent than kitchen roll, and will absorb moisture from the vegetables.",
            "agree",
        ),
        (
            "The letter reveals the Business, Innovation and Skills (BIS) select committee "
            "had invited Mr Ashley to a meeting at the company's base in Shirebrook.",
            "The letter reveals Mr Ashley had invited the Business, Innovation and Skills "
            "(BIS) select committee - which Mr Wright chairs - to a meeting at the "
            "company's base in Shirebrook.",
            "order the business innovation and skills bis select committee ... mr ashley "
            "where the source has mr ashley ... the business innovation and skills bis "
            "select committee",
        ),
        (
            "The letter reveals Mr Ashley had invited the Business, Innovation and Skills "
            "(BIS) select committee to a meeting at the company's base in Shirebrook.",
            "The letter reveals Mr Ashley had invited the Business, Innovation and Skills "
            "(BIS) select committee - which Mr Wright chairs - to a meeting at the "
            "company's base in Shirebrook.",
            "agree",
        ),
        (
            'His 1957 spoof of "champagne music," "Wun\'erful Wun\'erful," lampooned "The Lawrence '
            'Welk Show."',
            '"Wun\'erful Wun\'erful," his 1957 spoof of "champagne music" — on which he '
            'collaborated with orchestra leader Billy May — lampooned "The Lawrence Welk Show."',
            "agree",
        ),
        (
            "robert durst , 71 , is charged with unlawful possession of a firearm .",
            "a federal grand jury has charged millionaire real estate heir robert durst , a "
            "convicted felon , with unlawful possession of a firearm .",
            "agree",
        ),
    ],
)
def test_the_thirty_third_probes_misses(claim: str, unit: str, expected: str) -> None:
    """Errors of the thirty-third probe (session 60) and its false alarms, with faithful pairs
    beside them: order read on the stretch a claim copies, a passive made active before an
    article, a concession given as a cause, a name moved from the unit's tail, the sides of a
    "be" traded whole, "once" for "twice", "into" for "out of", a comparison's sides traded, an
    aside between dashes read past."""
    assert reason(claim, unit) == expected


def test_a_claim_that_joins_a_windows_sentences_is_read_whole_for_its_figures_too() -> None:
    """A window holds other figures, so it never conflicts on one of the claim's alone; a claim
    that joins its two sentences is read against them as one sentence, figures too."""
    window = (
        "The fifth came early in the second half, Watson blasting his way over. "
        "The conversion made it 38-11."
    )
    joined = (
        "The fifth came early in the second half, Watson blasting his way over, and the "
        "conversion made it {}."
    )

    def read(claim: str) -> str:
        kind, found = compare(claim, window, False, NONE, 0.6)
        return found.reason() if found else kind

    assert read(joined.format("24-11")) == "number 24 where the source has 38"
    assert read(joined.format("38-11")) == "agree"
    assert read("The conversion made it 24-11.") == "neutral"
    # (not a year: a window's years may date other things)
    listed = (
        "In 2014 she returned to the Freer Gallery. Her exhibitions include Joined Colors (1993) "
        "and Worshiping the Ancestors (2001)."
    )
    claim = "In 2016 she returned to the Freer Gallery, whose exhibitions include Joined Colors."
    assert compare(claim, listed, False, NONE, 0.6)[0] == "neutral"


def test_a_phrase_of_time_or_place_put_in_from_another_event() -> None:
    """A copy with a phrase of time or place put in, which another sentence says of another
    event, is caught; not where a sentence that says it tells the same event, and not a
    description ("at the site", "the men") named as a sentence before names it."""
    sources = (
        "The move will bring Northern Ireland in line with England and Wales, where plans for "
        "automatic pardons were announced last month.",
        "Justice Minister Claire Sugden confirmed a motion will go before the assembly for "
        "approval.",
        "Sheriff George Way remitted the case to the High Court in Edinburgh to be dealt with.",
        'The woman told the trial she had felt "blackmailed" by Weatherhogg.',
    )
    near = range(len(sources))
    for claim, at, phrase in (
        (
            "Justice Minister Claire Sugden confirmed last month that a motion will go before the "
            "assembly for approval.",
            1,
            "last month",
        ),
        (
            "The woman told the trial at the High Court in Edinburgh she had felt "
            '"blackmailed" by Weatherhogg.',
            3,
            "at the high court in edinburgh",
        ),
    ):
        found = relinked(claim, sources, near)
        assert found is not None and found[1] == at
        assert found[0].reason() == (
            f"word {phrase} where the source has what another sentence says of another event"
        )
    assert relinked(sources[1], sources, near) is None
    # a phrase that ends the claim may be the whole event's, which a caption leaves out
    ended = (
        "Justice Minister Claire Sugden confirmed a motion will go before the assembly for "
        "approval last month."
    )
    assert relinked(ended, sources, near) is None
    # a sentence that says the phrase of the same event: the claim may take it from there
    same = sources + ("Ms Sugden confirmed last month a motion will go before the assembly.",)
    claim = (
        "Justice Minister Claire Sugden confirmed last month that a motion will go before the "
        "assembly for approval."
    )
    assert relinked(claim, same, range(len(same))) is None
    named = (
        "The UK Police Memorial Trust appealed for £1.5m towards its construction at the "
        "National Memorial Arboretum.",
        "The memorial, at the site in Alrewas, Staffordshire, will be dedicated to the courage "
        "and sacrifice of the officers.",
        "A group of Muslim migrants have been arrested after allegedly throwing 12 Christians "
        "into the sea.",
        "Witnesses say a fight broke out on a rubber dinghy, after which the men were thrown "
        "to their deaths.",
    )
    for claim in (
        "The memorial, at the National Memorial Arboretum in Alrewas, Staffordshire, will be "
        "dedicated to the courage and sacrifice of officers.",
        "Witnesses say a fight broke out on a rubber dinghy, after which 12 Christians were "
        "thrown to their deaths.",
    ):
        assert relinked(claim, named, range(len(named))) is None


def test_a_rest_said_of_the_name_before_who_and_a_clause_moved_in_tokenised_text() -> None:
    """`spliced` reads a claim's "who" as the name before it, where a sentence says the rest of
    that name; `reattached` reads a tokenised clause between commas, past a second "and who"
    and a pronoun for the name the source has."""
    sources = (
        "Victim Hilary Hayes said she had been texted out of the blue by someone calling himself "
        "'Hunter Anderson' who claimed to have seen her at a party.",
        "She told Fox13 that he even sent her flowers - but that Anderson would never agree to "
        "meet up.",
    )
    claim = (
        "Hilary Hayes said she had been texted out of the blue by someone calling himself "
        "'Hunter Anderson', who would never agree to meet up."
    )
    assert spliced(claim, sources) is None
    golf = (
        "' it 's a good momentum starter for me , ' said rose , who was looking to become the "
        "first european player to win the us open and masters .",
        "rose wants to follow the lead of rory mcilroy , who had a relentless winning streak in "
        "the summer of 2014 .",
    )
    claim = (
        "he wants to follow the lead of rory mcilroy , who was looking to become the first "
        "european player to win the us open and masters , and who had a relentless winning "
        "streak in the summer of 2014 ."
    )
    found = reattached(claim, golf)
    assert found is not None and found[1] == 0
    assert found[0].mine.startswith("mcilroy, who was looking")
    assert found[0].theirs.startswith("rose, who was looking")
    faithful = claim.replace("who was looking", "who once hoped").replace(
        "to become the first european player to win the us open and masters",
        "to win",
    )
    assert reattached(faithful, golf) is None


def test_a_speaker_named_before_an_aside_and_a_relative_clause() -> None:
    """ "John Grogan, chairman of the ... Trust, which has run the mine since 2013, said" names
    Grogan, whose "He said:" after it is his."""
    article = [
        "John Grogan, chairman of the Hatfield Employee Benefit Trust, which has run the mine "
        'since 2013, said it was "the end of an era".',
        'He said: "On Monday the company will be wound up in the High Court.',
    ]
    assert voiced(article)[1].startswith("John Grogan said:")
    assert speakers(article[0]) == frozenset({"john", "grogan"})


def test_worry_not_negates_nothing_and_as_of_manner_gives_no_cause() -> None:
    """ "Worry not if ..." sets a worry aside: no negation of what follows. "as they have done"
    compares a manner: no cause put in from another sentence."""
    assert not negated("Worry not if your only microwave-friendly bowl has lost its lid.")
    assert negated("Your only microwave-friendly bowl has not lost its lid.")
    sources = (
        "They had lost twice at Anfield this season.",
        "Against the big sides they have played with a back three but they had a back four "
        "today, but I think they should have stuck with what they have done against the big "
        "sides.",
        "Liverpool went on to win 2-0.",
        "Danny Murphy said Spurs should have stuck with a back three.",
    )
    near = range(len(sources))
    claim = (
        "Danny Murphy said Spurs should have stuck with a back three, as they have done against "
        "the big sides."
    )
    assert relinked(claim, sources, near) is None
    caused = (
        "Danny Murphy said Spurs should have stuck with a back three, as they had lost twice at "
        "Anfield this season."
    )
    found = relinked(caused, sources, near)
    assert found is not None and found[0].theirs == "two statements it does not link"


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # a whole said where the unit counts a part of it
        (
            "The SNP won 59 Westminster constituencies at the general election two weeks ago.",
            "The SNP won 56 of the 59 Westminster constituencies at the general election two "
            "weeks ago.",
            "number 59 westminster where the source has 56 of the 59 westminster",
        ),
        (
            "The SNP won 56 of 59 Westminster constituencies at the general election.",
            "The SNP won 56 of the 59 Westminster constituencies at the general election two "
            "weeks ago.",
            "agree",
        ),
        # a role for another, past what the account calls it ("alleged")
        (
            "The alleged victim threatened to call the police and Leheup clambered down "
            "scaffolding outside the balcony door.",
            "The flatmate threatened to call the police and Leheup clambered down scaffolding "
            "outside the balcony door.",
            "word alleged victim where the source has flatmate",
        ),
        (
            "The alleged victim threatened to call the police.",
            "The victim threatened to call the police.",
            "agree",
        ),
        # the unit's object made the verb's doer, a pronoun its object
        (
            "He finally escaped from Cuba to Mexico on his fourth attempt, his mother saving him "
            "from drowning on their boat trip over.",
            "He finally escaped to Mexico on his fourth attempt, saving his mother from drowning "
            "on their boat trip over.",
            "order his mother saving him where the source has saving his mother",
        ),
        (
            "His mother saved him from drowning.",
            "His mother saved him from drowning on the trip.",
            "agree",
        ),
        # a left-out clause's name put where the next clause names another
        (
            "Headley was sentenced in 2006 for rape and robbery, while Maycock was sentenced in "
            "2001 for rape.",
            "Headley was sentenced in 2006 for rape and robbery, Maycock was jailed in the same "
            "year for GBH, while Bromwich was sentenced in 2001 for rape.",
            "name maycock where the source has bromwich",
        ),
        (
            "Headley was sentenced in 2006 for rape and robbery, while Bromwich was sentenced in "
            "2001 for rape.",
            "Headley was sentenced in 2006 for rape and robbery, Maycock was jailed in the same "
            "year for GBH, while Bromwich was sentenced in 2001 for rape.",
            "agree",
        ),
        # false alarms of the probe: a speaker before an aside between dashes, a rhetorical
        # "if", an object of "without" the claim leaves out
        (
            'Prof Olesen says the changes have not led to a "flooding of the system" by more GP '
            "referrals.",
            'Prof Olesen - a former GP himself - said the changes have not led to a "flooding of '
            'the system" by more GP referrals but better organisation of how patients are '
            "diagnosed.",
            "agree",
        ),
        (
            "Dr Smith said the changes have not led to a flooding of the system.",
            "Prof Olesen - a former GP himself - said the changes have not led to a flooding of "
            "the system.",
            "name smith where the source has olesen, prof",
        ),
        (
            "The prince got his audience to sing a cheery rendition of Happy Birthday.",
            "If that wasn't enough, the prince got his audience to sing a cheery rendition of "
            "Happy Birthday.",
            "agree",
        ),
        (
            "The prince got his audience to sing a cheery rendition of Happy Birthday.",
            "If that is true, the prince got his audience to sing a cheery rendition of Happy "
            "Birthday.",
            "word (no condition) where the source has if that is true",
        ),
        (
            "The writer spoke with Eun Ja Lee to check on the status of the Lees' business after "
            "the violence of Monday and Tuesday.",
            "I spoke with Eun Ja Lee, calling her without warning to check on the status of the "
            "Lees' business after the violence of Monday and Tuesday.",
            "agree",
        ),
        (
            "He drove home with a licence.",
            "He drove home without a licence.",
            "negation: only the source denies or negates it",
        ),
    ],
)
def test_the_thirty_fourth_probes_misses(claim: str, unit: str, expected: str) -> None:
    """Errors of the thirty-fourth probe (session 61) and its false alarms, with faithful pairs
    beside them: a whole for its part, a role for another, an object made the doer, a left-out
    clause's name; a speaker's aside between dashes, "If that wasn't enough", "without"."""
    assert reason(claim, unit) == expected


def test_a_consequence_opened_alone_and_a_description_named_before() -> None:
    """ "As a result," that opens a claim whose unit and its neighbours link nothing as a cause
    is a link put in; "against" opens no time or place to put in; a description with "the"
    that the line before names last may be that name."""
    prison = (
        "Three men have absconded from an open prison near Bristol.",
        "HMP Leyhill in South Gloucestershire is the only minimum-security prison in the South "
        "West.",
        "Leyhill near Wotton-under-Edge is a category D prison housing more than 500 inmates, "
        "including some on life sentences.",
    )
    near = range(len(prison))
    claim = "As a result, it houses more than 500 inmates, including some on life sentences."
    found = relinked(claim, prison, near)
    assert found is not None and found[1] == 2
    assert (
        found[0].reason() == "word as a result where the source has two statements it does not link"
    )
    assert relinked(claim.replace("As a result, it", "It"), prison, near) is None
    caused = prison[:2] + ("As a result, " + prison[2][0].lower() + prison[2][1:],)
    assert relinked(claim, caused, near) is None
    # (nor a copy the unit joins by "and" to a clause before it, which the claim reads as
    # its cause)
    joined = (
        "He suffered a similar loss at Wimbledon months later.",
        "Rumors swirled that he had become too distracted by his girlfriend, and the British "
        'tabloids dubbed him "Bonking Boris."',
    )
    dubbed = 'As a result, the British tabloids dubbed him "Bonking Boris."'
    assert relinked(dubbed, joined, range(len(joined))) is None
    barca = (
        "Barcelona won the quarter-final, first-leg match 3-1 to put themselves in control of "
        "the tie.",
        "Messi scored twice in the 2013 league game against Paris Saint-Germain at the Parc des "
        "Princes, a draw.",
    )
    claim = (
        "Barcelona won the quarter-final, first-leg match against Paris Saint-Germain 3-1 to put "
        "themselves in control of the tie."
    )
    assert relinked(claim, barca, range(len(barca))) is None
    referee = (
        "Dick Advocaat might consider bringing in referee Anthony Taylor to give his players some "
        "lessons on keeping up with play.",
        "The official sprinted more than half the length of the field to be 10 yards from "
        "Yannick Bolasie when he completed his hat-trick.",
    )
    rest = (
        " sprinted more than half the length of the field to be 10 yards from Yannick Bolasie "
        "when he completed his hat-trick."
    )
    assert spliced("Referee Anthony Taylor" + rest, referee) is None
    found = spliced("Dick Advocaat" + rest, referee)
    assert found is not None and found[0].theirs == "the official"


def test_a_quote_left_open_at_a_sentences_end_goes_on_with_its_speaker() -> None:
    """A quote mark left at a sentence's end, after its speaker's "said.", opens the quote the
    next sentence says: that sentence is the speaker's, and a claim that gives it to another
    names the wrong speaker (cased and tokenised)."""
    cased_lines = [
        "'I'm probably going to come back tomorrow and look,' Rosas said. '",
        "I know there's a lot of money out here.'",
        "His friend Gage Anderson said they had scoured the road.",
    ]
    tokenised_lines = [
        "jose rosas , who was searching at the scene , told wfaa : ' we 're just trying to make "
        "a dollar or two . '",
        "i 'm probably going to come back tomorrow and look , ' rosas said . '",
        "i know there 's a lot of money out here . '",
        "his friend gage anderson said they had scoured the road .",
    ]
    for lines, claim in (
        (cased_lines, "His friend Gage Anderson said: 'I know there's a lot of money out here.'"),
        (
            tokenised_lines,
            "his friend gage anderson said : ' i know there 's a lot of money out here . '",
        ),
    ):
        said = voiced(lines)[-2]
        assert said.lower().startswith(("rosas said:", "jose rosas said:"))
        kind, found = compare(claim, said, True, NONE, 0.6)
        assert kind == "conflict" and found is not None and "rosas" in found.theirs
        right = claim.replace("His friend Gage Anderson", "Rosas").replace(
            "his friend gage anderson", "rosas"
        )
        assert compare(right, said, True, NONE, 0.6)[0] == "agree"


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        # whose belief, hope or claim it is, left out: at the unit's opening, or after a
        # speaker's verb the claim keeps (not a speaker's own "said")
        (
            "Those involved in the shooting had been waiting outside the gym for about an hour.",
            "Detectives believe those involved in the shooting had been waiting outside the gym "
            "for about an hour.",
            "word those where the source has detectives believe those",
        ),
        (
            "The man fled the scene.",
            "Police believe that the man fled the scene.",
            "word the where the source has police believe that the",
        ),
        (
            "Detectives believe those involved in the shooting had been waiting outside the gym "
            "for an hour.",
            "Detectives believe those involved in the shooting had been waiting outside the gym "
            "for about an hour.",
            "agree",
        ),
        (
            "Those involved in the shooting had been waiting outside the gym for about an hour.",
            "Detectives said those involved in the shooting had been waiting outside the gym for "
            "about an hour.",
            "agree",
        ),
        (
            "It also retrieved confidential documents from a mobile device used by one member of "
            "Mr Biden's team.",
            "Cyber Berkut claims to have retrieved confidential documents from a mobile device "
            "used by one member of Mr Biden's team while it was in Kiev.",
            "word it also where the source has cyber berkut claims to have",
        ),
        (
            "It claims to have retrieved confidential documents from a mobile device used by one "
            "member of Mr Biden's team.",
            "Cyber Berkut claims to have retrieved confidential documents from a mobile device "
            "used by one member of Mr Biden's team while it was in Kiev.",
            "agree",
        ),
        (
            'Dr Alan Billings said the start of criminal proceedings would "lead to a measure of '
            'closure for the family members".',
            "Dr Alan Billings, the South Yorkshire police and crime commissioner, said he hoped "
            'the start of criminal proceedings would "lead to a measure of closure for the family '
            'members who have experienced a long and traumatic process".',
            "word the start where the source has he hoped",
        ),
        (
            'Dr Alan Billings said he hoped the start of criminal proceedings would "lead to a '
            'measure of closure for the family members".',
            "Dr Alan Billings, the South Yorkshire police and crime commissioner, said he hoped "
            'the start of criminal proceedings would "lead to a measure of closure for the family '
            'members who have experienced a long and traumatic process".',
            "agree",
        ),
        (
            "once autonomous vehicles become more mainstream , as many as 12 per cent of people "
            "will feel ill in the vehicles .",
            "the figures suggest that once autonomous vehicles become more mainstream as many as "
            "12 per cent of people will feel ill in the vehicles at some point during a journey .",
            "word once where the source has the figures suggest that once",
        ),
        # "alleged" left out where "an" becomes "a"
        (
            "isis militants have released photographs which appear to show the beheading of a "
            "blasphemer .",
            "islamic state militants have released photographs which appear to show the "
            "beheading of an ' alleged blasphemer . '",
            "word of a where the source has of an alleged blasphemer",
        ),
        (
            "islamic state militants have released photographs which appear to show the "
            "beheading of an alleged blasphemer .",
            "islamic state militants have released photographs which appear to show the "
            "beheading of an ' alleged blasphemer . '",
            "agree",
        ),
        # a hope said as certain, a pronoun for the name
        (
            'She will be back "easy riding" on a bike by the end of the summer.',
            'Williamson hopes to be back "easy riding" on a bike by the end of the summer and '
            "says she has the right support around her to make a full recovery.",
            "word she will where the source has williamson hopes to",
        ),
        (
            'She hopes to be back "easy riding" on a bike by the end of the summer.',
            'Williamson hopes to be back "easy riding" on a bike by the end of the summer and '
            "says she has the right support around her to make a full recovery.",
            "agree",
        ),
        # a figure put where the unit has another, the words after it that other's
        (
            "He said the corridor is 21km long, with 15km lying across Aleppo's territories "
            "controlled by government troops.",
            '"This corridor is 21km long," he said, adding, "6km lie across Aleppo\'s territories '
            "controlled by government troops and another 15km through territories in the hands "
            'of illegal armed groups."',
            "number 15 where the source has 6",
        ),
        (
            "He said the corridor is 21km long, with 6km lying across Aleppo's territories "
            "controlled by government troops.",
            '"This corridor is 21km long," he said, adding, "6km lie across Aleppo\'s territories '
            "controlled by government troops and another 15km through territories in the hands "
            'of illegal armed groups."',
            "agree",
        ),
        # a speaker labelled by six words before the name and a colon
        (
            "Italy coach Antonio Conte said: \"I don't want to brag, but we were almost perfect. "
            'We dominated the game."',
            "BBC pundit and former Italy striker Gianluca Vialli: \"I don't want to brag, but we "
            "were almost perfect. We dominated the game, we showed desire and commitment and we "
            'played like a team."',
            "name antonio, conte where the source has gianluca, vialli",
        ),
        (
            "Gianluca Vialli said: \"I don't want to brag, but we were almost perfect. We "
            'dominated the game."',
            "BBC pundit and former Italy striker Gianluca Vialli: \"I don't want to brag, but we "
            "were almost perfect. We dominated the game, we showed desire and commitment and we "
            'played like a team."',
            "agree",
        ),
    ],
)
def test_the_thirty_fifth_probes_misses(claim: str, unit: str, expected: str) -> None:
    """Errors of the thirty-fifth probe (session 62), with faithful pairs beside them: whose
    belief, hope or claim it is left out ("Police believe that the man fled" was an earlier
    guard, read then as an attribution left out: it says as fact what the police only
    believe), "an alleged" made "a", a hope said as certain with a pronoun for the name, a
    figure moved onto another's words, a long label before a speaker's colon."""
    assert reason(claim, unit) == expected


def test_a_concession_made_a_cause_a_consequence_put_last_and_readings_that_agree() -> None:
    """The thirty-fifth probe's: what a unit grants by "even though" given as the cause, though
    the unit links another cause ("therefore"); "as a result" that ends a claim whose unit and
    neighbours link nothing as a cause ("also known as" links none). And its false alarms: a
    negator said twice over ("never, never"), a span of time in other units ("a week" /
    "seven days"), a speaker's word clipped ("the ref" / "the referee")."""
    angola = (
        "Civil society and opposition groups have therefore turned to the internet, even though "
        "only 1% of Angolans have access to the web, to hold their debates and share information "
        "through blogs and social networking sites."
    )
    caused = (
        "Civil society and opposition groups have turned to the internet to hold their debates "
        "and share information through blogs and social networking sites, because only 1% of "
        "Angolans have access to the web."
    )
    assert reason(caused, angola) == "word because where the source has even though"
    other = caused.replace("only 1% of Angolans have access to the web", "of the ban on rallies")
    assert reason(other, angola + " The government has banned rallies.") != (
        "word because where the source has even though"
    )
    group = (
        "In May it made headlines leaking emails to and from Igor Girkin, also known as "
        "Strelkov, a key rebel commander.",
        "Access to Anonymous International's website is currently blocked in Russia.",
        "BBC Monitoring reports and analyses news from TV, radio, web and print media.",
    )
    near = range(len(group))
    claim = "Access to its website is currently blocked in Russia as a result."
    found = relinked(claim, group, near)
    assert found is not None and found[1] == 1
    assert found[0].reason() == (
        "word as a result where the source has two statements it does not link"
    )
    assert relinked(claim.replace(" as a result", ""), group, near) is None
    linked = group[:1] + ("As a result, access to its website is currently blocked in Russia.",)
    assert relinked(claim, linked + group[2:], near) is None
    # false alarms
    never = (
        '"Our message is worth repeating once again that people should never, never give out '
        'any banking details or account numbers over the telephone."'
    )
    told = "People should never give out any banking details or account numbers over the telephone."
    assert reason(told, never) == "agree"
    assert reason(told.replace("never ", ""), never).startswith("negation")
    week = "The Sandyhills incident happened on 15 September with the Stranraer con taking place "
    assert reason(week + "a week later.", week + "seven days later.") == "agree"
    assert reason(week + "12 months later.", week + "a year later.") == "agree"
    assert reason(week + "eight days later.", week + "seven days later.") == (
        "number eight where the source has seven"
    )
    ref = "Robertson added: \"The ref told us he didn't give it because he wasn't 100% sure.\""
    assert reason("Robertson said the referee told them he didn't give it.", ref) == "agree"
    assert reason("robertson said the manager told them he didn't give it.", ref.lower()) == (
        "name manager where the source has ref"
    )


@pytest.mark.parametrize(
    ("claim", "unit", "expected"),
    [
        (
            "On 1 April it reported that more than 100 people had been detained, and that at "
            "least two had been killed.",
            "On 1 April it reported that more than 100 people had been detained, and that at "
            "least three had been killed.",
            "number more than two where the source has more than three",
        ),
        (
            "The Department for Environment, Food and Rural Affairs found the number had gone"
            " up by 200 million since October.",
            "The Department for Environment, Food and Rural Affairs found the number had gone"
            " up by 200 million since 2013.",
            "word october where the source has 2013",
        ),
        (
            "Earlier this month, American Apparel was denied a restraining order preventing "
            "him from making any negative statements in the press about the company.",
            "Earlier this month, American Apparel was granted a restraining order preventing "
            "him from making any negative statements in the press about the company and from "
            "trying to get board members removed.",
            "opposite denied where the source has granted",
        ),
        (
            "Arrests have been made.",
            "No arrests have been made.",
            "negation: only the source denies or negates it",
        ),
        (
            "Passport applicants would not have to pay a state tax, and previous residence in"
            " Russia would still be required.",
            "Passport applicants would not have to pay a state tax, and previous residence in"
            " Russia would no longer be required.",
            "opposite still where the source has no longer",
        ),
        (
            "Previous residence in Russia would be required.",
            "Previous residence in Russia would no longer be required.",
            "negation: only the source denies or negates it",
        ),
        (
            "KLM said the flights would allow people to spend a full day in the Netherlands "
            "before returning home.",
            "Highlands and Islands Airports Limited (Hial) said the flights would allow "
            "people to spend a full day in the Netherlands before returning home.",
            "name klm where the source has airports, islands, limited",
        ),
        (
            "Hial said the flights would allow people to spend a full day in the Netherlands "
            "before returning home.",
            "Highlands and Islands Airports Limited (Hial) said the flights would allow "
            "people to spend a full day in the Netherlands before returning home.",
            "agree",
        ),
        (
            "Her family said they were understandably upset at their loss and that she would "
            "be greatly missed.",
            "Police said Mrs Clark's family were understandably upset at their loss and that "
            "she would be greatly missed.",
            "name her family where the source has police",
        ),
        (
            "Mrs Clark's family were understandably upset at their loss, police said.",
            "Police said Mrs Clark's family were understandably upset at their loss.",
            "agree",
        ),
        (
            'Mrs Colfer went to see an out-of-hours GP on 17 April with a rash "from head to '
            'foot" but not on the arms.',
            "Mrs Colfer said her son went to see an out-of-hours GP on 17 April with a rash "
            '"from head to foot" but not on his arms.',
            "name mrs colfer where the source has her son",
        ),
        (
            "Police found a body in the river on Monday.",
            "Police said officers found a body in the river on Monday.",
            "agree",
        ),
        (
            "Alison Wedgwood, a direct descendant of company founder Josiah Wedgwood, said "
            'the collection was "important" for Staffordshire.',
            "Alison Wedgwood, whose husband Tom is a direct descendant of company founder "
            'Josiah Wedgwood, said the collection was "important" for Staffordshire.',
            "word wedgwood where the source has wedgwood whose husband tom is",
        ),
        (
            'Alison Wedgwood said the collection was "important" for Staffordshire.',
            "Alison Wedgwood, whose husband Tom is a direct descendant of company founder "
            'Josiah Wedgwood, said the collection was "important" for Staffordshire.',
            "agree",
        ),
        (
            "The council said Telford Road would remain closed for most of Monday to allow "
            "clean-up work to be carried out.",
            "The council said Telford Road was expected to remain closed for most of Monday "
            "to allow clean-up work to be carried out.",
            "word would where the source has was expected to",
        ),
        (
            "The Warriors host the Cavaliers in the first game of the best-of-seven finals on"
            " Thursday and will repeat their 4-2 success in the 2015 finals.",
            "Warriors host the Cavaliers in the first game of the best-of-seven finals on "
            "Thursday, hoping to repeat their 4-2 success in the 2015 finals.",
            "word and will where the source has hoping to",
        ),
        (
            "The plane crashed into the southern Indian Ocean.",
            "The plane is long believed to have crashed into the southern Indian Ocean.",
            "word plane crashed where the source has plane is long believed to have crashed",
        ),
        (
            "Mr Charney, who also founded the company, was ousted last year because of "
            "accusations of misuse of company funds.",
            "Mr Charney, who also founded the company, was ousted last year because of the "
            "employee complaints and amid accusations of misuse of company funds.",
            "word because of where the source has the employee complaints and amid",
        ),
        (
            "Mr Charney, who also founded the company, was ousted last year because of the "
            "employee complaints.",
            "Mr Charney, who also founded the company, was ousted last year because of the "
            "employee complaints and amid accusations of misuse of company funds.",
            "agree",
        ),
        (
            "They were unable to find an equaliser because of Steven Pienaar's dismissal.",
            "Bournemouth were stunned by goals for Sunderland from Victor Anichebe and a "
            "Jermain Defoe penalty and they were unable to find an equaliser, even against 10"
            " men following Steven Pienaar's dismissal.",
            "word because of where the source has even against 10 men following",
        ),
        (
            "They were unable to find an equaliser, even against 10 men.",
            "Bournemouth were stunned by goals for Sunderland and they were unable to find an"
            " equaliser, even against 10 men following Steven Pienaar's dismissal.",
            "agree",
        ),
        (
            "Lincolnshire Police said the tractor driver killed in the collision lived "
            "locally, but has not released any further details.",
            "Lincolnshire Police said the motorcyclist killed in the collision lived locally,"
            " but has not released any further details.",
            "name tractor driver where the source has motorcyclist",
        ),
        (
            "The rider was taken to hospital.",
            "The motorcyclist was taken to hospital.",
            "agree",
        ),
        (
            "Durrant was first-team coach when Walter Smith succeeded Ally McCoist in 2011.",
            "He was first-team coach when Ally McCoist succeeded Smith in 2011, then returned"
            " to working with the youths again after McCoist resigned during season.",
            "order smith succeeded ally mccoist where the source has ally mccoist succeeded smith",
        ),
        (
            "Durrant was first-team coach when Ally McCoist succeeded Walter Smith in 2011.",
            "He was first-team coach when Ally McCoist succeeded Smith in 2011, then returned"
            " to working with the youths again after McCoist resigned during season.",
            "agree",
        ),
        # whom it is said to is no one spoken of
        (
            "He overcame that and is now targeting a medal at the 2016 Rio Olympics.",
            "He explains to BBC Sport's Nick Hope how he overcame that and is now targeting a "
            "medal at the 2016 Rio Olympics.",
            "agree",
        ),
    ],
)
def test_the_thirty_sixth_probes_misses(claim: str, unit: str, expected: str) -> None:
    """Errors of the thirty-sixth probe (session 63), with faithful pairs beside them: a bound
    set alike with another figure ("at least two" / "at least three"), a month for a year, an
    opposite of a copy ("denied" / "granted", "still" / "no longer"), a negator that opened the
    unit left out, a speaker before an acronym in brackets, the one a speaker speaks of made the
    speaker or the doer, the one whose husband it is made him, a prospect said as "would" or
    joined by "and will", a belief held "long", what happens beside a thing or in spite of it
    made its cause, a motorcyclist for a tractor driver, two names traded before a clause that
    names one again."""
    assert reason(claim, unit) == expected


def test_a_parent_of_children_describes_the_one_named_before() -> None:
    """The thirty-sixth probe's false alarm: "The father-of-four pleaded guilty" describes the
    one the sentence before names, as "the 46-year-old" would."""
    sources = (
        "Hospital radiographer Aidan McNicholl, 36, died following the collision on the A5.",
        "Andreas Werner, 46, of Leipzig, failed to spot the motorcyclist as he turned right.",
        "The father-of-four pleaded guilty to causing death by careless driving at Llandudno "
        "Magistrates' Court.",
    )
    claim = (
        "Andreas Werner pleaded guilty to causing death by careless driving at Llandudno "
        "Magistrates' Court."
    )
    assert spliced(claim, sources) is None
    aged = sources[2].replace("The father-of-four", "The 46-year-old")
    assert spliced(claim, (*sources[:2], aged)) is None
    named = sources[2].replace("The father-of-four", "Mr McNicholl's brother")
    assert spliced(claim, (*sources[:2], named)) is not None


def test_a_garbled_copy_whose_name_stands_alone_before_a_pronoun_is_read_without_failing() -> None:
    """A hostile candidate: a copy garbled in front (words dropped, swapped and run together)
    where the pronoun and "will" stand for the unit's lone capitalised word. The hedge rules
    look for the words before that word's verb, and there are none: the sentences still agree
    (a mutated benchmark corpus stopped a run here with a ValueError)."""
    tail = (
        " The left-arm batsman and spinner, who made his Test debut in 2015, will rejoin the"
        " Rapids following June's ICC Trophy in England."
    )
    claim = '"last summer he was very unlucky. "Last very' + tail
    unit = '"There "last summer awas very’ he Losing' + tail
    named = frozenset({"losing"})
    assert compare(claim, unit, True, frozenset(), 0.6, False, frozenset(), named)[0] == "agree"
