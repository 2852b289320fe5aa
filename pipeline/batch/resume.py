"""What an earlier, perhaps interrupted, run already wrote: for ``hoinghi extract --resume``.

A record is identified by its ``doc_id`` and ``text_sha1``, so an article
whose text changed since is extracted again, and at the end of the run its
older record is removed (:func:`drop_records`). A run that was killed while
writing leaves at most one half line, at the end; it is cut off here::

    >>> done = finished_records(Path("facts.jsonl"))
    >>> done["w1_03"]
    frozenset({'3f1c...'})
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from hoinghi.pipeline.errors import HoinghiError

# The start of a line as pydantic writes it: {"schema_version":1,"doc_id":"w1_03","text_sha1":"3f1c..."
_HEAD = re.compile(rb'\{"schema_version":\d+,"doc_id":("(?:[^"\\]|\\.)*"),"text_sha1":"([0-9a-f]{40})"')


class ResumeError(HoinghiError):
    """The output to resume holds something that is not a record, e.g. ``facts.jsonl:17: not a JSON record``."""


def finished_records(path: Path) -> dict[str, frozenset[str]]:
    """doc_id -> the text hashes of its records in ``path`` (empty if there is no file).

    A last line without its newline is kept if it is a whole record (the newline
    is added) and cut off otherwise; any other line that is not a record is a
    :class:`ResumeError` naming the line.
    """
    if not path.exists():
        return {}
    done: dict[str, set[str]] = {}
    end = 0  # bytes of whole lines so far
    last = b"\n"
    with open(path, "r+b") as fh:
        for lineno, line in enumerate(fh, start=1):
            key = _identify(line)
            if key is None and line.strip():
                if line.endswith(b"\n"):
                    raise ResumeError(f"{path}:{lineno}: not a JSON record with doc_id and text_sha1; "
                                      "remove the line or run without --resume")
                break  # the half line of an interrupted write: always the last one
            if key is not None:
                done.setdefault(key[0], set()).add(key[1])
            end += len(line)
            last = line
        fh.truncate(end)
        if not last.endswith(b"\n"):
            fh.seek(end)
            fh.write(b"\n")
    return {doc_id: frozenset(hashes) for doc_id, hashes in done.items()}


def drop_records(path: Path, stale: dict[str, frozenset[str]] | dict[str, set[str]]) -> int:
    """Rewrite ``path`` without the records of ``stale`` (doc_id -> text hashes); return how many went.

    The new file is written beside the old one and moved over it, so a crash
    leaves one or the other whole, never a mix.
    """
    kept = path.with_name(path.name + ".resume-tmp")
    dropped = 0
    with open(path, "rb") as src, open(kept, "wb") as dst:
        for line in src:
            key = _identify(line)
            if key is not None and key[1] in stale.get(key[0], ()):
                dropped += 1
                continue
            dst.write(line)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(kept, path)
    return dropped


def _identify(line: bytes) -> tuple[str, str] | None:
    """(doc_id, text_sha1) of a whole record line, or None."""
    if not line.endswith(b"\n"):
        try:  # a line cut short may still start like a record: only a complete JSON object counts
            json.loads(line)
        except ValueError:
            return None
    head = _HEAD.match(line)
    if head is not None:
        return json.loads(head.group(1)), head.group(2).decode("ascii")
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if isinstance(record, dict) and isinstance(record.get("doc_id"), str) and isinstance(record.get("text_sha1"), str):
        return record["doc_id"], record["text_sha1"]
    return None


__all__ = ["ResumeError", "drop_records", "finished_records"]
