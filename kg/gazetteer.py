"""``gazetteer_ruler``: a spaCy component that labels gazetteer place names before the statistical NER.

The small English model mislabels many place names of conflict zones ("Herat" as ORG, "Lashkar Gah" as
PERSON). This component matches the names of ``kg.resolve.places.gazetteer`` (cities, countries, provinces
of the focus countries; ``ruler_stoplist`` in ``kg/data/places.toml`` excluded) case-sensitively and sets
them as GPE entities. Placed before "ner", the NER keeps them and labels the rest. Matching is a dictionary
lookup of the token n-grams (up to ``MAX_TOKENS``) that start with a capital letter, longest first: no
pattern docs to build, so adding the component costs only the gazetteer load.

A match is skipped when it sits inside a longer proper name: a capitalised word right before it (not at
sentence start), e.g. "Ismail Khan", or right after it unless that word is a kind word ("Badghis Province").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import IDX, IS_ALPHA, IS_DIGIT, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.resolve.places import gazetteer

__all__ = ["GazetteerRuler", "make_gazetteer_ruler", "KIND_LABELS", "KIND_WORDS", "MAX_TOKENS"]

MAX_TOKENS = 7
_SPACES = re.compile(r"\s+")
HYPHENS = frozenset({"-", "‐", "‑"})
# Arabic articles joined to a name: "Al-Mayadin" is Mayadin ("Al Mayadin" in the gazetteer)
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez", "en"})
_ELIDED = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")  # a word with an apostrophe inside: "N'Gourma"

KIND_LABELS = {"city": "GPE", "country": "GPE", "province": "GPE", "region": "LOC"}
KIND_WORDS = frozenset(
    ["Province", "Region", "City", "District", "Governorate", "State", "Oblast", "Valley", "province"]
)


CALENDAR_WORDS = frozenset(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
     "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
)  # fmt: skip


class GazetteerRuler:
    """Phrase patterns from the gazetteer; ``overwrite_ents`` lets matches replace earlier entities."""

    def __init__(self, nlp: Language, name: str = "gazetteer_ruler", overwrite_ents: bool = True) -> None:
        self.name = name
        self.overwrite_ents = overwrite_ents
        from spacy.lang.en.stop_words import STOP_WORDS

        self.names = {
            _SPACES.sub(" ", surface): KIND_LABELS[kind]
            for surface, kind in gazetteer().ruler_names.items()
            if surface.lower() not in STOP_WORDS
        }
        self.pattern_count = len(self.names)
        # first words of the names: a capitalised token starts a name only if a prefix of its
        # whitespace-delimited word (at least the token itself) is one of them
        self.first_words = frozenset(name.split(" ")[0] for name in self.names)

    def _inside_longer_name(self, span: Span) -> bool:
        doc = span.doc
        if span.start > 1 and self._joined(doc[span.start - 2], doc[span.start - 1]):
            return True  # "Kolo" of "Gueskerou-Kolo" (not "Kandahar" of "the Kabul-Kandahar highway")
        if span.start > 0 and not span[0].is_sent_start:
            before = doc[span.start - 1]
            if before.is_title and before.is_alpha and not before.is_sent_start:
                return True
            if before.is_title and before.is_alpha and before.lower_ not in ("in", "at", "from", "near"):
                return before.tag_ in ("NNP", "NNPS")
        if span.end < len(doc):
            after = doc[span.end]
            if after.is_title and after.is_alpha and after.text not in KIND_WORDS | CALENDAR_WORDS:
                return True
        return False

    def _joined(self, word: Token, hyphen: Token) -> bool:
        """``word`` is joined by ``hyphen`` to the name after it, and is no article and no place name."""
        joined = hyphen.text in HYPHENS and not hyphen.whitespace_ and not word.whitespace_
        return joined and word.is_title and word.lower_ not in ARTICLES and word.text not in self.names

    def candidates(self, doc: Doc) -> Iterable[Span]:
        text = doc.text
        n = len(doc)
        array = doc.to_array([IDX, LENGTH, IS_ALPHA, IS_DIGIT]).tolist() if n else []
        first_words = self.first_words
        for i, (start, length, _, _) in enumerate(array):
            if not text[start].isupper():
                continue
            space = _SPACES.search(text, start)
            word_end = space.start() if space is not None else len(text)
            if not any(text[start:k] in first_words for k in range(start + length, word_end + 1)):
                continue
            for end in range(min(n, i + MAX_TOKENS), i, -1):
                last_start, last_length, alpha, digit = array[end - 1]
                last_end = last_start + last_length
                if not alpha and not digit and not _ELIDED.fullmatch(text, last_start, last_end):
                    continue  # a name ends on a word ("Fada N'Gourma"), not on punctuation or "U.S."
                label = self.names.get(_SPACES.sub(" ", text[start:last_end]))
                if label is not None:
                    yield Span(doc, i, end, label=label)
                    break

    def matches(self, doc: Doc) -> list[Span]:
        return filter_spans(s for s in self.candidates(doc) if not self._inside_longer_name(s))

    def __call__(self, doc: Doc) -> Doc:
        found = self.matches(doc)
        if not found:
            return doc
        if self.overwrite_ents:
            taken = {i for span in found for i in range(span.start, span.end)}
            kept: Iterable[Span] = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        else:
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            kept = list(doc.ents)
            found = [s for s in found if not any(i in taken for i in range(s.start, s.end))]
        doc.set_ents(list(kept) + found, default="unmodified")
        return doc


@Language.factory(
    "gazetteer_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"overwrite_ents": True},
)
def make_gazetteer_ruler(nlp: Language, name: str, overwrite_ents: bool) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, overwrite_ents)
