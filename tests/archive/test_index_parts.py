"""Loading a folder of parts (what ``hoinghi extract --engine dask`` writes), on both backends."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hoinghi.pipeline.archive import open_archive
from hoinghi.pipeline.archive.load import expand_inputs
from hoinghi.pipeline.cli.main import main
from tests.archive_fixtures import SO_Y_TE, make_record

HOI_CCB = ("Ngày 5/1/2025, Hội Cựu chiến binh xã Pa Ham tổ chức Hội nghị tổng kết năm 2024.\n"
           "Đồng chí Mùa A Sở, Chủ tịch Hội, chủ trì hội nghị. Năm 2024, Hội kết nạp mới đạt 112% kế hoạch.")


def write_parts(folder: Path, records) -> Path:
    """Records spread over two parts (the second part holds the last one), an errors file and a worker's temp file."""
    folder.mkdir(exist_ok=True)
    (folder / "part-00000000000000aa.jsonl").write_text(
        "".join(r.model_dump_json() + "\n" for r in records[:-1]), encoding="utf-8")
    (folder / "part-00000000000000bb.jsonl").write_text(records[-1].model_dump_json() + "\n", encoding="utf-8")
    (folder / "part-00000000000000bb.errors.jsonl").write_text(
        '{"doc_id":"x","source":null,"reason":"empty","message":"x: text is empty"}\n', encoding="utf-8")
    (folder / "part-00000000000000cc.jsonl.tmp-12-ab").write_text("{half", encoding="utf-8")
    return folder


def _load(url: str, folder: Path):
    with open_archive(url) as archive:
        return archive.index_files(expand_inputs([folder]), on_error=lambda m: None), archive.counts()


def test_index_parts_folder_takes_parts_only(tmp_path):
    folder = write_parts(tmp_path / "parts", [make_record("a", SO_Y_TE), make_record("b", HOI_CCB)])
    assert [p.name for p in expand_inputs([folder])] == ["part-00000000000000aa.jsonl", "part-00000000000000bb.jsonl"]


def test_index_parts_twice_changes_nothing(tmp_path, archive_url, records):
    folder = write_parts(tmp_path / "parts", records)
    first, counts = _load(archive_url, folder)
    again, counts_again = _load(archive_url, folder)
    assert (first.added, again.added, again.replaced, again.unchanged) == (3, 0, 0, 3)
    assert counts_again == counts


def test_index_parts_changed_article_replaces_its_facts(tmp_path, archive_url, records):
    _load(archive_url, write_parts(tmp_path / "parts", records))
    changed = make_record("huyen_doan_2022", HOI_CCB, date="2025-01-05", date_quote="5/1/2025",
                          percentages=((112.0, "result", 2024, "kết nạp mới", "112%"),))
    report, counts = _load(archive_url, write_parts(tmp_path / "again", [*records[:-1], changed]))
    assert (report.added, report.replaced, report.unchanged) == (0, 1, 2)
    with open_archive(archive_url) as archive:
        assert archive.record("huyen_doan_2022") == changed
        assert [h.doc_id for h in archive.search("giang a phu")] == []  # the old article's people are gone
    assert counts["people"] == 2 and counts["percentages"] == 4


def test_index_parts_same_doc_twice_keeps_the_last(tmp_path, archive_url, records):
    newer = make_record("so_y_te_2023", HOI_CCB)
    report, counts = _load(archive_url, write_parts(tmp_path / "parts", [records[1], newer]))
    assert (report.added, report.replaced) == (1, 1) and counts["articles"] == 1
    with open_archive(archive_url) as archive:
        assert archive.record("so_y_te_2023") == newer


def test_index_parts_cli_takes_a_folder(tmp_path, records):
    folder = write_parts(tmp_path / "parts", records)
    result = CliRunner().invoke(main, ["index", str(folder), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    assert "3 added, 0 replaced, 0 unchanged" in result.output


def test_index_parts_cli_folder_without_parts_fails_cleanly(tmp_path):
    result = CliRunner().invoke(main, ["index", str(tmp_path), "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1 and "no part-*.jsonl" in result.output
