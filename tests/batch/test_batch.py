"""Tests for pipeline.batch.run, pipeline.batch.workers and pipeline.batch.resume: worker processes, order, limits, resume.

Most tests use ``Scripted``, an extractor factory whose documents behave by
their id (``treo_*`` hangs, ``chet_*`` kills its worker, ``cham_*`` is slow)
and that builds records without loading models, so each test takes a second
or less; the real extractor is driven through the CLI tests.
"""
from __future__ import annotations

import gzip
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from hoinghi.pipeline.batch.resume import ResumeError, finished_records
from hoinghi.pipeline.batch.run import Summary, run_batch
from hoinghi.pipeline.batch.workers import Extracted, Failed, Skipped, Task, WorkerError, WorkerPool, process
from hoinghi.pipeline.errors import HoinghiError
from hoinghi.pipeline.inputs.readers import Article, ReadError
from hoinghi.schemas import ArticleFacts, SourceMeta
from hoinghi.schemas.models import text_sha1

HOI_NGHI = "Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023."
TONG_KET = "Sáng 15-1, Sở Tư pháp tổ chức hội nghị tổng kết công tác tư pháp năm 2023."
DAI_HOI = "Chiều 15/3/2025, Đảng ủy xã Tân Lập tổ chức Đại hội đại biểu lần thứ XV, nhiệm kỳ 2025 - 2030."


class _ScriptedExtractor:
    def extract(self, text: str, *, doc_id: str, meta: dict[str, str] | None = None) -> ArticleFacts:
        if doc_id.startswith("treo"):
            time.sleep(3600)
        if doc_id.startswith("chet"):
            os._exit(3)
        if doc_id.startswith("cham"):
            time.sleep(0.4)
        return ArticleFacts(doc_id=doc_id, text_sha1=text_sha1(text), text=text, meta=SourceMeta(**(meta or {})))


@dataclass(frozen=True)
class Scripted:
    """Extractor factory for tests; with ``log``, each build appends the worker's pid to it."""

    log: Path | None = None

    def __call__(self) -> _ScriptedExtractor:
        if self.log is not None:
            with open(self.log, "a", encoding="utf-8") as fh:
                fh.write(f"{os.getpid()}\n")
        return _ScriptedExtractor()


def _failing_factory() -> _ScriptedExtractor:
    raise OSError("underthesea model file is missing")


def jsonl(path: Path, *records: tuple[str, str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in records),
                    encoding="utf-8")
    return path


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def batch(tmp_path: Path, *inputs: Path, **options) -> Summary:
    options.setdefault("extractor_factory", Scripted())
    return run_batch([str(i) for i in inputs], tmp_path / "facts.jsonl", tmp_path / "facts.errors.jsonl", **options)


# --------------------------------------------------------------------------- one document

def test_process_read_error_becomes_failed() -> None:
    outcome = process(Scripted()(), ReadError("w1_03", "in/w1_03.txt", "empty", "w1_03: text is empty"))
    assert isinstance(outcome, Failed) and (outcome.error.reason, outcome.error.doc_id) == ("empty", "w1_03")


def test_process_finished_text_is_skipped() -> None:
    outcome = process(Scripted()(), Article("w1_03", HOI_NGHI), frozenset({text_sha1(HOI_NGHI)}))
    assert outcome == Skipped("w1_03", text_sha1(HOI_NGHI))


def test_process_record_is_one_json_line_with_fact_counts(extractor) -> None:
    outcome = process(extractor, Article("w1_03", HOI_NGHI, {"published": "2024-01-26"}))
    assert isinstance(outcome, Extracted) and "\n" not in outcome.line
    assert ArticleFacts.model_validate_json(outcome.line).meeting.date == "2024-01-26"
    assert outcome.facts["meeting_date"] == 1


# --------------------------------------------------------------------------- workers

def test_run_batch_output_keeps_input_order_with_two_jobs(tmp_path: Path) -> None:
    records = [("cham_00", HOI_NGHI)] + [(f"bai_{i:02d}", TONG_KET) for i in range(1, 12)] + [("cham_12", DAI_HOI)]
    summary = batch(tmp_path, jsonl(tmp_path / "in.jsonl", *records), jobs=2)
    assert summary.extracted == 13
    assert [r["doc_id"] for r in lines(tmp_path / "facts.jsonl")] == [doc_id for doc_id, _ in records]


def test_run_batch_each_worker_builds_its_extractor_once(tmp_path: Path) -> None:
    log = tmp_path / "builds.log"
    batch(tmp_path, jsonl(tmp_path / "in.jsonl", *[(f"bai_{i}", HOI_NGHI) for i in range(20)]), jobs=2,
          extractor_factory=Scripted(log))
    pids = log.read_text().split()
    assert len(pids) == 2 and len(set(pids)) == 2 and str(os.getpid()) not in pids


def test_run_batch_hanging_document_is_a_timeout_and_the_run_goes_on(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", ("a_dau", HOI_NGHI), ("treo_giua", TONG_KET), ("c_cuoi", DAI_HOI))
    summary = batch(tmp_path, source, jobs=1, timeout=1.0)
    assert [r["doc_id"] for r in lines(tmp_path / "facts.jsonl")] == ["a_dau", "c_cuoi"]
    (error,) = lines(tmp_path / "facts.errors.jsonl")
    assert (error["doc_id"], error["reason"]) == ("treo_giua", "timeout") and "1 s" in error["message"]
    assert summary.failed == {"timeout": 1}


def test_run_batch_document_that_kills_its_worker_is_a_crash_and_the_run_goes_on(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", ("a_dau", HOI_NGHI), ("chet_giua", TONG_KET), ("c_cuoi", DAI_HOI))
    summary = batch(tmp_path, source, jobs=1)
    assert [r["doc_id"] for r in lines(tmp_path / "facts.jsonl")] == ["a_dau", "c_cuoi"]
    (error,) = lines(tmp_path / "facts.errors.jsonl")
    assert (error["doc_id"], error["reason"]) == ("chet_giua", "crash") and "exit code 3" in error["message"]
    assert summary.failed == {"crash": 1}


def test_run_batch_time_limit_runs_from_when_a_document_is_begun(tmp_path: Path) -> None:
    # each takes 0.4 s; the second is sent while the first runs, and must not be charged that wait
    source = jsonl(tmp_path / "in.jsonl", *[(f"cham_{i}", TONG_KET) for i in range(3)])
    summary = batch(tmp_path, source, jobs=1, timeout=0.7)
    assert summary.extracted == 3 and summary.failed == {}


def test_worker_pool_sends_the_documents_behind_a_crash_to_the_new_worker(tmp_path: Path) -> None:
    tasks = [Task(Article(doc_id, HOI_NGHI)) for doc_id in ("chet_0", "bai_1", "bai_2", "chet_3", "bai_4")]
    with WorkerPool(1, factory=Scripted(), depth=3) as pool:
        outcomes = list(pool.run(tasks))
    assert [type(o).__name__ for o in outcomes] == ["Failed", "Extracted", "Extracted", "Failed", "Extracted"]
    assert pool.restarts == 2


def test_worker_pool_holds_at_most_window_documents(tmp_path: Path) -> None:
    taken: list[int] = []

    def tasks():
        for i in range(40):
            taken.append(i)
            yield Task(Article(f"bai_{i}", HOI_NGHI))

    with WorkerPool(1, factory=Scripted(), window=4) as pool:
        outcomes = pool.run(tasks())
        next(outcomes)
        assert len(taken) <= 5
        assert len(list(outcomes)) == 39


def _finishes(call, seconds: float = 20.0) -> list:
    """Run ``call`` in a thread; what it returned, or a failure if it is still running after ``seconds``."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds:g} s: the pool waits with nothing in flight"
    return result[0]


def test_worker_pool_long_run_of_ready_outcomes_does_not_hang() -> None:
    ready = [Skipped(f"bai_{i}", "0" * 40) for i in range(50)]

    def run() -> list:
        with WorkerPool(1, factory=Scripted(), window=4) as pool:
            return list(pool.run([*ready, Task(Article("cuoi", HOI_NGHI))]))

    outcomes = _finishes(run)
    assert [o.doc_id for o in outcomes] == [*(f"bai_{i}" for i in range(50)), "cuoi"]


def test_run_batch_many_empty_files_do_not_hang(tmp_path: Path) -> None:
    folder = tmp_path / "rong"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:03}.txt").write_text("", encoding="utf-8")
    summary = _finishes(lambda: batch(tmp_path, folder, jobs=1, window=4))
    assert (summary.read, summary.failed["empty"]) == (30, 30)


def test_worker_pool_extractor_that_cannot_load_is_a_worker_error() -> None:
    with pytest.raises(WorkerError, match="model file is missing"):
        with WorkerPool(1, factory=_failing_factory) as pool:
            list(pool.run([Task(Article("bai_01", HOI_NGHI))]))


# --------------------------------------------------------------------------- inputs

def test_run_batch_page_date_anchors_day_month_dates(tmp_path: Path) -> None:
    page = tmp_path / "tong-ket.html.gz"
    paragraphs = "".join(f"<p>{p}</p>" for p in (TONG_KET, "Đồng chí Nguyễn Văn Hùng, Giám đốc Sở Tư pháp chủ trì "
                         "hội nghị.", "Năm 2023, ngành tư pháp hoàn thành 100% chỉ tiêu được giao."))
    page.write_bytes(gzip.compress(
        ('<html><head><meta property="article:published_time" content="2024-01-15T17:00:00+07:00">'
         '<link rel="canonical" href="https://stp.dienbien.gov.vn/tong-ket-2023"></head>'
         f"<body><nav><a href='/'>Trang chủ</a></nav><article><h1>Tổng kết công tác tư pháp</h1>{paragraphs}"
         "</article></body></html>").encode("utf-8")))
    batch(tmp_path, page, jobs=1, extractor_factory=None)
    (record,) = lines(tmp_path / "facts.jsonl")
    assert record["meta"]["url"] == "https://stp.dienbien.gov.vn/tong-ket-2023"
    assert record["meta"]["published"] == "2024-01-15" and record["meeting"]["date"] == "2024-01-15"


def test_run_batch_read_errors_go_to_errors_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(HOI_NGHI, encoding="utf-8")
    (folder / "b.txt").write_text("  \n", encoding="utf-8")
    (folder / "c.txt").write_text(DAI_HOI, encoding="utf-8")
    summary = batch(tmp_path, folder, jobs=2)
    assert [r["doc_id"] for r in lines(tmp_path / "facts.jsonl")] == ["a", "c"]
    assert [(e["doc_id"], e["reason"]) for e in lines(tmp_path / "facts.errors.jsonl")] == [("b", "empty")]
    assert (summary.read, summary.extracted, summary.failed_total) == (3, 2, 1)


# --------------------------------------------------------------------------- resume

def test_run_batch_resume_skips_documents_with_same_id_and_text(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", ("a", HOI_NGHI), ("b", TONG_KET))
    batch(tmp_path, source, jobs=1)
    jsonl(source, ("a", HOI_NGHI), ("b", TONG_KET), ("c", DAI_HOI))
    summary = batch(tmp_path, source, jobs=1, resume=True)
    assert (summary.skipped, summary.extracted) == (2, 1)
    assert [r["doc_id"] for r in lines(tmp_path / "facts.jsonl")] == ["a", "b", "c"]


def test_run_batch_resume_extracts_a_changed_text_again(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", ("a", HOI_NGHI), ("b", TONG_KET))
    batch(tmp_path, source, jobs=1)
    jsonl(source, ("a", HOI_NGHI), ("b", DAI_HOI))
    summary = batch(tmp_path, source, jobs=1, resume=True)
    assert (summary.skipped, summary.extracted) == (1, 1)
    assert [(r["doc_id"], r["text"]) for r in lines(tmp_path / "facts.jsonl")][-1] == ("b", DAI_HOI)


def test_run_batch_resume_removes_the_old_record_of_a_changed_text(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", ("a", HOI_NGHI), ("b", TONG_KET))
    batch(tmp_path, source, jobs=1)
    jsonl(source, ("a", HOI_NGHI), ("b", DAI_HOI))
    summary = batch(tmp_path, source, jobs=1, resume=True)
    assert summary.replaced == 1
    assert [(r["doc_id"], r["text"]) for r in lines(tmp_path / "facts.jsonl")] == [("a", HOI_NGHI), ("b", DAI_HOI)]


def test_run_batch_resume_after_an_interrupted_resume_keeps_only_the_current_text(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", ("a", HOI_NGHI), ("b", DAI_HOI))
    out = tmp_path / "facts.jsonl"
    old = ArticleFacts(doc_id="b", text_sha1=text_sha1(TONG_KET), text=TONG_KET).model_dump_json()
    batch(tmp_path, source, jobs=1)
    out.write_text(old + "\n" + out.read_text(encoding="utf-8"), encoding="utf-8")  # b's old record is still there
    summary = batch(tmp_path, source, jobs=1, resume=True)
    assert (summary.skipped, summary.replaced) == (2, 1)
    assert [(r["doc_id"], r["text"]) for r in lines(out)] == [("a", HOI_NGHI), ("b", DAI_HOI)]


def test_run_batch_resume_keeps_two_inputs_that_share_a_doc_id(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", ("a", HOI_NGHI), ("a", TONG_KET))
    batch(tmp_path, source, jobs=1)
    summary = batch(tmp_path, source, jobs=1, resume=True)
    assert (summary.skipped, summary.replaced) == (2, 0)
    assert len(lines(tmp_path / "facts.jsonl")) == 2


def test_run_batch_resume_skips_finished_pages(tmp_path: Path) -> None:
    page = tmp_path / "hoi-nghi.html"
    page.write_text(f"<html><body><article><p>{HOI_NGHI}</p><p>{TONG_KET}</p><p>{DAI_HOI}</p></article></body></html>",
                    encoding="utf-8")
    batch(tmp_path, page, jobs=1)
    assert batch(tmp_path, page, jobs=1, resume=True).skipped == 1


def test_run_batch_resume_cuts_a_half_written_last_line(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "in.jsonl", ("a", HOI_NGHI), ("b", TONG_KET))
    batch(tmp_path, source, jobs=1)
    out = tmp_path / "facts.jsonl"
    whole = out.read_bytes()
    out.write_bytes(whole[: whole.index(b"\n") + 1] + whole[whole.index(b"\n") + 1:][:57])  # b's line cut short
    summary = batch(tmp_path, source, jobs=1, resume=True)
    assert (summary.skipped, summary.extracted) == (1, 1)
    assert [r["doc_id"] for r in lines(out)] == ["a", "b"]


def test_finished_records_keeps_a_whole_last_record_without_newline(tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    out.write_text(json.dumps({"doc_id": "a", "text_sha1": text_sha1(HOI_NGHI)}), encoding="utf-8")
    assert finished_records(out) == {"a": frozenset({text_sha1(HOI_NGHI)})}
    assert out.read_text(encoding="utf-8").endswith("}\n")


def test_finished_records_broken_middle_line_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    out.write_text('{"doc_id": "a", "text_sha1": "' + text_sha1(HOI_NGHI) + '"}\nnot json\n{}\n', encoding="utf-8")
    with pytest.raises(ResumeError, match=r"facts.jsonl:2: not a JSON record"):
        finished_records(out)


def test_run_batch_resume_to_stdout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(HoinghiError, match="--resume needs an output file"):
        run_batch([str(tmp_path)], None, tmp_path / "e.jsonl", resume=True)


def test_run_batch_resume_hands_the_records_already_written_to_on_record(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "bai.jsonl", ("a", HOI_NGHI), ("b", TONG_KET))
    batch(tmp_path, src)
    jsonl(src, ("a", HOI_NGHI), ("b", TONG_KET), ("c", DAI_HOI))
    seen: list[str] = []
    batch(tmp_path, src, resume=True, on_record=seen.append)
    assert [json.loads(line)["doc_id"] for line in seen] == ["a", "b", "c"]
