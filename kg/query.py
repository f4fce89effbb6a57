"""SPARQL over conflict-kg graphs: graph files (with the ontology beside them) or an Oxigraph store.

Standard prefixes (``kg.namespaces.PREFIXES``) are pre-declared; parameters are bound with
``initBindings`` / Oxigraph substitutions, never pasted into the query text. Results come back as a small
:class:`QueryResult` that :func:`format_result` prints as a table, CSV, TSV, SPARQL JSON or Turtle.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.namespaces import PREFIXES
from kg.rdfio import rdflib_term

__all__ = ["QueryResult", "load_graphs", "run_query", "format_result", "FORMATS"]

FORMATS = ("table", "csv", "tsv", "json")
CELL_WIDTH = 60


@dataclass(frozen=True)
class QueryResult:
    """``kind`` is select, ask or graph; ``rows`` hold rdflib terms (None for unbound)."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = field(default=None, compare=False)


def load_graphs(paths: Sequence[str | Path], ontology: bool = True) -> Graph:
    """The union of graph files, plus the ontology (so ``rdfs:subClassOf*`` paths work) unless told not to."""
    from kg.store import read_graphs

    graph = read_graphs(paths)
    if ontology:
        from kg.ontology import load_ontology

        graph += load_ontology()
    return graph


def _syntax_error(err: Exception, query: str) -> QueryError:
    line, col = getattr(err, "lineno", None), getattr(err, "col", None)
    if line is None or col is None:  # Oxigraph: "error at 2:7: expected ..."
        return QueryError(f"SPARQL syntax error: {err}")
    text = query.splitlines()[line - 1] if 0 < line <= len(query.splitlines()) else ""
    pointer = f"\n    {text}\n    {' ' * max(col - 1, 0)}^" if text else ""
    message = getattr(err, "msg", str(err))
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {message}{pointer}")


def _to_oxigraph(term: Node) -> Any:
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        datatype = pyoxigraph.NamedNode(str(term.datatype)) if term.datatype else None
        return pyoxigraph.Literal(str(term), datatype=datatype)
    return pyoxigraph.BlankNode(str(term))


def _run_rdflib(graph: Graph, query: str, bindings: Mapping[str, Node]) -> QueryResult:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(query, initNs=PREFIXES)
    except ParseException as err:
        raise _syntax_error(err, query) from None
    except Exception as err:  # rdflib raises assorted errors for semantically bad queries
        raise QueryError(f"SPARQL error: {err}") from None
    try:
        return _collect(graph.query(prepared, initBindings=dict(bindings)))  # type: ignore[arg-type]
    except QueryError:
        raise
    except Exception as err:  # evaluation errors inside rdflib (unbound aggregates, bad casts...)
        raise QueryError(f"SPARQL evaluation failed: {err}") from None


def _collect(result: Any) -> QueryResult:
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = Graph()
        for prefix, iri in PREFIXES.items():
            out.bind(prefix, iri)
        for triple in result:
            out.add(triple)
        return QueryResult("graph", graph=out)
    variables = tuple(str(v) for v in result.vars or ())
    rows = tuple(tuple(row[i] for i in range(len(variables))) for row in result)
    return QueryResult("select", variables, rows)


def _run_store(store: Any, query: str, bindings: Mapping[str, Node]) -> QueryResult:
    import pyoxigraph

    try:
        result = store.query(query, {k: _to_oxigraph(v) for k, v in bindings.items()})
    except QueryError as err:
        raise QueryError(str(err).replace("malformed SPARQL", "SPARQL syntax error")) from None
    if isinstance(result, pyoxigraph.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    cache: dict[Any, Node] = {}
    if isinstance(result, pyoxigraph.QueryTriples):
        out = Graph()
        for prefix, iri in PREFIXES.items():
            out.bind(prefix, iri)
        for t in result:
            out.add(
                (rdflib_term(t.subject, cache), rdflib_term(t.predicate, cache), rdflib_term(t.object, cache))
            )
        return QueryResult("graph", graph=out)
    variables = tuple(v.value for v in result.variables)
    rows = tuple(
        tuple(None if solution[v] is None else rdflib_term(solution[v], cache) for v in variables)
        for solution in result
    )
    return QueryResult("select", variables, rows)


def run_query(
    source: Graph | Any, query: str, bindings: Mapping[str, Node] | None = None, timeout: float | None = None
) -> QueryResult:
    """Run ``query`` on an rdflib ``Graph`` or a ``kg.store.Store``; raise QueryError on bad syntax or when
    ``timeout`` seconds pass (the abandoned evaluation runs on in a daemon thread until the process ends)."""
    runner = _run_rdflib if isinstance(source, Graph) else _run_store
    values = dict(bindings or {})
    if timeout is None:
        return runner(source, query, values)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["result"] = runner(source, query, values)
        except BaseException as err:  # handed to the caller's thread
            box["error"] = err

    thread = threading.Thread(target=work, daemon=True, name="kg-query")
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise QueryError(
            f"the query did not finish within --timeout {timeout:g} s; narrow it or raise the limit"
        )
    if "error" in box:
        raise box["error"]
    result: QueryResult = box["result"]
    return result


def _plain(term: Node | None) -> str:
    return "" if term is None else str(term)


def _short(term: Node | None, names: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            return str(names.normalizeUri(term))
        except Exception:  # not expressible as a prefixed name
            return f"<{term}>"
    text = str(term).replace("\n", " ")
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Text for the terminal or a file. CONSTRUCT/DESCRIBE results are Turtle whatever ``fmt`` says."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
                    for row in result.rows]  # fmt: skip
        return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                          indent=1, ensure_ascii=False) + "\n"  # fmt: skip
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        if fmt == "csv":
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(result.variables)
            writer.writerows([_plain(t) for t in row] for row in result.rows)
        else:
            buffer.write("\t".join(f"?{v}" for v in result.variables) + "\n")
            for row in result.rows:
                buffer.write("\t".join("" if t is None else t.n3() for t in row) + "\n")
        return buffer.getvalue()
    names = Graph().namespace_manager
    for prefix, iri in PREFIXES.items():
        names.bind(prefix, iri, override=True, replace=True)
    cells = [list(result.variables)] + [[_short(t, names) for t in row] for row in result.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(result.variables))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
