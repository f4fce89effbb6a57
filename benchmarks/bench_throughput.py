"""Throughput and memory of `kg build` against bare spaCy on the same texts, measured in one run.

Rows (all on the same generated corpus, best of ``--repeat`` runs, in one process):
- bare spaCy: ``spacy.load(model).pipe(texts)``;
- bare + ruler: the same with conflict-kg's paragraph-break and gazetteer-ruler components (no events);
- extraction: the full pipeline with event frames and resolution (``kg.workers.extract_stream``), 1 and 2
  worker processes;
- build: the whole ``kg.pipeline.build`` including the store and Turtle output.
Peak memory is the max RSS of ``kg build`` subprocesses over two corpus sizes.

    .venv/bin/python -m benchmarks.bench_throughput [--docs 300] [--memory-docs 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.corpus import write_corpus
from kg.documents import read_documents
from kg.model import Document

__all__ = ["main"]

RESULTS = Path(__file__).parent / "results" / "throughput.md"


def _best(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, value = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def _peak_rss_mb(corpus: Path, out: Path) -> float:
    """Max RSS of a `kg build --store` subprocess (ru_maxrss of the child, in MB)."""
    code = (
        "import resource, sys; from kg.cli import main; rc = main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(rc)"
    )
    store = str(out / "store")
    args = [
        sys.executable,
        "-c",
        code,
        "build",
        str(corpus),
        "--store",
        store,
        "--out",
        str(out),
        "--no-html",
        "-q",
    ]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return int(done.stdout.strip().splitlines()[-1]) / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kg build throughput vs bare spaCy")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--memory-docs", type=int, nargs="*", default=[1000, 10000])
    args = parser.parse_args(argv)

    import spacy

    from kg.nlp import load_pipeline, model_name
    from kg.pipeline import build
    from kg.workers import extract_stream

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    corpus = write_corpus(tmp / "corpus.jsonl", args.docs)
    docs: list[Document] = list(read_documents([str(corpus)]))
    texts = [d.text for d in docs]
    bare = spacy.load(model_name())
    ruled = load_pipeline(events=False)
    full = load_pipeline()
    tokens = sum(len(doc) for doc in bare.pipe(texts))

    def pipe(nlp: spacy.language.Language) -> Callable[[], int]:
        return lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32))

    def extract(workers: int) -> Callable[[], int]:
        nlp = full if workers == 1 else None
        return lambda: sum(len(o.events) for o in extract_stream(docs, nlp=nlp, workers=workers))

    rows: list[tuple[str, float, int]] = []
    t_bare, _ = _best(pipe(bare), args.repeat)
    t_ruled, _ = _best(pipe(ruled), args.repeat)
    t_one, events = _best(extract(1), args.repeat)
    t_two, _ = _best(extract(2), args.repeat)
    t_build, _ = _best(lambda: build([str(corpus)], tmp / "out", nlp=full, html=False).events, 1)
    rows = [("bare spaCy (nlp.pipe)", t_bare, 0), ("bare + paragraph breaks + gazetteer ruler", t_ruled, 0),
            ("extraction, 1 worker", t_one, events), ("extraction, 2 workers", t_two, events),
            ("full build (store + Turtle), 1 worker", t_build, events)]  # fmt: skip

    memory = []
    for n in args.memory_docs:
        size_dir = tmp / f"mem-{n}"
        size_dir.mkdir()
        memory.append((n, _peak_rss_mb(write_corpus(size_dir / "corpus.jsonl", n), size_dir)))

    lines = [
        "# Throughput (kg build vs bare spaCy)",
        "",
        f"Corpus: {args.docs} generated articles (`benchmarks/corpus.py`, seed 13), {tokens:,} tokens; "
        f"model `{model_name()}`; best of {args.repeat} runs; {events} events found.",
        "",
        "| pipeline | seconds | docs/s | tokens/s | time ÷ bare | throughput ÷ bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, seconds, _ in rows:
        lines.append(
            f"| {name} | {seconds:.2f} | {args.docs / seconds:.1f} | {tokens / seconds:,.0f} | "
            f"{seconds / t_bare:.3f} | {t_bare / seconds:.3f} |"
        )
    lines += ["", f"Extraction cost over bare + ruler (same components but events): "
              f"{t_one / t_ruled:.3f}×. Two workers vs one: {t_one / t_two:.2f}× faster.", "",
              "| documents | peak RSS of `kg build --store` (MB) |", "| ---: | ---: |"]  # fmt: skip
    lines += [f"| {n:,} | {mb:,.0f} |" for n, mb in memory]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(json.dumps({"self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
