"""Where a batch writes: the records and errors files, opened safely and written a whole line at a time.

Nothing is truncated before every output can be opened; a line that cannot be
written whole (a full disk) is cut back off, so the file keeps only whole
records; an output that is also an input is refused before anything is read::

    >>> refuse_overwriting_inputs(["bai.jsonl"], [Path("bai.jsonl")])
    Traceback (most recent call last):
    hoinghi.pipeline.batch.output.OverwritesInputError: bai.jsonl: the output is the input bai.jsonl ...
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

from hoinghi.pipeline.errors import HoinghiError


class OverwritesInputError(HoinghiError):
    """An output path that is an input, or lies inside an input folder: writing it would destroy or reread it."""


class OutputError(HoinghiError):
    """The records or errors file cannot be created or written, e.g. ``facts.jsonl: cannot write: No space left on device``."""


def refuse_overwriting_inputs(inputs: Iterable[str | Path], outputs: Iterable[Path | None]) -> None:
    """Raise :class:`OverwritesInputError` if an output is an input file, lies inside an input folder, or two outputs are one."""
    targets = [Path(out) for out in outputs if out is not None and str(out) != "-"]
    for raw in inputs:
        if isinstance(raw, str) and raw == "-":
            continue
        source = Path(raw)
        if not source.exists():
            continue
        for target in targets:
            if source.is_dir():
                if _resolved(target).is_relative_to(source.resolve()):
                    raise OverwritesInputError(f"{target}: the output lies inside the input folder {source}, "
                                               "which is being read; write it elsewhere")
            elif _same_file(source, target):
                raise OverwritesInputError(f"{target}: the output is the input {source}; "
                                           "writing it would destroy it, write it elsewhere")
    for i, first in enumerate(targets):
        for second in targets[i + 1:]:
            if _resolved(first) == _resolved(second) or _same_file(first, second):
                raise OverwritesInputError(f"{second}: the records and the errors would go to the same file")


class LineFile:
    """A file written one whole line at a time: ``LineFile(fd, "facts.jsonl").write_line(b'{"doc_id":...}')``.

    Writes go straight to the descriptor; if a line cannot be written whole, what
    was written of it is cut back off (on a regular file) and :class:`OutputError`
    names the path.
    """

    def __init__(self, fd: int, name: str) -> None:
        self.fd = fd
        self.name = name
        self._seekable = _seekable(fd)

    def write_line(self, line: bytes) -> None:
        start = os.lseek(self.fd, 0, os.SEEK_END) if self._seekable else 0
        view = memoryview(line + b"\n")
        try:
            while view:
                view = view[os.write(self.fd, view):]
        except OSError as exc:
            kept = ""
            if self._seekable:
                os.ftruncate(self.fd, start)  # no half line: the file ends with the last whole record
                kept = "; every whole record before it is kept"
            raise OutputError(f"{self.name}: cannot write: {exc.strerror or exc}{kept}") from None


class StreamFile:
    """Standard output as a :class:`LineFile`; a reader that went away (``| head``) is still a ``BrokenPipeError``."""

    def __init__(self, stream: IO[bytes], name: str = "standard output") -> None:
        self.stream = stream
        self.name = name

    def write_line(self, line: bytes) -> None:
        try:
            self.stream.write(line + b"\n")
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"{self.name}: cannot write: {exc.strerror or exc}") from None


@contextmanager
def open_outputs(paths: list[Path | None], *, append: list[bool]) -> Iterator[list[LineFile | StreamFile]]:
    """Open each path (None: standard output) for writing; truncate the ones not appended only once all are open.

    A file this call created is removed again if another cannot be opened, so a
    failed start leaves the disk as it was.
    """
    with ExitStack() as stack:
        files: list[LineFile | StreamFile] = []
        created: list[Path] = []
        try:
            for path in paths:
                if path is None:
                    files.append(StreamFile(sys.stdout.buffer))
                    continue
                existed = path.exists()
                fd = _open(path)
                stack.callback(os.close, fd)
                if not existed:
                    created.append(path)
                files.append(LineFile(fd, str(path)))
        except OutputError:
            for path in created:
                path.unlink(missing_ok=True)
            raise
        for file, path, keep in zip(files, paths, append):
            if isinstance(file, LineFile) and not keep and file._seekable:
                os.ftruncate(file.fd, 0)
        yield files


def _open(path: Path) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno == errno.EISDIR:
            reason = "it is a folder"
        raise OutputError(f"{path}: cannot open for writing: {reason}") from None


def _seekable(fd: int) -> bool:
    """A regular file, which can be cut back; not a pipe, a terminal or ``/dev/full``."""
    return stat.S_ISREG(os.fstat(fd).st_mode)


def _resolved(path: Path) -> Path:
    return path.resolve() if path.exists() else path.parent.resolve() / path.name


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


__all__ = ["LineFile", "StreamFile", "OutputError", "OverwritesInputError", "open_outputs", "refuse_overwriting_inputs"]
