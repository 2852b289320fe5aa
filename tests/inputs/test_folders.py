"""Tests for reading folders: linked subfolders followed once; unlistable folders and broken links reported."""
from __future__ import annotations

import multiprocessing as mp
import os
import shutil
import tempfile
from pathlib import Path


from hoinghi.pipeline.inputs.readers import Article, count_documents, read_inputs

HOI_NGHI = "Chiều 15/3/2025, Đảng ủy xã Tân Lập tổ chức Đại hội đại biểu lần thứ XV, nhiệm kỳ 2025 - 2030."
TONG_KET = "Sáng 15-1, Sở Tư pháp tổ chức hội nghị tổng kết công tác tư pháp năm 2023."


def _summary(items) -> list[tuple[str, str]]:
    return [(i.doc_id, "article") if isinstance(i, Article) else (i.doc_id, i.reason) for i in items]


def test_read_inputs_follows_a_linked_subfolder_once(tmp_path: Path) -> None:
    elsewhere = tmp_path / "ngoai"
    elsewhere.mkdir()
    (elsewhere / "tong_ket.txt").write_text(TONG_KET, encoding="utf-8")
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "dai_hoi.txt").write_text(HOI_NGHI, encoding="utf-8")
    (folder / "lien_ket").symlink_to(elsewhere, target_is_directory=True)
    assert _summary(read_inputs([folder])) == [("dai_hoi", "article"), ("tong_ket", "article")]


def test_read_inputs_link_back_to_a_folder_already_read_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "bai"
    (folder / "con").mkdir(parents=True)
    (folder / "con" / "dai_hoi.txt").write_text(HOI_NGHI, encoding="utf-8")
    (folder / "con" / "vong").symlink_to(folder, target_is_directory=True)
    items = list(read_inputs([folder]))
    assert _summary(items) == [("dai_hoi", "article"), ("vong", "unreadable")]
    assert "which is read already" in items[1].message


def test_read_inputs_broken_link_is_an_error_line(tmp_path: Path) -> None:
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "dai_hoi.txt").write_text(HOI_NGHI, encoding="utf-8")
    (folder / "mat.txt").symlink_to(tmp_path / "da_xoa.txt")
    items = list(read_inputs([folder]))
    assert _summary(items) == [("dai_hoi", "article"), ("mat", "unreadable")]
    assert items[1].message == f"mat: a broken link (to {tmp_path / 'da_xoa.txt'})"
    assert count_documents([folder]) == 1


def _read_as_nobody(folder: Path, queue) -> None:
    os.setgid(65534)
    os.setuid(65534)  # root lists any folder: read as a user the permissions hold for
    queue.put(_summary(read_inputs([folder])))


def test_read_inputs_subfolder_that_cannot_be_listed_is_an_error_line() -> None:
    top = Path(tempfile.mkdtemp(prefix="hoinghi-folders-"))  # outside pytest's root-only tmp folder
    try:
        top.chmod(0o755)
        (top / "mo").mkdir()
        (top / "mo" / "dai_hoi.txt").write_text(HOI_NGHI, encoding="utf-8")
        (top / "mo" / "dai_hoi.txt").chmod(0o644)
        (top / "mo").chmod(0o755)
        (top / "khoa").mkdir()
        (top / "khoa" / "tong_ket.txt").write_text(TONG_KET, encoding="utf-8")
        (top / "khoa").chmod(0)
        if os.geteuid() == 0:
            ctx = mp.get_context("fork")
            queue = ctx.Queue()
            child = ctx.Process(target=_read_as_nobody, args=(top, queue))
            child.start()
            found = queue.get(timeout=30)
            child.join(30)
        else:
            found = _summary(read_inputs([top]))
        assert found == [("khoa", "unreadable"), ("dai_hoi", "article")]
    finally:
        (top / "khoa").chmod(0o755)
        shutil.rmtree(top)
