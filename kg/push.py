"""``kg push``: load graphs into any SPARQL 1.1 store (Oxigraph, Fuseki, GraphDB, Virtuoso, ...).

Each document's events go into their own named graph (``{base}graph/{doc id}``, as in ``kg build
--store``), sent with the Graph Store HTTP Protocol: ``PUT`` replaces the graph, so pushing the same
documents again changes nothing. Stores without GSP get SPARQL Update instead: ``DROP SILENT GRAPH``
then ``INSERT DATA`` in batches. Credentials come from ``KG_ENDPOINT_USER``/``KG_ENDPOINT_PASSWORD``.
Graph files are split by document here; a ``kg build --store`` already holds one graph per document, and
:func:`push_store` sends those as Oxigraph writes them, without an rdflib graph in between.
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.errors import StoreError

__all__ = ["PushResult", "document_graphs", "push_graph", "push_parts", "push_store", "update_endpoint_for"]


@dataclass(frozen=True)
class PushResult:
    graphs: int
    triples: int
    protocol: str  # "gsp" or "update"


def _graph_name(doc: URIRef, doc_id: str) -> URIRef:
    from kg.rdf import graph_iri

    text = str(doc)
    marker = "doc/"
    index = text.rfind(marker)
    return graph_iri(doc_id, text[:index]) if index > 0 else URIRef(f"{text}#graph")


def document_graphs(graph: Graph) -> Iterator[tuple[URIRef, Graph]]:
    """Split a graph into one graph per document: the document node, its events and what they point to
    (mentions, actors, places). An event two documents report goes into both."""
    for doc, doc_id in sorted(graph.subject_objects(DCTERMS.identifier), key=lambda p: str(p[1])):
        part = Graph()
        nodes = {doc}
        for event in graph.subjects(PROV.wasDerivedFrom, doc):
            nodes.add(event)
            nodes.update(o for o in graph.objects(event, None) if isinstance(o, URIRef))
        for node in nodes:
            for triple in graph.triples((node, None, None)):
                part.add(triple)
        yield _graph_name(doc, str(doc_id)), part  # type: ignore[arg-type]


def update_endpoint_for(endpoint: str) -> str | None:
    """The SPARQL Update URL next to a Graph Store URL, for the servers we know."""
    for gsp, update in (("/store", "/update"), ("/data", "/update"), ("/rdf-graphs/service", "/statements")):
        if endpoint.rstrip("/").endswith(gsp):
            return endpoint.rstrip("/")[: -len(gsp)] + update
    return None


def _request(url: str, data: bytes, method: str, content_type: str) -> int:
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": content_type})
    user, password = os.environ.get("KG_ENDPOINT_USER"), os.environ.get("KG_ENDPOINT_PASSWORD")
    if user:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise StoreError(
            f"cannot reach {url}: {reason}; check --endpoint and that the store is running"
        ) from None


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def _update(url: str, name: str, data: bytes, batch_size: int) -> None:
    lines = data.decode("utf-8").splitlines()
    batches = [lines[i : i + batch_size] for i in range(0, len(lines), batch_size)] or [[]]
    for i, batch in enumerate(batches):
        drop = f"DROP SILENT GRAPH <{name}> ;\n" if i == 0 else ""
        body = f"{drop}INSERT DATA {{ GRAPH <{name}> {{\n" + "\n".join(batch) + "\n} }"
        status = _request(url, body.encode("utf-8"), "POST", "application/sparql-update")
        if status >= 300:
            raise StoreError(f"{url} refused the SPARQL Update (HTTP {status})")


def push_graph(
    graph: Graph, endpoint: str, *, graph_iri: str | None = None, update_endpoint: str | None = None,
    batch_size: int = 10_000,
) -> PushResult:  # fmt: skip
    """Push ``graph`` to ``endpoint`` (a Graph Store Protocol URL), one named graph per document or all of
    it into ``graph_iri``."""
    parts = [(URIRef(graph_iri), graph)] if graph_iri else document_graphs(graph)
    data = ((str(name), _ntriples(part)) for name, part in parts)
    return push_parts(data, endpoint, update_endpoint=update_endpoint, batch_size=batch_size)


def push_store(
    store: Any, endpoint: str, *, graph_iri: str | None = None, update_endpoint: str | None = None,
    batch_size: int = 10_000,
) -> PushResult:  # fmt: skip
    """Push a :class:`kg.store.Store`: each of its document graphs as it is, or their union into
    ``graph_iri``."""
    parts = [(graph_iri, store.union_ntriples())] if graph_iri else store.document_graphs()
    return push_parts(parts, endpoint, update_endpoint=update_endpoint, batch_size=batch_size)


def push_parts(
    parts: Iterable[tuple[str, bytes]], endpoint: str, *, update_endpoint: str | None = None,
    batch_size: int = 10_000,
) -> PushResult:  # fmt: skip
    """Put each ``(graph IRI, N-Triples)`` part into that named graph of ``endpoint``: Graph Store PUT,
    or SPARQL Update (``update_endpoint``, else guessed) when the endpoint does not take PUT."""
    if not endpoint.startswith(("http://", "https://")):
        raise StoreError(f"--endpoint {endpoint!r} is not an http(s) URL, e.g. http://localhost:7878/store")
    protocol, graphs, triples = "gsp", 0, 0
    for name, data in parts:
        url = f"{endpoint}?{urllib.parse.urlencode({'graph': name})}"
        status = _request(url, data, "PUT", "application/n-triples") if protocol == "gsp" else 405
        if status in (404, 405, 501):
            update_url = update_endpoint or update_endpoint_for(endpoint)
            if update_url is None:
                raise StoreError(
                    f"{endpoint} does not accept Graph Store PUT (HTTP {status}); "
                    "give the SPARQL Update URL with --update-endpoint"
                )
            protocol = "update"
            _update(update_url, name, data, batch_size)
        elif status >= 300:
            raise StoreError(
                f"{endpoint} refused graph <{name}> (HTTP {status}); check the URL and credentials"
            )
        graphs += 1
        triples += data.count(b"\n")
    return PushResult(graphs, triples, protocol)
