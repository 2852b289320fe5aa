"""Tests for pipeline.batch.shards: listing inputs into shards, their ids, and reading a shard back."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hoinghi.pipeline.batch.shards import ShardError, list_shards, shard_documents
from hoinghi.pipeline.inputs.readers import Article, ReadError, iter_documents

SENTENCES = [
    "Sáng 9/1/2025, Hội Nông dân xã Nậm Pồ tổ chức hội nghị tổng kết công tác Hội năm 2024.",
    "Chiều ngày 14/1, Trường Tiểu học Tả Phìn tổ chức Hội nghị viên chức và người lao động.",
    "Năm 2024, tỷ lệ hộ nghèo của xã giảm còn 31,5%, vượt 2% so với kế hoạch.",
    "Đồng chí Sùng A Chứ, Chủ tịch UBND xã, dự và phát biểu chỉ đạo hội nghị.",
    "Dịp này, Ban Thường vụ Huyện đoàn tặng Giấy khen cho 4 tập thể và 9 cá nhân.",
]


def write_jsonl(path: Path, count: int, *, bad_at: int | None = None) -> Path:
    lines = []
    for i in range(count):
        if i == bad_at:
            lines.append('{"id": "hong", "text": ')  # cut short: not JSON
        else:
            lines.append(json.dumps({"id": f"bai_{i:03d}", "text": SENTENCES[i % len(SENTENCES)]}, ensure_ascii=False))
        if i % 4 == 3:
            lines.append("")  # a blank line is no document
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _key(item):
    return (item.doc_id, type(item).__name__, getattr(item, "text", None), getattr(item, "reason", None))


def test_shards_jsonl_byte_ranges_read_as_the_whole_file(tmp_path):
    path = write_jsonl(tmp_path / "lo.jsonl", 23, bad_at=10)
    listing = list_shards([path], shard_docs=5)
    assert [s.docs for s in listing.shards] == [5, 5, 5, 5, 3]
    pieces = [item for shard in listing.shards for item in shard_documents(shard)]
    assert [_key(i) for i in pieces] == [_key(i) for i in iter_documents([path.absolute()])]


def test_shards_bad_line_is_named_by_its_line_in_the_file(tmp_path):
    path = write_jsonl(tmp_path / "lo.jsonl", 12, bad_at=10)
    listing = list_shards([path], shard_docs=4)
    errors = [i for s in listing.shards for i in shard_documents(s) if isinstance(i, ReadError)]
    assert [(e.doc_id, e.reason) for e in errors] == [(f"{path.absolute()}:13", "bad_json")]


def test_shards_same_inputs_same_ids(tmp_path):
    path = write_jsonl(tmp_path / "lo.jsonl", 12)
    assert [s.id for s in list_shards([path], shard_docs=4).shards] == \
           [s.id for s in list_shards([path], shard_docs=4).shards]


def test_shards_appended_lines_change_only_the_last_shard(tmp_path):
    path = write_jsonl(tmp_path / "lo.jsonl", 10)
    before = [s.id for s in list_shards([path], shard_docs=4).shards]
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "bai_moi", "text": SENTENCES[0]}, ensure_ascii=False) + "\n")
    after = [s.id for s in list_shards([path], shard_docs=4).shards]
    assert after[:2] == before[:2] and after[2] != before[2]


def test_shards_reading_options_change_the_id(tmp_path):
    path = write_jsonl(tmp_path / "lo.jsonl", 3)
    assert list_shards([path], max_chars=1000).shards[0].id != list_shards([path], max_chars=2000).shards[0].id


def test_shards_loose_files_are_grouped_within_their_folder(tmp_path):
    for folder, names in (("a", ["x1", "x2", "x3"]), ("b", ["y1"])):
        (tmp_path / folder).mkdir()
        for name in names:
            (tmp_path / folder / f"{name}.txt").write_text(SENTENCES[0], encoding="utf-8")
    listing = list_shards([tmp_path], shard_docs=2)
    assert [[Path(p.path).name for p in s.pieces] for s in listing.shards] == [["x1.txt", "x2.txt"], ["x3.txt"],
                                                                                ["y1.txt"]]
    assert all(isinstance(d, Article) for s in listing.shards for d in shard_documents(s))


def test_shards_missing_input_is_a_listing_error(tmp_path):
    listing = list_shards([tmp_path / "khong_co.txt"])
    assert listing.shards == [] and [(e.doc_id, e.reason) for e in listing.errors] == [("khong_co", "unreadable")]


def test_shards_refuse_standard_input():
    with pytest.raises(ShardError, match="standard input"):
        list_shards(["-"])
