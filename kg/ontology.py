"""Locate and load the conflict-kg ontology and SHACL shapes; validate graphs against them.

In an installed wheel the Turtle files live in the package as ``kg/ontology/`` (pyproject force-includes
the top-level ``ontology/`` folder there); in a source or editable checkout they are read from
``ontology/`` beside the package.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.errors import GraphError
from kg.namespaces import PREFIXES

__all__ = [
    "ONTOLOGY_FILE",
    "SHAPES_FILE",
    "ontology_dir",
    "ontology_path",
    "load_ontology",
    "load_shapes",
    "ValidationReport",
    "ValidationIssue",
    "validate_graph",
]

ONTOLOGY_FILE = "conflict.ttl"
SHAPES_FILE = "shapes.ttl"


def ontology_dir() -> Traversable:
    """The folder holding ``conflict.ttl`` and ``shapes.ttl`` (packaged copy first, then source tree)."""
    packaged = resources.files("kg") / "ontology"
    if packaged.is_dir() and (packaged / ONTOLOGY_FILE).is_file():
        return packaged
    source = Path(__file__).resolve().parents[1] / "ontology"
    if (source / ONTOLOGY_FILE).is_file():
        return source
    raise GraphError(
        f"the ontology files ({ONTOLOGY_FILE}, {SHAPES_FILE}) are missing from the kg package and from "
        f"{source}; reinstall conflict-kg (pip install --force-reinstall conflict-kg)"
    )


def ontology_path(name: str = ONTOLOGY_FILE) -> Traversable:
    """One of the ontology files, by name."""
    return ontology_dir() / name


def _parse(name: str) -> Graph:
    graph = Graph()
    graph.parse(data=ontology_path(name).read_text("utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return _parse(ONTOLOGY_FILE)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return _parse(SHAPES_FILE)


def load_ontology() -> Graph:
    """A fresh copy of the ontology graph (callers may modify it)."""
    copy = Graph()
    for prefix, iri in _ontology().namespaces():
        copy.bind(prefix, iri)
    copy += _ontology()
    return copy


def load_shapes() -> Graph:
    """A fresh copy of the SHACL shapes graph."""
    copy = Graph()
    copy += _shapes()
    return copy


@dataclass(frozen=True)
class ValidationIssue:
    """One SHACL result: the node that failed, the property path, the severity and the message."""

    focus: str
    path: str
    severity: str
    message: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate_graph`. ``conforms`` ignores warnings (they are still listed)."""

    conforms: bool
    issues: tuple[ValidationIssue, ...]
    text: str

    def violations(self) -> Iterator[ValidationIssue]:
        return (issue for issue in self.issues if issue.severity == "Violation")


def _local(term: object) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1] if text.startswith(str(SH)) else text


def validate_graph(graph: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Check ``graph`` against the SHACL shapes with the ontology as ``ont_graph`` (class hierarchy known)."""
    from pyshacl import validate

    conforms, results, text = validate(
        graph,
        shacl_graph=shapes if shapes is not None else _shapes(),
        ont_graph=_ontology(),
        inference="none",
        allow_warnings=True,
        advanced=False,
    )
    names = Graph().namespace_manager
    for prefix, iri in PREFIXES.items():
        names.bind(prefix, iri, override=True, replace=True)
    issues: list[ValidationIssue] = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        message = results.value(result, SH.resultMessage)
        path = results.value(result, SH.resultPath)
        issues.append(
            ValidationIssue(
                focus=str(results.value(result, SH.focusNode)),
                path=names.normalizeUri(path) if isinstance(path, URIRef) else "",
                severity=_local(results.value(result, SH.resultSeverity)),
                message=str(message) if message is not None else "constraint not satisfied",
            )
        )
    issues.sort(key=lambda issue: (issue.severity != "Violation", issue.focus, issue.path, issue.message))
    return ValidationReport(conforms=bool(conforms), issues=tuple(issues), text=str(text))
