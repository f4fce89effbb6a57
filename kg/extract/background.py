"""Event nouns told as background, not as news: a trend ("has stepped up attacks", "a surge in
kidnappings", "kidnappings have surged", "fighting has intensified across the south", "as strikes
intensified"), a war's span ("ending years of intermittent fighting"; "after four days of clashes" is
news) and a pact that stands ("a signatory of the 2016 peace accord", "under a swap deal", "opposes the
peace accord"). Read by :func:`kg.extract.nonevents.no_event_noun`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import at_once
from kg.extract.tree import children

__all__ = ["background", "ERA_NOUNS", "PACT_NOUNS", "INTENSIFYING_VERBS", "RISING_VERBS", "RATE_NOUNS"]

# nouns of a changing rate ("a surge in attacks", "a rise in kidnappings")
RATE_NOUNS = frozenset({"surge", "rise", "increase", "spike", "upsurge", "uptick", "decline", "drop", "fall"})
# verbs of a changing rate ("has stepped up attacks", "have intensified raids")
RATE_VERBS = frozenset({"step", "ramp", "intensify", "escalate", "increase", "multiply"})


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in children(verb))


def _trend(verb: Token) -> bool:
    """A perfect of a rate verb: "has stepped up", "have intensified" (a trend over time)."""
    return _perfect(verb) and verb.lemma_.lower() in RATE_VERBS


# "decades of conflict", "years of intermittent fighting": a war's span told as background
ERA_NOUNS = frozenset({"year", "decade"})
# "kidnappings have surged": plural event nouns whose number changes are a trend, no event
RISING_VERBS = frozenset(
    {"surge", "rise", "increase", "soar", "spike", "mount", "grow", "multiply", "double", "triple", "decline",
     "drop", "fall", "decrease", "dwindle"}
)  # fmt: skip


# an agreement named as one that stands, not made now: "signatories of the 2016 peace agreement", "freed
# prisoners as part of that deal", "under a swap deal", "the faction opposes the peace accord"
PACT_NOUNS = frozenset({"accord", "agreement", "deal", "pact", "treaty"})
PACT_MAKING_NOUNS = frozenset({"signing", "conclusion", "announcement", "terms"})  # "the signing of a pact"
PACT_STANDING_VERBS = frozenset(
    {"oppose", "respect", "violate", "breach", "implement", "honour", "honor", "uphold", "abide", "reject"}
)


def _standing_pact(noun: Token) -> bool:
    """The agreement noun names a pact that stands: after "of"/"under" ("part of that deal", "under a swap
    deal"), or kept, broken or opposed ("violated the truce agreement")."""
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ == "under":
        return True
    if noun.dep_ == "pobj" and gov.lower_ == "of":
        return gov.head.pos_ != "VERB" and gov.head.lemma_.lower() not in PACT_MAKING_NOUNS
    return noun.dep_ in ("dobj", "obj") and gov.lemma_.lower() in PACT_STANDING_VERBS


# "fighting has intensified across the south this summer", "evacuated children as strikes intensified": the
# course of a war, in the perfect or as a circumstance, is no event ("fighting intensified on Monday" is)
INTENSIFYING_VERBS = frozenset({"intensify", "escalate", "worsen", "deepen"})


def _trend_clause(verb: Token) -> bool:
    """The verb is in the perfect ("has intensified") or opens a when/as clause ("as strikes intensified")."""
    return _perfect(verb) or at_once(verb)


def background(head: Token) -> bool:
    """The event noun at ``head`` is told as a trend, an era or a standing pact (see the module doc)."""
    gov = head.head
    if head.dep_ in ("dobj", "obj") and head.tag_ == "NNS" and _trend(gov):
        return True  # "has stepped up attacks on security forces": a trend, not one event
    if head.dep_ == "pobj" and gov.lower_ in ("in", "of") and gov.head.lemma_.lower() in RATE_NOUNS:
        return True  # "has seen a surge in attacks on the police": a trend
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.tag_ == "NNS" and gov.head.lemma_ in ERA_NOUNS:
        return True  # "ending years of intermittent fighting": a background era ("days of clashes" is news)
    if head.dep_ == "nsubj" and head.tag_ == "NNS" and gov.lemma_.lower() in RISING_VERBS:
        return True  # "kidnappings for ransom have surged"
    if head.lemma_.lower() in PACT_NOUNS and _standing_pact(head):
        return True  # "signatories of the 2016 peace agreement", "opposes the peace accord"
    return head.dep_ == "nsubj" and gov.lemma_.lower() in INTENSIFYING_VERBS and _trend_clause(gov)
