"""conflict-kg: news text about armed conflict -> an event knowledge graph (RDF, SPARQL, HTML views)."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
