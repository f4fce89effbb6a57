"""The mood of an event noun set by the words around it, for :mod:`kg.extract.factuality`: told as having
happened when an act comes after it or answers it ("agreed ... after talks in Riyadh", "respond to the
joint drills"), envisaged when it is said to begin only later ("talks would begin next week", "mediation is
expected to resume"), or only talked about ("held talks on a six-week truce and the release of hostages");
and the talks a later act concludes ("agreed ... after talks in Beijing": the talks' place and holders are
the agreement's).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import subject_of
from kg.extract.tree import children

__all__ = [
    "AFTER",
    "MODALS",
    "charged_with",
    "concluded",
    "held_for",
    "presupposed",
    "settled_by",
    "talked_about",
    "yet_to_begin",
    "not_begun",
]

MODALS = frozenset({"might", "may", "could", "can", "would", "should", "must", "ought"})

# an event noun that an act comes after or answers is presupposed: "agreed to restore relations after talks
# in Beijing", "threatened to respond with force to joint drills"
ANTERIOR_PREPS = frozenset({"after", "following"})
ANSWERING_PREPS = frozenset({"to", "against", "for"})
REACTION_WORDS = frozenset({"respond", "response", "retaliate", "retaliation", "react", "reaction", "reply"})
OPEN_DETERMINERS = frozenset({"any", "a", "an", "further", "future", "new"})


def presupposed(prep: Token, noun: Token) -> bool:
    """``noun`` (an event noun, object of ``prep``) is told as having happened: it follows "after" or
    "following", or is what a reaction answers ("respond to the drills"); not "any attack", "a new
    offensive"."""
    if any(c.dep_ in ("det", "amod") and c.lower_ in OPEN_DETERMINERS for c in children(noun)):
        return False
    word = prep.lower_
    return word in ANTERIOR_PREPS or (word in ANSWERING_PREPS and prep.head.lemma_.lower() in REACTION_WORDS)


# an event noun said to begin, resume or take place only later: "talks would begin next week", "mediation is
# expected to resume", "talks are due to start" ("the talks began on Monday" is told as done)
ONSET_VERBS = frozenset(
    {"begin", "start", "resume", "restart", "commence", "open", "take", "happen", "occur"}
)
SCHEDULE_WORDS = frozenset({"expect", "schedule", "slate", "set", "due", "likely", "plan"})


def yet_to_begin(noun: Token) -> bool:
    """``noun`` is the subject of a clause saying it will begin or is expected to."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = noun.head
    kids = list(children(verb))
    if verb.lemma_ in ONSET_VERBS and any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids):
        return True  # "would begin", "could resume"
    holders = [verb, *(c for c in kids if c.dep_ == "acomp")]  # "are due to begin"
    return any(
        h.lemma_ in SCHEDULE_WORDS and any(c.dep_ == "xcomp" and c.lemma_ in ONSET_VERBS for c in children(h))
        for h in holders
    )


def not_begun(noun: Token) -> bool:
    """``noun`` is the subject of a negated onset ("talks with the gang have not begun")."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = noun.head
    return verb.lemma_ in ONSET_VERBS and any(c.dep_ == "neg" for c in children(verb))


# talks and what is held as talks: an event noun they are "on" or "about" is their subject, not an event
TALK_NOUNS = frozenset({"talk", "negotiation", "discussion", "consultation", "dialogue", "meeting", "summit"})
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})


def talked_about(noun: Token) -> bool:
    """``noun`` (or the noun it is coordinated with) is the subject of talks: "talks on a truce", "held
    talks in Cairo on a six-week truce and the release of hostages"."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in TOPIC_PREPS:
        return False
    gov = prep.head
    if gov.lemma_.lower() in TALK_NOUNS:
        return True
    return gov.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in TALK_NOUNS for c in children(gov)
    )


AFTER = ANTERIOR_PREPS  # "after talks", "following a meeting"
# events a later act concludes: their place is the act's place ("agreed ... after talks in Beijing")
CONCLUDED_NOUNS = frozenset(
    {"talk", "negotiation", "meeting", "summit", "consultation", "conference", "mediation", "dialogue"}
)
# acts that conclude such talks, whose subjects held them ("agreed ... after talks in Beijing")
SETTLING_VERBS = frozenset(
    {"agree", "sign", "reach", "restore", "resume", "accept", "decide", "announce", "conclude", "establish"}
)


def concluded(prep: str, obj: Token) -> bool:
    """Talks, a meeting or a summit that the settling act of the ``after``/``following`` phrase concludes
    ("agreed ... after talks in Beijing"; not "arrested him after a meeting in Kabul")."""
    verb = obj.head.head  # or the infinitive of one: "agreed to reopen embassies after talks"
    settles = verb.lemma_.lower() in SETTLING_VERBS or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SETTLING_VERBS
    )
    return prep in AFTER and obj.lemma_.lower() in CONCLUDED_NOUNS and settles


def held_for(prep: str, obj: Token) -> bool:
    """Talks or a meeting a gathering is held for ("met for talks in Istanbul" met there); the control a
    fight is for ("fought for control of Pigi County" fought there)."""
    lemma = obj.lemma_.lower()
    return (prep == "for" and lemma in CONCLUDED_NOUNS) or (prep in ("for", "over") and lemma == "control")


def settled_by(head: Token) -> Token | None:
    """Who held the talks an agreement concludes: "X and Y agreed ... after talks in Beijing"."""
    if head.dep_ != "pobj" or not concluded(head.head.lower_, head):
        return None
    return subject_of(head.head.head)


def charged_with(prep: Token, verbs: frozenset[str]) -> bool:
    """The preposition hangs on one of ``verbs`` (of charging, arresting, ...) or on its object ("accused
    the army and its allies of firing on the village", "of" read onto "allies")."""
    holder = prep.head
    for _ in range(3):
        if holder.lemma_.lower() in verbs:
            return True
        if holder.dep_ not in ("dobj", "conj") or holder.head.i == holder.i:
            return False
        holder = holder.head
    return False
