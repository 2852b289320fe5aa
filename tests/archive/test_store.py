"""The archive on both backends: the same records, the same answers."""
from __future__ import annotations

import pytest

from hoinghi.pipeline.archive import ArchiveError, IndexReport, index_records, open_archive
from hoinghi.pipeline.archive import rows as rows_mod
from tests.archive_fixtures import HUYEN_DOAN, make_record


def _ids(hits):
    return [h.doc_id for h in hits]


@pytest.fixture
def archive(archive_url, records):
    index_records(records, archive_url)
    with open_archive(archive_url) as opened:
        yield opened


def test_search_plain_name_finds_name_with_diacritics(archive):
    hits = archive.search("lam duc xuan")
    assert _ids(hits)[0] == "tinh_uy_2024"
    assert "«Lâm Đức Xuân»" in hits[0].marked()


def test_search_name_with_diacritics_finds_the_same_article(archive):
    assert _ids(archive.search("Lâm Đức Xuân"))[0] == "tinh_uy_2024"


def test_search_whole_name_ranks_above_scattered_words(archive):
    # huyen_doan_2022 has "Lò Thị Xuân", "làm", "Đức" but not the name "Lâm Đức Xuân".
    assert _ids(archive.search("lam duc xuan")) == ["tinh_uy_2024", "huyen_doan_2022"]


def test_search_uy_with_hook_finds_uy_with_accent(archive):
    # "ủy thác" (accent on u) is only in huyen_doan_2022; "uỷ" typed the other way finds it.
    assert "huyen_doan_2022" in _ids(archive.search("uỷ thác"))
    assert "tinh_uy_2024" in _ids(archive.search("ủy"))


def test_search_uy_ban_without_diacritics_finds_uy_ban(archive):
    hits = archive.search("uy ban")
    assert _ids(hits)[0] == "so_y_te_2023"
    assert hits[0].marked().startswith("«Ủy ban» nhân dân tỉnh")


def test_search_person_filter_matches_people_not_text(archive):
    assert _ids(archive.search(person="lam duc xuan")) == ["tinh_uy_2024"]
    assert _ids(archive.search(person="Lò Thị Xuân")) == ["huyen_doan_2022"]
    assert archive.search(person="Tủa Chùa") == []  # in the text, but no one's name


def test_search_body_filter_matches_host_and_titles(archive):
    assert _ids(archive.search(body="so y te")) == ["so_y_te_2023"]
    assert _ids(archive.search("hoi nghi", body="Tỉnh uỷ")) == ["tinh_uy_2024"]


def test_search_award_filter_with_year(archive):
    assert _ids(archive.search(award="lao dong tien tien", year=2024)) == ["tinh_uy_2024"]
    assert archive.search(award="lao dong tien tien", year=2023) == []


def test_search_kind_filter_marks_the_percentage(archive):
    hits = archive.search(kind="target")
    assert _ids(hits) == ["so_y_te_2023"]
    assert "«98%»" in hits[0].marked()


def test_search_year_alone_lists_newest_first(archive):
    assert _ids(archive.search(year=2022)) == ["huyen_doan_2022"]


def test_search_quoted_phrase_needs_adjacent_words(archive):
    assert _ids(archive.search('"phó giám đốc"')) == ["so_y_te_2023"]
    assert archive.search('"giám phó"') == []


def test_search_hit_carries_date_and_body(archive):
    hit = archive.search("tiem chung")[0]
    assert (hit.doc_id, hit.date, hit.body) == ("so_y_te_2023", "2023-12-12", "Sở Y tế tỉnh Điện Biên")
    assert hit.sentence.startswith("Năm 2023, tỷ lệ tiêm chủng")


def test_search_rejects_unknown_kind(archive):
    with pytest.raises(ArchiveError, match="kind 'goal'"):
        archive.search(kind="goal")


def test_search_punctuation_only_finds_nothing(archive):
    assert archive.search("“ – ”") == []


def test_search_quote_in_query_is_a_word_not_syntax(archive):
    assert archive.search('lam" OR "x') == []


def test_record_round_trips(archive, records):
    assert archive.record("so_y_te_2023") == records[1]
    assert archive.record("khong_co") is None


def test_records_lists_every_stored_record_in_doc_id_order(archive, records):
    assert list(archive.records(batch_size=2)) == sorted(records, key=lambda r: r.doc_id)


def test_index_same_records_again_changes_nothing(archive_url, records):
    index_records(records, archive_url)
    with open_archive(archive_url) as archive:
        before = (archive.counts(), [(h.doc_id, h.score) for h in archive.search("hoi nghi")])
    assert index_records(records, archive_url) == IndexReport(unchanged=3)
    with open_archive(archive_url) as archive:
        assert (archive.counts(), [(h.doc_id, h.score) for h in archive.search("hoi nghi")]) == before


def test_index_changed_article_replaces_its_facts(archive_url, records):
    index_records(records, archive_url)
    text = HUYEN_DOAN.replace("Giàng A Phử", "Sùng A Páo")
    changed = make_record("huyen_doan_2022", text, date="2022-03-20", date_quote="20/3/2022",
                          host="Huyện đoàn Tủa Chùa", people=(("Sùng A Páo", ["Phó Bí thư Tỉnh đoàn"], ["attendee"]),))
    assert index_records([changed], archive_url) == IndexReport(replaced=1)
    with open_archive(archive_url) as archive:
        assert archive.search(person="giang a phu") == []
        assert _ids(archive.search(person="sung a pao")) == ["huyen_doan_2022"]
        assert archive.counts()["people"] == 3  # Lâm Đức Xuân, Vàng Thị Mỷ, Sùng A Páo
        assert archive.record("huyen_doan_2022") == changed


def test_index_error_mid_batch_leaves_archive_as_before(archive_url, records, monkeypatch):
    index_records(records[:1], archive_url)
    real = rows_mod.article_rows
    calls = []

    def fail_on_second(record, **kw):
        calls.append(record.doc_id)
        if len(calls) == 2:
            raise RuntimeError(f"{record.doc_id}: disk on fire")
        return real(record, **kw)

    monkeypatch.setattr(rows_mod, "article_rows", fail_on_second)
    with open_archive(archive_url) as archive:
        with pytest.raises(RuntimeError, match="disk on fire"):
            archive.index_records(records[1:])
        assert archive.counts()["articles"] == 1
        assert archive.search("dien bien") == []


def test_index_batches_commit_one_by_one(archive_url, records, monkeypatch):
    real = rows_mod.article_rows

    def fail_on_third(record, **kw):
        if record.doc_id == records[2].doc_id:
            raise RuntimeError("stop")
        return real(record, **kw)

    monkeypatch.setattr(rows_mod, "article_rows", fail_on_third)
    with open_archive(archive_url) as archive:
        with pytest.raises(RuntimeError):
            archive.index_records(records, batch_size=2)
        assert sorted(_ids(archive.search("hoi nghi"))) == ["so_y_te_2023", "tinh_uy_2024"]


def test_open_refuses_newer_schema(archive_url, records):
    index_records(records, archive_url)
    with open_archive(archive_url) as archive:
        archive.conn.execute("INSERT INTO archive_schema (version, name, applied_at) VALUES (99, 'future', 'x')")
    with pytest.raises(ArchiveError, match="schema version 99 is newer"):
        open_archive(archive_url)


def test_search_by_filters_alone_lists_newest_meeting_first(archive):
    # "tỉnh" is in each article's host or a title; indexed oldest meeting last, listed newest first.
    assert _ids(archive.search(body="tinh")) == ["tinh_uy_2024", "so_y_te_2023", "huyen_doan_2022"]


def test_search_words_with_a_body_filter_list_newest_meeting_first(archive):
    assert _ids(archive.search("hội nghị", body="tinh")) == ["tinh_uy_2024", "so_y_te_2023", "huyen_doan_2022"]


def test_store_indexes_an_article_read_with_a_stray_nul_on_each_backend(archive_url, tmp_path):
    from hoinghi.pipeline.inputs.readers import Article, read_inputs

    src = tmp_path / "nul.txt"
    src.write_bytes("Ngày 5/4/2024, Đoàn xã tổ chức hội nghị.\x00 Đồng chí Hà Thị Lan chủ trì.".encode("utf-8"))
    [article] = read_inputs([src])
    assert isinstance(article, Article)
    with open_archive(archive_url) as archive:
        archive.index_records([make_record("nul", article.text)])
        assert [hit.doc_id for hit in archive.search("ha thi lan")] == ["nul"]
        assert archive.record("nul").text == article.text
