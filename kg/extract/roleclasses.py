"""Which event classes and which prepositions fill which role: the sets the role collector
(:mod:`kg.extract.collector`) and the role finders read ("fought with X": a symmetric class's partner;
"attacks on Kabul": a hostile class's place; "withdrew from X": a mover's origin).
"""

from __future__ import annotations

__all__ = [
    "OBJ_DEPS",
    "FROM_CLASSES",
    "REMOVAL_LEMMAS",
    "MOVER_CLASSES",
    "SYMMETRIC_CLASSES",
    "COOPERATIVE_CATEGORIES",
    "PARTNER_PREPS",
    "PARTNER_CLASSES",
    "AGAINST_AT",
    "INTRANSITIVE",
    "FIRING_LEMMAS",
    "TRUCE_NOUNS",
    "PLACE_OBJECT_CLASSES",
    "NAMED_PLACE_CLASSES",
    "PLACE_SUBJECT_CLASSES",
    "TARGET_PREPS",
    "REFLEXIVES",
    "LIGHT_OBJECTS",
    "HOSTILE_CATEGORIES",
    "OF",
    "FOR",
    "FROM",
    "SOURCE_PLACE_CLASSES",
    "THEME_CLASSES",
    "AGAINST",
    "DESTINATION_CLASSES",
    "SELF_MOVER_CLASSES",
    "REFUGE_CLASSES",
    "STATIVE_PARTICIPLES",
    "OCCURRENCE_VERBS",
    "RAISING_VERBS",
    "AIMED",
    "ON",
    "BLAME_VERBS",
    "BETWEEN",
    "BY",
    "WITHDRAWN_PREPS",
    "NON_TARGET_NOUNS",
]

OBJ_DEPS = frozenset({"dobj", "obj", "attr"})
FROM_CLASSES = frozenset(
    {"Withdrawal", "Retreat", "Displacement", "Evacuation", "Abduction", "PrisonerRelease"}
)  # "freed inmates from a jail in X"
REMOVAL_LEMMAS = frozenset({"evacuate", "evacuation", "airlift", "rescue"})  # "evacuated the wounded from X"
MOVER_CLASSES = frozenset(
    {"Withdrawal", "Retreat", "Displacement", "Evacuation", "Deployment", "Mobilize", "Surrender"}
)
# "fighting between X and Y": both sides are agents; "X clashed with Y": Y is the other side, the target
# (ACLED's second actor), when X is named
SYMMETRIC_CLASSES = frozenset({"ArmedClash"})
COOPERATIVE_CATEGORIES = frozenset({"Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Request"})
PARTNER_PREPS = frozenset({"to", "with", "toward", "towards", "for"})
# a truce is made with a partner ("agreed a truce with the army"), like the cooperative categories' acts
PARTNER_CLASSES = frozenset({"Ceasefire"})
AGAINST_AT = frozenset({"against", "at"})  # a light verb's phrases aimed at a party ("fired gas at X")
# verbs that take no object, so a "by" phrase is a means and a participle no passive ("fled by boat")
INTRANSITIVE = frozenset({"flee", "escape", "clash", "march", "rally", "retreat", "arrive", "erupt"})
FIRING_LEMMAS = frozenset({"fire", "launch", "lob", "shoot"})  # verbs whose object is what they send
TRUCE_NOUNS = frozenset({"truce", "ceasefire", "cease-fire", "armistice"})  # "agreed to a truce with X"
# Classes whose object/subject naming a place is the place of the event ("took Herat", "Herat fell").
PLACE_OBJECT_CLASSES = frozenset(
    {"Capture", "Siege", "Shelling", "AirStrike", "Bombing", "Withdrawal", "Retreat", "Displacement",
     "Evacuation"}
)  # fmt: skip
NAMED_PLACE_CLASSES = frozenset({"Capture", "Siege"})
PLACE_SUBJECT_CLASSES = frozenset({"Capture", "Surrender", "Siege"})
TARGET_PREPS = frozenset({"against", "on", "upon", "at"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "themself"})
LIGHT_OBJECTS = frozenset({"control", "charge", "possession", "command", "hold"})
HOSTILE_CATEGORIES = frozenset({"Assault", "Coerce", "Threaten", "Protest", "Sanction", "Accuse", "Reject"})
OF = frozenset({"of"})
FROM = frozenset({"from"})
SOURCE_PLACE_CLASSES = frozenset(
    {"Withdrawal", "Retreat", "Displacement", "Evacuation", "Abduction", "Capture"}
)
# what a deployment or withdrawal moves is its theme, not a target: "deployed 2,000 troops", "sent
# reinforcements", "withdrew its forces" (a count is kept as a quantity)
THEME_CLASSES = frozenset({"Deployment", "Mobilize", "Withdrawal", "Retreat", "Surrender"})
AGAINST = frozenset({"against"})
FOR = frozenset({"for"})  # "left for Mokolo": where people fled to
DESTINATION_CLASSES = frozenset({"Deployment", "Mobilize"})  # where forces are sent is where it happened
SELF_MOVER_CLASSES = frozenset({"Retreat", "Withdrawal", "Surrender"})
# people flee or fall back to places: a name after their "to" is one whatever the model tagged it
REFUGE_CLASSES = frozenset({"Displacement", "Retreat", "Withdrawal"})
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "resolve", "dedicate"})
# verbs that only say an event noun happened: their phrases are the event's ("clashes broke out between X
# and Y on the outskirts of Z")
OCCURRENCE_VERBS = frozenset(
    {"break", "erupt", "rage", "flare", "occur", "happen", "continue", "resume", "intensify", "escalate",
     "persist", "unfold", "ensue", "hold"}
)  # fmt: skip
RAISING_VERBS = frozenset({"appear", "seem"})  # "the truce appeared to hold in Tripoli"
AIMED = frozenset({"on", "against"})
ON = frozenset({"on"})
# "blamed the attack on the Islamic State": the "on" phrase, wherever the parser hangs it, names who is
# blamed, not whom the act was done to
BLAME_VERBS = frozenset({"blame", "pin"})
BETWEEN = frozenset({"between"})
BY = frozenset({"by"})
WITHDRAWN_PREPS = frozenset({"to", "with", "for", "between"})
# objects of "on"/"at" that are no target: times, and where something was said ("condemned the attack on
# social media")
NON_TARGET_NOUNS = frozenset(
    {"point", "time", "moment", "stage", "least", "most", "once", "night", "dawn", "media", "medium",
     "television", "radio", "air", "internet", "website", "platform"}
)  # fmt: skip
