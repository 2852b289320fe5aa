"""Tests for pipeline.batch.dask_engine on a real 2-worker LocalCluster (processes, one thread each).

One cluster serves the module; the test that kills a worker runs last. The
real extractor is compared with a local ``-j 1`` run; the kill and rerun tests
use ``Slow``, a stand-in extractor that builds records without models.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="the Dask engine's tests need pip install -e '.[dask]'")

from click.testing import CliRunner  # noqa: E402

from hoinghi.pipeline.batch.dask_engine import run_dask  # noqa: E402
from hoinghi.pipeline.batch.run import run_batch  # noqa: E402
from hoinghi.pipeline.cli.main import main  # noqa: E402
from hoinghi.schemas import ArticleFacts, SourceMeta  # noqa: E402
from hoinghi.schemas.models import text_sha1  # noqa: E402
from tests.conftest import ROOT  # noqa: E402

SENTENCES = [
    "Sáng 8/1/2025, Công đoàn ngành Giáo dục huyện Mường Chà tổ chức Hội nghị tổng kết năm học.",
    "Đồng chí Lò Văn Tiến, Phó Chủ tịch UBND huyện, chủ trì hội nghị và phát biểu kết luận.",
    "Năm 2024, tỷ lệ học sinh hoàn thành chương trình tiểu học đạt 99,6%.",
    "Dịp này, Liên đoàn Lao động huyện tặng Giấy khen cho 6 tập thể có thành tích xuất sắc.",
]


class _SlowExtractor:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def extract(self, text: str, *, doc_id: str, meta: dict[str, str] | None = None) -> ArticleFacts:
        time.sleep(3600 if doc_id.startswith("treo") else self.seconds)
        return ArticleFacts(doc_id=doc_id, text_sha1=text_sha1(text), text=text, meta=SourceMeta(**(meta or {})))


@dataclass(frozen=True)
class Slow:
    """Extractor factory: each document takes ``seconds`` (``treo_*`` hangs); no models are loaded."""

    seconds: float = 0.0

    def __call__(self) -> _SlowExtractor:
        return _SlowExtractor(self.seconds)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as connected:
        yield connected


def write_jsonl(path: Path, count: int, *, bad_at: int | None = None) -> Path:
    lines = [('{"id": "hong", "text": ' if i == bad_at else
              json.dumps({"id": f"bai_{i:03d}", "text": SENTENCES[i % len(SENTENCES)]}, ensure_ascii=False))
             for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def part_records(parts: Path) -> list[dict]:
    return [json.loads(line) for p in sorted(parts.glob("part-*.jsonl")) if not p.name.endswith(".errors.jsonl")
            for line in p.read_text(encoding="utf-8").splitlines()]


def part_errors(parts: Path) -> list[dict]:
    return [json.loads(line) for p in sorted(parts.glob("*.errors.jsonl"))
            for line in p.read_text(encoding="utf-8").splitlines()]


def _comparable(records: list[dict]) -> list[dict]:
    for record in records:
        record["meta"].pop("path", None)
    return sorted(records, key=lambda r: r["doc_id"])


def test_dask_records_equal_a_local_run(tmp_path, client):
    jsonl = write_jsonl(tmp_path / "lo.jsonl", 9, bad_at=4).absolute()
    inputs = [str(ROOT / "corpus" / "articles"), str(jsonl), str(tmp_path / "khong_co.txt")]
    run_batch(inputs, tmp_path / "local.jsonl", tmp_path / "local.errors.jsonl", jobs=1)
    summary = run_dask(inputs, tmp_path / "parts", client=client, shard_docs=4)
    local = [json.loads(line) for line in (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()]
    assert _comparable(part_records(tmp_path / "parts")) == _comparable(local)
    local_errors = [json.loads(line) for line in (tmp_path / "local.errors.jsonl").read_text().splitlines()]
    assert sorted((e["doc_id"], e["reason"]) for e in part_errors(tmp_path / "parts")) == \
           sorted((e["doc_id"], e["reason"]) for e in local_errors)
    assert (summary.docs.extracted, summary.docs.failed_total) == (49, 2)


def test_dask_writes_manifest_and_summary(tmp_path, client):
    jsonl = write_jsonl(tmp_path / "lo.jsonl", 10)
    run_dask([jsonl], tmp_path / "parts", client=client, shard_docs=4, extractor_factory=Slow())
    manifest = json.loads((tmp_path / "parts" / "manifest.json").read_text(encoding="utf-8"))
    summary = json.loads((tmp_path / "parts" / "summary.json").read_text(encoding="utf-8"))
    assert [s["docs"] for s in manifest["shards"]] == [4, 4, 2]
    assert all((tmp_path / "parts" / s["part"]).exists() for s in manifest["shards"])
    assert (summary["documents"], summary["extracted"], summary["shards_done"]) == (10, 10, 3)


def test_dask_rerun_skips_shards_whose_part_exists(tmp_path, client):
    jsonl = write_jsonl(tmp_path / "lo.jsonl", 10)
    run_dask([jsonl], tmp_path / "parts", client=client, shard_docs=4, extractor_factory=Slow())
    first = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "parts").glob("part-*")}
    with jsonl.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "bai_moi", "text": SENTENCES[1]}, ensure_ascii=False) + "\n")
    again = run_dask([jsonl], tmp_path / "parts", client=client, shard_docs=4, extractor_factory=Slow())
    assert (again.shards_skipped, again.shards_done, again.docs.read, again.docs.skipped) == (2, 1, 3, 8)
    kept = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "parts").glob("part-*") if p.name in first}
    assert len(kept) == 2 and all(kept[n] == first[n] for n in kept)  # the changed shard's old part is gone
    assert again.parts_removed == 1
    assert sorted(r["doc_id"] for r in part_records(tmp_path / "parts")) == [f"bai_{i:03d}" for i in range(10)] + \
           ["bai_moi"]


def test_dask_cli_extract_on_a_scheduler(tmp_path, client):
    write_jsonl(tmp_path / "lo.jsonl", 5)
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "lo.jsonl"), "-o", str(tmp_path / "parts"),
                                       "--engine", "dask", "--scheduler", client.scheduler.address,
                                       "--shard-docs", "2"])
    assert result.exit_code == 0, result.output
    assert "documents read 5, extracted 5" in result.output and "shards 3: done 3" in result.output
    assert sorted(r["doc_id"] for r in part_records(tmp_path / "parts")) == [f"bai_{i:03d}" for i in range(5)]


def test_dask_cli_needs_an_output_folder(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--engine", "dask"])
    assert result.exit_code == 2 and "-o parts/" in result.output


def test_dask_cli_refuses_resume(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(tmp_path / "p"), "--engine", "dask",
                                       "--resume"])
    assert result.exit_code == 2 and "--resume: not with --engine dask" in result.output


def test_dask_cli_missing_dask_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    monkeypatch.delitem(sys.modules, "hoinghi.pipeline.batch.dask_engine")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "-o", str(tmp_path / "p"), "--engine", "dask"])
    assert result.exit_code == 1 and "pip install -e '.[dask]'" in result.output


def test_dask_hanging_document_is_a_timeout_and_the_shard_goes_on(tmp_path, client):
    jsonl = tmp_path / "lo.jsonl"
    jsonl.write_text("".join(json.dumps({"id": i, "text": SENTENCES[0]}, ensure_ascii=False) + "\n"
                             for i in ("bai_1", "treo_2", "bai_3", "bai_4")), encoding="utf-8")
    summary = run_dask([jsonl], tmp_path / "parts", client=client, shard_docs=2, timeout=1.0,
                       extractor_factory=Slow())
    assert sorted(r["doc_id"] for r in part_records(tmp_path / "parts")) == ["bai_1", "bai_3", "bai_4"]
    assert [(e["doc_id"], e["reason"]) for e in part_errors(tmp_path / "parts")] == [("treo_2", "timeout")]
    assert summary.docs.failed == {"timeout": 1} and summary.shards_done == 2
    assert not list((tmp_path / "parts").glob("*.stuck"))


def test_dask_killed_worker_run_finishes_with_every_document_once(tmp_path, client):
    jsonl = write_jsonl(tmp_path / "lo.jsonl", 40)
    pids = list(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_one(summary) -> None:
        if not killed:  # after the first shard, while the others run
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    summary = run_dask([jsonl], tmp_path / "parts", client=client, shard_docs=4, extractor_factory=Slow(0.1),
                       progress=kill_one)
    assert killed
    ids = [r["doc_id"] for r in part_records(tmp_path / "parts")]
    assert sorted(ids) == [f"bai_{i:03d}" for i in range(40)]  # each once
    assert (summary.docs.extracted, summary.shards_done, summary.shards_failed) == (40, 10, 0)
    assert not [p for p in (tmp_path / "parts").iterdir() if ".tmp-" in p.name]
