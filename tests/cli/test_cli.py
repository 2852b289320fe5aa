import fcntl
import gzip
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import time
import unicodedata
from pathlib import Path

from click.testing import CliRunner

from hoinghi.pipeline.cli.main import main
from hoinghi.schemas import ArticleFacts
from tests.conftest import ROOT

SEED = "000_b778848fc66e39d6"


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_cli_every_command_has_help_with_an_example():
    for name, command in main.commands.items():
        assert "Example:" in (command.help or ""), name


def test_cli_extract_bundled_corpus(tmp_path):
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(main, ["extract", str(ROOT / "corpus" / "articles"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    records = [ArticleFacts.model_validate(r) for r in _lines(out)]
    assert len(records) == len(list((ROOT / "corpus" / "articles").glob("*.txt")))


def test_cli_bad_documents_go_to_errors_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text("Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ.", encoding="utf-8")
    (folder / "b_empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "c_binary.txt").write_bytes(b"\x00\x01\x02\x89PNG\x00" * 50)
    (folder / "d_html.txt").write_text("<html><body><p>Hội nghị</p></body></html>", encoding="utf-8")
    (folder / "e_nfd.txt").write_text(unicodedata.normalize("NFD", "Chiều 5/3/2024, Sở Y tế tổ chức hội nghị."),
                                      encoding="utf-8")
    (folder / "f_big.txt").write_text("Hội nghị cán bộ. " * 400_000, encoding="utf-8")
    (folder / "g_lines.jsonl").write_text('{"id": "j1", "text": "Ngày 12/12/2023, Hội Nông dân tổ chức hội nghị."}\n'
                                          '{"id": "j2", "text": \n', encoding="utf-8")
    out, errors = tmp_path / "facts.jsonl", tmp_path / "facts.errors.jsonl"
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert [r["doc_id"] for r in _lines(out)] == ["a_good", "e_nfd", "j1"]
    reasons = {e["doc_id"]: e["reason"] for e in _lines(errors)}
    assert reasons["b_empty"] == "empty" and reasons["c_binary"] == "binary" and reasons["d_html"] == "html"
    assert reasons["f_big"] == "too_large"
    assert any(r == "bad_json" for r in reasons.values())
    assert all(e["message"].startswith(e["doc_id"]) for e in _lines(errors))


def test_cli_nfd_article_keeps_original_offsets(tmp_path):
    text = unicodedata.normalize("NFD", "Chiều 5/3/2024, Sở Y tế tổ chức hội nghị.")
    src = tmp_path / "nfd.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q"])
    rec = _lines(out)[0]
    ev = rec["meeting"]["date_evidence"]
    assert rec["meeting"]["date"] == "2024-03-05" and text[ev["start"]:ev["end"]] == ev["text"]


def test_cli_reads_gzip_jsonl_with_published(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "Sáng 15-1, Sở Tư pháp tổ chức hội nghị.", "published": "2024-01-15"}) + "\n")
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0
    assert _lines(out)[0]["meeting"]["date"] == "2024-01-15"


def test_cli_show_prints_facts_with_evidence(tmp_path):
    out = tmp_path / "facts.jsonl"
    CliRunner().invoke(main, ["extract", str(ROOT / "corpus" / "articles" / f"{SEED}.txt"), "-o", str(out), "-q"])
    result = CliRunner().invoke(main, ["show", str(out), "--doc", SEED])
    assert result.exit_code == 0
    assert "Lâm Đức Xuân" in result.output and "«26/01/2024»" in result.output


def test_cli_show_unknown_doc_fails_cleanly(tmp_path):
    out = tmp_path / "facts.jsonl"
    out.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["show", str(out), "--doc", "khong"])
    assert result.exit_code == 1 and "khong: not in" in result.output


def test_cli_evaluate_prints_table(tmp_path):
    out = tmp_path / "facts.jsonl"
    CliRunner().invoke(main, ["extract", str(ROOT / "corpus" / "articles"), "-o", str(out), "-q"])
    result = CliRunner().invoke(main, ["evaluate", str(ROOT / "corpus" / "gold.jsonl"), str(out)])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].split() == ["field", "P", "R", "F1", "tp", "fp", "fn"]


def test_cli_a_crashing_document_is_reported_and_the_rest_written(tmp_path, monkeypatch):
    from hoinghi.pipeline.nlp.extractor import Extractor

    real = Extractor.extract

    def flaky(self, text, *, doc_id, meta=None):
        if doc_id == "b_crash":
            raise KeyError("boom")
        return real(self, text, doc_id=doc_id, meta=meta)

    monkeypatch.setattr(Extractor, "extract", flaky)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a_ok", "b_crash", "c_ok"):
        (folder / f"{name}.txt").write_text("Ngày 12/12/2023, Sở Tư pháp tổ chức hội nghị.", encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert [r["doc_id"] for r in _lines(out)] == ["a_ok", "c_ok"]
    assert _lines(tmp_path / "facts.errors.jsonl")[0]["reason"] == "crash"


# --------------------------------------------------------------------------- batch runs: inputs, jobs, interrupts

HOINGHI = str(Path(sys.executable).with_name("hoinghi"))
HOI_NGHI = "Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023."
PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hội nghị cán bộ - Báo Lai Châu</title>
<meta property="article:published_time" content="2024-01-15T16:20:00+07:00"></head><body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li></ul></nav>
<article><h1>Sở Tư pháp tổng kết công tác năm 2023</h1>
<p>Sáng 15-1, Sở Tư pháp tổ chức hội nghị tổng kết công tác tư pháp năm 2023, triển khai nhiệm vụ năm 2024.</p>
<p>Đồng chí Nguyễn Văn Hùng, Giám đốc Sở Tư pháp chủ trì hội nghị.</p>
<p>Năm 2023, ngành tư pháp hoàn thành 15/15 chỉ tiêu, đạt 100% kế hoạch đề ra.</p>
<p>Dịp này, Sở Tư pháp khen thưởng 4 tập thể và 11 cá nhân có thành tích xuất sắc.</p></article>
<footer>Bản quyền thuộc Báo Lai Châu</footer></body></html>"""


def _many_articles(path, count):
    """A JSONL of short, distinct articles, enough for a run that can be interrupted."""
    units = ["Văn phòng Huyện ủy", "Sở Tư pháp", "Bệnh viện Đa khoa tỉnh", "Công đoàn ngành Giáo dục", "Hội Nông dân xã"]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            text = (f"Sáng ngày {i % 28 + 1}/01/2024, {units[i % len(units)]} tổ chức Hội nghị cán bộ, công chức năm 2023. "
                    f"Đồng chí Lò Văn Minh chủ trì hội nghị; {i % 90 + 10}% chỉ tiêu được hoàn thành.")
            fh.write(json.dumps({"id": f"bai_{i:04d}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _wait_for_lines(path, count, proc, limit=60.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} did not reach {count} lines (exit code {proc.poll()})")


def _children(pid):
    """Pids whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _resume_completes(src, out, count):
    done = subprocess.run([HOINGHI, "extract", str(src), "-o", str(out), "--resume", "-j", "2"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "skipped" in done.stderr
    ids = [r["doc_id"] for r in _lines(out)]
    assert len(ids) == len(set(ids)) == count


def test_cli_extract_mixed_folder_of_pages_text_and_jsonl(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_bai.txt").write_text(HOI_NGHI, encoding="utf-8")
    (folder / "b_trang.html").write_text(PAGE, encoding="utf-8")
    with gzip.open(folder / "c_trang.htm.gz", "wt", encoding="utf-8") as fh:
        fh.write(PAGE)
    with gzip.open(folder / "d_lo.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "d1", "text": HOI_NGHI, "published": "2024-01-26T08:00:00+07:00"}) + "\n")
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-q", "-j", "2"])
    assert result.exit_code == 0, result.output
    records = _lines(out)
    assert [r["doc_id"] for r in records] == ["a_bai", "b_trang", "c_trang", "d1"]
    page = records[1]
    assert page["meta"]["published"] == "2024-01-15" and page["meeting"]["date"] == "2024-01-15"
    assert page["meta"]["title"] == "Sở Tư pháp tổng kết công tác năm 2023" and "Trang chủ" not in page["text"]


def test_cli_extract_reads_jsonl_from_stdin(tmp_path):
    out = tmp_path / "facts.jsonl"
    stdin = "".join(json.dumps({"id": f"s{i}", "text": HOI_NGHI}, ensure_ascii=False) + "\n" for i in range(3))
    result = CliRunner().invoke(main, ["extract", "-", "-o", str(out), "-q", "-j", "1"], input=stdin)
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in _lines(out)] == ["s0", "s1", "s2"]
    assert _lines(out)[0]["meeting"]["date"] == "2024-01-26"


def test_cli_extract_resume_to_stdout_fails_cleanly(tmp_path):
    src = _many_articles(tmp_path / "in.jsonl", 2)
    result = CliRunner().invoke(main, ["extract", str(src), "--resume"])
    assert result.exit_code == 1 and "--resume needs an output file" in result.output


def test_cli_extract_quiet_when_piped(tmp_path):
    src = _many_articles(tmp_path / "in.jsonl", 5)
    done = subprocess.run([HOINGHI, "extract", str(src), "-j", "1"], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)  # its errors file, hoinghi.errors.jsonl, goes there
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 5 and all(json.loads(line) for line in done.stdout.splitlines())
    assert "\r" not in done.stderr and "doc/s" not in done.stderr
    assert done.stderr.startswith("documents read 5, extracted 5, failed 0")


def test_cli_extract_progress_bar_on_a_terminal(tmp_path):
    src = _many_articles(tmp_path / "in.jsonl", 5)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a 100-column terminal
    try:
        done = subprocess.run([HOINGHI, "extract", str(src), "-o", str(tmp_path / "o.jsonl"), "-j", "1"],
                              stderr=follower, stdout=subprocess.DEVNULL, timeout=120)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed and everything was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0
    assert b"5/5" in shown and b"doc/s" in shown


def test_cli_extract_ctrl_c_leaves_whole_records_and_resume_completes(tmp_path):
    src, out = _many_articles(tmp_path / "in.jsonl", 600), tmp_path / "facts.jsonl"
    proc = subprocess.Popen([HOINGHI, "extract", str(src), "-o", str(out), "-j", "2", "-q"],
                            start_new_session=True, stderr=subprocess.PIPE, text=True)
    _wait_for_lines(out, 20, proc)
    os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C does: the whole process group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "--resume" in stderr
    assert out.read_bytes().endswith(b"\n")
    assert 20 <= len(_lines(out)) < 600
    _resume_completes(src, out, 600)


def test_cli_extract_killed_run_leaves_whole_records_no_workers_and_resume_completes(tmp_path):
    src, out = _many_articles(tmp_path / "in.jsonl", 600), tmp_path / "facts.jsonl"
    proc = subprocess.Popen([HOINGHI, "extract", str(src), "-o", str(out), "-j", "2", "-q"])
    _wait_for_lines(out, 20, proc)
    workers = _children(proc.pid)
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) == 2 and not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert out.read_bytes().endswith(b"\n") and len(_lines(out)) < 600
    _resume_completes(src, out, 600)


def test_cli_extract_min_confidence_leaves_out_less_certain_facts(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Sáng ngày 14/3/2024, Hội Cựu chiến binh xã tổ chức hội nghị. "
                                           "Hội khen thưởng 4 tập thể và 11 cá nhân.", encoding="utf-8")
    every, sure = tmp_path / "all.jsonl", tmp_path / "sure.jsonl"
    for out, extra in ((every, []), (sure, ["--min-confidence", "1"])):
        result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out), "-q", "-j", "1", *extra])
        assert result.exit_code == 0, result.output
    full, kept = _lines(every)[0], _lines(sure)[0]
    assert full["awards"] and all(a["confidence"] is not None for a in full["awards"])
    assert [a for a in full["awards"] if a["confidence"] >= 1] == kept["awards"]
    assert len(kept["awards"]) < len(full["awards"])


def test_cli_show_lists_quantities_with_bound_and_evidence(tmp_path):
    src = tmp_path / "dh.txt"
    src.write_text("Sáng 5/10/2025, Hội Nông dân xã tổ chức Đại hội. Đại hội có hơn 120 đại biểu.", encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    CliRunner().invoke(main, ["extract", str(src), "-o", str(out), "-q"])
    result = CliRunner().invoke(main, ["show", str(out), "--doc", "dh"])
    assert "quantities (1)\n  hơn 120 đại biểu result: đại biểu" in result.output
    assert "«hơn 120 đại biểu»" in result.output


def test_cli_extract_output_that_is_the_input_exits_2_naming_both(tmp_path):
    src = tmp_path / "b.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Sáng 15-1, Sở Tư pháp tổ chức hội nghị tổng kết năm 2023."},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    before = src.read_bytes()
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(src), "-q"])
    assert result.exit_code == 2
    assert result.output.count(str(src)) == 2 and "Traceback" not in result.output
    assert src.read_bytes() == before


def test_cli_extract_output_that_cannot_be_written_exits_74_with_one_line(tmp_path):
    src = tmp_path / "rong.txt"
    src.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(src), "-o", str(tmp_path / "facts.jsonl"),
                                       "--errors", "/dev/full", "-q", "-j", "1"])
    assert result.exit_code == 74
    assert result.output == "Error: /dev/full: cannot write: No space left on device\n"


def test_cli_show_finds_a_doc_of_an_nfd_file_name_typed_in_nfc(tmp_path):
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / (unicodedata.normalize("NFD", "hội_nghị") + ".txt")).write_text(
        "Sáng 15-1, Sở Tư pháp tổ chức hội nghị tổng kết công tác tư pháp năm 2023.", encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-q", "-j", "1"])
    result = CliRunner().invoke(main, ["show", str(out), "--doc", "hội_nghị"])
    assert result.exit_code == 0 and result.output.startswith("# hội_nghị")
