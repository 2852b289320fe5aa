"""Read user inputs into articles, or into one clear error per document.

A path may be a ``.txt`` file (the file stem is the id), a saved web page
(``.html``/``.htm``: the article, its title, URL and date are taken from the
page, see :mod:`pipeline.inputs.webpage`), a ``.jsonl`` file (one ``{"id", "text",
"url"?, "published"?, "source"?}`` object a line), any of them gzipped
(``.txt.gz``, ``.html.gz``, ``.jsonl.gz``), a folder (those files,
recursively, sorted by path) or ``"-"`` for JSONL on standard input.
Problems are yielded as ``ReadError`` and reading goes on::

    for item in read_inputs(["bai/w1_01.txt", "thieu.txt", "-"]):
        ...  # Article("w1_01", "Sáng ngày 26/01/2024, Văn phòng Huyện ủy ...", {...}),
             # ReadError("thieu", "thieu.txt", "unreadable", "thieu: no such file or folder"), ...

An article's text is exactly what was read (NFD stays NFD), except that
legacy encodings (TCVN3, VNI, VISCII, Windows-1258) are converted to Unicode
and a stray NUL character becomes U+FFFD (one character for one). Other stray
control characters stay; the working text of the NLP stages drops them.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, AnyStr

from hoinghi.pipeline.inputs.decoding import (
    DecodeError,
    control_share,
    decode_article,
    is_binary_text,
    repair_legacy_text,
)

_TEXT_SUFFIXES = (".txt", ".txt.gz")
_HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
_ALL_SUFFIXES = _TEXT_SUFFIXES + _HTML_SUFFIXES + _JSONL_SUFFIXES
_HTML_BYTE_LIMIT = 20_000_000  # a saved page larger than this is not a news article
_STDIN = "<stdin>"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_HTML_START = re.compile(r"\A[\s\ufeff]*<(?:!doctype\s+html|html\b)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(html|head|body|div|p|span|br|hr|table|tbody|tr|td|th|ul|ol|li|a|img|script|style"
    r"|meta|link|h[1-6]|article|section|header|footer|nav|strong|em|b|i|u|font|iframe|figure)"
    r"\b[^<>]{0,500}?/?>",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_OPTIONAL_FIELDS = ("url", "published", "source")


@dataclass(frozen=True)
class Article:
    """One article to analyse, e.g. ``Article("w1_03", "Sáng ngày 26/01/2024, ...", {"encoding": "utf-8"})``.

    ``meta`` may hold ``url``, ``published`` (``YYYY-MM-DD``), ``source``,
    ``title``, ``path`` and ``encoding``.
    """

    doc_id: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadError:
    """A document that could not be read, e.g. ``ReadError("w1_03", "in/w1_03.txt", "empty", "w1_03: text is empty")``.

    ``reason`` is one of: empty, binary, encoding, html, no_article, too_large,
    bad_json, bad_record, unreadable.
    """

    doc_id: str
    source: str
    reason: str
    message: str


@dataclass(frozen=True)
class HtmlPage:
    """A saved web page read from disk but not yet parsed: ``HtmlPage("hoi-nghi", "in/hoi-nghi.html", b"<html>...")``.

    Parsing is the costly part of reading a page, so a batch hands the page to
    a worker process, which calls :meth:`load`.
    """

    doc_id: str
    source: str
    data: bytes
    max_chars: int = 1_000_000

    def load(self) -> Article | ReadError:
        """The page's article, with ``title``, ``url``, ``published``, ``source`` in its meta when the page has them."""
        from hoinghi.pipeline.inputs.webpage import read_page  # trafilatura is only needed when there are pages

        try:
            html, encoding = decode_article(self.data, markup=True)
        except DecodeError as exc:
            return _error(self.doc_id, self.source, exc.reason, str(exc))
        page = read_page(html)
        if page is None:
            return _error(self.doc_id, self.source, "no_article", "the page has no article text (a menu or an error page?)")
        meta = {"path": self.source, "encoding": encoding, **page.meta()}
        return _article_or_error(self.doc_id, self.source, page.text, meta, self.max_chars, markup_ok=True)


def read_inputs(paths: Iterable[str | Path], *, max_chars: int = 1_000_000) -> Iterator[Article | ReadError]:
    """Yield an ``Article`` or a ``ReadError`` for each document, in input order.

    JSONL is streamed one line at a time; nothing is raised for a bad document.
    A line ``{"id": "bai_01", "text": "Hội nghị cán bộ, công chức năm 2023",
    "published": "2024-01-26T08:00:00+07:00"}`` becomes ``Article("bai_01", "Hội
    nghị cán bộ, công chức năm 2023", {"published": "2024-01-26", "path": ...,
    "encoding": "utf-8"})``; ``"published": "26/01/2024"`` makes it a
    ``bad_record`` error instead.
    """
    for item in iter_documents(paths, max_chars=max_chars):
        yield item.load() if isinstance(item, HtmlPage) else item


def iter_documents(paths: Iterable[str | Path], *, max_chars: int = 1_000_000) -> Iterator[Article | ReadError | HtmlPage]:
    """Like :func:`read_inputs`, but web pages come unparsed, as ``HtmlPage``, for a worker to load."""
    for raw in paths:
        if isinstance(raw, str) and raw == "-":
            yield from _read_stdin(max_chars)
            continue
        for file in input_files(Path(raw)):
            if isinstance(file, ReadError):
                yield file
            else:
                yield from from_file(file, max_chars=max_chars)


def input_files(path: Path) -> Iterator[Path | ReadError]:
    """The files an input path stands for, in reading order, or the error of a path that holds none.

    A folder gives its .txt/.html/.htm/.jsonl (and .gz) files at any depth,
    sorted, hidden ones left out, a linked subfolder followed once, and an
    error for each subfolder, broken link or link loop that cannot be read: ``input_files(Path("crawl"))`` ->
    ``crawl/2024/hoi-nghi.html``, ``crawl/lo-1.jsonl``, ...; a missing path,
    an empty folder or an unsupported file is a ``ReadError``.
    """
    if path.is_dir():
        entries = _folder_entries(path)  # a subfolder that cannot be read is an error in its place
        if not any(isinstance(e, Path) for e in entries):
            yield _error(path.name, str(path), "empty", "folder has no .txt, .html/.htm or .jsonl files")
        yield from entries
    elif not path.exists():
        yield _error(_stem(path), str(path), "unreadable", "no such file or folder")
    elif not _has_suffix(path, _ALL_SUFFIXES):
        yield _error(_stem(path), str(path), "unreadable",
                     f"unsupported file type {path.name!r}; give .txt, .html/.htm or .jsonl files "
                     "(optionally .gz) or a folder")
    else:
        yield path


def is_jsonl(path: Path) -> bool:
    """``lo-1.jsonl`` and ``lo-1.jsonl.gz`` hold one document a line; other inputs one a file."""
    return _has_suffix(path, _JSONL_SUFFIXES)


def from_file(path: Path, *, max_chars: int = 1_000_000) -> Iterator[Article | ReadError | HtmlPage]:
    """The documents of one input file (a path :func:`input_files` gave), as :func:`iter_documents` reads them."""
    if _has_suffix(path, _TEXT_SUFFIXES):
        yield _read_text_file(path, max_chars)
    elif _has_suffix(path, _HTML_SUFFIXES):
        yield _read_html_file(path, max_chars)
    else:
        yield from _read_jsonl_file(path, max_chars)


def from_jsonl_range(path: Path, start: int, end: int, *, first_line: int = 1,
                     max_chars: int = 1_000_000) -> Iterator[Article | ReadError]:
    """The documents of the lines of an uncompressed JSONL file between bytes ``start`` and ``end``.

    ``start`` is where line ``first_line`` begins, so ids and errors name the
    lines as reading the whole file does: ``from_jsonl_range(Path("lo-1.jsonl"),
    0, 4096)`` -> ``Article("bai_01", "Hội nghị cán bộ, công chức năm 2023", ...)``,
    ``ReadError("lo-1.jsonl:7", ...)``, ...
    """
    try:
        with path.open("rb") as fh:
            fh.seek(start)
            yield from _read_jsonl_stream(_ByteWindow(fh, end - start), str(path), max_chars, first_line=first_line)
    except OSError as exc:
        yield _error(_stem(path), str(path), "unreadable", f"cannot read the file ({exc})")


class _ByteWindow:
    """The next ``size`` bytes of a binary file, read a line at a time (a JSONL shard's byte range)."""

    def __init__(self, fh: IO[bytes], size: int) -> None:
        self._fh = fh
        self._left = size

    def readline(self, limit: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        line = self._fh.readline(self._left if limit < 0 else min(limit, self._left))
        self._left -= len(line)
        return line


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold (files, and JSONL lines that are not blank); None for stdin.

    Reads JSONL files once, in binary and without parsing; for a progress bar's ETA.
    """
    total = 0
    for raw in paths:
        if isinstance(raw, str) and raw == "-":
            return None
        path = Path(raw)
        try:
            files = _folder_files(path) if path.is_dir() else [path]
        except OSError:
            files = [path]  # reading it will report the error, as one document
        for file in files:
            total += _count_lines(file) if _has_suffix(file, _JSONL_SUFFIXES) else 1
    return total


def _count_lines(path: Path) -> int:
    count = 0
    try:
        with _open_binary(path) as fh:
            for line in fh:
                count += bool(line.strip())
    except (OSError, EOFError, zlib.error):
        return max(count, 1)  # reading it will report the error, as one document
    return count


def _read_stdin(max_chars: int) -> Iterator[Article | ReadError]:
    if sys.stdin is None or sys.stdin.closed:
        yield _error(_STDIN, _STDIN, "unreadable", "there is no standard input to read JSONL from")
        return
    yield from _read_jsonl_stream(getattr(sys.stdin, "buffer", sys.stdin), _STDIN, max_chars)


# --------------------------------------------------------------------------- paths

def _folder_files(folder: Path) -> list[Path]:
    """Paths (not contents) of the readable files under ``folder``, sorted."""
    return [e for e in _folder_entries(folder) if isinstance(e, Path)]


def _folder_entries(folder: Path) -> list[Path | ReadError]:
    """The article files under ``folder`` and an error for each place that cannot be read, sorted by path."""
    found: list[tuple[tuple[str, ...], Path | ReadError]] = []
    seen: set[tuple[int, int]] = set()

    def visit(where: Path) -> None:
        try:
            st = where.stat()
            with os.scandir(where) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.append((where.parts, _error(where.name, str(where), "unreadable",
                                              f"cannot list the folder ({exc.strerror or exc})")))
            return
        if (st.st_dev, st.st_ino) in seen:
            found.append((where.parts, _error(where.name, str(where), "unreadable",
                                              f"a link to the folder {where.resolve()}, which is read already")))
            return
        seen.add((st.st_dev, st.st_ino))
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()  # both follow links
            except OSError:
                is_dir = is_file = False
            if entry.is_symlink() and not (is_dir or is_file):
                if not path.exists():
                    found.append((path.parts, _error(_stem(path), str(path), "unreadable",
                                                     f"a broken link (to {os.readlink(path)})")))
                continue
            if is_dir:
                visit(path)
            elif is_file and _has_suffix(path, _ALL_SUFFIXES):
                found.append((path.parts, path))

    visit(folder)
    return [entry for _, entry in sorted(found, key=lambda pair: pair[0])]


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def _stem(path: Path) -> str:
    """``w1_03.txt.gz`` -> ``w1_03``; in NFC, as every doc_id (a macOS file name "hội" is NFD on disk)."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return unicodedata.normalize("NFC", Path(name).stem or path.name)


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


# --------------------------------------------------------------------------- .txt

def _read_bytes(path: Path, byte_limit: int, too_large: str) -> bytes | ReadError:
    """The file's bytes (decompressed), reading at most one byte past ``byte_limit``; ``too_large`` says why not."""
    doc_id, source = _stem(path), str(path)
    try:
        with _open_binary(path) as fh:
            data = fh.read(byte_limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return _error(doc_id, source, "unreadable", f"cannot read the file ({exc})")
    if len(data) > byte_limit:
        return _error(doc_id, source, "too_large", too_large)
    return data


def _read_html_file(path: Path, max_chars: int) -> HtmlPage | ReadError:
    data = _read_bytes(path, _HTML_BYTE_LIMIT, f"page is too large (over {_HTML_BYTE_LIMIT:,} bytes)")
    if isinstance(data, ReadError):
        return data
    return HtmlPage(doc_id=_stem(path), source=str(path), data=data, max_chars=max_chars)


def _read_text_file(path: Path, max_chars: int) -> Article | ReadError:
    doc_id, source = _stem(path), str(path)
    byte_limit = 4 * max_chars + 4  # no encoding takes more than 4 bytes a character, plus a BOM
    data = _read_bytes(path, byte_limit, f"text is too large (over {byte_limit:,} bytes; the limit is "
                                         f"{max_chars:,} characters)")
    if isinstance(data, ReadError):
        return data
    try:
        text, encoding = decode_article(data)
    except DecodeError as exc:
        return _error(doc_id, source, exc.reason, str(exc))
    return _article_or_error(doc_id, source, text, {"path": source, "encoding": encoding}, max_chars)


def _article_or_error(
    doc_id: str, source: str, text: str, meta: dict[str, str], max_chars: int, label: str | None = None,
    *, markup_ok: bool = False,
) -> Article | ReadError:
    problem = _text_problem(text, max_chars, markup_ok=markup_ok)
    if problem is not None:
        return _error(doc_id, source, *problem, label=label)
    # a stray NUL becomes U+FFFD, one for one so offsets hold: no database keeps NUL in text (PostgreSQL refuses it)
    return Article(doc_id=doc_id, text=text.replace("\x00", "\ufffd"), meta=meta)


def _text_problem(text: str, max_chars: int, *, markup_ok: bool = False) -> tuple[str, str] | None:
    """(reason, message) when decoded text is not an article to analyse.

    ``markup_ok``: the text was taken out of a page, so a quoted ``<p>`` in it is prose.
    """
    if not text.strip().strip(_INVISIBLE).strip():
        return ("empty", "text is empty" if not text else "text is only whitespace")
    if len(text) > max_chars:
        return ("too_large", f"text is too large ({len(text):,} characters; the limit is {max_chars:,})")
    if is_binary_text(text):
        return ("binary", f"binary data ({round(100 * control_share(text))}% control characters), not text")
    tags = [] if markup_ok else _html_tags(text)
    if tags:
        shown = ", ".join(f"<{t}>" for t in tags)
        return ("html", f"looks like HTML ({shown}), not plain text; save the page as a .html file instead")
    return None


def _html_tags(text: str) -> list[str]:
    """Tag names when text is an HTML document or fragment: ``"<p>Sáng nay...</p>"`` -> ``["p"]``."""
    head = text[:200_000]
    found: list[str] = []
    count = 0
    for match in _HTML_TAG.finditer(head):
        count += 1
        name = match.group(1).lower()
        if name not in found:
            found.append(name)
        if count >= 2 and len(found) >= 3:
            break
    if _HTML_START.match(head) or count >= 2:
        return found or ["html"]
    return []


def _error(doc_id: str, source: str, reason: str, message: str, *, label: str | None = None) -> ReadError:
    """An error whose message starts with the document: ``"w1_03: text is empty"``."""
    return ReadError(doc_id=doc_id, source=source, reason=reason, message=f"{label or doc_id}: {message}")


# --------------------------------------------------------------------------- JSONL

def _read_jsonl_file(path: Path, max_chars: int) -> Iterator[Article | ReadError]:
    try:
        with _open_binary(path) as fh:
            yield from _read_jsonl_stream(fh, str(path), max_chars)
    except (OSError, EOFError, zlib.error) as exc:
        yield _error(_stem(path), str(path), "unreadable", f"cannot read the file ({exc})")


def _read_jsonl_stream(stream: IO[Any] | _ByteWindow, source: str, max_chars: int,
                       *, first_line: int = 1) -> Iterator[Article | ReadError]:
    """One result per non-blank line, numbered from ``first_line``; ``stream`` yields bytes (files) or str (stdin)."""
    line_limit = 6 * max_chars + 65_536  # JSON escapes take up to 6 characters ("\u1ec7") a character
    meta = {} if source == _STDIN else {"path": source}
    for lineno, line, complete in _lines(stream, line_limit, first_line):
        where = f"{source}:{lineno}"
        if not complete:
            yield _error(where, where, "too_large", f"line is too large (over {line_limit:,} characters)")
            continue
        result = _parse_line(line, where, dict(meta), max_chars)
        if result is not None:
            yield result


def _lines(stream: IO[AnyStr] | _ByteWindow, limit: int, first_line: int = 1) -> Iterator[tuple[int, AnyStr, bool]]:
    """(line number, line, whether it fitted in ``limit``) without ever holding more than one line."""
    lineno = first_line - 1
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not _ends_line(line):
            _skip_rest_of_line(stream, limit)
            yield lineno, line[:0], False
        else:
            yield lineno, line, True


def _ends_line(chunk: str | bytes) -> bool:
    return chunk.endswith(b"\n") if isinstance(chunk, bytes) else chunk.endswith("\n")


def _skip_rest_of_line(stream: IO[AnyStr] | _ByteWindow, chunk: int) -> None:
    while True:
        rest = stream.readline(chunk)
        if not rest or _ends_line(rest):
            return


def _parse_line(line: str | bytes, where: str, meta: dict[str, str], max_chars: int) -> Article | ReadError | None:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _error(where, where, "bad_json", f"line is not valid UTF-8 (byte {exc.start + 1})")
    line = line.lstrip("\ufeff")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        reason = exc.msg.removesuffix(" at")  # "Invalid control character at": json's message ends so
        return _error(where, where, "bad_json", f"not valid JSON ({reason} at column {exc.colno})")
    return _record_to_article(record, where, meta, max_chars)


def _record_to_article(record: Any, where: str, meta: dict[str, str], max_chars: int) -> Article | ReadError:
    """``{"id": "bai_01", "text": "Sáng ngày 26/01/2024, ..."}`` -> Article("bai_01", ...)."""
    if not isinstance(record, dict):
        return _error(where, where, "bad_record", f"expected a JSON object, got {_json_type(record)}")
    doc_id = _record_id(record.get("id"))
    if doc_id is None:
        return _error(where, where, "bad_record", 'record has no "id" (a non-empty string)')
    label = f"{doc_id} ({where})"
    problem = _record_problem(record)
    if problem is not None:
        return _error(doc_id, where, "bad_record", problem, label=label)
    try:
        text, legacy = repair_legacy_text(record["text"])
    except DecodeError as exc:
        return _error(doc_id, where, exc.reason, str(exc), label=label)
    meta.update({key: record[key] for key in _OPTIONAL_FIELDS if record.get(key)})
    if "published" in meta:
        meta["published"] = meta["published"][:10]  # "2024-01-26T08:00:00+07:00" -> its day as written
    meta["encoding"] = _json_encoding(legacy)
    return _article_or_error(doc_id, where, text, meta, max_chars, label=label)


def _json_encoding(legacy: str | None) -> str:
    """JSON is UTF-8; name legacy text that was found inside it (``tcvn3-in-utf-8``)."""
    if legacy is None:
        return "utf-8"
    return "utf-8-double-encoded" if legacy == "utf-8" else f"{legacy}-in-utf-8"


def _record_id(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return unicodedata.normalize("NFC", value.strip())
    return None


def _record_problem(record: dict[str, Any]) -> str | None:
    """Why a record with an id cannot be used, or None."""
    if "text" not in record:
        return 'record has no "text"'
    if not isinstance(record["text"], str):
        return f'"text" must be a string, got {_json_type(record["text"])}'
    for key in _OPTIONAL_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return f'"{key}" must be a string, got {_json_type(value)}'
    published = record.get("published")
    if published and not _is_iso_date(published):
        return f'"published" must be an ISO date YYYY-MM-DD (a time may follow), got {published!r}'
    return None


def _is_iso_date(value: str) -> bool:
    """``"2024-01-26"``, ``"2024-01-26T08:00:00+07:00"`` -> True; ``"26/01/2024"``, ``"2024-02-30"`` -> False."""
    match = _ISO_DATE.fullmatch(value)
    if not match:
        return False
    try:
        dt.date.fromisoformat(match.group(1))
        if len(value) > 10:
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
