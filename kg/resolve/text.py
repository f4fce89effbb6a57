"""Small text helpers shared by the resolvers: ASCII folding, name keys, slugs, spans inside spans and table
loading."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any

import tomllib

__all__ = [
    "fold",
    "name_key",
    "slug",
    "strip_determiners",
    "load_table",
    "DETERMINERS",
    "after_the",
    "within",
]

DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "this",
        "that",
        "these",
        "those",
        "some",
        "several",
        "many",
        "other",
        "another",
    ]
)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bb": "'", "\u02bc": "'", "`": "'", "\u201c": '"'})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ABBREVIATION = re.compile(r"(?:^|[\s.])[A-Za-z]\.$")  # "U.N.", "U.S.", "Lt. Gen." end in letter-point
_EZAFE = frozenset({"e", "i", "y", "ye", "yi", "el"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Strip accents and typographic quotes: ``"Herāt"`` -> ``"Herat"``."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def strip_determiners(text: str) -> str:
    """Drop leading determiners/possessive pronouns and a trailing possessive ``'s``."""
    text = fold(text).strip().strip("\"',;:()")
    if text.endswith(".") and not _ABBREVIATION.search(text):
        text = text.rstrip(".")  # "the rebels." but "the U.N." keeps its point
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(w for w in words if w)


@lru_cache(maxsize=65536)
def after_the(text: str, start: int) -> bool:
    """The word at ``start`` of ``text`` follows "the" (any case): "the gunmen", "the two sides"."""
    return start >= 4 and text[start - 4 : start].lower() == "the "


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Lookup key for place names: folded, lower-case, hyphens/apostrophes as spaces, Persian/Arabic
    ezafe particles unified (``Mazar-i-Sharif`` == ``Mazar-e Sharif``)."""
    words = _NON_ALNUM.sub(" ", fold(text).lower().replace("'", "")).split()
    if len(words) < 3:
        return " ".join(words)
    return " ".join("i" if w in _EZAFE and 0 < i < len(words) - 1 else w for i, w in enumerate(words))


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """Deterministic IRI-safe slug: ``"Ashraf Ghani"`` -> ``"ashraf-ghani"``."""
    return _NON_ALNUM.sub("-", fold(text).lower()).strip("-") or "unknown"


def within(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether the stretch ``start``-``end`` of the text lies inside one of ``spans``: the spans
    sorted by start, with the furthest end reached so far, searched by bisection."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    reach = list(accumulate((end for _, end in ordered), max))

    def inside(start: int, end: int) -> bool:
        index = bisect.bisect_right(starts, start)
        return index > 0 and reach[index - 1] >= end

    return inside


@cache
def load_table(name: str) -> dict[str, Any]:
    """Parse ``kg/data/<name>`` (TOML) once."""
    with resources.files("kg").joinpath("data", name).open("rb") as handle:
        return tomllib.load(handle)
