"""Read articles into :class:`~kg.model.Document` objects.

Inputs: a ``.txt`` file (one article), a directory of ``.txt``/``.jsonl`` files, a ``.jsonl`` file with one
document per line ``{"id", "text", "date"?, "title"?, "url"?}``, or ``-`` for JSONL on standard input.
Documents are streamed, never held all at once. Boilerplate lines of scraped pages (``kg/data/
boilerplate.toml``) are blanked with spaces, so character offsets into ``Document.text`` are offsets into
the raw text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.model import Document

__all__ = [
    "read_documents",
    "read_text_file",
    "guess_title",
    "read_jsonl",
    "clean_text",
    "parse_date",
    "MAX_DOCUMENT_BYTES",
]

MAX_DOCUMENT_BYTES = 1_000_000  # larger single articles are refused with a message (see README limits)
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")

ErrorHandler = Callable[[InputError], None]


def parse_date(value: str, *, where: str = "date") -> dt.date:
    """Parse ``YYYY-MM-DD`` (a full ISO timestamp is accepted and truncated to its date)."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{where}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2021-08-13") from None


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern[str]:
    import tomllib

    data = tomllib.loads(resources.files("kg").joinpath("data/boilerplate.toml").read_text("utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["patterns"]), re.IGNORECASE)


def clean_text(text: str) -> str:
    """Blank boilerplate lines with spaces (same length, so offsets are kept); normalise odd whitespace."""
    pattern = _boilerplate()
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip() and pattern.fullmatch(body.strip()):
            line = " " * len(body) + line[len(body) :]
        out.append(line)
    # non-breaking and zero-width spaces confuse the tokenizer; replace one-for-one
    return "".join(out).replace("\u00a0", " ").replace("\u200b", " ").replace("\ufeff", " ")


def _decode(data: bytes, where: str) -> str:
    if not data.strip():
        raise InputError(f"{where}: the file is empty; give an article with text")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            f"{where}: this looks like a binary file, not text; give a UTF-8 .txt or .jsonl file"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{where}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8 FILE > FILE.utf8`"
        ) from None


def _read_bytes(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputError(
            f"{path}: {size:,} bytes is over the per-article limit of {limit:,} bytes; split the file "
            "into articles (one JSONL line each)"
        )
    return path.read_bytes()


def read_text_file(path: Path, date: dt.date | None = None, limit: int = MAX_DOCUMENT_BYTES) -> Document:
    text = _decode(_read_bytes(path, limit), str(path))
    if not text.strip():
        raise InputError(f"{path}: the file has no text")
    cleaned = clean_text(text)
    return Document(id=path.stem, text=cleaned, date=date, title=guess_title(cleaned), source=str(path))


def guess_title(text: str) -> str | None:
    """The first non-blank line, when it reads like a headline (short, no final full stop)."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 200 and not line.endswith((".", "!", "?", ":")) else None
    return None


def document_from_record(record: Any, where: str, limit: int) -> Document:
    if not isinstance(record, dict):
        raise InputError(f'{where}: expected a JSON object with at least "id" and "text"')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: missing or empty "text" (a non-empty string is required)')
    if len(text.encode("utf-8")) > limit:
        raise InputError(f"{where}: the text is over the per-article limit of {limit:,} bytes")
    doc_id = record.get("id")
    if doc_id is None or not str(doc_id).strip():
        raise InputError(f'{where}: missing "id" (every JSONL document needs a unique id)')
    raw_date = record.get("date")
    date = parse_date(str(raw_date), where=f'{where}: "date"') if raw_date else None
    title, url = record.get("title"), record.get("url")
    return Document(
        id=str(doc_id).strip(),
        text=clean_text(text),
        date=date,
        title=str(title) if title else None,
        url=str(url) if url else None,
        source=where,
    )


def read_jsonl(
    stream: IO[bytes], name: str, on_error: ErrorHandler | None = None, limit: int = MAX_DOCUMENT_BYTES
) -> Iterator[Document]:
    """Stream documents from JSONL; a bad line raises, or is reported to ``on_error`` and skipped."""
    seen_any = False
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{name}:{lineno}"
        try:
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as err:
                raise InputError(f"{where}: not valid UTF-8 (byte offset {err.start} in the line)") from None
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{where}: malformed JSON ({err.msg} at column {err.colno})") from None
            yield document_from_record(record, where, limit)
        except InputError as err:
            if on_error is None:
                raise
            on_error(err)
    if not seen_any:
        raise InputError(f"{name}: no documents (the JSONL input is empty)")


def _iter_path(
    path: Path, date: dt.date | None, on_error: ErrorHandler | None, limit: int
) -> Iterator[Document]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open("rb") as fh:
            yield from read_jsonl(fh, str(path), on_error, limit)
        return
    try:
        yield read_text_file(path, date, limit)
    except InputError as err:
        if on_error is None:
            raise
        on_error(err)


def read_documents(
    inputs: Sequence[str],
    date: dt.date | None = None,
    on_error: ErrorHandler | None = None,
    limit: int = MAX_DOCUMENT_BYTES,
) -> Iterator[Document]:
    """Stream documents from every input. Missing paths and empty directories always raise
    :class:`InputError`; per-document problems raise too, unless ``on_error`` is given (then they are
    reported to it and skipped)."""
    if not inputs:
        raise InputError("no input given; pass a .txt file, a directory, a .jsonl file or - for stdin")
    for item in inputs:
        if item == "-":
            yield from read_jsonl(sys.stdin.buffer, "<stdin>", on_error, limit)
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{item}: no such file or directory")
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES
            )
            if not files:
                raise InputError(f"{item}: the directory has no .txt or .jsonl articles")
            for file in files:
                yield from _iter_path(file, date, on_error, limit)
        else:
            yield from _iter_path(path, date, on_error, limit)
