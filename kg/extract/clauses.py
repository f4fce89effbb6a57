"""Clause structure helpers: governing clauses, shared subjects and the kind of a clause.

``governors`` climbs from a token through clausal and prepositional links to the sentence root;
``subject_of`` finds the active subject of a verb, shared down xcomp/conj/advcl chains, with relative
pronouns replaced by their antecedent; ``mandative``, ``modal_clause`` and ``condition`` tell a demanded
clause, a reported intention and an if/unless clause."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import get_string_id
from spacy.tokens import Token

from kg.extract.datelines import in_dateline, past_dateline
from kg.extract.people import actor_like
from kg.extract.placenames import heading
from kg.extract.tree import children

__all__ = [
    "AT_ONCE_MARKS", "at_once", "alongside", "misread_clause", "causes", "object_participle",
    "misread_subject", "CLIMB_DEPS", "governors", "antecedent", "subject_of", "condition", "mandative",
    "modal_clause",
]  # fmt: skip

CONDITIONS = frozenset({"if", "unless"})
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
SHARED_SUBJ_DEPS = frozenset({"xcomp", "conj", "advcl"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
CONTROL_OBJECT_DEPS = frozenset({"dobj", "obj"})  # "forced the villagers to flee", "urged Kyiv to negotiate"
COMPLEMENT_DEPS = frozenset({"dobj", "obj", "xcomp", "ccomp"})
# verbs whose object does not do the infinitive's action ("promised the mediators to release them")
SUBJECT_CONTROL_VERBS = frozenset(
    {"promise", "vow", "pledge", "threaten", "offer", "swear", "guarantee", "summon", "use", "employ"}
)  # "summoned the ambassador to complain": the summoner complains; "used force to disperse"
CLIMB_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "conj", "parataxis", "dobj", "pobj", "prep", "pcomp", "acl"}
)
# label sets compared as ids (no string look-up per read)
_CLIMB_IDS, _SUBJ_IDS = frozenset(map(get_string_id, CLIMB_DEPS)), frozenset(map(get_string_id, SUBJ_DEPS))


def governors(token: Token) -> Iterator[Token]:
    """Heads above ``token`` while the link is clausal or prepositional (stops at the sentence root)."""
    cur = token
    while cur.dep in _CLIMB_IDS and cur.head.i != cur.i:
        cur = cur.head
        yield cur


def antecedent(subj: Token, verb: Token) -> Token:
    """Who a subject stands for: a relative pronoun's noun; a participle parsed as the subject stands for
    its own subject ("The Red Cross operating in Iraq said": the Red Cross); a descriptor the name in
    apposition to it; a reported "it" the sayer the sentence introduces ("An alliance of ... said it had")."""
    if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    if subj.tag_ == "VBG":
        inner = next((c for c in children(subj) if c.dep_ == "nsubj"), None)
        if inner is not None:
            return inner
    if subj.lower_ == "it" and verb.dep_ == "ccomp" and verb.head.lemma_ in SAYING:
        sayer = [c for c in children(verb.head) if c.dep_ == "nsubj" and c.tag_ == "NN" and actor_like(c)]
        if sayer and any(c.lower_ in ("a", "an") for c in children(sayer[0])):
            return sayer[0]
    if subj.pos_ in ("NOUN", "ADJ"):  # "the paramilitary Rapid Support Forces", parsed as an apposition
        name = next((c for c in children(subj) if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is not None:
            return name
    return subj


# verbs whose object is charged with, or credited for, the act of their "of"/"for" gerund
IMPUTING_VERBS = frozenset(
    {"accuse", "suspect", "blame", "convict", "charge", "condemn", "criticise", "criticize", "praise",
     "thank", "punish", "arrest", "detain", "sentence"}
)  # fmt: skip


HEDGING_VERBS = frozenset({"believe", "think", "suspect", "say", "report", "allege", "understand"})
SAYING = frozenset({"say", "tell", "report", "add", "announce", "state"})
AFFILIATIONS = frozenset({"link", "tie", "ally", "affiliate", "align", "back", "loyal"})  # "X linked to Y"
NOUNS = frozenset({"NOUN", "PROPN"})


def _hedged_subject(verb: Token) -> Token | None:
    """ "Gunmen believed to belong to the MPC ambushed a convoy", parsed with "believed" as the main verb
    and "ambushed" as its subjectless complement: the gunmen ambushed it."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "dep") or head.lemma_.lower() not in HEDGING_VERBS or head.tag_ != "VBD":
        return None
    kids = list(children(head))
    if any(c.dep_ in SUBJ_DEPS for c in children(verb)) or not any(c.dep_ == "xcomp" for c in kids):
        return None
    return next((c for c in kids if c.dep_ == "nsubj" and c.i < head.i), None)


def _linked_subject(verb: Token) -> list[Token]:
    """ "Insurgents linked to the IS group raided": "linked" parsed as a clause with the subject in it."""
    for clause in (c for c in children(verb) if c.dep_ == "advcl" and c.i < verb.i):
        found = [s for s in children(clause) if s.dep_ == "nsubj" and s.pos_ in NOUNS and not in_dateline(s)]
        if found and clause.lemma_.lower() in AFFILIATIONS and clause.tag_ in ("VBD", "VBN"):
            return found[:1]
    return []


def _misattached_subject(verb: Token) -> Token | None:
    """A participle with no subject the parser made a second complement of the saying ("KINSHASA —
    Fighters of X attacked the village …, killing seven farmers, a leader said", "killing" and "attacked"
    both under "said"): the clause before it does it."""
    head = verb.head
    if verb.dep_ != "ccomp" or verb.tag_ != "VBG" or head.lemma_.lower() not in SAYING:
        return None
    if any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in children(verb)):
        return None
    before = [c for c in children(head) if c.dep_ == "ccomp" and c.i < verb.i]
    return subject_of(before[-1]) if before and verb.doc[verb.i - 1].text == "," else None


def subject_of(verb: Token) -> Token | None:
    """The active subject of ``verb``, shared down xcomp/conj/advcl chains ("continued to advance and
    took"); an infinitive with an object-taking governor is controlled by that object ("forced thousands
    of people to flee": the people flee)."""
    hedged = _hedged_subject(verb) or _misattached_subject(verb)
    if hedged is not None:
        return hedged
    charged = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") else None
    if charged is not None and charged.dep_ == "dobj" and charged.head.lemma_.lower() in IMPUTING_VERBS:
        return antecedent(charged, charged.head)  # "accused the junta of killing", parsed on "junta"
    cur = verb
    came = ""  # the preposition climbed through from a gerund
    for _ in range(6):
        if (
            cur.i != verb.i
            and cur.i == verb.head.i
            and verb.dep_ == "xcomp"
            and cur.pos_ == "VERB"
            and cur.lemma_.lower() not in SUBJECT_CONTROL_VERBS
        ):
            controller = next((c for c in children(cur) if c.dep_ in CONTROL_OBJECT_DEPS), None)
            if controller is not None:
                return controller
        if came in ("of", "for") and cur.lemma_.lower() in IMPUTING_VERBS:
            # "accused the junta of killing", "arrested three men for looting": the object did it
            charged = next((c for c in children(cur) if c.dep_ == "dobj"), None)
            if charged is not None:
                return antecedent(charged, cur)
        # "HERAT, May 3 — Fighters of X attacked": not the dateline's city, but what it stands in for
        found = (past_dateline(c) for c in children(cur) if c.dep in _SUBJ_IDS)
        subjects = [c for c in found if c is not None]
        # "Further west, FARC dissidents kidnapped ...": a direction misread as a second subject
        subjects = [c for c in subjects if not heading(c)] or subjects or _linked_subject(cur)
        if subjects and _said_and_did(verb, cur, subjects[0]):
            cur = cur.head  # "X said the raids killed a family and accused Y": X accused
            continue
        if subjects:
            return antecedent(subjects[0], cur)
        passive_subj = next((c for c in children(cur) if c.dep_ in PASSIVE_SUBJ_DEPS), None)
        if passive_subj is not None and came in ("of", "for"):
            return antecedent(passive_subj, cur)  # "was accused of attacking", "were arrested for looting"
        if passive_subj is not None:
            # "X said two were killed and accused Y": an active verb with a complement parsed as conjunct
            # of the passive report shares the reporter's subject
            complement = any(c.dep_ in COMPLEMENT_DEPS for c in children(verb))
            if verb.dep_ == "conj" and verb.head.i == cur.i and verb.tag_ == "VBD" and not complement:
                # "soldiers were sent to the area and clashed with the rebels": they clashed
                return antecedent(passive_subj, cur)
            if cur is verb or cur.dep_ != "ccomp" or not complement:
                return None
        elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX", "ADJ"):
            came = cur.head.lower_  # "set fire to the school before withdrawing"
            cur = cur.head.head  # "are guilty of violating": up through the adjective below
            if cur.pos_ == "ADJ" and cur.dep_ == "acomp":
                cur = cur.head
            elif cur.pos_ == "ADJ":
                return None
            continue
        # "is willing to negotiate": up through the adjective to its copula
        via_adjective = cur.dep_ == "acomp" and (cur.pos_ == "ADJ" or cur.tag_ == "VBN")  # "is opposed to"
        reported = cur is not verb and cur.dep_ == "ccomp"
        if cur.dep_ not in SHARED_SUBJ_DEPS and not reported and not via_adjective:
            return None
        adjective = cur.dep_ == "xcomp" and cur.head.pos_ == "ADJ" and cur.head.dep_ == "acomp"
        if cur.head.i == cur.i or (cur.head.pos_ not in ("VERB", "AUX") and not adjective):
            return None
        cur = cur.head
    return None


SPEECH_ACTS = frozenset({"accuse", "blame", "urge", "call", "condemn", "deny", "vow", "warn", "appeal"})


def _said_and_did(verb: Token, clause: Token, subject: Token) -> bool:
    """A speech act coordinated with a reported clause whose subject is no party is the reporter's."""
    return (
        verb.dep_ == "conj"
        and verb.head.i == clause.i
        and clause.dep_ == "ccomp"
        and clause.head.lemma_.lower() in SAYING
        and verb.lemma_.lower() in SPEECH_ACTS
        and not actor_like(subject)
    )


# what opens a clause of what was going on at the same time: "when a shell hit", "as they crossed"
AT_ONCE_MARKS = frozenset({"when", "as", "while"})


def at_once(clause: Token) -> bool:
    """An adverbial clause opened by "when", "as" or "while" (a mark, or "when" tagged an adverb)."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in AT_ONCE_MARKS for c in children(clause))


def alongside(clause: Token) -> bool:
    """A "while" clause with a subject of its own: another event told alongside ("struck a plant in the
    Zhytomyr region, while Russian shelling killed two people in Nikopol"), not the scene of this one
    ("were seized while patrolling near X")."""
    return any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in children(clause)) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in children(clause)
    )


def modal_clause(clause: Token) -> bool:
    """A reported intention: "(warned) it would respond", "(said) they will strike"."""
    return clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in children(clause))


def condition(clause: Token) -> bool:
    """An if/unless clause: "(threatened to strike) unless the government pays"."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children(clause))


def mandative(clause: Token) -> bool:
    """A demanded clause ("that the US cancel", "they must leave"), not a misparsed ", diplomats quoted"."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in children(clause)) or clause.tag_ == "VB":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VB", "MD") for c in children(clause))


def misread_subject(noun: Token) -> Token:
    """The subject a misread clause hangs from: the noun, or the one its phrase hangs on ("Armed men on
    motorbikes killed 17 civilians": the men, not the motorbikes)."""
    cur = noun
    while cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head.head
    return cur


def misread_clause(head: Token, kids: list[Token], intransitive: frozenset[str] = frozenset()) -> bool:
    """A clause the parser hung as a participle on its own subject: "families fled by boat" (a verb that
    takes no object), "bandits kidnapped 40 people" (a participle with an object is no passive)."""
    if head.dep_ != "acl" or head.tag_ not in ("VBN", "VBD") or head.head.pos_ != "NOUN":
        return False
    # a sentence whose root is the noun has no other verb: "The separatists, who ..., threatened to burn"
    rooted = head.head.dep_ == "ROOT" and head.i > head.head.i + 1 and not _apposed(head.head)
    return rooted or head.lemma_ in intransitive or any(c.dep_ in ("dobj", "obj") for c in kids)


def causes(verb: Token) -> list[Token]:
    """What did ``verb``, read through two misparses: its subject; the noun a participle misread as a
    reduced relative hangs on ("An air strike killed at least 11 people": "killed" an acl of "strike"); a
    relative clause's antecedent ("a roadside bomb that killed three soldiers")."""
    subjects = [c for c in children(verb) if c.dep_ == "nsubj"]
    if misread_clause(verb, list(children(verb))):
        return [verb.head, *subjects]
    if verb.dep_ == "relcl" and any(s.lower_ in RELATIVE_PRONOUNS for s in subjects):
        return [verb.head]
    return subjects


def _apposed(noun: Token) -> bool:
    return any(c.dep_ == "appos" for c in children(noun))


_OBJECT_IDS = frozenset(map(get_string_id, ("dobj", "obj")))  # (no string look-up per read)


def object_participle(head: Token) -> tuple[Token, Token] | None:
    """A participle on the verb's object that the parser made a clause with the object as its subject:
    "killed two police officers escorting a team in X on Monday" ("officers" the subject of "escorting",
    an advcl of "killed"). Returns (the object, the participle), or None; not with a mark or a comma
    ("killed them, leaving ...", "while escorting ...")."""
    if any(c.dep in _OBJECT_IDS for c in children(head)):
        return None
    for clause in children(head):
        if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.i < head.i:
            continue
        subject = next((c for c in children(clause) if c.dep_ == "nsubj"), None)
        if (
            subject is None
            or not head.i < subject.i < clause.i
            or any(c.dep_ == "mark" for c in children(clause))
        ):
            continue
        between = head.doc[head.i + 1 : subject.left_edge.i]
        if any(t.is_punct for t in between) or subject.pos_ not in ("NOUN", "PROPN"):
            continue
        return subject, clause
    return None
