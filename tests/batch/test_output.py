"""Tests for pipeline.batch.output: an output that is an input is refused, a failed write keeps whole records."""
from __future__ import annotations

import multiprocessing as mp
import os
import resource
import signal
import subprocess
from pathlib import Path

import pytest

from hoinghi.pipeline.batch.output import OutputError, OverwritesInputError, refuse_overwriting_inputs
from hoinghi.pipeline.batch.run import run_batch
from tests.batch.test_batch import DAI_HOI, HOI_NGHI, TONG_KET, Scripted, jsonl, lines


def _run(inputs: list[Path], out: Path, errors: Path, **options):
    return run_batch([str(i) for i in inputs], out, errors, extractor_factory=Scripted(), jobs=1, **options)


# --------------------------------------------------------------------------- an output that is an input

def test_run_batch_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", ("a", HOI_NGHI), ("b", TONG_KET))
    before = src.read_bytes()
    with pytest.raises(OverwritesInputError, match="bai.jsonl.*bai.jsonl"):
        _run([src], src, tmp_path / "loi.jsonl")
    assert src.read_bytes() == before


def test_run_batch_output_linked_to_the_input_is_refused(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", ("a", HOI_NGHI))
    (tmp_path / "lien.jsonl").symlink_to(src)
    with pytest.raises(OverwritesInputError):
        _run([src], tmp_path / "lien.jsonl", tmp_path / "loi.jsonl")


def test_run_batch_errors_file_inside_an_input_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "a.txt").write_text(HOI_NGHI, encoding="utf-8")
    with pytest.raises(OverwritesInputError, match="inside the input folder"):
        _run([folder], tmp_path / "facts.jsonl", folder / "sub" / "loi.jsonl")
    assert not (folder / "sub").exists()


def test_refuse_overwriting_inputs_records_and_errors_in_one_file() -> None:
    with pytest.raises(OverwritesInputError, match="same file"):
        refuse_overwriting_inputs([], [Path("facts.jsonl"), Path("./facts.jsonl")])


def test_refuse_overwriting_inputs_output_beside_the_input_is_fine(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", ("a", HOI_NGHI))
    refuse_overwriting_inputs([str(src), "-"], [tmp_path / "facts.jsonl", None])


# --------------------------------------------------------------------------- outputs that cannot be written

def _batch_with_file_size_limit(limit: int, src: Path, out: Path, errors: Path, queue) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as a full disk does
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        _run([src], out, errors)
    except OutputError as exc:
        queue.put(str(exc))
    else:
        queue.put("")


def test_run_batch_failed_write_keeps_every_whole_record_and_no_half_line(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", *((f"bai_{i}", DAI_HOI) for i in range(40)))
    out = tmp_path / "facts.jsonl"
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_batch_with_file_size_limit, args=(5000, src, out, tmp_path / "loi.jsonl", queue))
    child.start()
    message = queue.get(timeout=60)
    child.join(60)
    data = out.read_bytes()
    assert "facts.jsonl: cannot write" in message
    assert data.endswith(b"\n") and 0 < len(data) <= 5000
    assert [r["doc_id"] for r in lines(out)] == [f"bai_{i}" for i in range(len(lines(out)))]


def test_run_batch_unwritable_errors_path_leaves_the_existing_output_whole(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", ("a", HOI_NGHI))
    out = tmp_path / "facts.jsonl"
    out.write_text('{"doc_id": "cu"}\n', encoding="utf-8")
    (tmp_path / "loi.jsonl").mkdir()
    with pytest.raises(OutputError, match="loi.jsonl: cannot open for writing: it is a folder"):
        _run([src], out, tmp_path / "loi.jsonl")
    assert out.read_text(encoding="utf-8") == '{"doc_id": "cu"}\n'


def test_run_batch_unwritable_errors_path_creates_no_output(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", ("a", HOI_NGHI))
    (tmp_path / "loi.jsonl").mkdir()
    with pytest.raises(OutputError):
        _run([src], tmp_path / "facts.jsonl", tmp_path / "loi.jsonl")
    assert not (tmp_path / "facts.jsonl").exists()


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder nobody may write in: a read-only tmpfs for root (who ignores permissions), else mode 0555."""
    folder = tmp_path / "chi_doc"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("root, and no read-only tmpfs could be mounted")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def test_run_batch_read_only_output_folder_is_an_output_error(tmp_path: Path, read_only_folder: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", ("a", HOI_NGHI))
    with pytest.raises(OutputError, match="facts.jsonl: cannot open for writing: Read-only file system|Permission"):
        _run([src], read_only_folder / "facts.jsonl", tmp_path / "loi.jsonl")


def test_run_batch_unseekable_output_that_fails_is_an_output_error(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", ("a", HOI_NGHI))
    with pytest.raises(OutputError, match="/dev/full: cannot write: No space left on device"):
        _run([src], Path("/dev/full"), tmp_path / "loi.jsonl")
