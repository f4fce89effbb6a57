"""kg.documents: reading articles, JSONL streams, boilerplate blanking and bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from kg.documents import clean_text, guess_title, parse_date, read_documents, read_jsonl
from kg.errors import InputError


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_documents_text_file_gets_stem_id_date_and_title(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mali_attack.txt", "Gunmen attack a convoy\n\nGunmen attacked a convoy on Monday.\n"
    )
    (doc,) = read_documents([str(path)], dt.date(2023, 5, 2))
    assert doc.id == "mali_attack"
    assert doc.date == dt.date(2023, 5, 2)
    assert doc.title == "Gunmen attack a convoy"
    assert "Gunmen attacked a convoy on Monday." in doc.text


@pytest.mark.parametrize(
    "line",
    [
        'Press "Enter" to skip to content',
        "Leave a Reply",
        "Be First to Comment",
        "Your email address will not be published. Required fields are marked *",
        "Source: Reuters",
        "Advertisement",
    ],
)
def test_documents_clean_text_blanks_boilerplate_and_keeps_offsets(line: str) -> None:
    raw = f"{line}\n\nRebels seized the town of Kibumba on Sunday.\n\n{line}\n"
    clean = clean_text(raw)
    assert len(clean) == len(raw)
    assert line not in clean
    start = raw.index("Rebels")
    assert clean[start : start + 44] == raw[start : start + 44]


@pytest.mark.parametrize(
    "sentence", ["Sources said the army had withdrawn.", "Share prices fell as fighting spread to the port."]
)
def test_documents_clean_text_keeps_article_sentences(sentence: str) -> None:
    assert clean_text(sentence) == sentence


def test_documents_guess_title_only_for_headline_like_lines() -> None:
    assert guess_title("\n  Troops retake airport\n\nBody.") == "Troops retake airport"
    assert guess_title("Troops retook the airport on Monday.\nMore.") is None


def test_documents_jsonl_stream_reports_bad_lines_and_continues(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Troops shelled the village.", "date": "2022-03-01"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"text": "No id here."}),
        json.dumps({"id": "c", "text": "Police arrested two men.", "date": "1 March"}),
        json.dumps(["a", "list"]),
        json.dumps(
            {"id": "d", "text": "Rebels withdrew.", "title": "Withdrawal", "url": "https://example.org/d"}
        ),
    ]
    path = _write(tmp_path / "docs.jsonl", "\n".join(lines) + "\n")
    problems: list[InputError] = []
    docs = list(read_documents([str(path)], on_error=problems.append))
    assert [d.id for d in docs] == ["a", "d"]
    assert docs[0].date == dt.date(2022, 3, 1)
    assert docs[1].url == "https://example.org/d"
    messages = [str(p) for p in problems]
    assert len(messages) == 5
    for lineno, needle in [
        (2, "malformed JSON"),
        (3, '"text"'),
        (4, '"id"'),
        (5, "not a date"),
        (6, "JSON object"),
    ]:
        assert any(m.startswith(f"{path}:{lineno}:") and needle in m for m in messages), (lineno, messages)


def test_documents_jsonl_without_handler_raises_on_first_bad_line() -> None:
    stream = io.BytesIO(b'{"id": "a", "text": "ok"}\n{broken\n')
    with pytest.raises(InputError, match=r"<x>:2: malformed JSON"):
        list(read_jsonl(stream, "<x>"))


def test_documents_directory_reads_txt_and_jsonl_sorted(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "Troops advanced.")
    _write(tmp_path / "a.jsonl", json.dumps({"id": "j1", "text": "Rebels fled."}) + "\n")
    _write(tmp_path / "notes.md", "not an article")
    assert [d.id for d in read_documents([str(tmp_path)])] == ["j1", "b"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Casualties in K\u00f6ln".encode("latin-1"), "not valid UTF-8 (byte 0xf6 at offset 15)"),
    ],
)
def test_documents_bad_text_files_raise_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = _write(tmp_path / "bad.txt", content)
    with pytest.raises(InputError) as err:
        list(read_documents([str(path)]))
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_documents_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = _write(tmp_path / "u16.txt", "Militants attacked Gao.".encode("utf-16"))
    (doc,) = read_documents([str(path)])
    assert doc.text == "Militants attacked Gao."


def test_documents_oversized_article_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 50 MB without writing 50 MB
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b".")
    with pytest.raises(InputError, match="over the per-article limit"):
        list(read_documents([str(path)]))


@pytest.mark.parametrize("inputs", [["/nonexistent/article.txt"], []])
def test_documents_missing_inputs_raise(inputs: list[str]) -> None:
    with pytest.raises(InputError):
        list(read_documents(inputs))


def test_documents_directory_without_articles_raises(tmp_path: Path) -> None:
    _write(tmp_path / "readme.md", "nothing here")
    with pytest.raises(InputError, match="no .txt or .jsonl"):
        list(read_documents([str(tmp_path)]))


@pytest.mark.parametrize(("value", "expected"), [("2021-08-13", dt.date(2021, 8, 13)),
                                                 ("2021-08-13T09:30:00Z", dt.date(2021, 8, 13))])  # fmt: skip
def test_documents_parse_date_accepts_iso(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["13/08/2021", "yesterday", "2021-13-01", ""])
def test_documents_parse_date_rejects_other_forms(value: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date(value)


def test_documents_seed_boilerplate_is_blanked(seed_path: Path) -> None:
    raw = seed_path.read_text("utf-8")
    (doc,) = read_documents([str(seed_path)], dt.date(2021, 8, 13))
    assert len(doc.text) == len(raw)
    for junk in ("skip to content", "Leave a Reply", "Be First to Comment", "Source: AFP"):
        assert junk in raw and junk not in doc.text
    assert doc.title == "The Taliban claim to have taken Kandahar, Afghanistan’s second city"
    start = raw.index("The Taliban claimed this Friday")
    assert doc.text[start : start + 200] == raw[start : start + 200]
