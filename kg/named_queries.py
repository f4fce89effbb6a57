"""The library of named SPARQL queries shipped in ``kg/queries/*.rq``.

Each file starts with comment lines ``# title: ...``, ``# description: ...`` and, for each parameter,
``# param: NAME  explanation``. Parameters are bound as plain literals through ``initBindings`` (Oxigraph
substitutions for stores), never pasted into the query text.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from rdflib import Literal

from kg.errors import QueryError

__all__ = ["NamedQuery", "named_queries", "named_query", "bind_params"]


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[str, ...]
    text: str


def _parse(name: str, text: str) -> NamedQuery:
    title, description, params = name, "", []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line.lstrip("# ").partition(":")
        if key == "title":
            title = value.strip()
        elif key == "description":
            description = value.strip()
        elif key == "param":
            params.append(value.split()[0])
    return NamedQuery(name, title, description, tuple(params), text)


def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query by name (the file name without ``.rq``), sorted."""
    folder = resources.files("kg").joinpath("queries")
    found = {
        entry.name[:-3]: _parse(entry.name[:-3], entry.read_text("utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    }
    return dict(sorted(found.items()))


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; choose one of {', '.join(queries)} (see kg query --list)")
    return queries[name]


def bind_params(query: NamedQuery, pairs: list[str]) -> dict[str, Literal]:
    """``["actor=Taliban"]`` -> ``{"actor": Literal("Taliban")}``, checked against the declared params."""
    values: dict[str, Literal] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in query.params:
            expected = ", ".join(f"{p}=VALUE" for p in query.params) or "no parameters"
            raise QueryError(f"bad --param {pair!r} for {query.name}; it takes {expected}")
        values[key] = Literal(value)
    missing = [p for p in query.params if p not in values]
    if missing:
        raise QueryError(f"{query.name} needs --param {missing[0]}=VALUE")
    return values
