"""Throughput and memory of `kg build` against bare spaCy on the same texts, measured in one run.

Two generated corpora (``benchmarks.corpus``): a news mix (event sentences among context sentences) and a
dense one (event sentences only). Rows, best of ``--repeat`` runs, in one process (the three single-process
rows in interleaved rounds, timed in process and wall time; the ratio against bare spaCy is reported in
process time, which other load on a shared machine does not inflate, and measured a second way, batch by
batch: the three pipelines in turn on each batch of 32 documents, which cancels the minutes-long swings
in speed of a shared machine that whole-corpus rounds fall into):
- bare spaCy: ``spacy.load(model).pipe(texts)``;
- bare + ruler: the same with conflict-kg's paragraph-break and gazetteer-ruler components (no events);
- extraction: the full pipeline with event frames and resolution (``kg.workers.extract_stream``), 1 and 2
  worker processes;
- ``kg build``: the whole ``kg.pipeline.build`` including the store and the Turtle output, 1 and 2 workers.
Peak memory is the max RSS of ``kg build --store`` subprocesses over two corpus sizes.

    .venv/bin/python -m benchmarks.bench_throughput [--docs 300] [--rounds 5] [--memory-docs 1000 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus
from kg.documents import read_documents
from kg.model import Document

__all__ = ["main"]

RESULTS = Path(__file__).parent / "results" / "throughput.md"
SEED = Path(__file__).parents[2] / "shared" / "seed" / "afp_kandahar_2021-08-13.txt"


def _interleaved(fns: dict[str, Callable[[], int]], repeat: int) -> dict[str, list[tuple[float, float]]]:
    """``repeat`` rounds of every function, in alternating order (so drifts in the machine's load fall
    on all rows alike); per run (process seconds, wall seconds). Process time counts this process's CPU
    only, which is the whole cost of the single-process rows and leaves out other load on the machine."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in fns}
    for n in range(repeat):
        for name in list(fns) if n % 2 == 0 else list(fns)[::-1]:
            gc.collect()
            cpu, wall = time.process_time(), time.perf_counter()
            fns[name]()
            runs[name].append((time.process_time() - cpu, time.perf_counter() - wall))
    return runs


def _per_batch(
    fns: dict[str, Callable[[list[Document]], int]], docs: list[Document], repeat: int, size: int = 32
) -> dict[str, list[float]]:
    """``repeat`` rounds in which every pipeline runs on each batch of ``size`` documents in turn (which
    goes first rotates), so a change in the machine's speed that lasts longer than a batch (a second or
    two) falls on all pipelines alike; per round, each pipeline's process seconds summed over batches."""
    names = list(fns)
    batches = [docs[i : i + size] for i in range(0, len(docs), size)]
    totals: dict[str, list[float]] = {name: [] for name in names}
    for r in range(repeat):
        spent = dict.fromkeys(names, 0.0)
        for n, batch in enumerate(batches):
            k = (n + r) % len(names)
            for name in names[k:] + names[:k]:
                cpu = time.process_time()
                fns[name](batch)
                spent[name] += time.process_time() - cpu
        for name in names:
            totals[name].append(spent[name])
    return totals


def _best(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, value = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def _peak_rss_mb(corpus: Path, out: Path) -> float:
    """Peak RSS of a `kg build --store` subprocess: VmHWM of its own address space (``ru_maxrss`` would
    not do: Linux carries it across exec, so the child would report this benchmark process's peak)."""
    code = (
        "import sys; from kg.cli import main; rc = main(sys.argv[1:]); "
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:'))); sys.exit(rc)"
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


def _density(nlp: Any, docs: Sequence[Document]) -> tuple[int, int]:
    """(tokens, events) of ``docs`` through the full pipeline."""
    from kg.nlp import parse
    from kg.pipeline import events_from_doc

    tokens = events = 0
    for document, doc in parse(nlp, docs):
        tokens += len(doc)
        events += len(events_from_doc(document, doc))
    return tokens, events


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kg build throughput vs bare spaCy")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5, help="batch-by-batch rounds (the headline median)")
    parser.add_argument("--memory-docs", type=int, nargs="*", default=[1000, 10000])
    args = parser.parse_args(argv)

    import spacy

    from kg.nlp import load_pipeline, model_name
    from kg.pipeline import build
    from kg.workers import extract_stream

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    bare = spacy.load(model_name())
    ruled = load_pipeline(events=False)
    full = load_pipeline()

    def pipe(nlp: spacy.language.Language, texts: list[str]) -> Callable[[], int]:
        return lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32))

    # the loaded pipeline is passed in every case: forked workers share it, so no row pays for model loads
    def extract(docs: list[Document], workers: int) -> Callable[[], int]:
        return lambda: sum(len(o.events) for o in extract_stream(docs, nlp=full, workers=workers))

    def built(corpus: Path, workers: int) -> Callable[[], int]:
        return lambda: build([str(corpus)], tmp / "out", nlp=full, workers=workers, html=False).events

    lines = ["# Throughput (kg build vs bare spaCy)", ""]
    summary = []
    for label, dense in (("news mix", False), ("dense", True)):
        corpus = write_corpus(tmp / f"corpus-{dense}.jsonl", args.docs, dense=dense)
        docs: list[Document] = list(read_documents([str(corpus)]))
        texts = [d.text for d in docs]
        tokens, events = _density(full, docs)
        single = _interleaved(
            {"bare": pipe(bare, texts), "ruled": pipe(ruled, texts), "full": extract(docs, 1)}, args.repeat
        )
        # the same runs as the rows above (``pipe``, ``extract``), on one batch at a time
        batched = _per_batch(
            {
                "bare": lambda batch: pipe(bare, [d.text for d in batch])(),
                "ruled": lambda batch: pipe(ruled, [d.text for d in batch])(),
                "full": lambda batch: extract(batch, 1)(),
            },
            docs,
            args.rounds,
        )
        by_round = [f / b for f, b in zip(batched["full"], batched["bare"], strict=True)]
        by_round_ruled = [f / b for f, b in zip(batched["full"], batched["ruled"], strict=True)]
        cpu = {name: min(c for c, _ in runs) for name, runs in single.items()}
        wall = {name: min(w for _, w in runs) for name, runs in single.items()}
        t_bare, t_ruled = wall["bare"], wall["ruled"]
        rows = [("bare spaCy (nlp.pipe)", t_bare), ("bare + paragraph breaks + gazetteer ruler", t_ruled),
                ("extraction, 1 worker", wall["full"])]  # fmt: skip
        rounds = [f[0] / b[0] for f, b in zip(single["full"], single["bare"], strict=True)]
        if not dense:
            rows += [("extraction, 2 workers", _best(extract(docs, 2), args.repeat)[0]),
                     ("`kg build` (store + Turtle), 1 worker", _best(built(corpus, 1), args.repeat)[0]),
                     ("`kg build` (store + Turtle), 2 workers",
                      _best(built(corpus, 2), args.repeat)[0])]  # fmt: skip
        lines += [
            f"Corpus **{label}**: {args.docs} generated articles (`benchmarks/corpus.py`, seed 13"
            f"{', dense' if dense else ''}), {tokens:,} tokens, {events:,} events "
            f"({100 * events / tokens:.1f} per 100 tokens); model `{model_name()}`; "
            f"best of {args.repeat} runs (wall time; the first three rows in interleaved rounds).",
            "",
            "| pipeline | seconds | docs/s | tokens/s | time ÷ bare | throughput ÷ bare |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, seconds in rows:
            lines.append(
                f"| {name} | {seconds:.2f} | {args.docs / seconds:.1f} | {tokens / seconds:,.0f} | "
                f"{seconds / t_bare:.3f} | {t_bare / seconds:.3f} |"
            )
        lines.append("")
        times = dict(rows)
        listed = ", ".join(f"{r:.3f}" for r in by_round)
        listed_ruled = ", ".join(f"{r:.3f}" for r in by_round_ruled)
        summary.append(
            f"{label}: **batch by batch** (the three pipelines in turn on each batch of 32 documents, "
            f"process time summed per round) extraction costs {statistics.median(by_round):.3f}× bare "
            f"spaCy (median; rounds {listed}) and {statistics.median(by_round_ruled):.3f}× bare + ruler "
            f"(rounds {listed_ruled})"
        )
        summary.append(
            f"{label}: in process time (best of {args.repeat} interleaved rounds) extraction costs "
            f"{cpu['full'] / cpu['bare']:.3f}× bare spaCy and {cpu['full'] / cpu['ruled']:.3f}× bare + ruler "
            f"(the same components but events); per round {', '.join(f'{r:.3f}' for r in rounds)}× bare"
        )
        summary.append(
            f"{label}: in wall time extraction costs {wall['full'] / t_ruled:.3f}× bare + ruler"
            + (
                f"; two workers are {times['extraction, 1 worker'] / times['extraction, 2 workers']:.2f}× "
                "faster than one"
                if not dense
                else ""
            )  # fmt: skip
        )
    if SEED.is_file():
        tokens, events = _density(full, list(read_documents([str(SEED)], dt.date(2021, 8, 13))))
        summary.append(f"the real AFP seed article: {tokens:,} tokens, {events} events "
                       f"({100 * events / tokens:.1f} per 100 tokens)")  # fmt: skip
    lines += [f"- {line}." for line in summary] + [""]

    memory = []
    for n in args.memory_docs:
        size_dir = tmp / f"mem-{n}"
        size_dir.mkdir()
        memory.append((n, _peak_rss_mb(write_corpus(size_dir / "corpus.jsonl", n), size_dir)))
    lines += ["| documents (news mix) | peak RSS of `kg build --store` (MB) |", "| ---: | ---: |"]
    lines += [f"| {n:,} | {mb:,.0f} |" for n, mb in memory]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(json.dumps({"self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
