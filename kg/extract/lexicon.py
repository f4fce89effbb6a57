"""The analyst-editable trigger lexicon (``kg/data/lexicon.toml``): reading, checking and indexing.

``load_lexicon(path)`` returns the checked :class:`LexiconEntry` tuples; ``compiled(path)`` indexes them by
lemma for ``kg.extract.triggers`` (one dictionary look-up per token, no Matcher); ``load_modality(path)``
reads the ``[modality]`` table for ``kg.extract.modality``. Set ``KG_LEXICON`` to use
another lexicon file. The file format is described at the top of the packaged file.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy
import tomllib
from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.errors import InputError
from kg.namespaces import EVENT_CLASSES

__all__ = [
    "LexiconEntry",
    "LexiconError",
    "Compiled",
    "Modality",
    "load_lexicon",
    "load_modality",
    "compiled",
    "active_lexicon",
    "phrase_words",
    "in_table",
]

WORD_KEYS = ("verbs", "nouns", "phrases", "object", "subject", "with", "not_object")
FUNCTION_WORDS = frozenset({"a", "an", "the", "their", "its", "of", "to"})


class LexiconError(InputError):
    """The lexicon file is malformed (unknown class, missing words, bad TOML)."""


@dataclass(frozen=True)
class LexiconEntry:
    event_class: str
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    priority: int = 0
    context: tuple[str, ...] = ()  # the TOML key ``with``: a word some dependent of the trigger must be
    excluded: tuple[str, ...] = ()  # the TOML key ``not_object``: words the object or dative must not be


def _words(entry: dict[str, object], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(v.strip().lower() for v in value)


def _read(chosen: str | Path | None, where: str) -> dict[str, object]:
    try:
        text = Path(chosen).read_text("utf-8") if chosen else (
            resources.files("kg").joinpath("data/lexicon.toml").read_text("utf-8")
        )  # fmt: skip
        return tomllib.loads(text)
    except OSError as err:
        raise LexiconError(f"{where}: cannot read the lexicon ({err.strerror or err})") from None
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{where}: not valid TOML: {err}") from None


def load_lexicon(path: str | Path | None = None) -> tuple[LexiconEntry, ...]:
    """Read and check a lexicon file (default: ``KG_LEXICON``, else the packaged ``kg/data/lexicon.toml``)."""
    chosen = path or os.environ.get("KG_LEXICON")
    where = str(chosen) if chosen else "kg/data/lexicon.toml"
    entries = _read(chosen, where).get("entry")
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
        unknown = sorted(set(raw) - {"class", "priority", *WORD_KEYS})
        if unknown:
            raise LexiconError(
                f"{at}: unknown key {unknown[0]!r}; valid keys: class, priority, {', '.join(WORD_KEYS)}"
            )
        words = {key: _words(raw, key, at) for key in WORD_KEYS}
        if not (words["verbs"] or words["nouns"] or words["phrases"]):
            raise LexiconError(f"{at}: give at least one of verbs, nouns or phrases")
        priority = raw.get("priority", 0)
        if not isinstance(priority, int):
            raise LexiconError(f"{at}: priority must be a whole number")
        # a multi-word verb or noun is a phrase
        phrases = words["phrases"] + tuple(w for w in words["verbs"] + words["nouns"] if " " in w)
        verbs = tuple(w for w in words["verbs"] if " " not in w)
        nouns = tuple(w for w in words["nouns"] if " " not in w)
        out.append(
            LexiconEntry(
                cls,
                verbs,
                nouns,
                phrases,
                words["object"],
                words["subject"],
                priority,
                words["with"],
                words["not_object"],
            )
        )
    return tuple(out)


def phrase_words(phrase: str) -> tuple[frozenset[str], ...]:
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
class Compiled:
    """Single words and phrases indexed by (first) lemma: one dictionary look-up per token, no Matcher."""

    entries: tuple[LexiconEntry, ...]
    verbs: dict[str, tuple[int, ...]]
    nouns: dict[str, tuple[int, ...]]
    phrases: dict[str, tuple[tuple[int, tuple[frozenset[str], ...]], ...]]
    hashes: frozenset[int]  # string ids of every indexed word, in the cases a lemma may take
    table: numpy.ndarray = field(compare=False, repr=False)  # ``hashes`` sorted, as unsigned 64-bit ints

    def candidate_tokens(self, doc: Doc) -> list[int]:
        """Indices of the tokens whose lemma or lower-case form is indexed (string ids read in one array,
        so the Python work that follows runs on a few tokens per sentence, not on all of them; looked up in
        the sorted ``table`` of ``hashes``, the ids never become Python integers)."""
        table = self.table
        if not len(doc) or not len(table):
            return []
        rows = doc.to_array([LEMMA, LOWER])
        return numpy.flatnonzero(in_table(rows, table).any(axis=1)).tolist()

    def noun_classes(self, lemma: str) -> set[str]:
        """The event classes of the entries a noun lemma triggers ("strike" -> AirStrike, ...)."""
        return {self.entries[n].event_class for n in self.nouns.get(lemma, ())}


def in_table(ids: numpy.ndarray, table: numpy.ndarray) -> numpy.ndarray:
    """Which of the string ``ids`` are in ``table`` (string ids sorted, unsigned 64-bit, at least one): one
    binary search each (``numpy.isin`` is ten times slower at this size)."""
    return table[numpy.minimum(numpy.searchsorted(table, ids), len(table) - 1)] == ids


def active_lexicon(path: str | Path | None = None) -> Compiled:
    """The compiled lexicon at ``path``, else at ``$KG_LEXICON``, else the packaged one."""
    return compiled(str(path) if path else os.environ.get("KG_LEXICON"))


@lru_cache(maxsize=8)
def compiled(path: str | None) -> Compiled:
    """The lexicon at ``path`` (None: the packaged one) indexed for matching; cached."""
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
            words = phrase_words(phrase)
            for first in words[0]:
                phrases.setdefault(first, []).append((n, words))
    indexed = {*verbs, *nouns, *phrases}
    forms = {form for w in indexed for form in (w, w.capitalize(), w.title(), w.upper())}
    hashes = frozenset(get_string_id(f) for f in forms)
    return Compiled(
        entries,
        {k: tuple(v) for k, v in verbs.items()},
        {k: tuple(v) for k, v in nouns.items()},
        {k: tuple(v) for k, v in phrases.items()},
        hashes,
        numpy.array(sorted(hashes), dtype=numpy.uint64),
    )


@dataclass(frozen=True)
class Modality:
    """The ``[modality]`` table: which words mark intent, obligation, refusal, attempts, commands, and
    which class each statement gets (see ``kg.extract.modality``)."""

    future: frozenset[str] = frozenset()
    reported_future: frozenset[str] = frozenset()
    intent_verbs: frozenset[str] = frozenset()
    intent_adjectives: frozenset[str] = frozenset()
    obligation: frozenset[str] = frozenset()
    cooperative_categories: frozenset[str] = frozenset()
    hostile_categories: frozenset[str] = frozenset()
    threat_conditions: frozenset[str] = frozenset()
    intent_cooperative: str = "Agree"
    intent_hostile: str = "Threaten"
    obligation_class: str = "Request"
    refusal_categories: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    refusal_governors: frozenset[str] = frozenset()
    refusal_class: str = ""
    conditional_modals: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    command_verbs: frozenset[str] = frozenset()
    command_categories: frozenset[str] = frozenset()
    attempt_verbs: frozenset[str] = frozenset()
    attempt_categories: frozenset[str] = frozenset()
    attempt_class: str = ""
    preparation_verbs: frozenset[str] = frozenset()
    preparation_categories: frozenset[str] = frozenset()
    preparation_class: str = ""
    decision_verbs: frozenset[str] = frozenset()
    carrier_verbs: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def load_modality(path: str | None = None) -> Modality:
    """The ``[modality]`` table of the lexicon (``KG_LEXICON`` or the packaged file); none -> no recoding."""
    chosen = path or os.environ.get("KG_LEXICON")
    where = chosen or "kg/data/lexicon.toml"
    table = _read(chosen, where).get("modality")
    if not isinstance(table, dict):
        return Modality()
    fields: dict[str, object] = {}
    for f in dataclasses.fields(Modality):
        value = table.get(f.name)
        if value is None:
            continue
        if isinstance(value, str):
            if value not in EVENT_CLASSES:
                valid = ", ".join(sorted(EVENT_CLASSES))
                raise LexiconError(f"{where}: [modality] {f.name} = {value!r} is no class; valid: {valid}")
            fields[f.name] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            keep_case = f.name.endswith("_categories")  # category names are capitalised
            fields[f.name] = frozenset(v if keep_case else v.lower() for v in value)
        else:
            raise LexiconError(f"{where}: [modality] {f.name} must be a class name or a list of words")
    return Modality(**fields)  # type: ignore[arg-type]
