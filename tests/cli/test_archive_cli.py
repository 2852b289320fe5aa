"""``hoinghi index`` and ``hoinghi search`` in-process, on fresh archives."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hoinghi.pipeline.cli.main import main


@pytest.fixture
def facts(tmp_path, records):
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path


def _run(*args):
    try:
        runner = CliRunner(mix_stderr=False)  # click 8.1 mixes stderr into output unless told
    except TypeError:
        runner = CliRunner()  # click 8.2+: stderr is always apart
    return runner.invoke(main, [str(a) for a in args])


def test_cli_index_reports_what_it_did(tmp_path, facts):
    db = tmp_path / "archive.db"
    first, again = _run("index", facts, "--db", db), _run("index", facts, "--db", db)
    assert first.exit_code == again.exit_code == 0
    assert first.stderr == f"{db}: 3 added, 0 replaced, 0 unchanged\n"
    assert again.stderr == f"{db}: 0 added, 0 replaced, 3 unchanged\n"


def test_cli_search_prints_a_table_with_the_hit_marked(tmp_path, facts):
    db = tmp_path / "archive.db"
    _run("index", facts, "--db", db)
    result = _run("search", "lam duc xuan", "--db", db)
    assert result.exit_code == 0
    header, first = result.stdout.splitlines()[:2]
    assert header.split() == ["#", "doc_id", "date", "body", "sentence"]
    assert first.split()[:4] == ["1", "tinh_uy_2024", "2024-01-26", "Văn"]
    assert "«Lâm Đức Xuân»" in result.stdout.replace("\n", " ")


def test_cli_search_json_lines(tmp_path, facts):
    db = tmp_path / "archive.db"
    _run("index", facts, "--db", db)
    result = _run("search", "--person", "Vàng Thị Mỷ", "--json", "--db", db)
    [hit] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (hit["doc_id"], hit["date"], hit["body"]) == ("so_y_te_2023", "2023-12-12", "Sở Y tế tỉnh Điện Biên")
    assert hit["marked"] == "Đồng chí «Vàng Thị Mỷ», Phó Giám đốc Sở Y tế, chủ trì hội nghị."
    start, end = hit["marks"][0]
    assert hit["sentence"][start:end] == "Vàng Thị Mỷ"


def test_cli_search_filters_by_year_and_kind(tmp_path, facts):
    db = tmp_path / "archive.db"
    _run("index", facts, "--db", db)
    result = _run("search", "hoi nghi", "--year", "2023", "--kind", "result", "--json", "--db", db)
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["so_y_te_2023"]


def test_cli_search_no_match_says_so(tmp_path, facts):
    db = tmp_path / "archive.db"
    _run("index", facts, "--db", db)
    result = _run("search", "Mường Tè", "--db", db)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no article matches\n")


def test_cli_index_bad_lines_are_named_and_the_rest_indexed(tmp_path, facts):
    db = tmp_path / "archive.db"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "x1", "text": "Hội nghị"}\nnot json\n', encoding="utf-8")
    result = _run("index", bad, facts, "--db", db)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{bad}:1: not a valid record (text_sha1: Field required")
    assert lines[1].startswith(f"{bad}:2: not a valid record")
    assert lines[2] == f"{db}: 3 added, 0 replaced, 0 unchanged, 2 bad lines"


def test_cli_search_missing_archive_fails_cleanly(tmp_path):
    result = _run("search", "lam duc xuan", "--db", tmp_path / "none.db")
    assert result.exit_code == 1
    assert "none.db: no such archive" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_cli_search_needs_words_or_a_filter(tmp_path):
    result = _run("search", "--db", tmp_path / "archive.db")
    assert result.exit_code == 2
    assert "give words to search for" in result.stderr


def test_cli_serve_refuses_postgres():
    result = _run("serve", "postgresql://hoinghi@127.0.0.1/archive")
    assert result.exit_code == 1
    assert "Datasette does not read PostgreSQL" in result.stderr


def test_cli_index_and_search_on_postgres(pg_url, facts):
    assert _run("index", facts, "--db", pg_url).exit_code == 0
    result = _run("search", "uỷ ban", "--json", "--db", pg_url)
    assert json.loads(result.stdout.splitlines()[0])["doc_id"] == "so_y_te_2023"
    assert "***" in _run("index", facts, "--db", pg_url).stderr  # the password is not printed


def test_cli_search_marks_an_uncertain_date(tmp_path, records):
    first = records[0]
    meeting = first.meeting.model_copy(update={"date_confidence": 0.6})
    path = tmp_path / "facts.jsonl"
    path.write_text(first.model_copy(update={"meeting": meeting}).model_dump_json() + "\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    _run("index", path, "--db", db)
    result = _run("search", "lam duc xuan", "--db", db)
    assert result.stdout.splitlines()[1].split()[:3] == ["1", "tinh_uy_2024", "2024-01-26?"]
    assert "(1 uncertain facts: confidence below 0.9)" in result.stdout


def test_cli_search_by_quantity(tmp_path, extractor):
    path = tmp_path / "dh.jsonl"
    record = extractor.extract("Sáng 5/10/2025, Hội Nông dân xã tổ chức Đại hội. Đại hội có 120 đại biểu chính thức.",
                               doc_id="nong_dan_xa")
    path.write_text(record.model_dump_json() + "\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    _run("index", path, "--db", db)
    found = _run("search", "--quantity", "dai bieu chinh thuc", "--json", "--db", db)
    assert [json.loads(line)["doc_id"] for line in found.stdout.splitlines()] == ["nong_dan_xa"]
    assert _run("search", "--quantity", "ty dong", "--db", db).stderr == "no article matches\n"


def test_cli_search_query_longer_than_500_characters_is_refused(tmp_path, facts):
    db = tmp_path / "archive.db"
    _run("index", facts, "--db", db)
    result = _run("search", "lam duc xuan " * 50, "--db", db)
    assert result.exit_code == 1
    assert "the query is 650 characters long; a search takes at most 500" in result.stderr


def test_cli_search_never_sends_a_control_character_to_the_terminal(tmp_path):
    from tests.archive_fixtures import make_record

    text = "Ngày 5/4/2024, Đoàn xã tổ chức hội nghị.\x07 Đồng chí Hà Thị Lan\x1b[31m chủ trì."
    facts = tmp_path / "bel.jsonl"
    facts.write_text(make_record("bel", text).model_dump_json() + "\n", encoding="utf-8")
    db = tmp_path / "archive.db"
    _run("index", facts, "--db", db)
    result = _run("search", "ha thi lan", "--db", db)
    assert result.exit_code == 0 and "Lan" in result.stdout
    assert not any(ch in result.stdout for ch in "\x07\x1b")


def test_cli_index_missing_input_is_a_clear_error_and_makes_no_archive(tmp_path):
    db = tmp_path / "x.db"
    result = _run("index", tmp_path / "nope.jsonl", "--db", db)
    assert result.exit_code == 2
    assert "nope.jsonl' does not exist" in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()


def test_read_records_unreadable_file_is_reported_and_the_next_read(tmp_path, facts):
    from hoinghi.pipeline.archive.load import read_records

    bad: list[str] = []
    records = list(read_records([tmp_path / "mat.jsonl", facts], on_error=bad.append))
    assert len(records) == 3 and bad == [f"{tmp_path / 'mat.jsonl'}: cannot be read (No such file or directory)"]


def test_cli_search_help_says_how_to_search_a_word_with_a_dash():
    assert 'hoinghi search --db archive.db -- "-xuan"' in " ".join(_run("search", "--help").stdout.split())
