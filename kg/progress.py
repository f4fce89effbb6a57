"""A progress bar for long builds: documents/s, events found, ETA — only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from kg.model import Document

__all__ = ["BuildProgress", "count_documents"]


def count_documents(inputs: Sequence[str], limit_bytes: int = 2_000_000_000) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (files, not stdin); else None."""
    total = 0
    for item in inputs:
        path = Path(item)
        if item == "-" or not path.exists():
            return None
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix == ".txt":
                total += 1
            elif suffix in (".jsonl", ".ndjson"):
                if file.stat().st_size > limit_bytes:
                    return None
                with file.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
    return total


class BuildProgress:
    """Callable progress reporter; silent unless ``enabled`` (a TTY and not ``--quiet``)."""

    def __init__(self, total: int | None, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.events = 0
        self._bar: Any = None
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="doc", dynamic_ncols=True, file=sys.stderr, smoothing=0.1)

    def __call__(self, document: Document, events: int) -> None:
        self.events += events
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix(events=self.events, refresh=False)

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.close()
