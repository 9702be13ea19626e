"""Speakers: who says what. A quote given to another speaker (`_speaker`), a dialogue's turn
(`_turn`), and the speakers of a source's sentences, a speaking "he" or a quote left open read
as the speaker named before it (`voiced`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from evalkit.conflict.base import (
    _COPY,
    _NEAR_COPY,
    _PRONOUNS,
    _SAY,
    _SPEECH,
    _WHO,
    Conflict,
    _content,
    _copy_changes,
    _one_apart,
    _replaced,
    aged,
    speaks_after,
)
from evalkit.conflict.names import (
    _BODY_WORDS,
    _HIS,
    _HONORIFICS,
    _NAME_WORDS,
    _OFFICES,
    _PEOPLE,
    _PERSON_TITLES,
    _STANDS_IN,
    _THE_COUNTRIES,
    _VOICES,
    _described,
    abbreviates,
    same_voice,
    sex_named,
)
from evalkit.lexicon import name_words, vocabulary_words
from evalkit.text import (
    MEMO,
    MONTHS,
    STOPWORDS,
    TURN,
    WEEKDAYS,
    cased,
    is_content,
    names,
    national,
    stem,
    tokens,
    untokenised,
)

# Verbs that give words to their speaker as "said" does ("Kim called it 'absurd'"), read for
# a speaker by the speaker rule alone (`_speaker`): what else a claim says is weighed beside
# the speakers "said" finds, so "Kim denied ..." keeps Kim among the words it compares.
_ATTRIBUTES = (
    r"(?:called|calls|described|describes|denied|denies|dismissed|dismisses|rejected|rejects|"
    r"labelled|labeled|emphasised|emphasized|stressed|stresses|explained|explains)"
)
# a word between "said" and the speaker's name is a role ("said manager Paul Grant"), unless
# it starts a phrase ("said in London", "said on Monday")
_NOT_ROLE = (
    r"(?:in|on|at|to|from|with|that|of|by|for|after|before|during|last|this|when|while|as|and|"
    r"but|it|he|she|they|there|yesterday|today|earlier|later|then|now)"
)
# a body a name qualifies, speaking as one: "Ukrainian officials said", "Welsh police said"
_BODY = r"(?:\s+(?:officials|authorities|police|prosecutors|investigators|diplomats|sources))?"
# "said Kim" names its speaker after a quote or a comma ('"...," said Kim'; not "The chairman
# said South Yorkshire had ...", nor "she said North Korea does not ...": the name is what is
# said)
_INVERTED = r"(?<=[,\"”'’]\s)"
_BY_SAYING = r"(?:responded|replied|reacted)\s+by\s+saying"  # "The ministry responded by saying"


# after "said", up to four words (and an "and" between two) that describe the speaker before a
# name that ends the clause: '..., said Saracens head coach Mark McCall.', '..., said four-time
# major winner McIlroy of Northern Ireland.', '..., said former Sharks and England winger Mark
# Cueto.'
_ENDS_CLAUSE = r"(?=\s*(?:[,.;:!?—–(]|$|of\b|from\b))"


# "said to be" is no speech: "with two clubs said to be interested", "Manchester City said to
# have made an offer"
_TO_BE = ("be", "have", "been")
_NOT_PASSIVE = rf"(?!\s+to\s+(?:{'|'.join(_TO_BE)})\b)"


def _passive_said(words: tuple[str, ...], at: int) -> bool:
    """Whether the words from `at` are "said to be" (or "... to have"): no one speaks."""
    return words[at + 1 : at + 2] == ("to",) and at + 2 < len(words) and words[at + 2] in _TO_BE


# "said" after an auxiliary: "Datuk Abdul Hamid has said", "Smith had told"
_HAS_SAID = r"(?:has|have|had)\s+(?:also\s+)?(?:said|told)"


# an aside between the speaker and "said": between commas, with a relative clause after it ("John
# Grogan, chairman of the Hatfield Employee Benefit Trust, which has run the mine since 2013,
# said"), between dashes ("Prof Olesen - a former GP himself - said"), or in brackets
# ("Highlands and Islands Airports Limited (Hial) said")
_APPOSITION = (
    r"(?:,[^,]{1,80}(?:,\s+(?:which|who|whose)\s[^,]{1,80})?,"
    r"|\s+[-–—]\s[^-–—,]{1,60}\s[-–—]|\s*\([^()]{1,40}\))?"
)


def _speaker_pattern(speech: str, who: str = _WHO) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<before>{who}{_BODY}){_APPOSITION}\s+(?:{speech}|{_BY_SAYING}|{_HAS_SAID})"
        rf"\b{_NOT_PASSIVE}"
        rf"|{_INVERTED}\b{speech}\s+(?:(?!{_NOT_ROLE}\b)[\w'’.-]+\s+"
        rf"(?:(?:and\s+)?(?!{_NOT_ROLE}\b)[\w'’.-]+\s+){{0,3}}?)??"
        rf"(?P<described>{who}){_ENDS_CLAUSE}"
        rf"|{_INVERTED}\b{speech}\s+(?:(?!{_NOT_ROLE}\b)[a-z]+\s+){{0,2}}(?P<after>{who})"
        rf"|\b[Aa]ccording to (?:[a-z]+\s+){{0,3}}(?P<source>{who})"
        rf"|(?<=,\s)(?P<apposed>{who}),\s+{speech}\b"  # "Another user, Matt Sterling, said"
    )


# In text without capitals, a speaker is up to four words before "said" (or after it), of
# which the names the lexicon knows are kept (`_who`): "clara eaglen said", "katherine murphy,
# chief executive of the patients' association, added", "the aam's music director richard
# egarr added"; none in "the company said"
_WHO_LOWER = r"[a-z][\w'’.-]*(?:\s+[a-z][\w'’.-]*){0,3}"
_SPEAKER = _speaker_pattern(_SPEECH)
_ATTRIBUTED = _speaker_pattern(rf"(?:{_SPEECH}|{_ATTRIBUTES})")
_LOWERED = {
    _SPEAKER: _speaker_pattern(_SPEECH, _WHO_LOWER),
    _ATTRIBUTED: _speaker_pattern(rf"(?:{_SPEECH}|{_ATTRIBUTES})", _WHO_LOWER),
}


def _talk(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The pattern's speakers in the text; by the lower-cased pattern in text without capitals."""
    return (pattern if cased(text) else _LOWERED[pattern]).finditer(text)


def _initials_of(short: frozenset[str], long: frozenset[str], text: str) -> bool:
    """Whether the one word `short` is the initials of words of the text that end with the
    words `long`: "moj" of "the Ministry of Justice", where "Justice" alone speaks."""
    words = tokens(text)
    at = [i for i, w in enumerate(words) if w in long]
    if len(short) != 1 or not at:
        return False
    return abbreviates(tuple(short), words[max(at[0] - _NAME_WORDS, 0) : at[-1] + 1])


_CLIPPED = 3  # `_clipped`: the fewest letters of a word's clipped form


def _clipped(mine: frozenset[str], theirs: frozenset[str], named: frozenset[str]) -> bool:
    """Whether one speaker is the other's word clipped, neither a name, verbs of speech aside:
    "the ref told" for "the referee told", "the prof" for "the professor"."""
    mine, theirs = (frozenset(w for w in x if not _SAY.fullmatch(w)) for x in (mine, theirs))
    if len(mine) != 1 or len(theirs) != 1 or (mine | theirs) & named:
        return False
    (a,), (b,) = sorted((mine, theirs), key=lambda x: len(next(iter(x))))
    return len(a) >= _CLIPPED and b.startswith(a) and a != b


def _speaker(claim: str, unit: str) -> Conflict | None:
    """The claim has someone say it whom the unit does not name, and the unit someone the
    claim does not name: a quote moved to another speaker. Not where either is an office,
    institution or capital (`_STANDS_IN`), which may speak for the other."""
    mine, theirs = speakers(claim, _ATTRIBUTED), speakers(unit, _ATTRIBUTED)
    named = not (mine <= _STANDS_IN or theirs <= _STANDS_IN)  # (an empty set is a subset)
    # a nationality written capitalised after "the" describes the one the other names ("The
    # Spaniard warned" for "Porto coach Julen Lopetegui warned")
    named = named and not (_nationality(mine, claim) or _nationality(theirs, unit))
    # the speaker's quote may name the claim's ("Mr Elliott said: "I have been totally
    # vindicated and Phil Flanagan has admitted ..."" against "Mr Flanagan said he had been
    # totally vindicated")
    # (nor as a possessor: "Krut said Simpson's piece was ..." names Simpson as no speaker)
    bare = _POSSESSOR.sub(" ", _UNQUOTED.sub(" ", unit))
    # (nor one speaker by the other's initials: "the MoJ said" for "the Ministry of Justice
    # said")
    named = named and not (_initials_of(mine, theirs, unit) or _initials_of(theirs, mine, claim))
    if named and not _names_one(mine, bare) and not _names_one(theirs, claim):
        return Conflict("name", ", ".join(sorted(mine)), ", ".join(sorted(theirs)))
    if not cased(unit):  # no capitals to find speakers by
        return _respoken(tokens(claim), tokens(unit))
    # capitals find named speakers; a group ("police", "prosecutors") has none
    return _respoken(tokens(claim), tokens(unit), names(claim) | names(unit))


def spoken_by_another(claim: str, unit: str) -> Conflict | None:
    """The claim's speaker named in the unit as someone else, where a description speaks
    ("Eddie Jones said that England are ..." against "The New Zealander also said that England
    under new coach Eddie Jones are ..."). Not a body's description ("the company said" may
    be the Apple the unit names), nor where the unit names its speaker."""
    if not cased(unit):
        return None
    mine, theirs = speakers(claim, _ATTRIBUTED), speakers(unit, _ATTRIBUTED)
    # the claim's last attribution, which its speaker's sex and role are read from
    said = next(reversed(list(_talk(_ATTRIBUTED, claim))), None) if mine else None
    if said is not None and not theirs:
        found = _other_sex(said, mine, unit)
        if found:
            return found
    spoken = _DESCRIBED_SPEAKER.search(unit) if mine else None
    if spoken is None or tokens(spoken["who"])[-1] in _BODY_WORDS | _COLLECTIVES:
        return None
    if theirs and not _nationality(theirs, unit):
        return None
    bare = _POSSESSOR.sub(" ", _UNQUOTED.sub(" ", unit))
    if _names_one(mine, spoken.group()):
        return None
    if not _names_one(mine, bare):
        return _role_apart(claim, unit, spoken["who"].lower(), said, mine) if said else None
    return Conflict("name", ", ".join(sorted(mine)), spoken["who"].lower())


def _other_sex(said: re.Match[str], mine: frozenset[str], unit: str) -> Conflict | None:
    """The unit's speaker is "he" or "she", the claim's (`said`, its attribution; `mine`, its
    name words) a name of the other sex by its title or given name ("'..., it worked,' Sarah
    said" against "'..., it worked,' he said")."""
    spoken = _PRONOUN_SPEAKS.search(unit)
    if spoken is None:
        return None
    pronoun = (spoken["pronoun"] or spoken["after"]).lower()
    if _POSSESSOR.search(said.group()):
        return None  # "Mr Smith's wife said": the possessor's sex is not the speaker's
    sex = sex_named(tokens(said.group()))
    if sex is None or sex == _HIS[pronoun]:
        return None
    return Conflict("name", ", ".join(sorted(mine)), pronoun)


# words that say a speaker's sex ("the woman told police", "his son wrote"), for `told_apart`
_SEX_WORDS = {
    **dict.fromkeys(
        """man boy father dad son husband brother uncle nephew grandfather grandson boyfriend
        fiance widower spokesman chairman businessman policeman fireman sportsman""".split(),
        "m",
    ),
    **dict.fromkeys(
        """woman girl mother mum mom daughter wife sister aunt niece grandmother granddaughter
        girlfriend fiancee widow spokeswoman chairwoman businesswoman policewoman
        sportswoman""".split(),
        "f",
    ),
}


def told_apart(claim: str, unit: str) -> Conflict | None:
    """The claim and the unit each have one speaker, told apart by their sex ("'...,' the
    woman told police" against "Mr Sheikh added: '...'") or by roles or bodies of other kinds
    (`_BODY_KINDS`) that the unit gives nobody ("officials told the Associated Press" against
    "Tom Osborne, his coach at Nebraska, told the Associated Press"), where the rules that read
    names find none. A spokesman has no role here: one may speak for anyone."""
    mine, theirs = _speaking(claim), _speaking(unit)
    if len(mine) != 1 or len(theirs) != 1:
        return None
    (my_sex, my_roles, my_words), (their_sex, their_roles, their_words) = mine[0], theirs[0]
    apart = my_sex is not None and their_sex is not None and my_sex != their_sex
    if not apart and my_roles and their_roles and not my_roles & their_roles:
        # (a role of the claim's own, not one the unit has elsewhere)
        apart = not set(my_words) & {
            w for w in tokens(unit) if w in _ROLE_KINDS or w in _BODY_KINDS
        }
    return Conflict("name", " ".join(my_words), " ".join(their_words)) if apart else None


def _speaking(text: str) -> list[tuple[str | None, frozenset[int | str], tuple[str, ...]]]:
    """The text's speakers, those that overlap read as one: each one's sex where its words say
    it (a title, a given name, "woman", "he"), the kinds of its roles (`_ROLE_KINDS`), and its
    words (a possessor's left out: "the boy's mother" is a woman)."""
    spans = [(m.start(), m.end()) for m in _talk(_ATTRIBUTED, text)]
    spans += [m.span() for m in _DESCRIBED_SPEAKER.finditer(text)]
    spans += [m.span() for m in _PRONOUN_SPEAKS.finditer(text)]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    found = []
    for start, end in merged:
        words = tokens(_POSSESSOR.sub(" ", _UNQUOTED.sub(" ", text[start:end])))
        words = tuple(w for w in words if not _SAY.fullmatch(w))
        sexes = {_SEX_WORDS[w] for w in words if w in _SEX_WORDS}
        sexes |= {_HIS[w] for w in words if w in _HIS}
        named = sex_named(words)
        sexes |= {named} if named else set()
        sex = sexes.pop() if len(sexes) == 1 else None
        # (a spokesman may speak for anyone: "a spokeswoman said" for "police said")
        kinds: set[int | str] = {
            _ROLE_KINDS[w] for w in words if w in _ROLE_KINDS and w not in _VOICES
        }
        kinds |= {_BODY_KINDS[w] for w in words if w in _BODY_KINDS}
        found.append((sex, frozenset(kinds), words))
    return found


def _role_apart(
    claim: str, unit: str, who: str, said: re.Match[str], mine: frozenset[str]
) -> Conflict | None:
    """`spoken_by_another` where the unit does not name the claim's speaker: the claim gives
    its speaker (`said`, its attribution; `mine`, its name words) a role of another kind than
    the one the unit's description has ("Durst's attorney, Dick DeGuerin, said" against "the
    official said", "Det Ch Insp Martin Brunning said" against "a police spokeswoman said"),
    or the unit's speaker is its own reporter ("our correspondent says"), whom a claim names by
    no other name."""
    theirs, named = tokens(who), ", ".join(sorted(mine))
    # the role words of the claim's attribution and the few words before it
    near = tokens(claim[: said.start()])[-_ROLE_REACH:] + tokens(said.group())
    if theirs[0] == "our" and theirs[-1] in _REPORTERS:
        return None if _REPORTERS & set(near) else Conflict("name", named, who)
    kinds = {_ROLE_KINDS[w] for w in theirs if w in _ROLE_KINDS}
    roles = {_ROLE_KINDS[w] for w in near if w in _ROLE_KINDS}
    have = set(tokens(unit))  # (a role of the claim's own, not one the unit has elsewhere)
    if not kinds or roles & kinds or not any(w in _ROLE_KINDS and w not in have for w in near):
        return None
    return Conflict("name", named, who)


_REPORTERS = frozenset("correspondent correspondents reporter reporters editor".split())
_MANAGERS = frozenset("manager managers boss bosses coach coaches".split())  # one kind in sport
_ROLE_REACH = 4  # `_role_apart`: the words before a claim's attribution read for its role
# roles that tell one speaker from another, each word its kind: "attorney" and "lawyer" are
# one kind, "official" and "spokeswoman" two
_ROLE_KINDS = {
    w: kind
    for kind, group in enumerate(
        [group - _MANAGERS for group in _PEOPLE]
        + [_MANAGERS]
        + [
            frozenset(g.split())
            for g in """spokesman spokeswoman spokesperson |
        official officials | correspondent reporter | minister | president | secretary |
        chancellor | chairman chairwoman chair | director | mayor | governor | senator |
        expert experts specialist specialists analyst analysts | scientist scientists researcher
        researchers |
        inspector insp det detective superintendent supt sergeant sgt constable pc""".split("|")
        ]
    )
    for w in group
}


_COLLECTIVES = frozenset("police force team side group".split())
# a description that speaks: "The New Zealander also said", "a police spokesman said",
# "officials say"
_GROUPS_SPEAK = (
    r"(?:[Oo]fficials|[Ee]xperts|[Ii]nvestigators|[Pp]rosecutors|[Dd]octors|[Ww]itnesses)"
)
_DESCRIBED_SPEAKER = re.compile(
    rf"\b(?P<who>(?:[Tt]he|[Aa]n?|[Oo]ur)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+|{_GROUPS_SPEAK})"
    rf"\s+(?:also\s+|has\s+|have\s+)?(?:{_SPEECH}|say)\b"
)


def quote_moved(claim: str, unit: str) -> Conflict | None:
    """The claim has someone say what the unit has another say, each named (`_speaker`); for
    a quote the claim copies from the unit, however much else the claim says (its speaker's
    description: '"There is every reason to be surprised," said Leeds head coach Garry Monk'
    against 'David Wagner said: "There is every reason to be surprised.').
    """
    if not (speakers(claim, _ATTRIBUTED) and speakers(unit, _ATTRIBUTED)):
        return None
    found = _speaker(claim, unit)
    return found if found is not None and found.kind == "name" else None


def _nationality(speaker: frozenset[str], text: str) -> bool:
    """Whether the speaker is one word of a nationality that the text writes capitalised after
    "the" ("the Spaniard", "the Swiss"): someone described, not a country ("the UK",
    `_THE_COUNTRIES`). Not in lower-cased text, where a copy that puts a name for "the
    argentine" ("danny murphy told bt sport") is read by no other rule."""
    (word,) = speaker if len(speaker) == 1 else ("",)
    if not word or word in _THE_COUNTRIES or not national(speaker):
        return False
    return re.search(rf"\b[Tt]he\s+{re.escape(word.capitalize())}\b", text) is not None


# a possessor's name: "Simpson's piece"
_POSSESSOR = re.compile(r"\b[^\W\d_][\w-]*['’]s\b")
# a quote (to its end, or the text's where the sentence ends inside it)
_UNQUOTED = re.compile(r"[\"“][^\"”]*(?:[\"”]|$)")


def _names_one(speaker: frozenset[str], text: str) -> bool:
    """Whether the text names the speaker: has at least half its name words ("Korea" of "South
    Korea's Unification Ministry" in a claim about North Korea is no mention of the ministry)."""
    return 2 * len(speaker & tokens_of(text)) >= len(speaker) > 0


_AUXILIARY = (
    r"(?:(?:will|would|can|could|has|have|had|is|am|was|did|does|just|also|already|really|"
    r"never|not|(?:do|does|did|ca|wo|could)n['’]t)\s+)*"
)
_I_DO = re.compile(rf"\bI(?:['’](?:m|ll|ve|d))?\s+{_AUXILIARY}(?P<verb>[a-z]+)")
_HE_DOES = re.compile(rf"\b(?P<who>[A-Z][\w'’-]*)\s+{_AUXILIARY}(?P<verb>[a-z]+)")


def _turn(claim: str, unit: str) -> Conflict | None:
    """In a dialogue, "Amanda: I baked cookies." says that Amanda baked them: a claim that has
    someone else by name do what a speaker says they do ("Jerry baked cookies") has the wrong
    person. Read where the unit opens with a speaker's label that is a name (`name_words`:
    not a caption's "Defiant: 'I will not resign'")."""
    if not TURN.match(unit):
        return None
    doers = {(m["who"], stem(m["verb"])) for m in _HE_DOES.finditer(claim)}
    for turn in TURN.finditer(unit):
        who = turn["who"][:-2].strip()
        if not name_words(who):
            continue
        done = {stem(m["verb"]) for m in _I_DO.finditer(turn["said"])}
        for name, verb in sorted(doers):
            if verb in done and name_words(name) and not name_words(name) & set(tokens(who)):
                return Conflict("name", name, who)
    return None


def _respoken(
    claim: tuple[str, ...], unit: tuple[str, ...], named: frozenset[str] | None = None
) -> Conflict | None:
    """In word-aligned text, the words right before "said" (or after "said" or "according
    to") replaced by others, neither side a pronoun, a description (`_described`) nor the
    same voice (`same_voice`): "dr hills said" against "prof ruggles said". A group for
    another group is one too, a description or not ("the club said" against "prosecutors
    said"). In cased text (`named`: the words capitals show as names) only a group for a
    group is read here, and a speaker described otherwise (`_described_otherwise`)."""
    written = claim, unit  # with their possessives, for the reason
    claim, unit = _owned(claim), _owned(unit)
    changes = _copy_changes(claim, unit, _NEAR_COPY) or ()
    # two changes around one word both keep are one name put for another ("angela colfer
    # said" against "gareth colfer williams said")
    for i1, i2, j1, j2 in _replaced(changes + _one_apart(changes), claim, unit):
        # a word that joins the clause is no part of who speaks ("while the social network says")
        i1, j1 = _past_joining(unit, i1, i2), _past_joining(claim, j1, j2)
        old, new = unit[i1:i2], claim[j1:j2]
        after = unit[i2] if i2 < len(unit) and j2 < len(claim) and claim[j2] == unit[i2] else ""
        if after in _HAVE and i2 + 1 < len(unit):  # "scientists have warned"
            after = unit[i2 + 1]
        before = unit[i1 - 1] if i1 and j1 and claim[j1 - 1] == unit[i1 - 1] else ""
        according = before == "to" and i1 >= 2 and unit[i1 - 2] == "according"
        # the words right before "said" (not "said to be": "two clubs said to be interested")
        speaks = bool(_SAY.fullmatch(after)) and not _passive_said(unit, i2)
        if not (speaks or _SAY.fullmatch(before) or according):
            continue
        gone, put = _content(old), _content(new)
        if speaks_after(unit, i2, new):
            continue  # "..., police said" for "... and investigations continue, said police"
        # an office may speak for the person who holds it ("prime minister has claimed" for
        # "mr cameron has claimed", tokenised CLIFF), as `_speaker` reads names
        if not gone or not put or same_voice(gone, put) or gone <= _OFFICES or put <= _OFFICES:
            continue
        if _clipped(frozenset(gone), frozenset(put), named or frozenset()):
            continue  # "the ref told" for "the referee told"
        if named is not None and (_described_otherwise(gone, put, named) or _other_body(old, new)):
            return Conflict("name", " ".join(written[0][j1:j2]), " ".join(written[1][i1:i2]))
        # a name, a title or an age marks a person ("mr earnest said", "the 42-year-old said"),
        # who may speak for a group
        person = bool(name_words(" ".join(old + new)) or set(old + new) & _PERSON_TITLES)
        person = person or aged(old) or aged(new)
        groups = not (person or (named and (gone | put) & named))
        # words after "said" are its speaker's where they end it ("..., say police"), else
        # what is said ("said legal arms dealings ...")
        groups = groups and (speaks or according or j2 == len(claim))
        # not a description of the other: "the 68-year-old says" for "harry redknapp says"
        described = named is not None or _described(unit, i1, claim, j1, gone, put)
        if groups or not described:
            mine, theirs = written[0][j1:j2], written[1][i1:i2]
            return Conflict("name", " ".join(mine), " ".join(theirs))
    return None


def _described_otherwise(gone: set[str], put: set[str], named: frozenset[str]) -> bool:
    """In cased text, a speaker described by a name and a word of what it is (a body, a
    role: "Palermo police", "producer Quincy Jones", "a YouTube spokeswoman") put for one
    with other names ("Italian coastguards", "Jon Platt of Warner/Chappell music
    publishing", "Pakistan's ministry"). Not a bare name, a person or a body the other side
    may speak for ("The Labour leader" for "Jeremy Corbyn"; two bare names are `_speaker`'s),
    nor where the two share a name ("the UK government" for "Amnesty International UK")."""
    mine, theirs = ({w for w in x if w in named or name_words(w)} for x in (put, gone))
    described = mine and theirs and put - mine - _PERSON_TITLES and gone - theirs - _PERSON_TITLES
    return bool(described) and not mine & theirs and not (gone | put) & _PERSON_TITLES


# kinds of body a speaker's last word may name, for `_other_body`
_BODY_KINDS = {
    word: kind
    for kind, words in (
        ("state", "government ministry department office authority authorities officials"),
        ("state", "council councils commission agency committee board service"),
        ("police", "police force constabulary officers detectives"),
        ("court", "court courts judge"),
        ("club", "club team side"),
        ("company", "company firm business"),
        ("school", "university college school institute"),
        ("hospital", "hospital"),
        ("charity", "charity organisation organization association society federation union"),
        ("party", "party"),
    )
    for word in words.split()
}


def _other_body(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether a speaker that ends in one kind of body's word is put for one that ends in
    another's, sharing no word: "The university said" for "South Wales Police said" (not
    "police officials said" for "Police said", nor "the club said" for "Chelsea said")."""
    heads = [[w for w in side if is_content(w)][-1:] for side in (old, new)]
    if not all(heads) or set(old) & set(new) - STOPWORDS:
        return False
    kinds = [_BODY_KINDS.get(head[0]) for head in heads]
    return None not in kinds and kinds[0] != kinds[1]


def _owned(words: tuple[str, ...]) -> tuple[str, ...]:
    """A possessive before a content word read as "the": "her family" is a group, no pronoun."""
    return tuple(
        "the" if w in _POSSESSIVES and is_content(n) else w
        for w, n in zip(words, words[1:] + ("",), strict=True)
    )


def _past_joining(words: tuple[str, ...], start: int, stop: int) -> int:
    """Where words[start:stop] begins after the words that join its clause, its last word kept."""
    while start < stop - 1 and words[start] in _JOINING:
        start += 1
    return start


_POSSESSIVES = frozenset("his her their its".split())
_JOINING = frozenset("while whilst and but as when although though because since so".split())
_HAVE = frozenset("has have had".split())


@lru_cache(maxsize=MEMO)
def tokens_of(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


# A pronoun that speaks: "she said", "he added", "..., she said.", "..., said he." (not the
# subject of what is said: "it was confirmed she had consumed antifreeze")
_PRONOUN_SPEAKS = re.compile(
    rf"\b(?P<pronoun>[Hh]e|[Ss]he)\s+{_SPEECH}\b"
    rf"|\b{_SPEECH}\s+(?P<after>he|she)\b(?=\s*(?:[,.;:!?\"”’']|$))"
)


def names_speaker(text: str) -> bool:
    """Whether the text names whoever says it ("Kirby said", "Kim called it ..."): what the
    speaker rule compares with a unit's speaker, "she" of `voiced` included."""
    return bool(speakers(untokenised(text), _ATTRIBUTED))


def _who(match: re.Match[str]) -> str:
    """Who the match has speak; none for a name that ends a phrase after a preposition ("The
    woman whose moans sparked most complaints in New York said today: ...", "Det Ch Insp Martin
    Brunning, from the Bedfordshire, Cambridgeshire and Hertfordshire major crime unit, said:")."""
    if match["before"] and _ENDS_PHRASE.search(match.string, 0, match.start("before")):
        return ""
    who = _written(match)
    if cased(match.string):
        return who
    # without capitals, the run of names the lexicon knows next to the verb before it, or the
    # last after it (`_WHO_LOWER`): "richard egarr" of "the aam's music director richard egarr
    # added" and of "said gateshead manager malcolm crosby"; none of "the england number one
    # said". A word after an honorific is a name ("mr king claimed").
    words = tokens(who)
    found = name_words(match.string) - MONTHS - WEEKDAYS
    found |= {w for h, w in zip(words, words[1:], strict=False) if h in _HONORIFICS}
    # a word after a name that the vocabulary has only as an inflection is a surname
    # ("caroline abrahams", where "abrahams" reads as the plural of "abraham")
    english = vocabulary_words()
    found |= {
        w
        for h, w in zip(words, words[1:], strict=False)
        if h in found and is_content(w) and w not in english
    }
    runs = [list(run) for named, run in itertools.groupby(words, found.__contains__) if named]
    run = runs[-1] if runs and (not match["before"] or words[-1] in found) else []
    # a title before the name is no name ("prof ruggles"; "king" alone is one)
    titled = {k for k, w in enumerate(run[:-1]) if w in _PERSON_TITLES}
    return " ".join(w for k, w in enumerate(run) if k not in titled)


def _written(match: re.Match[str]) -> str:
    """The words `_who` reads its speaker from, as written."""
    return (
        match["before"]
        or match["described"]
        or match["after"]
        or match["source"]
        or match["apposed"]
    )


_ENDS_PHRASE = re.compile(r"\b(?:in|at|from|near|across|outside|around|over)\s+(?:the\s+)?$")


def voiced(sentences: list[str]) -> list[str]:
    """The sentences of one article with a speaking "he" or "she" read as the name of the
    last speaker named within the three sentences before, read so in turn ("Kirby said ... He
    added ..." -> "Kirby added ..."), and the quotes that open the sentences after one that
    introduces them ("Surrey skipper Gareth Batty told BBC Radio London:", "Yorkshire captain
    Alex Lees:", 'She said: "And I sort of ...', she being Dr Hills) or before one that closes
    it and names its speaker (`_closed_by`) read as that speaker's ("Gareth Batty said:
    "Davies and Foakes were ...""), for the speaker rule: a claim that has someone else say it
    names the wrong speaker. So are the sentences of a quote that go on without a quote mark
    of their own, up to _INSIDE of them, before the one that closes it or after one that left
    it open ('Dr Nicky Thorp ... said: "We were dismayed, ... case.' | 'The child was there,
    ...'). Other sentences as they are. Tokenised sentences are read as written
    (`untokenised`)."""
    written, sentences = sentences, [untokenised(s) for s in sentences]
    known = frozenset().union(*(names(s) for s in sentences))  # the article's names
    out: list[str] = []
    quoting = None  # who speaks the quote that opens each sentence since "X told BBC Sport:"
    closing: tuple[str, int] | None = None  # who closes the open quote, at which sentence
    inside = 0  # sentences since a quote was left open; 0: none is open
    went_on: str | None = None  # who closed the quote of the sentence before, named after it
    speaking: str | None = None  # who speaks the quote a sentence read as theirs left open
    for i, text in enumerate(sentences):
        opens = bool(_QUOTE_OPENS.match(text))
        if closing and closing[1] <= i:
            closing = None
        last, went_on = went_on, None
        # a sentence that introduces quotes of its own ("Yorkshire captain Alex Lees:") ends
        # the quote left open before it
        going_on = 0 < inside <= _INSIDE and not _INTRODUCES.search(text)
        going_on = going_on and not _introduced(text, known)
        if (opens or closing or going_on) and not speakers(text):
            # a quote of several sentences, its speaker after it: ""I was more worried about
            # winning the race." | "They went just after the start," Shinn said."
            if (opens or (going_on and not closing)) and not quoting:
                closing = _closed_by(sentences, i + 1)
            # a quote that opens right after one its speaker closed goes on with theirs
            # ("'I think it's fantastic,' Smith added. | 'You can't keep playing forever.")
            # (or one the sentence before left open, which this one closes: "'As he was
            # fleeing from police, they killed my son. | He couldn't have been a threat if he
            # was running.'")
            closes_it = going_on and _closes(text)
            # (the speaker of a quote left open: not into a sentence with a verb of speech of
            # its own, "The club said it would ...")
            told = speaking and any(_SAY.fullmatch(t) for t in tokens(text))
            who = (
                quoting
                or (closing[0] if closing else None)
                or (last if opens or closes_it else None)
                or (None if told else speaking)
            )
            if who:
                out.append(f"{who} said: {text}")
                inside = _left_open(text, inside)
                went_on = who if who == last else None
                # a quote it leaves open goes on with theirs, in the sentences after it and the
                # quote that opens the next paragraph ('... said Diamond. | "We have a good
                # management structure here. | We understand ... | "We have to settle him in')
                speaking = who if inside else None
                continue
        speaking = None
        found = _PRONOUN_SPEAKS.search(text)
        name = None
        if found and not speakers(text):
            for before in reversed(out[max(0, i - 3) : i]):
                if not _ENDED.search(before):
                    continue  # a headline or a link ("Things to know before you see Rogue One")
                talk = list(_talk(_ATTRIBUTED, before))
                # (lower-cased, as written: "dr hills", whose title says "hills" is a name)
                named = [_written(m) for m in talk if _who(m)]
                if talk and not named and not cased(before):
                    break  # lower-cased, a speaker the lexicon cannot name
                opener = _opener(before)
                if named or opener:
                    name = named[-1] if named else opener
                    # (not the sentence's full stop: "said Lucas." names "Lucas")
                    name = _UNSTOPPED.sub("", name) if name else None
                    break
                if _OPENS_UNNAMED.match(before):  # "An HMRC spokesman pointed out ..."
                    break
        if found and name:
            at = found.start("pronoun") if found["pronoun"] else found.start("after")
            size = len(found["pronoun"] or found["after"])
            text = text[:at] + name + text[at + size :]
        quoting = _introduced(text, known)
        inside = int(_quote_left_open(text)) if quoting else _left_open(text, inside)
        went_on = _quote_closed_by(text) if opens else _quote_opened_by(text)
        out.append(text)
    return [w if o == s else o for w, s, o in zip(written, sentences, out, strict=True)]


_INSIDE = 4  # `voiced`: the most sentences a quote left open goes on for without a quote mark


def _left_open(text: str, inside: int) -> int:
    """`voiced`'s count of sentences inside a quote left open, after this one."""
    if _QUOTE_OPENS.match(text) or not inside:
        return int(_quote_left_open(text))
    return 0 if _closes(text) else inside + 1


def _closes(text: str) -> bool:
    """Whether a sentence inside a quote closes it."""
    closes = text.count('"') % 2 == 1 or "”" in text or _SINGLE_CLOSES.search(text) is not None
    return closes or _STRAIGHT_CLOSES.search(text) is not None


def _closed_by(sentences: list[str], start: int) -> tuple[str, int] | None:
    """The speaker that the first of up to _INSIDE sentences from `start` that closes a quote
    names after it, and the index of that sentence (""At one stage, I looked out ..." | "I
    freaked out ..." | "I couldn't deal with it," Athanasia Georgoudakis ... told the Sydney
    Morning Herald."); None where a sentence opens another quote first."""
    for k in range(start, min(start + _INSIDE, len(sentences))):
        text = sentences[k]
        if _QUOTE_OPENS.match(text):
            return None
        if _QUOTE_CLOSES.search(text):
            who = _quote_closed_by(text)
            return (who, k) if who else None
    return None


def _quote_closed_by(text: str) -> str | None:
    """The speaker a sentence that goes on with a quote names after it closes (""They went
    just after the start," Shinn said.")."""
    close = _QUOTE_CLOSES.search(text)
    named = [m for m in _talk(_ATTRIBUTED, text) if close and m.start() >= close.end()]
    return _named_speaker(named[0]) if named else None


_QUOTE_CLOSES = re.compile(r"[,.!?][\"”’']")


def _named_speaker(match: re.Match[str]) -> str | None:
    """Who the speaker pattern's match has speak, as written, where that is a name: none for a
    pronoun ("he said"); not the sentence's full stop ("said ... Diamond." names "Diamond")."""
    who = _written(match) if _who(match) else None
    return None if who is None or who.lower() in _PRONOUNS else _UNSTOPPED.sub("", who)


_UNSTOPPED = re.compile(r"(?<=\w\w)\.$")  # a name's full stop, not an initial's ("J.")


def _quote_opened_by(text: str) -> str | None:
    """The speaker a sentence names before the colon that opens its quote, left open at the
    sentence's end ("Passer-by Kuan Tseng, 32, said: 'It seemed that ... the car."), whose
    next quote goes on with theirs; not 'He said: "I do it all for them."'."""
    if _ENDS_QUOTED.search(text) or not _COLON_QUOTE.search(text):
        return None
    named = [m for m in _talk(_ATTRIBUTED, text) if _COLON_QUOTE.match(text, m.end())]
    return _named_speaker(named[-1]) if named else None


_COLON_QUOTE = re.compile(r"\s*:\s*[\"“‘']")  # "said: '...": a colon that opens a quote
_ENDS_QUOTED = re.compile(r"[\"”’']\s*$")


# the name that opens a sentence, its subject ("Kevin Hart, who ..., brought his kids on
# stage. He said: ..."), for `voiced`
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir)\s+)?"  # a title before a name, not part of it
_OPENS_NAMED = re.compile(rf"\s*{_TITLE}(?P<who>{_WHO})")
_ENDED = re.compile(r"[.!?:;][\"'”’)]*\s*$|[\"”’]\s*$")  # a sentence's closing mark, a quote's
# a sentence whose subject is someone unnamed, whom a "he" or "she" after it may be: "An HMRC
# spokesman pointed out ...", "The minister added ...", "The Belgium international has
# overcome ...", "The 27-year-old has even given up ..."
_DESCRIBED = frozenset(
    """international player striker keeper goalkeeper midfielder defender forward winger
    captain manager coach boss star actor actress singer""".split()
)
_OPENS_UNNAMED = re.compile(
    rf"\s*(?:[Aa]n?|[Tt]he)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{'|'.join(sorted(_OFFICES))}|official"
    rf"|{'|'.join(sorted(_DESCRIBED))}|\d+-year-old)\b"
)


# a sentence that opens with names and then a role before whose subject it is: "Brecon and
# Radnorshire Conservative MP Chris Davies condemned ..." (Chris Davies, not Brecon)
_ROLED = re.compile(
    rf"\s*(?:{_WHO}|and|of|&)(?:\s+(?:{_WHO}|and|of|&))*?\s+(?:MP|MSP|AM|MEP|manager|boss|"
    r"captain|skipper|chief|leader|chairman|chairwoman|president|secretary|minister|coach|"
    rf"director|spokesman|spokeswoman|striker|midfielder|defender|goalkeeper)\s+(?P<who>{_WHO})"
)


# a description that opens a sentence and the name set apart after it: "RSPCA inspector, Andy
# Bostock, is appealing ..."
_APPOSED = re.compile(rf"\s*(?:[\w'’-]+\s+){{0,5}}[a-z][\w'’-]*,\s+{_TITLE}(?P<who>{_WHO}),\s")


def _opener(text: str) -> str | None:
    """The name that opens a sentence, its subject (`voiced`): "Kevin Hart" of "Kevin Hart, who
    ..., brought his kids on stage."; the role's person after names that open it ("Chris Davies"
    of "Brecon and Radnorshire Conservative MP Chris Davies condemned ..."), or after a
    description set apart by a comma ("Andy Bostock" of "RSPCA inspector, Andy Bostock, is
    appealing ..."); lower-cased, by the lexicon (`_opens_named_lower`)."""
    if not cased(text):
        return _opens_named_lower(text)
    roled = _ROLED.match(text)
    if roled and _named_words(roled["who"], text):
        return roled["who"]
    apposed = _APPOSED.match(text)
    if apposed and _named_words(apposed["who"], text):
        return apposed["who"]
    opens = _OPENS_NAMED.match(text)
    return opens["who"] if opens and _named_words(opens["who"], text) else None


def _opens_named_lower(text: str) -> str | None:
    """Lower-cased, the names the lexicon knows that open the sentence, its subject, before a
    comma or a verb of speech: "ruth tudor" of "ruth tudor, president of the open university's
    students' association, thinks ..."."""
    found = name_words(text) - STOPWORDS - MONTHS - WEEKDAYS
    words = tokens(text)
    run = list(itertools.takewhile(found.__contains__, words[: _NAME_RUN + 1]))
    if not run or len(run) > _NAME_RUN or len(run) == len(words):
        return None
    # only before a comma (an apposition) or a verb of speech: "norfolk's williamson spent
    # ...", "brecon and radnorshire ... mp chris davies" open with a place
    name = r"\s+".join(map(re.escape, run))
    after = re.match(rf"\s*{name}\s*(?:,|{_SPEECH}\b)", text)
    return " ".join(run) if after else None


_NAME_RUN = 3  # `_opens_named_lower`: the most words of the name


def _named_words(who: str, text: str) -> bool:
    """Whether every word of `who` is a name of the text (`names`: not "The", "Police")."""
    return bool(tokens(who)) and set(tokens(who)) <= names(text)


_QUOTE_OPENS = re.compile(r"\s*[\"“‘']")
# a sentence that introduces the quotes after it: "... told BBC Sport:", "Captain Alex Lees:"
_INTRODUCES = re.compile(r":\s*$")
# (up to six words before the name: "BBC pundit and former Italy striker Gianluca Vialli:")
_LABEL_HEAD = rf"^\s*(?:[A-Za-z'’-]+\s+){{0,6}}?(?P<who>{_WHO})\s*:\s*"
_LABEL = re.compile(rf"{_LABEL_HEAD}$")
# such a label before the quote it opens, in one sentence (`speakers`)
_LABELLED = re.compile(rf"{_LABEL_HEAD}[\"“‘']")


def _introduced(text: str, known: frozenset[str] = frozenset()) -> str | None:
    """The speaker a sentence ending in a colon introduces: the one it has speak ("Gareth
    Batty told BBC Radio London:"), or the name that ends a short label ("Yorkshire captain
    Alex Lees:"); or the speaker of a quote the sentence leaves open, which the sentences
    after it go on with ("... criticised by Ms Davidson who said: "There is nothing more
    serious ... abroad." | ""Alex Salmond has form in ..."), a label before it ('West Ham
    manager Slaven Bilic: "It was ...'), or the name that opens the sentence before its verb
    of speech and a comma ('Bilsland, to whom ..., added: "Robert was special.'); or a heading
    line without a closing mark (`_heading`)."""
    if not _INTRODUCES.search(text) and not _quote_left_open(text):
        return _heading(text)
    named = [_written(m) for m in _talk(_ATTRIBUTED, text) if _who(m)]
    named += [m["who"] for m in _WHO_SAID.finditer(text) if _named_words(m["who"], text)]
    named += [m["who"] for m in _FROM_SAID.finditer(text) if _named_words(m["who"], text)]
    if named:  # not "He told BBC Sport:"
        return None if named[-1].lower() in _PRONOUNS else named[-1]
    # (or a label before the quote it leaves open: 'West Ham manager Slaven Bilic: "It was a
    # good game of football.')
    label = _LABEL.match(text) or _LABELLED.match(text)
    if label:
        return label["who"]
    # (or the name that opens it, set apart by a comma, where its verb of speech introduces
    # the quote: 'Bilsland, to whom Millar gifted ..., added: "Robert was special.'; a name
    # where the article writes it so inside a sentence, `known`)
    opens = _OPENS_NAMED.match(text)
    if opens and text[opens.end() : opens.end() + 1] == "," and _SAYS_QUOTE.search(text):
        return opens["who"] if set(tokens(opens["who"])) <= known else None
    return None


def _heading(text: str) -> str | None:
    """The person a line without a closing mark names as it opens, where nothing but where
    they spoke follows: "Former Liverpool and Spurs midfielder Danny Murphy on Match of the
    Day" heads the quotes after it, as a label with a colon does."""
    if _ENDED.search(text) or _QUOTE_OPENS.match(text) or len(text.split()) > _HEADING_WORDS:
        return None
    found = _ROLED.match(text) or _OPENS_NAMED.match(text)
    if found is None or not _named_words(found["who"], text):
        return None
    rest = text[found.end() :].strip()
    return found["who"] if not rest or _SPOKE_ON.match(rest) else None


_HEADING_WORDS = 14  # `_heading`: the most words of a heading (a longer line is a page's text)
_SPOKE_ON = re.compile(r"(?:on|to|speaking to|talking to)\s+\S")
_SAYS_QUOTE = re.compile(rf"\b{_SPEECH}:\s*[\"“‘']")


# a name and "who said": "... was criticised by Ms Davidson who said: ..."
_WHO_SAID = re.compile(rf"\b{_TITLE}(?P<who>{_WHO})\s+who\s+{_SPEECH}\b")
# a name, the body they speak for and their verb of speech: "Minister-Councillor Alexander
# Kramarenko from the Russian Embassy said: ..."
_FROM_SAID = re.compile(
    rf"\b{_TITLE}(?P<who>{_WHO})\s+(?:from|of|at)\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){{1,5}}"
    rf"{_SPEECH}:"
)


def _quote_left_open(text: str) -> bool:
    """Whether the text opens a quote it does not close."""
    if text.count('"') % 2 == 1 or text.count("“") > text.count("”"):
        return True
    if text.count("‘") > len(_SINGLE_CLOSES.findall(text)):
        return True
    return len(_STRAIGHT_OPENS.findall(text)) > len(_STRAIGHT_CLOSES.findall(text))


_SINGLE_CLOSES = re.compile(r"’(?!\w)")  # a closing single quote, not an apostrophe ("don’t")
# a straight single quote that opens a quote (at the start, after a space, colon or bracket,
# before a word) and one that closes it (after a word or a mark, before a space, a mark or the
# end): not an apostrophe ("couldn't", "Howell's"); or one left at the end of a sentence whose
# quote the next sentence says ("..., ' Rosas said. '" | "I know there's a lot of money.'")
_STRAIGHT_OPENS = re.compile(r"(?:^|(?<=[\s:(]))'(?=\w)|(?<=[.!?]\s)'\s*$")
_STRAIGHT_CLOSES = re.compile(r"(?<=[\w.,!?])'(?=\s|$|[.,;:)])")


@lru_cache(maxsize=MEMO)
def speakers(text: str, pattern: re.Pattern[str] = _SPEAKER) -> frozenset[str]:
    """The name words of whoever the text has saying something: "Shin said", "Shin Wonsik,
    the minister, said", "said John Kirby", "according to Kirby" (not "She said"); with
    `_ATTRIBUTED`, "Kim called it ..." too."""
    out: set[str] = set()
    for m in _talk(pattern, text):
        who = _who(m)
        out |= {t for t in tokens(who) if t not in STOPWORDS and not t.isdigit()}
    label = _LABELLED.match(text) if cased(text) else None
    if label:  # 'Ipswich manager Mick McCarthy: "It looked like ...'
        out |= {t for t in tokens(label["who"]) if t not in STOPWORDS and not t.isdigit()}
    lowered = None if cased(text) else _LABELLED_LOWER.match(text)
    if lowered:  # lower-cased, the names the lexicon knows that end the label
        out |= _label_names(lowered["label"])
    return frozenset(out - MONTHS - WEEKDAYS)


def _label_names(label: str) -> set[str]:
    """The names the lexicon knows that end a lower-cased label ("ipswich manager mick
    mccarthy"); none where it is a clause ("he told journalists in spain")."""
    words = tokens(label)
    if any(w in _PRONOUNS or _SAY.fullmatch(w) for w in words):
        return set()
    run = itertools.takewhile(name_words(label).__contains__, words[::-1])
    return {t for t in run if t not in STOPWORDS and not t.isdigit()}


# `_LABELLED` without capitals: 'ipswich manager mick mccarthy: "it looked like ...'
_LABELLED_LOWER = re.compile(r"^\s*(?P<label>(?:[a-z][\w'’-]*\s+){0,5}[a-z][\w'’-]*)\s*:\s*[\"“‘']")


_SPEAKER_WORDS = 4  # `spoken_of_made_speaker`: the most words of a speaker, or of one spoken of
_TO_WHOM = frozenset("to about of how what why when where whether".split())


def spoken_of_made_speaker(claim: str, unit: str) -> Conflict | None:
    """The claim, a copy of the unit, has the one the unit's speaker speaks of say it, or do
    it: "Her family said they were understandably upset" for "Police said Mrs Clark's family
    were understandably upset" (the speaker put for the one spoken of); "Mrs Colfer went to see
    a GP" for "Mrs Colfer said her son went to see a GP" (the verb of speech and the one spoken
    of left out). Not a spokesman's principal ("Smith said" for "Smith's spokesman said Smith
    ..."), nor the speaker's own people or body ("Police found" for "Police said officers
    found")."""
    c, u = tokens(claim), tokens(unit)
    for op, i1, i2, j1, j2 in _copy_changes(c, u, _COPY) or ():
        old, new = u[i1:i2], c[j1:j2]
        if op == "delete" and i1 > 0 and j1 > 0 and _SAY.fullmatch(old[0]):
            # (the subject of what is said, a few words: not whom it is said to, "explains to
            # BBC Sport's Nick Hope how he overcame that")
            said = old[2:] if old[1:2] == ("that",) else old[1:]
            spoken = _content(said) if len(said) <= _SPEAKER_WORDS else set()
            speaker = c[max(j1 - 2, 0) : j1]
            if spoken and said[0] not in _TO_WHOM and not _one_people(spoken, set(speaker)):
                return Conflict("name", " ".join(speaker), " ".join(old[1:]))
        elif (
            op == "replace"
            and c[j2 : j2 + 1] == u[i2 : i2 + 1]
            and _SAY.fullmatch(u[i2] if i2 < len(u) else "")
            and _spoken_of(_content(new), u[i2 + 1 :])
            and not _content(old) & set(c)
            and not set(old) & _VOICES
        ):
            return Conflict("name", " ".join(new), " ".join(old))
    return None


def _spoken_of(words: set[str], said: tuple[str, ...]) -> bool:
    """Whether the words open what a speaker says (`said`, the words after the verb of speech),
    its subject, with more words after them: not a speaker named after the verb ("..., said
    police")."""
    at = [k for k, w in enumerate(said[:_SPEAKER_WORDS]) if w in words]
    return bool(words) and words <= set(said[:_SPEAKER_WORDS]) and at[-1] < len(said) - 2


def _one_people(spoken: set[str], speaker: set[str]) -> bool:
    """Whether the words of the one spoken of are the speaker's own people (a kind of
    `_PEOPLE` the speaker's words are of: "officers" of "police") or a body."""
    if spoken <= _BODY_WORDS | _COLLECTIVES:
        return True
    return any(group & spoken and group & speaker for group in _PEOPLE)
