"""Records from JSONL files (what ``hoinghi extract`` writes), for indexing.

    >>> bad = []
    >>> records = list(read_records([Path("facts.jsonl")], on_error=bad.append))   # doctest: +SKIP

A line that is not a valid record is reported (file, line, reason) and skipped.
"""
from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from hoinghi.schemas import ArticleFacts
from pydantic import ValidationError


def _open(path: Path) -> IO[str]:
    if str(path) == "-":
        return sys.stdin
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def read_records(paths: Iterable[Path], *, on_error: Callable[[str], None]) -> Iterator[ArticleFacts]:
    """Validated records of each file in turn (``-`` is standard input, ``.gz`` is read compressed)."""
    for path in paths:
        try:
            fh = _open(path)
        except OSError as exc:
            on_error(f"{path}: cannot be read ({exc.strerror or exc})")
            continue
        try:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    yield ArticleFacts.model_validate_json(line)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(map(str, first.get("loc", ()))) or "record"
                    on_error(f"{path}:{number}: not a valid record ({where}: {first['msg']})")
        except (OSError, UnicodeDecodeError) as exc:
            on_error(f"{path}: cannot be read ({exc})")
        finally:
            if fh is not sys.stdin:
                fh.close()
