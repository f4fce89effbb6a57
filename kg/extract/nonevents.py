"""Words the lexicon matches that name no event here: a goal or a topic of comment ("efforts towards a
settlement"), an act a condemnation or a protest names as known ("condemned the attack on the prison",
"rallied against the blockade"), an act done by a natural hazard ("the storm cut power"), people named by
what befell them ("camps for displaced people", "among those killed"), a status ("the occupied left
bank"), a standing relation ("fighters backed by paratroopers"), a group called by its name ("the Chin
Brotherhood alliance"), a motion participle describing people ("a column of fleeing attackers") and a
record in the perfect ("has repeatedly targeted") and what a group does as a rule ("the militia that
fights alongside the army"). Used by :func:`kg.extract.triggers.find_triggers` (through
:class:`kg.extract.constraints.HeadChecks`).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.background import background
from kg.extract.clauses import RELATIVE_PRONOUNS
from kg.extract.nouns import prep_objects
from kg.extract.people import ACTOR_NOUNS, PEOPLE_NOUNS
from kg.extract.tree import children, labelled

__all__ = ["no_event_noun", "natural_cause", "equipped", "no_comment", "adjectival", "describes_people",
           "describes_role", "record", "named_group", "acting_group", "the_group",
           "ANONYMITY_LEMMAS", "HEDGE_PARTICIPLES", "STATUS_PARTICIPLES", "DESCRIBING_PARTICIPLES",
           "BROKERING_PARTICIPLES", "RELATION_PARTICIPLES", "GROUP_NOUNS"]  # fmt: skip

# "who asked not to be named/identified": a source asking for anonymity requests nothing of a party
ANONYMITY_LEMMAS = frozenset({"name", "identify", "quote"})
# an event noun that is only a goal, a need or a topic of comment is no event: "efforts towards a
# settlement", "depend on food assistance", "the fighting reflects a wider struggle"
GOAL_PREPS = frozenset({"towards", "toward"})
DEPENDENCE_VERBS = frozenset({"depend", "rely"})
COMMENT_VERBS = frozenset(
    {"reflect", "mirror", "highlight", "underline", "underscore", "illustrate", "show", "expose", "signal"}
)
DEFINITE = frozenset({"the", "this", "these", "those"})
HEDGE_PARTICIPLES = frozenset({"allege", "accuse", "suspect"})
# a participle of status describing people names who they are, not a fresh event: "camps for displaced
# people", "aid for displaced families" ("the clashes displaced 3,000 people" still is one)
# "the occupied left bank", "the banned United Liberation Front": a status too
STATUS_PARTICIPLES = frozenset(
    {"displace", "uproot", "exile", "jail", "imprison", "detain", "incarcerate", "occupy", "ban", "outlaw",
     "proscribe", "blacklist"}
)  # fmt: skip
# describing people by what happened to them after a noun: "people displaced from surrounding districts"
DESCRIBING_PARTICIPLES = frozenset({"displace", "uproot", "exile"})
# how a deal or talks came about, after the noun: "a swap deal mediated by Qatar", "talks mediated by the
# interior ministry": the deal or the talks are the event ("broker" for a lexicon that lists it)
BROKERING_PARTICIPLES = frozenset({"mediate", "broker"})
# with a perfect, a record, not an event: "has repeatedly targeted their officials"
HABITUAL_ADVERBS = frozenset({"repeatedly", "regularly", "frequently", "often", "routinely", "habitually"})
# a natural hazard that does the act makes it no conflict event: "the storm cut power", "floods displaced
# thousands", "buildings destroyed by the earthquake" ("fire" is left out: "artillery fire hit the school")
NATURAL_HAZARDS = frozenset(
    {"storm", "rainstorm", "sandstorm", "snowstorm", "hurricane", "cyclone", "typhoon", "tornado",
     "earthquake", "quake", "tremor", "aftershock", "flood", "flooding", "floodwater", "rain", "rainfall",
     "downpour", "monsoon", "landslide", "landslip", "mudslide", "avalanche", "tsunami", "drought",
     "heatwave", "wildfire", "bushfire", "blaze", "lightning", "wind", "gale", "blizzard", "snow", "eruption",
     "volcano"}
)  # fmt: skip
# a participle of backing describing a noun is a standing relation, not an event: "fighters backed by
# paratroopers", "a militia funded by the regime"
RELATION_PARTICIPLES = frozenset({"back", "support", "sponsor", "fund", "finance", "arm", "equip", "train"})


CITING_VERBS = frozenset({"cite"})
# "condemned the attack on the prison": the act condemned, named as known, is no fresh event (the
# condemnation is one); "condemned an attack" still tells one
CONDEMNING_VERBS = frozenset({"condemn", "denounce", "deplore", "decry", "criticise", "criticize"})
# "rallied against the blockade of aid deliveries": what a protest is against, named as known, is its cause
PROTESTING_LEMMAS = frozenset(
    {"protest", "rally", "demonstrate", "march", "demonstration", "riot", "strike", "sit-in", "vigil"}
)
PROTESTED_PREPS = frozenset({"against", "over"})
# munitions named as things held, left or found are no attack: "leaving behind mortars", "out of range of
# Ukrainian missiles", "seized a cache of rockets" ("a rocket hit the market", "fired rockets" still are)
MUNITION_NOUNS = frozenset({"rocket", "mortar", "missile", "bomb", "shell", "grenade", "explosive"})
HOLDING_VERBS = frozenset(
    {"leave", "abandon", "find", "recover", "discover", "store", "stockpile", "possess", "smuggle", "buy",
     "sell", "seize", "capture", "confiscate", "hide", "stash", "acquire", "own", "have"}
)  # fmt: skip
STOCK_NOUNS = frozenset(
    {"range", "stock", "stockpile", "supply", "cache", "shipment", "consignment", "arsenal", "store", "crate"}
)
# what a munition word names as a modifier is a weapon or a place, no attack: "rocket-propelled grenades",
# "a rocket launcher", "a missile factory"
MUNITION_HOLDERS = frozenset(
    {"launcher", "system", "factory", "depot", "store", "stockpile", "site", "battery"}
)


def _held_munition(head: Token) -> bool:
    if head.lemma_.lower() not in MUNITION_NOUNS:
        return False
    if head.dep_ == "npadvmod" or (head.dep_ == "compound" and head.head.lemma_.lower() in MUNITION_HOLDERS):
        return True
    noun = head
    while noun.dep_ == "conj":  # "leaving behind mortars and several trucks"
        noun = noun.head
    gov = noun.head
    if noun.dep_ in ("dobj", "obj"):
        return gov.lemma_.lower() in HOLDING_VERBS
    return noun.dep_ == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in STOCK_NOUNS


# the raids an arrest is made in are the arrest: "detained 14 suspects in raids on two villages"
SEARCH_NOUNS = frozenset({"raid", "sweep", "swoop", "crackdown", "search"})
ARREST_VERBS = frozenset({"arrest", "detain", "apprehend", "nab", "round"})
MANNER_PREPS = frozenset({"in", "during"})
FOR = frozenset({"for"})


def _arrest_raid(head: Token) -> bool:
    gov = head.head
    if head.dep_ != "pobj" or head.lemma_.lower() not in SEARCH_NOUNS or gov.lower_ not in MANNER_PREPS:
        return False
    verb = gov.head.head if gov.head.dep_ in ("dobj", "obj") else gov.head  # or hung on the arrested
    return verb.lemma_.lower() in ARREST_VERBS


def _press_query(head: Token) -> bool:
    """A reporter's request for comment ("did not respond to requests for comment") asks no party for
    anything."""
    return head.lemma_.lower() in ("request", "query", "call") and any(
        o.lemma_.lower() == "comment" for _, o in prep_objects(head, FOR)
    )


# "declined to comment", "refused to elaborate": a source saying nothing rejects no party; seeking to do
# a thing asks no party either
REFUSAL_LEMMAS = frozenset({"decline", "refuse"})
SILENCE_LEMMAS = frozenset({"comment", "elaborate", "speak", "confirm", "say"})


def no_comment(head: Token, lemma: str | None = None) -> bool:
    """Also "has long sought to reopen the highway": seeking to do a thing is trying it, no request
    (``lemma``: the head's lemma, when the caller has it)."""
    if lemma is None:
        lemma = head.lemma_
    if lemma != "seek" and lemma not in REFUSAL_LEMMAS:
        return False
    kids = labelled(head)
    if lemma == "seek":
        return any(dep == "xcomp" and c.tag_ == "VB" for c, dep in kids)
    return any(dep == "xcomp" and c.lemma_ in SILENCE_LEMMAS for c, dep in kids)


# "militants armed with rifles stormed ...": how a party was equipped, told to describe it
EQUIPPED_PARTICIPLES = frozenset({"arm", "equip"})


def equipped(head: Token) -> bool:
    """A participle describing what a party carries ("armed with rifles and grenades"), no act of arming."""
    if head.tag_ != "VBN" or head.dep_ not in ("acl", "advcl") or head.lemma_ not in EQUIPPED_PARTICIPLES:
        return False
    kids = list(children(head))
    with_phrase = any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)
    return with_phrase and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "auxpass") for c in kids)


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children(noun))


def no_event_noun(head: Token) -> bool:
    """A goal, a need, a reason, an act condemned or protested against, a trend, a topic of comment or
    munitions only held: "efforts towards a settlement", "depend on aid", "citing the attacks", "condemned
    the attack on the prison", "rallied against the blockade", "has stepped up attacks", "kidnappings have
    surged", "the fighting reflects a wider struggle", "leaving behind mortars", "detained 14 suspects in
    raids" (the raids are the arrest), "requests for comment", "years of fighting", "fighting has
    intensified"."""
    if _held_munition(head) or _arrest_raid(head) or _press_query(head):
        return True
    gov = head.head
    if head.dep_ == "pobj" and (gov.lower_ in GOAL_PREPS or gov.head.lemma_ in DEPENDENCE_VERBS):
        return True
    if head.dep_ in ("dobj", "obj") and gov.lemma_ in CITING_VERBS:
        return True  # "citing the relentless attacks": a reason given
    if head.dep_ in ("dobj", "obj") and gov.lemma_.lower() in CONDEMNING_VERBS and _definite(head):
        return True  # "condemned the attack on the Abuja prison": the act condemned
    protested = gov.lower_ in PROTESTED_PREPS and gov.head.lemma_.lower() in PROTESTING_LEMMAS
    if head.dep_ == "pobj" and protested and _definite(head):
        return True  # "rallied in Idlib against the blockade of aid deliveries": the protest's cause
    if background(head):
        return True  # a trend, an era, a standing pact (kg.extract.background)
    return head.dep_ == "nsubj" and gov.lemma_ in COMMENT_VERBS and _definite(head)


def natural_cause(head: Token) -> bool:
    """The act's subject (or passive ``by`` agent) is a natural hazard, every conjunct of it."""
    kids = labelled(head)
    doers = [c for c, dep in kids if dep == "nsubj"]
    doers += [g for c, dep in kids if dep == "agent" for g in children(c) if g.dep_ == "pobj"]
    return bool(doers) and all(
        t.lemma_.lower() in NATURAL_HAZARDS or t.lower_ in NATURAL_HAZARDS
        for d in doers
        for t in [d, *d.conjuncts]
    )


def adjectival(head: Token) -> bool:
    """A subjectless "-ing" form right before a bare common noun modifies it."""
    nxt = head.nbor() if head.i + 1 < len(head.doc) else None
    return (
        nxt is not None
        and nxt.pos_ == "NOUN"
        and nxt.head == head
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(head))
    )


MOTION_PARTICIPLES = frozenset({"flee", "retreat", "escape"})  # "fleeing attackers", "retreating troops"


def describes_people(head: Token) -> bool:
    """A motion participle after a determiner or preposition, right before the bare people noun it
    describes: "a column of fleeing attackers", "the retreating troops"."""
    if head.tag_ != "VBG" or head.i == 0 or head.lemma_.lower() not in MOTION_PARTICIPLES:
        return False
    return (
        head.nbor(-1).pos_ in ("DET", "ADP")
        and adjectival(head)
        and head.nbor().lemma_.lower() in PEOPLE_NOUNS | ACTOR_NOUNS
    )


def record(head: Token) -> bool:
    """A perfect with an adverb of habit: "has repeatedly targeted" ("routinely beat up" is still coded)."""
    if head.tag_ != "VBN":
        return False
    kids = labelled(head)
    perfect = any(dep == "aux" and c.lemma_ == "have" for c, dep in kids)
    return perfect and any(dep == "advmod" and c.lower_ in HABITUAL_ADVERBS for c, dep in kids)


GROUP_NOUNS = frozenset({"alliance", "coalition", "bloc"})  # nouns that name a group as well as a pact
# nouns of organised groups, which a participle describes by what they do as a rule
ORGANISATION_NOUNS = GROUP_NOUNS | {
    "group", "militia", "movement", "organisation", "organization", "force", "faction", "front", "network",
    "party", "mission", "agency", "body", "task force",
}  # fmt: skip


def describes_role(head: Token) -> bool:
    """What a group or place does as a rule, told to describe it, not an event: a simple-present relative
    clause ("the civilian militia that fights alongside the army", "a group that pledges allegiance to
    Islamic State", "a port town that hosts Chinese-backed projects") or a participle on a group noun ("a
    regional coalition fighting the jihadists")."""
    if head.dep_ == "relcl" and head.tag_ in ("VBZ", "VBP"):
        # the relative pronoun is the subject: the noun described does it ("where troops retook": an event)
        kids = list(children(head))
        described = any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in kids)
        return described and not any(c.dep_ in ("aux", "auxpass") for c in kids)
    return head.dep_ == "acl" and head.tag_ == "VBG" and head.head.lemma_.lower() in ORGANISATION_NOUNS


SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "leader", "commander", "chief"})


def acting_group(head: Token) -> bool:
    """A group noun for the group itself: the subject of an act ("the alliance would look into the
    report", "an alliance of ethnic armed groups launched an offensive") or what people belong to or what
    is done by ("fighters of the AFC/M23 rebel alliance"); "formed a military alliance", "the creation of an
    alliance" are pacts."""
    if head.dep_ in ("nsubj", "appos"):  # "The Joint Forces, an alliance of former rebel groups, ..."
        return True
    if head.dep_ != "pobj" or head.head.head.pos_ == "VERB":
        return False
    prep, owner = head.head.lower_, head.head.head.lemma_.lower()
    # "fighters of the alliance", "a spokesman for the alliance"
    return prep in ("by", "from") or (prep in ("of", "for") and (owner in PEOPLE_NOUNS or owner in SPEAKERS))


def named_group(head: Token) -> bool:
    """A noun with a proper name as its modifier that is no place's or people's ("Chin Brotherhood")."""
    return any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "NORP")
        for c in children(head)
    )


def the_group(head: Token) -> bool:
    """A group noun that names the group, not a pact: by a proper name or as the one acting."""
    return named_group(head) or acting_group(head)
