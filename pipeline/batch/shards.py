"""The inputs of a distributed run listed into shards: small pieces of work, each named by a content hash.

A shard is a few hundred documents: a run of loose files (``.txt``, ``.html``)
of one folder, or a byte range of whole lines of a JSONL file (a ``.jsonl.gz``
is one piece, it cannot be cut). Each piece keeps the hash of its bytes, and
the shard's id hashes its pieces, so a shard whose inputs did not change has
the same id, and so the same part file, in the next run::

    >>> listing = list_shards(["crawl/"], shard_docs=500)
    >>> listing.shards[0].part_name, listing.shards[0].docs
    ('part-3f1c0a9be2d4c771.jsonl', 500)
    >>> [doc.doc_id for doc in shard_documents(listing.shards[0])][:2]
    ['bai_0001', 'bai_0002']

Shard boundaries move as little as inputs do: a JSONL file is cut every
``shard_docs`` lines from its start (lines appended to it touch only its last
shard), and loose files are grouped within their folder, so a new file shifts
only the shards of its folder that follow it.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hoinghi.pipeline.errors import HoinghiError
from hoinghi.pipeline.inputs.readers import (
    Article,
    HtmlPage,
    ReadError,
    from_file,
    from_jsonl_range,
    input_files,
    is_jsonl,
)

MANIFEST_FORMAT = 1
SHARD_DOCS = 500
_HASH_CHUNK = 1 << 20


class ShardError(HoinghiError):
    """The inputs cannot be listed into shards, e.g. ``-`` (standard input) for a distributed run."""


@dataclass(frozen=True)
class Piece:
    """Part of a shard: a whole file (``end`` None) or the bytes ``start:end`` of a JSONL file from ``first_line``."""

    path: str
    sha1: str
    docs: int
    start: int = 0
    end: int | None = None
    first_line: int = 1


@dataclass(frozen=True)
class Shard:
    """Pieces read by one task; ``id`` hashes them with the reading options, so same inputs, same part."""

    pieces: tuple[Piece, ...]
    max_chars: int = 1_000_000
    id: str = field(init=False)

    def __post_init__(self) -> None:
        key = json.dumps({"format": MANIFEST_FORMAT, "max_chars": self.max_chars,
                          "pieces": [asdict(p) for p in self.pieces]}, sort_keys=True)
        object.__setattr__(self, "id", hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])

    @property
    def docs(self) -> int:
        return sum(p.docs for p in self.pieces)

    @property
    def part_name(self) -> str:
        """``part-3f1c0a9be2d4c771.jsonl``: the shard's records."""
        return f"part-{self.id}.jsonl"

    @property
    def errors_name(self) -> str:
        """``part-3f1c0a9be2d4c771.errors.jsonl``: its documents that failed, one ``ExtractionError`` a line."""
        return f"part-{self.id}.errors.jsonl"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "part": self.part_name, "docs": self.docs, "pieces": [asdict(p) for p in self.pieces]}


@dataclass(frozen=True)
class Listing:
    """The shards of the inputs, and the inputs that are no documents at all (a missing path, an empty folder)."""

    shards: list[Shard]
    errors: list[ReadError]

    @property
    def docs(self) -> int:
        return sum(s.docs for s in self.shards)


def list_shards(inputs: Iterable[str | Path], *, shard_docs: int = SHARD_DOCS,
                max_chars: int = 1_000_000) -> Listing:
    """Every input file, hashed and grouped into shards of at most ``shard_docs`` documents (paths made absolute).

    Reads each file once; a file that cannot be read is still listed (its
    reader reports it on the worker, as a local run does).
    """
    if shard_docs < 1:
        raise ValueError(f"shard_docs must be at least 1, got {shard_docs}")
    shards: list[Shard] = []
    errors: list[ReadError] = []
    loose: list[Piece] = []
    folder: Path | None = None

    def flush() -> None:
        if loose:
            shards.append(Shard(tuple(loose), max_chars))
            loose.clear()

    for raw in inputs:
        if str(raw) == "-":
            raise ShardError("a distributed run reads files, not standard input: save the JSONL to a file "
                             "the workers can read and give its path")
        for file in input_files(Path(raw)):
            if isinstance(file, ReadError):
                errors.append(file)
                continue
            file = file.absolute()
            if is_jsonl(file) and not file.name.lower().endswith(".gz"):
                flush()
                shards += [Shard((piece,), max_chars) for piece in _jsonl_pieces(file, shard_docs)]
                continue
            if file.parent != folder or len(loose) >= shard_docs:
                flush()
                folder = file.parent
            loose.append(_whole_file(file))
    flush()
    return Listing(shards, errors)


def shard_documents(shard: Shard) -> Iterator[Article | ReadError | HtmlPage]:
    """The shard's documents, read by the same readers as a local run (pages unparsed, for :func:`process`)."""
    for piece in shard.pieces:
        path = Path(piece.path)
        if piece.end is None:
            yield from from_file(path, max_chars=shard.max_chars)
        else:
            yield from from_jsonl_range(path, piece.start, piece.end, first_line=piece.first_line,
                                        max_chars=shard.max_chars)


def _whole_file(path: Path) -> Piece:
    """A whole file as one piece: its hash, and its documents (non-blank lines of a ``.jsonl.gz``, else one)."""
    digest = hashlib.sha1()
    docs = 0
    try:
        if is_jsonl(path):
            with gzip.open(path, "rb") as fh:
                docs = sum(1 for line in fh if line.strip())
        with path.open("rb") as fh:
            while chunk := fh.read(_HASH_CHUNK):
                digest.update(chunk)
    except (OSError, EOFError, zlib.error):
        pass  # the worker's reader reports it, naming the file
    return Piece(str(path), digest.hexdigest(), docs if is_jsonl(path) else 1)


def _jsonl_pieces(path: Path, shard_docs: int) -> Iterator[Piece]:
    """Byte ranges of whole lines holding ``shard_docs`` non-blank lines each, the last one fewer."""
    try:
        fh = path.open("rb")
    except OSError:
        yield _whole_file(path)
        return
    with fh:
        start = pos = 0
        first_line = lineno = 1
        docs = 0
        digest = hashlib.sha1()
        for line in fh:
            digest.update(line)
            pos += len(line)
            lineno += 1
            docs += bool(line.strip())
            if docs == shard_docs:
                yield Piece(str(path), digest.hexdigest(), docs, start, pos, first_line)
                start, first_line, docs, digest = pos, lineno, 0, hashlib.sha1()
        if docs or start == 0:
            yield Piece(str(path), digest.hexdigest(), docs, start, pos, first_line)


__all__ = ["MANIFEST_FORMAT", "SHARD_DOCS", "Listing", "Piece", "Shard", "ShardError", "list_shards",
           "shard_documents"]
