"""Event triggers: the analyst-editable lexicon (``kg/data/lexicon.toml``) compiled to lemma indexes.

``find_triggers(doc)`` yields :class:`TriggerMatch` objects sorted by token index, at most one per head
token: the verb or noun that carries the trigger's syntax (the root of a multi-word match: "strike" in
"air strike", "take" in "take control of"). Overlaps resolve to the entry with the higher priority, then
the longer span. Set ``KG_LEXICON`` to use another lexicon file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import tomllib
from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.errors import InputError
from kg.namespaces import EVENT_CLASSES

__all__ = ["TriggerMatch", "LexiconEntry", "load_lexicon", "find_triggers", "LexiconError"]

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "NORP", "PRODUCT"})  # nouns inside names
# an agreeing verb and the arrangement it agrees to are one event of the latter class ("signed a truce")
AGREEING = frozenset({"Agree", "Support"})
AGREED = frozenset({"Ceasefire"})
TIME_LABELS = frozenset({"DATE", "TIME"})  # "since March": a month, not a march
# "who asked not to be named/identified": a source asking for anonymity requests nothing of a party
ANONYMITY_LEMMAS = frozenset({"name", "identify", "quote"})
QUANTITY_NOUNS = frozenset(
    {
        "hundred",
        "thousand",
        "dozen",
        "score",
        "number",
        "group",
        "handful",
        "million",
        "tonne",
        "ton",
        "truckload",
        "shipment",
        "consignment",
        "batch",
        "crate",
        "load",
    }
)


class LexiconError(InputError):
    """The lexicon file is malformed (unknown class, missing words, bad TOML)."""


@dataclass(frozen=True)
class TriggerMatch:
    """Token span ``[start, end)`` of a trigger; ``head`` carries its syntax."""

    start: int
    end: int
    head: int
    event_class: str
    pattern_id: str = ""


@dataclass(frozen=True)
class LexiconEntry:
    event_class: str
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    priority: int = 0


def _words(entry: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(v.strip().lower() for v in value)


def load_lexicon(path: str | Path | None = None) -> tuple[LexiconEntry, ...]:
    """Read and check a lexicon file (default: ``KG_LEXICON``, else the packaged ``kg/data/lexicon.toml``)."""
    chosen = path or os.environ.get("KG_LEXICON")
    where = str(chosen) if chosen else "kg/data/lexicon.toml"
    try:
        text = Path(chosen).read_text("utf-8") if chosen else (
            resources.files("kg").joinpath("data/lexicon.toml").read_text("utf-8")
        )  # fmt: skip
        data = tomllib.loads(text)
    except OSError as err:
        raise LexiconError(f"{where}: cannot read the lexicon ({err.strerror or err})") from None
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{where}: not valid TOML: {err}") from None
    entries = data.get("entry")
    if not isinstance(entries, list) or not entries:
        raise LexiconError(f"{where}: no [[entry]] tables; see the format described at the top of the file")
    out: list[LexiconEntry] = []
    for i, raw in enumerate(entries, start=1):
        at = f"{where}: entry {i}"
        cls = raw.get("class")
        if cls not in EVENT_CLASSES:
            raise LexiconError(
                f"{at}: unknown class {cls!r}; valid classes: {', '.join(sorted(EVENT_CLASSES))}"
            )
        words = {key: _words(raw, key, at) for key in ("verbs", "nouns", "phrases", "object", "subject")}
        if not (words["verbs"] or words["nouns"] or words["phrases"]):
            raise LexiconError(f"{at}: give at least one of verbs, nouns or phrases")
        priority = raw.get("priority", 0)
        if not isinstance(priority, int):
            raise LexiconError(f"{at}: priority must be a whole number")
        # a multi-word verb or noun is a phrase
        phrases = words["phrases"] + tuple(w for w in words["verbs"] + words["nouns"] if " " in w)
        verbs = tuple(w for w in words["verbs"] if " " not in w)
        nouns = tuple(w for w in words["nouns"] if " " not in w)
        out.append(LexiconEntry(cls, verbs, nouns, phrases, words["object"], words["subject"], priority))
    return tuple(out)


FUNCTION_WORDS = frozenset({"a", "an", "the", "their", "its", "of", "to"})


def _phrase_words(phrase: str) -> tuple[frozenset[str], ...]:
    """Each word of a phrase as the set of forms it matches: function words as written, content words by
    lemma, singular or plural ("impose sanctions" matches "imposed sanctions" and "imposes a sanction")."""
    out = []
    for word in phrase.split():
        forms = {word}
        if word not in FUNCTION_WORDS and word.endswith("s") and len(word) > 3:
            forms.add(word[:-1])
        out.append(frozenset(forms))
    return tuple(out)


@dataclass(frozen=True)
class _Compiled:
    """Single words and phrases indexed by (first) lemma: one dictionary look-up per token, no Matcher."""

    entries: tuple[LexiconEntry, ...]
    verbs: dict[str, tuple[int, ...]]
    nouns: dict[str, tuple[int, ...]]
    phrases: dict[str, tuple[tuple[int, tuple[frozenset[str], ...]], ...]]
    hashes: frozenset[int]  # string ids of every indexed word, in the cases a lemma may take

    def candidate_tokens(self, doc: Doc) -> list[int]:
        """Indices of the tokens whose lemma or lower-case form is indexed (string ids read in one array,
        so the Python work below runs on a few tokens per sentence, not on all of them)."""
        if not len(doc):
            return []
        wanted = self.hashes
        rows = doc.to_array([LEMMA, LOWER]).tolist()
        return [i for i, (lemma, lower) in enumerate(rows) if lemma in wanted or lower in wanted]


@lru_cache(maxsize=8)
def _compiled(path: str | None) -> _Compiled:
    entries = load_lexicon(path)
    verbs: dict[str, list[int]] = {}
    nouns: dict[str, list[int]] = {}
    phrases: dict[str, list[tuple[int, tuple[frozenset[str], ...]]]] = {}
    for n, entry in enumerate(entries):
        for verb in entry.verbs:
            verbs.setdefault(verb, []).append(n)
        for noun in entry.nouns:
            nouns.setdefault(noun, []).append(n)
        for phrase in entry.phrases:
            words = _phrase_words(phrase)
            for first in words[0]:
                phrases.setdefault(first, []).append((n, words))
    indexed = {*verbs, *nouns, *phrases}
    forms = {form for w in indexed for form in (w, w.capitalize(), w.title(), w.upper())}
    hashes = frozenset(get_string_id(f) for f in forms)
    return _Compiled(
        entries,
        {k: tuple(v) for k, v in verbs.items()},
        {k: tuple(v) for k, v in nouns.items()},
        {k: tuple(v) for k, v in phrases.items()},
        hashes,
    )


def _match_phrase(doc: Doc, start: int, words: tuple[frozenset[str], ...]) -> int | None:
    """End index of ``words`` matched from token ``start`` (one optional determiner between words)."""
    i = start
    for k, forms in enumerate(words):
        if i >= len(doc):
            return None
        token = doc[i]
        if k and token.pos_ == "DET" and token.lower_ not in forms and i + 1 < len(doc):
            token = doc[i + 1]
            i += 1
        if token.lower_ not in forms and token.lemma_.lower() not in forms:
            return None
        i += 1
    return i


def _candidates(doc: Doc, lexicon: _Compiled) -> Iterator[tuple[int, int, int, str]]:
    """``(start, end, entry index, kind)`` for every lexicon hit in ``doc``."""
    for i in lexicon.candidate_tokens(doc):
        token = doc[i]
        lemma = token.lemma_.lower()
        pos = token.pos_
        if pos in VERB_POS:
            for n in lexicon.verbs.get(lemma, ()):
                yield token.i, token.i + 1, n, "verb"
        elif pos in NOUN_POS:
            for n in lexicon.nouns.get(lemma, ()):
                yield token.i, token.i + 1, n, "noun"
        for key in {lemma, token.lower_}:
            for n, words in lexicon.phrases.get(key, ()):
                end = _match_phrase(doc, token.i, words)
                if end is not None:
                    yield token.i, end, n, "phrase"


def _fits(token: Token, wanted: Sequence[str]) -> bool:
    lemma = token.lemma_.lower()
    return (
        lemma in wanted or token.lower_ in wanted or ("place" in wanted and token.ent_type_ in PLACE_LABELS)
    )


def _argument_fits(head: Token, wanted: Sequence[str], deps: frozenset[str]) -> bool:
    """The argument constraint holds for a direct dependent, its conjuncts, or a noun's ``of`` object."""
    candidates = [c for c in head.children if c.dep_ in deps]
    if head.pos_ in NOUN_POS:
        for child in head.children:
            if child.dep_ == "poss":
                candidates.append(child)
            elif child.dep_ == "prep":
                candidates += [g for g in child.children if g.dep_ == "pobj"]
    # a quantity head stands for its "of" object: "freed hundreds of prisoners", "took dozens of towns"
    counted = [c for c in candidates if c.like_num or c.lemma_ in QUANTITY_NOUNS]
    of_phrases = [p for c in counted for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
    candidates += [g for p in of_phrases for g in p.children if g.dep_ == "pobj"]
    for token in candidates:
        if any(
            _fits(t, wanted)
            for t in [token, *token.conjuncts, *(c for c in token.children if c.dep_ == "appos")]
        ):
            return True
    return False


def _allowed(head: Token, entry: LexiconEntry, kind: str) -> bool:
    if head.dep_ in {"aux", "auxpass"}:
        return False
    if kind == "noun" and (head.ent_type_ in NAME_LABELS | TIME_LABELS or head.dep_ == "compound"):
        return False  # part of a name ("Operation Storm") or a modifier ("protest leaders", "aid convoy")
    if head.dep_ == "amod" and head.tag_ == "VBG":
        return False  # a present participle describing a noun: "the surrounding district"
    if any(
        c.dep_ == "xcomp" and c.lemma_ in ANONYMITY_LEMMAS and any(g.dep_ == "neg" for g in c.children)
        for c in head.children
    ):
        return False  # "asked not to be named"
    if kind != "phrase" and entry.objects and not _argument_fits(head, entry.objects, OBJECT_DEPS):
        return False
    return not (entry.subjects and not _argument_fits(head, entry.subjects, SUBJECT_DEPS))


def find_triggers(doc: Doc, lexicon_path: str | Path | None = None) -> Iterator[TriggerMatch]:
    """Trigger matches of ``doc``, sorted by token index, one per head."""
    lexicon = _compiled(str(lexicon_path) if lexicon_path else os.environ.get("KG_LEXICON"))
    best: dict[int, tuple[tuple[int, int], TriggerMatch]] = {}
    for start, end, index, kind in _candidates(doc, lexicon):
        entry = lexicon.entries[index]
        span = doc[start:end]
        head = span.root
        if not _allowed(head, entry, kind):
            continue
        rank = (entry.priority + (1 if kind == "phrase" else 0), end - start)
        found = TriggerMatch(
            start, end, head.i, entry.event_class, f"{entry.event_class}/{kind}/{span.text.lower()}"
        )
        if head.i not in best or rank > best[head.i][0]:
            best[head.i] = (rank, found)
    chosen = sorted((m for _, m in best.values()), key=lambda m: (m.start, m.head))
    # a token inside a longer chosen span is not a trigger of its own ("strike" in "air strike")
    covered = {i for m in chosen if m.end - m.start > 1 for i in range(m.start, m.end) if i != m.head}
    kept = {m.head: m for m in chosen if m.head not in covered}
    yield from sorted(_collapse_objects(doc, kept).values(), key=lambda m: (m.start, m.head))


def _collapse_objects(doc: Doc, kept: dict[int, TriggerMatch]) -> dict[int, TriggerMatch]:
    """A noun trigger that is the object of a verb trigger of the same category is the same event ("sent
    aid", "signed a peace agreement", "agreed to a truce"): keep the verb, with the finer of the classes."""
    for i, noun in list(kept.items()):
        token = doc[i]
        if token.pos_ not in NOUN_POS:
            continue
        governor = token.head.head if token.head.dep_ == "prep" else token.head
        if governor.i in covered_quantity(token):
            governor = governor.head
        verb = kept.get(governor.i)
        if verb is None or verb is noun or not _same_event(verb.event_class, noun.event_class):
            continue
        finer = noun.event_class if verb.event_class == EVENT_CLASSES[verb.event_class] else verb.event_class
        kept[governor.i] = TriggerMatch(verb.start, verb.end, verb.head, finer, verb.pattern_id)
        del kept[i]
    return kept


def _same_event(verb_class: str, noun_class: str) -> bool:
    """Same category, or an agreement verb whose object names the agreed arrangement ("agreed to a truce")."""
    top = EVENT_CLASSES[verb_class]
    return top == EVENT_CLASSES[noun_class] or (top in AGREEING and noun_class in AGREED)


def covered_quantity(token: Token) -> set[int]:
    """The quantity head a noun hangs from ("500 tonnes of aid" -> tonnes), as a set of token indices."""
    head = token.head.head if token.head.dep_ == "prep" and token.head.lower_ == "of" else None
    return {head.i} if head is not None and (head.like_num or head.lemma_ in QUANTITY_NOUNS) else set()
