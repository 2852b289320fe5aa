"""Tests for pipeline.inputs.readers: .txt, .jsonl, gzip, folders, stdin and per-document errors."""
from __future__ import annotations

import gzip
import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from hoinghi.pipeline.inputs.decoding import load_tables
from hoinghi.pipeline.inputs.readers import Article, HtmlPage, ReadError, count_documents, iter_documents, read_inputs

HOI_NGHI = "Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023."
DAI_HOI = "Chiều 15/3, Đảng ủy xã Tân Lập tổ chức Đại hội đại biểu nhiệm kỳ 2025 - 2030."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def jsonl(*records: dict | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def news_page(*paragraphs: str, head: str = "", dateline: str = "") -> str:
    """A saved news page as provincial sites write them: menus, a sidebar, comments and a footer around the article."""
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023 - Báo Điện Biên Phủ</title>
{head}
</head><body>
<header><nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri">Chính trị</a></li>
<li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li><li><a href="/the-thao">Thể thao</a></li></ul></nav>
<div class="weather">Điện Biên Phủ 24°C, trời nắng</div></header>
<main><article class="detail">
<h1>Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023</h1>
{dateline}
{body}<p class="author">Hoàng Nam</p>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/tin-1">Sở Y tế triển khai nhiệm vụ năm 2024</a></li>
<li><a href="/tin-2">Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15</a></li></ul></aside>
<div class="comments"><h3>Bình luận</h3><p>Bạn đọc Minh Anh: Bài viết rất hay, cảm ơn tòa soạn!</p></div>
</main>
<footer><p>Bản quyền thuộc Báo Điện Biên Phủ. Giấy phép số 123/GP-BTTTT.</p></footer>
</body></html>"""


PAGE_HEAD = """<link rel="canonical" href="https://baodienbien.vn/hoi-nghi-can-bo-cong-chuc-nam-2023">
<meta property="og:site_name" content="Báo Điện Biên Phủ">
<meta property="article:published_time" content="2024-01-26T15:30:00+07:00">"""
CHU_TRI = "Đồng chí Lò Văn Minh, Chánh Văn phòng Huyện ủy chủ trì hội nghị."
ARTICLE = (
    HOI_NGHI,
    CHU_TRI,
    "Năm 2023, Văn phòng Huyện ủy đã hoàn thành 12/12 chỉ tiêu được giao, đạt 100% kế hoạch; 95% cán bộ, "
    "công chức được đánh giá hoàn thành tốt nhiệm vụ.",
    "Dịp này, Văn phòng Huyện ủy khen thưởng 3 tập thể và 7 cá nhân có thành tích xuất sắc trong thực hiện "
    "nhiệm vụ năm 2023.",
)


def read(*paths: str | Path, max_chars: int = 1_000_000) -> list[Article | ReadError]:
    return list(read_inputs(paths, max_chars=max_chars))


def only(*paths: str | Path, max_chars: int = 1_000_000) -> Article | ReadError:
    (result,) = read(*paths, max_chars=max_chars)
    return result


# --------------------------------------------------------------------------- .txt

def test_read_inputs_txt_gives_article_named_by_stem(tmp_path: Path) -> None:
    path = write(tmp_path / "w1_03.txt", HOI_NGHI)
    assert only(path) == Article("w1_03", HOI_NGHI, {"path": str(path), "encoding": "utf-8"})


def test_read_inputs_nfd_text_passes_through_unchanged(tmp_path: Path) -> None:
    text = unicodedata.normalize("NFD", HOI_NGHI)
    result = only(write(tmp_path / "w1_03.txt", text))
    assert isinstance(result, Article) and result.text == text.replace("\x00", "\ufffd")


def test_read_inputs_legacy_txt_converted_and_encoding_recorded(tmp_path: Path) -> None:
    result = only(write(tmp_path / "tcvn3.txt", b"H\xe9i ngh\xde c\xb8n b\xe9, c\xabng ch\xf8c n\xa8m 2023"))
    assert isinstance(result, Article)
    assert (result.text, result.meta["encoding"]) == ("Hội nghị cán bộ, công chức năm 2023", "tcvn3")


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "w1_03: text is empty"), ("  \n\t \u3000\n", "w1_03: text is only whitespace"), ("\ufeff \n", "only whitespace")],
)
def test_read_inputs_empty_text_is_an_error(tmp_path: Path, content: str, message: str) -> None:
    result = only(write(tmp_path / "w1_03.txt", content))
    assert isinstance(result, ReadError) and result.reason == "empty" and message in result.message


def test_read_inputs_binary_file_is_an_error(tmp_path: Path) -> None:
    result = only(write(tmp_path / "scan.txt", b"%PDF-1.7\n\x00\x01\x02 stream"))
    assert isinstance(result, ReadError)
    assert (result.reason, result.doc_id) == ("binary", "scan")
    assert result.message.startswith("scan: binary data")


def test_read_inputs_undecodable_file_is_an_encoding_error(tmp_path: Path) -> None:
    result = only(write(tmp_path / "fr.txt", "Le conseil a élu un député très âgé.".encode("cp1252")))
    assert isinstance(result, ReadError) and result.reason == "encoding" and "UTF-8" in result.message


def test_read_inputs_unconvertible_legacy_names_encoding(tmp_path: Path) -> None:
    result = only(write(tmp_path / "old.txt", b"H\xe9i ngh\xde c\xb8n b\xe9 n\xa8m 2023 \x81"))
    assert isinstance(result, ReadError) and result.reason == "encoding" and "TCVN3" in result.message


@pytest.mark.parametrize(
    "content",
    [
        "<!DOCTYPE html><html><head><title>Tin</title></head><body>" + HOI_NGHI + "</body></html>",
        "<p>" + HOI_NGHI + "</p>\n<p>" + DAI_HOI + "</p>",
        '<div class="content"><span>' + HOI_NGHI + "</span></div>",
    ],
)
def test_read_inputs_html_in_txt_is_an_error(tmp_path: Path, content: str) -> None:
    result = only(write(tmp_path / "page.txt", content))
    assert isinstance(result, ReadError) and result.reason == "html" and ".html" in result.message


@pytest.mark.parametrize(
    "content",
    [HOI_NGHI + " Tỷ lệ đạt <5% so với kế hoạch.", "Chỉ tiêu a < b và c > d được giữ nguyên. " + DAI_HOI],
)
def test_read_inputs_angle_brackets_in_prose_are_not_html(tmp_path: Path, content: str) -> None:
    assert isinstance(only(write(tmp_path / "w.txt", content)), Article)


def test_read_inputs_text_longer_than_max_chars_is_too_large(tmp_path: Path) -> None:
    result = only(write(tmp_path / "long.txt", HOI_NGHI), max_chars=50)
    assert isinstance(result, ReadError) and result.reason == "too_large"
    assert f"{len(HOI_NGHI):,} characters" in result.message and "50" in result.message


def test_read_inputs_huge_file_is_too_large_without_decoding(tmp_path: Path) -> None:
    result = only(write(tmp_path / "huge.txt", "a" * 500), max_chars=100)
    assert isinstance(result, ReadError) and result.reason == "too_large" and "bytes" in result.message


@pytest.mark.parametrize(("name", "reason"), [("missing.txt", "unreadable"), ("notes.md", "unreadable")])
def test_read_inputs_missing_or_unsupported_path_is_unreadable(tmp_path: Path, name: str, reason: str) -> None:
    if name.endswith(".md"):
        write(tmp_path / name, HOI_NGHI)
    result = only(tmp_path / name)
    assert isinstance(result, ReadError) and result.reason == reason and result.doc_id == Path(name).stem


def test_read_inputs_errors_do_not_stop_iteration(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", HOI_NGHI)
    results = read(tmp_path / "missing.txt", write(tmp_path / "empty.txt", ""), good)
    assert [type(r).__name__ for r in results] == ["ReadError", "ReadError", "Article"]


# --------------------------------------------------------------------------- gzip

def test_read_inputs_txt_gz_is_decompressed(tmp_path: Path) -> None:
    result = only(write(tmp_path / "w1_04.txt.gz", HOI_NGHI))
    assert isinstance(result, Article) and (result.doc_id, result.text) == ("w1_04", HOI_NGHI)


def test_read_inputs_jsonl_gz_is_decompressed(tmp_path: Path) -> None:
    result = only(write(tmp_path / "batch.jsonl.gz", jsonl({"id": "bai_01", "text": DAI_HOI})))
    assert isinstance(result, Article) and (result.doc_id, result.text) == ("bai_01", DAI_HOI)


def test_read_inputs_corrupt_gzip_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(gzip.compress(HOI_NGHI.encode())[:20])
    result = only(path)
    assert isinstance(result, ReadError) and result.reason == "unreadable" and result.doc_id == "broken"


# --------------------------------------------------------------------------- JSONL

def test_read_inputs_jsonl_records_keep_order_and_meta(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", jsonl(
        {"id": "bai_01", "text": HOI_NGHI, "url": "https://example.vn/bai-1", "published": "2024-01-26",
         "source": "Báo Điện Biên Phủ"},
        {"id": "bai_02", "text": DAI_HOI},
    ))
    first, second = read(path)
    assert first == Article("bai_01", HOI_NGHI, {
        "path": str(path), "url": "https://example.vn/bai-1", "published": "2024-01-26",
        "source": "Báo Điện Biên Phủ", "encoding": "utf-8"})
    assert isinstance(second, Article) and second.doc_id == "bai_02"


def test_read_inputs_jsonl_bad_line_keeps_next_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", jsonl({"id": "a", "text": HOI_NGHI}, '{"id": "b", "text": ', {"id": "c", "text": DAI_HOI}))
    results = read(path)
    assert [r.doc_id for r in results] == ["a", f"{path}:2", "c"]
    error = results[1]
    assert isinstance(error, ReadError) and error.reason == "bad_json" and error.source == f"{path}:2"
    assert f"{path}:2" in error.message


def test_read_inputs_jsonl_blank_lines_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", "\n" + jsonl({"id": "a", "text": HOI_NGHI}) + "  \n")
    assert [r.doc_id for r in read(path)] == ["a"]


@pytest.mark.parametrize(
    ("record", "doc_id", "problem"),
    [
        ({"text": HOI_NGHI}, None, 'no "id"'),
        ({"id": "", "text": HOI_NGHI}, None, 'no "id"'),
        ({"id": "bai_07"}, "bai_07", 'no "text"'),
        ({"id": "bai_07", "text": ["Hội nghị"]}, "bai_07", '"text" must be a string, got an array'),
        ({"id": "bai_07", "text": HOI_NGHI, "url": 5}, "bai_07", '"url" must be a string'),
        (["bai_07", HOI_NGHI], None, "expected a JSON object"),
    ],
)
def test_read_inputs_jsonl_bad_record(tmp_path: Path, record: object, doc_id: str | None, problem: str) -> None:
    path = write(tmp_path / "batch.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    result = only(path)
    assert isinstance(result, ReadError) and result.reason == "bad_record"
    assert result.doc_id == (doc_id or f"{path}:1") and result.source == f"{path}:1"
    assert problem in result.message


@pytest.mark.parametrize(
    "published", ["26/01/2024", "2024-1-26", "2024-02-30", "2024-01-26T25:00:00+07:00", "2024-01-26 sáng", "2024"]
)
def test_read_inputs_jsonl_published_must_be_iso_date(tmp_path: Path, published: str) -> None:
    path = write(tmp_path / "batch.jsonl", jsonl({"id": "bai_08", "text": HOI_NGHI, "published": published}))
    result = only(path)
    assert isinstance(result, ReadError) and result.reason == "bad_record"
    assert "YYYY-MM-DD" in result.message and published in result.message


@pytest.mark.parametrize(
    "published", ["2024-01-26T08:00:00+07:00", "2024-01-26T23:30:00Z", "2024-01-26 08:00:00", "2024-01-26T08:00"]
)
def test_read_inputs_jsonl_published_time_cut_to_its_day(tmp_path: Path, published: str) -> None:
    result = only(write(tmp_path / "batch.jsonl", jsonl({"id": "bai_08", "text": HOI_NGHI, "published": published})))
    assert isinstance(result, Article) and result.meta["published"] == "2024-01-26"


def test_read_inputs_jsonl_integer_id_becomes_string(tmp_path: Path) -> None:
    result = only(write(tmp_path / "batch.jsonl", jsonl({"id": 17, "text": HOI_NGHI})))
    assert isinstance(result, Article) and result.doc_id == "17"


@pytest.mark.parametrize(
    ("text", "reason"),
    [("   ", "empty"), ("<div><p>" + HOI_NGHI + "</p></div>", "html"), ("a\x00b" * 10, "binary")],
)
def test_read_inputs_jsonl_text_checked_like_files(tmp_path: Path, text: str, reason: str) -> None:
    result = only(write(tmp_path / "batch.jsonl", jsonl({"id": "bai_09", "text": text})))
    assert isinstance(result, ReadError) and (result.reason, result.doc_id) == (reason, "bai_09")
    assert result.message.startswith("bai_09 (")


def test_read_inputs_text_with_a_few_stray_control_characters_is_an_article(tmp_path: Path) -> None:
    text = HOI_NGHI.replace("Hội nghị", "Hội\x07 nghị") + "\x00"
    result = only(write(tmp_path / "batch.jsonl", jsonl({"id": "bai_11", "text": text})))
    assert isinstance(result, Article) and result.text == text.replace("\x00", "\ufffd")


def test_read_inputs_jsonl_too_large_text(tmp_path: Path) -> None:
    result = only(write(tmp_path / "batch.jsonl", jsonl({"id": "bai_10", "text": HOI_NGHI})), max_chars=40)
    assert isinstance(result, ReadError) and result.reason == "too_large"


def test_read_inputs_jsonl_overlong_line_skipped(tmp_path: Path) -> None:
    long_line = jsonl({"id": "big", "text": "x" * 70_000})
    path = write(tmp_path / "batch.jsonl", long_line + jsonl({"id": "ok", "text": "Hội nghị cán bộ"}))
    big, ok = read(path, max_chars=20)
    assert isinstance(big, ReadError) and big.reason == "too_large" and big.doc_id == f"{path}:1"
    assert isinstance(ok, Article) and ok.doc_id == "ok"


def test_read_inputs_jsonl_invalid_utf8_line_is_bad_json(tmp_path: Path) -> None:
    path = write(tmp_path / "batch.jsonl", b'{"id": "a", "text": "H\xe9i ngh\xde"}\n')
    result = only(path)
    assert isinstance(result, ReadError) and result.reason == "bad_json" and "UTF-8" in result.message


def test_read_inputs_jsonl_legacy_text_repaired(tmp_path: Path) -> None:
    shown = "Héi nghÞ c¸n bé, c«ng chøc n¨m 2023"  # TCVN3 bytes read as Windows-1252 by a scraper
    result = only(write(tmp_path / "batch.jsonl", jsonl({"id": "bai_11", "text": shown})))
    assert isinstance(result, Article)
    assert (result.text, result.meta["encoding"]) == ("Hội nghị cán bộ, công chức năm 2023", "tcvn3-in-utf-8")


def test_read_inputs_jsonl_is_streamed() -> None:
    class Lines(io.StringIO):
        reads = 0

        def readline(self, *args: int) -> str:  # type: ignore[override]
            Lines.reads += 1
            return super().readline(*args)

    stream = Lines(jsonl({"id": "a", "text": HOI_NGHI}, {"id": "b", "text": DAI_HOI}, {"id": "c", "text": DAI_HOI}))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys, "stdin", stream)
        results = read_inputs(["-"])
        assert next(results).doc_id == "a" and Lines.reads == 1
        assert [r.doc_id for r in results] == ["b", "c"]


# --------------------------------------------------------------------------- stdin

def test_read_inputs_stdin_text_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl({"id": "a", "text": HOI_NGHI}, "not json")))
    article, error = read_inputs(["-"])
    assert isinstance(article, Article) and article.meta == {"encoding": "utf-8"}
    assert isinstance(error, ReadError) and error.doc_id == "<stdin>:2" and error.reason == "bad_json"


def test_read_inputs_stdin_binary_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    data = jsonl({"id": "a", "text": DAI_HOI}).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))
    (article,) = read_inputs(["-"])
    assert isinstance(article, Article) and article.text == DAI_HOI


# --------------------------------------------------------------------------- folders

def test_read_inputs_folder_sorted_recursive_txt_and_jsonl(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", DAI_HOI)
    write(tmp_path / "a.jsonl", jsonl({"id": "a1", "text": HOI_NGHI}, {"id": "a2", "text": DAI_HOI}))
    write(tmp_path / "sub" / "c.txt.gz", HOI_NGHI)
    write(tmp_path / "sub" / "0.txt", HOI_NGHI)
    write(tmp_path / "notes.md", HOI_NGHI)
    write(tmp_path / ".cache" / "z.txt", HOI_NGHI)
    assert [r.doc_id for r in read(tmp_path)] == ["a1", "a2", "b", "0", "c"]


def test_read_inputs_empty_folder_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.md", HOI_NGHI)
    result = only(tmp_path)
    assert isinstance(result, ReadError) and result.reason == "empty" and "no .txt, .html/.htm or .jsonl" in result.message


def test_read_inputs_stdin_missing_is_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    (error,) = read_inputs(["-"])
    assert isinstance(error, ReadError) and error.reason == "unreadable" and error.doc_id == "<stdin>"


# --------------------------------------------------------------------------- web pages

def test_read_inputs_html_page_gives_article_title_url_and_date(tmp_path: Path) -> None:
    path = write(tmp_path / "hoi-nghi.html", news_page(*ARTICLE, head=PAGE_HEAD))
    result = only(path)
    assert isinstance(result, Article) and result.doc_id == "hoi-nghi"
    assert result.meta == {
        "path": str(path), "encoding": "utf-8",
        "title": "Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023",
        "url": "https://baodienbien.vn/hoi-nghi-can-bo-cong-chuc-nam-2023",
        "published": "2024-01-26", "source": "Báo Điện Biên Phủ"}


def test_read_inputs_html_page_text_leaves_out_menus_sidebar_and_comments(tmp_path: Path) -> None:
    result = only(write(tmp_path / "hoi-nghi.html", news_page(*ARTICLE, head=PAGE_HEAD)))
    assert isinstance(result, Article)
    assert all(paragraph in result.text.splitlines() for paragraph in ARTICLE)
    for furniture in ("Trang chủ", "Tin liên quan", "Sở Y tế triển khai", "Bạn đọc", "Bản quyền", "24°C"):
        assert furniture not in result.text


def test_read_inputs_html_page_date_from_time_element(tmp_path: Path) -> None:
    page = news_page(DAI_HOI, *ARTICLE[1:], dateline='<time datetime="2025-03-15T09:00:00+07:00">Thứ Bảy, 15/3/2025 09:00</time>')
    result = only(write(tmp_path / "dai-hoi.htm", page))
    assert isinstance(result, Article) and result.meta["published"] == "2025-03-15"


def test_read_inputs_html_page_date_not_guessed_from_the_words(tmp_path: Path) -> None:
    result = only(write(tmp_path / "dai-hoi.html", news_page(*ARTICLE)))
    assert isinstance(result, Article) and "published" not in result.meta and "url" not in result.meta


def test_read_inputs_html_gz_page_is_decompressed(tmp_path: Path) -> None:
    result = only(write(tmp_path / "hoi-nghi.html.gz", news_page(*ARTICLE, head=PAGE_HEAD)))
    assert isinstance(result, Article) and result.doc_id == "hoi-nghi" and HOI_NGHI in result.text


def test_read_inputs_legacy_html_page_judged_on_its_words_not_its_scripts(tmp_path: Path) -> None:
    inverse = {char: seq for seq, char in load_tables().get("tcvn3").mapping.items()}
    page = news_page(*ARTICLE, head="<script>var menu = '" + "x" * 70_000 + "';</script>")
    data = b"".join(inverse[c] if c in inverse else c.encode("ascii", errors="replace") for c in page)
    result = only(write(tmp_path / "cu.html", data))
    assert isinstance(result, Article) and result.meta["encoding"] == "tcvn3"
    assert HOI_NGHI in result.text


def test_read_inputs_html_page_without_article_is_no_article(tmp_path: Path) -> None:
    app_shell = '<html><head><title>Đang tải...</title></head><body><div id="app"></div><script src="app.js"></script></body></html>'
    result = only(write(tmp_path / "loi-404.html", app_shell))
    assert isinstance(result, ReadError) and result.reason == "no_article"
    assert result.message.startswith("loi-404: ")


def test_iter_documents_pages_come_unparsed(tmp_path: Path) -> None:
    path = write(tmp_path / "hoi-nghi.html", news_page(*ARTICLE, head=PAGE_HEAD))
    (page,) = iter_documents([path])
    assert isinstance(page, HtmlPage) and page.doc_id == "hoi-nghi" and page.source == str(path)
    loaded = page.load()
    assert isinstance(loaded, Article) and loaded.meta["published"] == "2024-01-26"


def test_read_inputs_folder_mixes_txt_html_htm_jsonl_and_gz(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", HOI_NGHI)
    write(tmp_path / "b.html", news_page(*ARTICLE, head=PAGE_HEAD))
    write(tmp_path / "c.htm.gz", news_page(DAI_HOI, *ARTICLE[1:]))
    write(tmp_path / "d.jsonl.gz", jsonl({"id": "d1", "text": DAI_HOI}))
    write(tmp_path / "e.txt.gz", DAI_HOI)
    results = read(tmp_path)
    assert [r.doc_id for r in results] == ["a", "b", "c", "d1", "e"]
    assert all(isinstance(r, Article) for r in results)


def test_count_documents_counts_files_and_jsonl_lines(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", HOI_NGHI)
    write(tmp_path / "b.html", news_page(HOI_NGHI))
    write(tmp_path / "c.jsonl.gz", jsonl({"id": "c1", "text": DAI_HOI}, {"id": "c2", "text": DAI_HOI}) + "\n")
    write(tmp_path / "notes.md", HOI_NGHI)
    assert count_documents([tmp_path, tmp_path / "a.txt"]) == 5


def test_count_documents_stdin_is_unknown(tmp_path: Path) -> None:
    assert count_documents([write(tmp_path / "a.txt", HOI_NGHI), "-"]) is None


def test_read_inputs_nfd_file_name_gives_an_nfc_doc_id(tmp_path: Path) -> None:
    name = unicodedata.normalize("NFD", "hội_nghị_tổng_kết")
    write(tmp_path / f"{name}.txt", HOI_NGHI)
    [article] = read_inputs([tmp_path])
    assert article.doc_id == unicodedata.normalize("NFC", "hội_nghị_tổng_kết")


def test_read_inputs_jsonl_nfd_id_becomes_nfc(tmp_path: Path) -> None:
    result = only(write(tmp_path / "batch.jsonl", jsonl({"id": unicodedata.normalize("NFD", "bài_số_1"), "text": HOI_NGHI})))
    assert result.doc_id == "bài_số_1" and unicodedata.is_normalized("NFC", result.doc_id)


def test_read_inputs_bad_json_message_says_at_column_once(tmp_path: Path) -> None:
    result = only(write(tmp_path / "batch.jsonl", '{"id": "a", "text": "Hội\tnghị"}\n'))
    assert isinstance(result, ReadError) and result.reason == "bad_json"
    assert result.message.endswith("not valid JSON (Invalid control character at column 25)")
