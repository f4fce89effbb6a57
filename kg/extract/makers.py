"""Who made an event noun: its possessor or a named modifier, its ``by`` phrase (also on its passive
participle, or hung by the parser on the verb after it), and the subject of the light verb ("launched an
offensive") or participation verb ("went on strike", "arrived on a visit") whose phrase holds it. A round
of an event stands for it ("a third round of talks"). Used by the role collector and nominal roles.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import PASSIVE_SUBJ_DEPS, SUBJ_DEPS, antecedent, subject_of
from kg.extract.factuality import REPORTING_VERBS
from kg.extract.nouns import in_time_entity, prep_objects
from kg.extract.people import ACTOR_LABELS, actor_like
from kg.extract.tree import children

__all__ = [
    "fought_before",
    "LIGHT_VERBS",
    "event_agents",
    "light_verb_subject",
    "nominal_actor",
    "participant_subject",
    "round_of",
    "stray_by",
]

BY = frozenset({"by"})
LIGHT_VERBS = frozenset(
    {
        "launch",
        "carry",
        "conduct",
        "stage",
        "mount",
        "begin",
        "start",
        "continue",
        "intensify",
        "escalate",
        "announce",
        "order",
        "sign",
        "agree",
        "hold",
        "make",
        "declare",
        "resume",
        "wage",
        "lead",
        "unleash",
        "undertake",
        "complete",
        "initiate",
        "step",
        "press",
        "claim",
        "reach",
        "break",
        "violate",
        "open",
        "impose",
        "stag",
        "issue",
        "organize",
        "organise",
        "renew",
        "speed",
        "accelerate",
        "call",
        "fire",
        "drop",
        "detonate",
        "explode",
        "plant",
        "throw",
        "hurl",
        "stop",
        "halt",
        "suspend",
        "forge",
        "form",
    }
)  # fmt: skip  ("stag" is the small model's lemma of "staged")
PARTICIPATION_PREPS = frozenset({"on", "for", "in", "to", "at", "into"})
PURPOSE_NOUNS = frozenset(
    {"protest", "retaliation", "response", "solidarity", "defiance", "revenge", "reprisal", "support"}
)
ROUND_NOUNS = frozenset({"round", "session", "series", "day"})  # "a third round of talks"
ENGAGED = frozenset({"engage", "involve"})  # "were engaged in ethnic cleansing", "was involved in clashes"
# verbs whose subject takes part in the event noun of their phrase: "arrived on a visit", "returned for
# talks", "went on strike", "remained on alert", "were converging for a rally"
PARTICIPATION_VERBS = frozenset(
    {"arrive", "return", "come", "go", "travel", "fly", "head", "gather", "converge", "assemble", "march",
     "remain", "stay", "be", "join", "participate", "take", "set", "leave", "meet", "sit", "engage"}
)  # fmt: skip


def nominal_actor(noun: Token) -> Token | None:
    for child in noun.lefts:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod") and child.ent_type_ in ACTOR_LABELS):
            return child
    return None


def round_of(token: Token) -> Token:
    """The round an event noun is the ``of`` object of ("a third round of talks" -> round), else the noun:
    the round stands for the event."""
    of = token.head
    if token.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in ROUND_NOUNS:
        return of.head
    return token


def participant_subject(head: Token) -> Token | None:
    """Subject of an active participation verb whose phrase holds the event noun ("arrived on a visit"); a
    round of the event stands for it ("met for a third round of talks")."""
    head = round_of(head)
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    verb = prep.head
    # a bare purpose noun after "in" gives the purpose of the subject's act, wherever the phrase hangs:
    # "boycotted classes in protest", "fired rockets at the camp in retaliation" (not "died in fighting")
    bare = prep.lower_ == "in" and head.lemma_.lower() in PURPOSE_NOUNS
    bare = bare and not any(c.dep_ in ("det", "poss", "nummod") for c in children(head))
    for _ in range(3 if bare else 0):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("dobj", "pobj", "prep"):
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if bare and not any(c.dep_ in ("auxpass", "nsubjpass") for c in children(verb)):
        return subject_of(verb)
    if verb.lemma_.lower() not in PARTICIPATION_VERBS | ENGAGED or prep.lower_ not in PARTICIPATION_PREPS:
        return None  # "stayed indoors during the fighting": no part in it
    if verb.lemma_.lower() in ENGAGED:  # the passive subject is the participant
        subj = next((c for c in children(verb) if c.dep_ in PASSIVE_SUBJ_DEPS | SUBJ_DEPS), None)
        # "tracked the kidnappers and engaged them in a gunfight": the subject it shares with its conjunct
        return antecedent(subj, verb) if subj is not None else subject_of(verb)
    if verb.lemma_.lower() not in ENGAGED and any(c.dep_ in ("auxpass", "nsubjpass") for c in children(verb)):
        return None  # "was killed in an attack", but "were engaged in ethnic cleansing"
    return subject_of(verb)


def light_verb_subject(head: Token) -> Token | None:
    """Subject of the light/reporting verb a nominal trigger depends on ("launched an offensive"); a
    counted event noun counts as the object ("fired dozens of rockets")."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.dep_ in ("dobj", "obj"):
        head = head.head.head
    elif head.dep_ == "pobj":
        return None  # "imposed a blackout on the withdrawal", "called for sanctions": not the actor's event
    cur = head
    for _ in range(3):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in LIGHT_VERBS:
            subj = subject_of(cur)
            return subj if subj is not None and subj.i != head.i else None
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("ccomp", "xcomp", "advcl"):
            return None
        if cur.i == head.head.i and head.dep_ in ("nsubj", "nsubjpass"):
            return None  # "before the assistance is released": the event noun is its own verb's subject
    return None


def stray_by(noun: Token) -> list[Token]:
    """A noun's ``by`` phrase that the parser hung on the active verb right after it ("responded to
    joint drills by X", "condemned the arrest by police")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("pobj", "dobj") or verb.pos_ != "VERB" or verb.tag_ == "VBN":
        return []
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children(verb)):
        return []
    return [
        o
        for c in children(verb)
        if c.dep_ == "prep" and c.lower_ == "by" and c.i == noun.right_edge.i + 1
        for o in children(c)
        if o.dep_ == "pobj" and o.tag_ != "VBG" and actor_like(o)
    ]


def event_agents(noun: Token, owner: bool = True) -> list[Token]:
    """Who did what an event noun names: its possessor ("the rebels' attack", when ``owner``), its ``by``
    phrase, also on its passive participle ("sanctions imposed by X") or hung on the verb after it."""
    found = [c for c in children(noun) if owner and c.dep_ == "poss" and c.pos_ != "PRON"]
    found += [o for _, o in prep_objects(noun, BY)]
    found += [
        o for c in children(noun) if c.dep_ == "acl" and c.tag_ == "VBN" for _, o in prep_objects(c, BY)
    ]
    # "launched by the paramilitary Rapid Support Forces", parsed with the name in apposition to the adjective
    found = [next((a for a in children(o) if a.dep_ == "appos" and actor_like(a)), o) for o in found]
    found = [o for o in found if o.tag_ != "VBG" and not in_time_entity(o) and actor_like(o)]
    return found or stray_by(noun)


# people a use of force happens to, not parties to it ("residents returned after the fighting")
NONCOMBATANTS = frozenset(
    {"people", "person", "civilian", "resident", "villager", "family", "refugee", "child", "woman", "farmer",
     "worker", "student", "household", "inhabitant", "journalist", "patient", "pupil", "herder"}
)  # fmt: skip
SPELLS = frozenset({"hour", "day", "week", "month"})  # "after two days of fighting"


def fought_before(noun: Token) -> Token | None:
    """Who fought the fighting an act came after: "recaptured Pieri after two days of fighting", "freed the
    hostages after a gunfight" (the subject of the active verb; a party, not the people it happened to)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in SPELLS:
        noun = noun.head.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "after" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    if verb.lemma_.lower() in REPORTING_VERBS or any(c.dep_ == "npadvmod" for c in children(prep)):
        return None  # "..., the ministry said"; "two days after the gunfight": another event's time
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children(verb)):
        return None  # "were killed after clashes": the victims, not a side
    subj = subject_of(verb)
    if subj is None or not actor_like(subj) or subj.lemma_.lower() in NONCOMBATANTS:
        return None
    # "..., officials said, handing the insurgents the city after weeks of fighting": not the sayers
    return None if subj.head.lemma_.lower() in REPORTING_VERBS else subj
