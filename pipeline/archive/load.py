"""Records from JSONL files (what ``hoinghi extract`` writes), for indexing.

    >>> bad = []
    >>> records = list(read_records([Path("facts.jsonl")], on_error=bad.append))   # doctest: +SKIP

A line that is not a valid record is reported (file, line, reason) and skipped.
A folder stands for its parts (``hoinghi extract --engine dask`` writes them)::

    >>> expand_inputs([Path("parts")])                                          # doctest: +SKIP
    [PosixPath('parts/part-06fb19d3dea40981.jsonl'), PosixPath('parts/part-1f0eeebbd91ed438.jsonl')]
"""
from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from hoinghi.schemas import ArticleFacts


def _open(path: Path) -> IO[str]:
    if str(path) == "-":
        return sys.stdin
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def expand_inputs(paths: Iterable[Path]) -> list[Path]:
    """The files to index: a folder gives its ``part-*.jsonl`` (and ``.jsonl.gz``), sorted, never their errors."""
    files: list[Path] = []
    for path in paths:
        if str(path) != "-" and path.is_dir():
            files += sorted(p for p in path.glob("part-*.jsonl*") if _is_part(p.name))
        else:
            files.append(path)
    return files


def _is_part(name: str) -> bool:
    """``part-3f1c0a9be2d4c771.jsonl`` yes; its ``.errors.jsonl`` and a worker's unfinished ``.tmp-*`` no."""
    return name.endswith((".jsonl", ".jsonl.gz")) and not name.endswith((".errors.jsonl", ".errors.jsonl.gz"))


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
