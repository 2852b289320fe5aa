"""hoinghi bodies / series / check / report on an archive of records built from the corpus' gold facts."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hoinghi.pipeline.archive import index_records
from hoinghi.pipeline.cli.main import main
from tests.conftest import ROOT
from tests.crossyear.gold_records import gold_records


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cy") / "archive.db"
    index_records(gold_records(ROOT / "corpus" / "crossyear"), path)
    return str(path)


def test_cli_bodies_lists_aliases_and_counts(db):
    out = CliRunner().invoke(main, ["bodies", "--db", db])
    assert out.exit_code == 0, out.output
    assert "Văn phòng Tỉnh ủy Cao Bằng" in out.output and "VP Tỉnh uỷ Cao Bằng" in out.output


def test_cli_bodies_json_names_the_successor_of_a_merged_province(db):
    out = CliRunner().invoke(main, ["bodies", "--db", db, "--json"])
    rows = [json.loads(line) for line in out.output.splitlines()]
    ben_tre = next(r for r in rows if r["place"] == "Bến Tre")
    assert ben_tre["successor"].startswith("Vĩnh Long")


def test_cli_series_json_lines_follow_the_shared_format(db):
    out = CliRunner().invoke(main, ["series", "--db", db, "--body", "KTNN", "--subject", "xử lý tài chính", "--json"])
    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows and all(r["body"] == "Kiểm toán Nhà nước" for r in rows)
    assert {"year", "value", "bound", "doc_id", "evidence"} <= set(rows[0]["points"][0])


def test_cli_check_shows_only_what_needs_an_eye_unless_all(db):
    runner = CliRunner()
    flagged = [json.loads(x) for x in runner.invoke(main, ["check", "--db", db, "--json"]).output.splitlines()]
    every = [json.loads(x) for x in runner.invoke(main, ["check", "--db", db, "--json", "--all"]).output.splitlines()]
    assert {f["status"] for f in flagged} <= {"inconsistent", "missed", "met"}
    assert len(every) > len(flagged) and "consistent_by_rounding" in {f["status"] for f in every}


def test_cli_check_year_filter(db):
    out = CliRunner().invoke(main, ["check", "--db", db, "--year", "2024", "--json"])
    assert {json.loads(x)["year"] for x in out.output.splitlines()} == {2024}


def test_cli_report_writes_one_html_file(db, tmp_path):
    target = tmp_path / "report.html"
    out = CliRunner().invoke(main, ["report", "--db", db, "-o", str(target), "--body", "Nam Định"])
    assert out.exit_code == 0, out.output
    html = target.read_text(encoding="utf-8")
    assert "Thanh tra tỉnh Nam Định" in html and "<svg" in html and "Hội Nông dân" not in html


def test_cli_check_on_a_missing_archive_is_a_clear_error(tmp_path):
    out = CliRunner().invoke(main, ["check", "--db", str(tmp_path / "none.db")])
    assert out.exit_code != 0 and "no such archive" in out.output
