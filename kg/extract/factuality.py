"""Is an event mention asserted, negated or hypothetical, and who reports it?

* negated: a ``neg`` dependent ("not", "n't", "never") or ``no`` determiner on the trigger or on the verbs
  it is the xcomp/object of ("did not manage to take"), or on its subject or object ("no troops were
  sent"), or a governing verb of denial/failure/prevention ("denied that they attacked", "failed to
  capture", "prevented an attack", "the blockade of aid deliveries", "cutting off food deliveries").
* hypothetical: a modal (might, may, could, can, would, should, must) on the trigger or its xcomp chain,
  an ``if``/``unless``/``whether`` clause, a governing verb of intention or demand ("threatened to
  attack", "plans to withdraw", "called for a ceasefire", "demanded that its forces withdraw"), an event
  noun said to begin only later ("talks would begin next week", "mediation is expected to resume"), an
  adjective of readiness ("willing to withdraw"), a participle describing the object of an unreal act
  ("ready to receive people fleeing the fighting"), an infinitive of purpose ("an operation to retake
  the town"), or a hedging adjective ("possible attack"). A causative verb's bare complement is as real
  as the causing ("wanted to let civilians leave", "did not let residents leave").
  The future ``will``/``going to`` is NOT hypothetical: announced plans are kept as factual and dated by
  resolution. The governing verb's own event (e.g. the ``Threaten`` of "threatened to attack") stays factual.
* reported_by: the subject of the nearest reporting verb governing the trigger's clause ("X said/claimed/
  told AFP that ..."), the object of "according to", or, for a trigger inside quotation marks, the
  subject of a reporting verb outside the quotes in the same sentence (inversions like "said a spokesman"
  included). Curly, straight and unbalanced quotes are paired left to right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.clauses import subject_of
from kg.extract.eventnouns import MODALS, charged_with, not_begun, presupposed, talked_about, yet_to_begin
from kg.extract.spans import mention
from kg.extract.tree import children, labelled
from kg.frozen import quick_init
from kg.model import Mention
from kg.nlp import doc_text

__all__ = ["Factuality", "SentenceFacts", "assess", "quoted_ranges", "sentence_facts", "REPORTING_VERBS"]

NEG_DEPS = frozenset({"neg"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
NONE_WORDS = frozenset({"none", "nobody", "nothing", "neither"})  # a subject or object that is no one
NO_DETERMINERS = frozenset({"no", "neither"})
# ("cutting off rice and medicine deliveries": the deliveries stopped)
NEGATING_VERBS = frozenset(
    {"deny", "refuse", "fail", "avoid", "prevent", "thwart", "foil", "reject", "refute", "block", "blockade",
     "obstruct", "cut", "unable"}
)  # fmt: skip
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
INTENT_VERBS = frozenset(
    {"threaten", "plan", "vow", "want", "intend", "seek", "try", "attempt", "prepare", "aim", "hope",
     "promise", "pledge", "propose", "offer", "consider", "call", "urge", "ask", "demand", "expect",
     "push", "appeal", "warn", "need", "wish", "plot", "mull", "request", "order", "press", "pressure",
     "swear", "agree", "decide", "resolve", "vote"}
)  # fmt: skip
INTENT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "eager", "determined", "keen", "poised"})
PURPOSE_DEPS = frozenset({"acl", "advcl", "relcl"})  # of an infinitive of purpose: "an operation to retake"
HEDGE_ADJECTIVES = frozenset(
    {"possible", "potential", "planned", "proposed", "prospective", "future", "threatened", "imminent",
     "likely", "alleged"}
)  # fmt: skip
HEDGE_PARTICIPLES = frozenset(
    {"proposed", "planned", "envisaged", "mooted"}
)  # tagged VBN: "a proposed truce"
HEDGE_NOUNS = frozenset(
    {"threat", "plan", "risk", "possibility", "fear", "call", "demand", "proposal", "prospect"}
)
# an act a verb's phrase only alleges: "accused the army of killing", "charged with murder", "arrested for"
ALLEGED_AFTER = {
    "of": frozenset({"accuse", "suspect", "allege", "convict", "suspicion", "accusation", "allegation"}),
    "with": frozenset({"charge"}),
    # ... and a record said of a group: "notorious for kidnappings", "known for its raids"
    "for": frozenset({"arrest", "detain", "jail", "imprison", "notorious", "infamous", "known"}),
}
REPORTING_VERBS = frozenset(
    {"say", "tell", "claim", "report", "announce", "confirm", "indicate", "state", "add", "assure",
     "acknowledge", "deny", "insist", "allege", "explain", "note", "write", "tweet", "declare", "reveal",
     "disclose", "admit", "stress", "affirm", "maintain", "assert", "post", "quote", "cite", "accuse",
     "warn", "estimate", "testify", "inform", "recount", "describe", "conclude", "reiterate", "argue",
     "emphasize", "emphasise"}
)  # fmt: skip
# Links from a clause up to the verb that reports it.
REPORT_LINK_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dobj", "advcl", "conj"})
SAME_CLAUSE_DEPS = frozenset({"xcomp", "dobj", "pobj", "prep", "pcomp", "nsubjpass", "conj", "acomp"})
QUOTE_CHARS = frozenset('"“”„«»')
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")
TIME_MARKS = frozenset({"once", "when", "until", "till", "before", "after", "as", "whenever"})


@quick_init
@dataclass(frozen=True)
class Factuality:
    negated: bool = False
    hypothetical: bool = False
    reported_by: Mention | None = None


def _has_neg(kids: Sequence[tuple[Token, str]]) -> bool:
    return any(dep in NEG_DEPS or (dep in ("det", "advmod") and c.lower_ in NEG_WORDS) for c, dep in kids)


def _has(kids: Sequence[tuple[Token, str]], label: str, words: frozenset[str]) -> bool:
    """A child labelled ``label`` that is one of ``words`` (a modal, a conditional or a time mark)."""
    return any(dep == label and c.lower_ in words for c, dep in kids)


_CLAUSE_LINKS = SAME_CLAUSE_DEPS | {"ccomp"}
CHARGE_VERBS = frozenset({"accuse", "blame", "allege", "charge", "claim", "say"})


def _others_charge(head: Token, denier: Token) -> bool:
    """ "X accused Rwanda of ..., a charge Kigali denies": the denial is of what X said, not that X said
    it (a pronoun subject may be the denier: "the army denied that it accused ...")."""
    if head.lemma_.lower() not in CHARGE_VERBS:
        return False
    said_by = {c.lower_ for c in children(head) if c.dep_ == "nsubj" and c.pos_ != "PRON"}
    denied_by = {c.lower_ for c in children(denier) if c.dep_ == "nsubj"}
    return bool(said_by and denied_by) and not said_by & denied_by


_INTENT_WORDS = INTENT_VERBS | HEDGE_NOUNS
PLANNING, PLANNED_BY = frozenset({"planning", "plotting"}), frozenset({"plan", "prepare", "plot", "schedule"})
CAUSATIVE_VERBS = frozenset({"let", "help", "make"})


def _negation_and_mood(head: Token) -> tuple[bool, bool]:
    own = labelled(head)
    dep, pos = head.dep_, head.pos_
    negated = _has_neg(own) or not_begun(head)  # "talks with the gang have not begun"
    # "no federal troops had been sent", "no one was killed", "sent no troops": a party that is none
    negated |= pos in ("VERB", "AUX") and any(
        d in ("nsubj", "nsubjpass", "dobj")
        and (c.lower_ in NONE_WORDS or any(t.dep_ == "det" and t.lower_ in NO_DETERMINERS for t in c.lefts))
        for c, d in own
    )
    purpose = dep in PURPOSE_DEPS and any(d == "aux" and c.tag_ == "TO" for c, d in own)
    hypothetical = _has(own, "aux", MODALS) or _has(own, "mark", CONDITIONAL_MARKS) or purpose
    hypothetical |= yet_to_begin(head) or (pos == "NOUN" and talked_about(head))
    # "a possible attack", "a proposed truce" (tagged a participle, lemma "propose"; not "long-threatened")
    hypothetical |= any(
        d == "amod" and (c.lemma_.lower() in HEDGE_ADJECTIVES or c.lower_ in HEDGE_PARTICIPLES)
        for c, d in own
    )
    # "confessed to planning attacks" ("planning" read as a compound), "an attack was being prepared"
    hypothetical |= any(d == "compound" and c.lower_ in PLANNING for c, d in own) or (
        dep == "nsubjpass" and head.head.lemma_.lower() in PLANNED_BY
    )
    # "would return once the troops left": a time clause of a modal verb is as unreal as that verb
    hypothetical |= (
        dep == "advcl" and _has(own, "mark", TIME_MARKS) and _has(labelled(head.head), "aux", MODALS)
    )
    cur, up, same_clause = head, dep, True  # up the clause (``up``: ``cur``'s label)
    kids: Sequence[tuple[Token, str]] | None = own
    for _ in range(6):
        gov = cur.head if up in _CLAUSE_LINKS else cur
        if gov.i == cur.i:
            break  # no link of its clause, or the root
        link = up
        kids = kids if kids is not None else labelled(cur)
        # a coordinated verb shares auxiliaries only when it has none of its own
        if link == "conj" and any(d in ("aux", "nsubj", "nsubjpass") for _, d in kids):
            break
        infinitive = link == "ccomp" and any(d == "aux" and c.tag_ == "TO" for c, d in kids)
        # "demanded that its forces withdraw", "that troops be sent": a bare verb or passive of a demand
        bare = link == "ccomp" and (
            cur.tag_ in ("VB", "VBP") or any(d == "auxpass" and c.tag_ == "VB" for c, d in kids)
        )
        infinitive |= bare and not any(d == "aux" for _, d in kids)
        # "wanted to let civilians leave": a causative verb's bare complement is as real as the causing
        caused = link == "ccomp" and cur.tag_ == "VB" and gov.lemma_.lower() in CAUSATIVE_VERBS
        same_clause = same_clause and (link != "ccomp" or caused)
        cur, kids = gov, None
        lemma = cur.lemma_.lower()
        up = cur.dep_
        if link in ("pobj", "pcomp") and up == "prep":
            negated |= lemma == "without"  # "withdrew without a fight", "killed without warning"
            hypothetical |= charged_with(cur, ALLEGED_AFTER.get(lemma, frozenset()))
            if link == "pobj" and presupposed(cur, head):
                break  # what the act comes after or answers happened, whatever the act's own mood
        if infinitive and lemma in INTENT_VERBS:
            hypothetical = True  # "expect the curfew to be lifted"
        if lemma in NEGATING_VERBS and link != "conj" and not negated and not _others_charge(head, cur):
            negated = True  # "denied X and accused Y": Y is asserted
        if same_clause:
            kids = labelled(cur)
            negated |= link != "conj" and _has_neg(kids)
            hypothetical |= _has(kids, "aux", MODALS) or _has(kids, "mark", CONDITIONAL_MARKS)
            if link in ("xcomp", "dobj", "pobj", "prep", "pcomp") and lemma in _INTENT_WORDS:
                hypothetical = True
            if link == "xcomp" and lemma in INTENT_ADJECTIVES and cur.pos_ == "ADJ":
                hypothetical = True  # "is willing to withdraw", "ready to receive"
            if link == "xcomp" and lemma in ("have", "be") and any(c.lower_ == "yet" for c, _ in kids):
                hypothetical = True  # "have yet to agree": not so far, perhaps later
        if link == "ccomp" and not caused and cur.pos_ in ("VERB", "AUX"):
            break
    if not hypothetical and dep == "acl" and head.tag_ == "VBG" and head.head.dep_ in ("dobj", "obj"):
        # "ready to receive people fleeing the fighting": people who would flee, as unreal as the receiving
        hypothetical = _negation_and_mood(head.head.head)[1]
    return negated, hypothetical


def quoted_ranges(sent: Span, text: str | None = None) -> list[tuple[int, int]]:
    """Character ranges (doc offsets) inside quotation marks; quotes are paired left to right and an
    unclosed quote runs to the end of the sentence (``text`` = ``sent.text`` when the caller has it)."""
    text, base = (sent.text if text is None else text), sent.start_char
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
    ranges = []
    for k in range(0, len(marks), 2):
        end = marks[k + 1] if k + 1 < len(marks) else len(text)
        ranges.append((base + marks[k], base + end))
    return ranges


def _reporter_of(verb: Token) -> Token | None:
    subj = subject_of(verb)
    if subj is not None:
        return subj
    for child in verb.rights:  # inversion: '"...," said a spokesman' parsed with an object
        if child.dep_ in ("dobj", "nsubj", "attr") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
    return None


def _according_to(tokens: list[Token]) -> Token | None:
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for obj in children(tok.doc[tok.i + 1]):
                if obj.dep_ == "pobj":
                    return obj
    return None


@dataclass
class SentenceFacts:
    """What factuality needs of a sentence, computed once for all of its triggers (the reporting verbs
    outside quotes only when a trigger inside quotes asks for them)."""

    sent: Span
    text: str
    ranges: list[tuple[int, int]]
    according: Token | None
    _reporting: tuple[Token, ...] | None = None

    @property
    def reporting(self) -> tuple[Token, ...]:
        if self._reporting is None:
            self._reporting = tuple(
                t
                for t in self.sent
                if t.pos_ in ("VERB", "AUX")
                and t.lemma_.lower() in REPORTING_VERBS
                and not any(a <= t.idx < b for a, b in self.ranges)
            )
        return self._reporting


def sentence_facts(sent: Span) -> SentenceFacts:
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # (``Span.text`` joins its tokens again)
    according = _according_to(list(sent)) if "according" in text.lower() else None
    return SentenceFacts(sent, text, quoted_ranges(sent, text), according)


def _reporter(head: Token, facts: SentenceFacts) -> tuple[Token | None, bool]:
    """The reporting source and whether its verb is a denial."""
    cur = head
    for step in range(8):
        gov = cur.head
        if gov.i == cur.i:
            break
        link, cur = cur.dep_, gov
        if link not in REPORT_LINK_DEPS or (step == 0 and link == "conj"):
            continue  # "denied the charge and accused the army": a second statement, not a reported one
        lemma = cur.lemma_.lower()
        if lemma in REPORTING_VERBS and cur.pos_ in ("VERB", "AUX"):
            if lemma == "deny" and _others_charge(head, cur):
                break  # "X accused Y ..., a charge Kigali denies": X speaks for itself
            who = _reporter_of(cur)
            if who is not None:
                return who, lemma == "deny"
    if facts.according is not None:
        return facts.according, False
    if any(a <= head.idx < b for a, b in facts.ranges):
        for verb in sorted(facts.reporting, key=lambda t: abs(t.i - head.i)):
            who = _reporter_of(verb)
            if who is not None:
                return who, verb.lemma_.lower() == "deny"
    return None, False


def assess(head: Token, facts: SentenceFacts | None = None) -> Factuality:
    """Factuality of the event whose trigger head is ``head``; ``facts`` = ``sentence_facts(head.sent)``
    (pass it in to compute it once per sentence)."""
    negated, hypothetical = _negation_and_mood(head)
    who, denial = _reporter(head, facts if facts is not None else sentence_facts(head.sent))
    return Factuality(
        negated=negated or denial,
        hypothetical=hypothetical,
        reported_by=None if who is None else mention(who),
    )
