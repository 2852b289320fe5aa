"""The Dask engine against local workers, and bulk indexing into SQLite and PostgreSQL.

    python scripts/bench_dask.py                       # 2,000+ documents, 100,000 records
    python scripts/bench_dask.py --docs 4000 --records 20000 --pg postgresql://user:pass@host/postgres

1. Extraction: the same documents (corpus/articles and ../shared/corpus/dev
   repeated, each copy with its own id, in one JSONL file) through local
   ``-j 2`` (``run_batch``) and through a 2-worker LocalCluster (``run_dask``,
   one thread a worker), in alternating rounds. Each run's docs/s counts from
   the call to its end: the local workers' start and model loading, and the
   Dask workers' model loading (the plugin) are inside it; starting the
   cluster's processes is timed apart, as a real cluster is started once for
   many runs. Target: Dask at most 15% below local.
2. Indexing: ``--records`` generated records (scripts/bench_search.py's
   generator) written as parts of 5,000, then ``Archive.index_files`` of the
   folder into a fresh SQLite file and a fresh PostgreSQL database
   (``--pg`` or ``$HOINGHI_TEST_PG``: a role that may create databases).

Not a test: the numbers depend on the machine and on what else runs on it,
so the load average is printed before and after.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# As run_dask's own LocalCluster: before distributed is imported, here and in the spawned workers.
os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
os.environ.setdefault("DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED", "False")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_search import records as generated_records  # noqa: E402

from hoinghi.pipeline.archive import open_archive  # noqa: E402
from hoinghi.pipeline.archive.load import expand_inputs  # noqa: E402
from hoinghi.pipeline.batch.run import run_batch  # noqa: E402
from hoinghi.pipeline.inputs.readers import Article, read_inputs  # noqa: E402

SOURCES = (ROOT / "corpus" / "articles", ROOT.parent / "shared" / "corpus" / "dev")


def load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def build_documents(path: Path, at_least: int) -> int:
    """The corpus articles, repeated until there are ``at_least``; copy n of ``w1_03`` is ``w1_03~n``."""
    articles = [a for a in read_inputs([str(s) for s in SOURCES if s.exists()]) if isinstance(a, Article)]
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        copy = 0
        while count < at_least:
            for article in articles:
                fh.write(json.dumps({"id": f"{article.doc_id}~{copy}", "text": article.text}, ensure_ascii=False) + "\n")
                count += 1
            copy += 1
    return count


def bench_extraction(args: argparse.Namespace, work: Path) -> None:
    from distributed import Client, LocalCluster

    from hoinghi.pipeline.batch.dask_engine import run_dask

    docs = work / "docs.jsonl"
    n = build_documents(docs, args.docs)
    print(f"documents: {n} ({', '.join(str(s) for s in SOURCES)}, repeated with distinct ids), "
          f"shards of {args.shard_docs}")
    started = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as client:
        print(f"LocalCluster of 2 worker processes started in {time.perf_counter() - started:.1f} s "
              "(not counted below)")
        local_rates, dask_rates = [], []
        for round_no in range(args.rounds):
            order = ("local", "dask") if round_no % 2 == 0 else ("dask", "local")
            for engine in order:
                if engine == "local":
                    s = run_batch([str(docs)], work / f"local{round_no}.jsonl", work / f"local{round_no}.err", jobs=2)
                    local_rates.append(s.read / s.seconds)
                    print(f"round {round_no + 1}  local -j 2      {s.read} docs in {s.seconds:5.1f} s  "
                          f"{local_rates[-1]:6.1f} docs/s  (failed {s.failed_total})")
                else:
                    d = run_dask([docs], work / f"parts{round_no}", client=client, shard_docs=args.shard_docs)
                    dask_rates.append(d.docs.read / d.docs.seconds)
                    print(f"round {round_no + 1}  dask 2 workers  {d.docs.read} docs in {d.docs.seconds:5.1f} s  "
                          f"{dask_rates[-1]:6.1f} docs/s  (failed {d.docs.failed_total}, {d.shards_done} shards)")
        rss = client.run(_peak_rss_mb)
        print("dask worker peak RSS MB: " + ", ".join(f"{mb:.0f}" for mb in rss.values()))
    best_local, best_dask = max(local_rates), max(dask_rates)
    overhead = 1 - best_dask / best_local
    verdict = "ok" if overhead <= 0.15 else "OVER"
    print(f"best rounds: local {best_local:.1f} docs/s, dask {best_dask:.1f} docs/s: "
          f"Dask {abs(overhead) * 100:.1f}% {'slower' if overhead > 0 else 'faster'} (overhead target <= 15%: {verdict})")
    same = _records(work / "local0.jsonl") == _records_parts(work / "parts0")
    print(f"records of local -j 2 and dask identical (meta.path aside): {'yes' if same else 'NO'}")


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _records(path: Path) -> list[str]:
    return sorted(_strip(line) for line in path.read_text(encoding="utf-8").splitlines())


def _records_parts(folder: Path) -> list[str]:
    return sorted(_strip(line) for p in expand_inputs([folder]) for line in p.read_text(encoding="utf-8").splitlines())


def _strip(line: str) -> str:
    record = json.loads(line)
    record["meta"].pop("path", None)
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def bench_index(args: argparse.Namespace, work: Path) -> None:
    parts = work / "index-parts"
    parts.mkdir()
    started = time.perf_counter()
    fh = None
    for i, record in enumerate(generated_records(args.records, seed=7)):
        if i % 5000 == 0:
            if fh is not None:
                fh.close()
            fh = (parts / f"part-{i // 5000:016x}.jsonl").open("w", encoding="utf-8")
        fh.write(record.model_dump_json() + "\n")
    if fh is not None:
        fh.close()
    files = expand_inputs([parts])
    print(f"\n{args.records:,} generated records in {len(files)} parts of 5,000, "
          f"made in {time.perf_counter() - started:.0f} s (not counted below)")
    targets = [("SQLite", str(work / "bench.db"))]
    pg = args.pg or os.environ.get("HOINGHI_TEST_PG")
    database = None
    if pg:
        database = f"hoinghi_bench_{uuid.uuid4().hex[:8]}"
        _pg_admin(pg, f'CREATE DATABASE "{database}"')
        targets.append(("PostgreSQL", urlunsplit(urlsplit(pg)._replace(path=f"/{database}"))))
    else:
        print("PostgreSQL: skipped (give --pg or set HOINGHI_TEST_PG)")
    try:
        for label, url in targets:
            bad: list[str] = []
            with open_archive(url) as archive:
                started = time.perf_counter()
                report = archive.index_files(files, on_error=bad.append)
                took = time.perf_counter() - started
                again_started = time.perf_counter()
                again = archive.index_files(files, on_error=bad.append)
                again_took = time.perf_counter() - again_started
            print(f"{label:<10}  {args.records:,} records in {took:5.1f} s: {args.records / took:7,.0f} records/s  "
                  f"({report}); again, all unchanged, in {again_took:.1f} s "
                  f"({again.unchanged:,} unchanged){'; bad lines ' + str(len(bad)) if bad else ''}")
    finally:
        if database is not None:
            _pg_admin(pg, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _pg_admin(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents to extract, at least (default 2000)")
    parser.add_argument("--shard-docs", type=int, default=100, help="documents a shard (default 100)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of local and dask, alternating (default 2)")
    parser.add_argument("--records", type=int, default=100_000, help="records to index (default 100000)")
    parser.add_argument("--pg", help="PostgreSQL server where a database may be created (default $HOINGHI_TEST_PG)")
    parser.add_argument("--skip-extract", action="store_true")
    parser.add_argument("--skip-index", action="store_true")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; load average before {load()}")
    with tempfile.TemporaryDirectory(prefix="hoinghi-bench-dask-") as tmp:
        if not args.skip_extract:
            bench_extraction(args, Path(tmp))
        if not args.skip_index:
            bench_index(args, Path(tmp))
    print(f"load average after {load()}")


if __name__ == "__main__":
    main()
