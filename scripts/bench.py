"""Speed of ``hoinghi extract`` against underthesea alone, on the same documents in one run.

    python scripts/bench.py                  # corpus/articles + ../shared/corpus/dev, repeated to >= 500 documents
    python scripts/bench.py --docs 1000 --ner-docs 50 --rounds 9

(a) underthesea ``word_tokenize`` over every sentence (``sent_tokenize`` per
    line first): the ceiling for any underthesea-based pipeline;
(b) ``underthesea.ner`` over every sentence: what a generic toolkit costs;
(c) ``hoinghi extract -j 1`` and (d) ``hoinghi extract -j 2``, as processes
    reading a JSONL file and writing records to a pipe.

(b) runs on each article once (``--ner-docs``), the others on the articles
repeated to ``--docs``; docs/s compares them.

Each runs in its own process. docs/s for (a) and (b) is timed over the loop,
models already loaded; for (c) and (d) between the first and the last record
(startup is reported apart, as the time to the first record, and in the wall
rate). All four run back to back in each of ``--rounds`` rounds. On a shared
machine a whole round can run slow or fast, so each ratio (c/a, c/b, d/c) is
taken within a round, where its two runs met the same machine, and the
targets are judged on the median over rounds; every other round runs in
reverse order, so a drift in the machine's speed favours no run. The best
round of each run is shown too, as timeit would report it. Peak RSS is each
process's VmHWM and CPU its user+system time (for (c) and (d) from the first
record to the last, the window docs/s is timed over), sampled from /proc
every 50 ms while it runs. This is a measurement, never a test: the numbers
depend on the machine and on whatever else runs on it (the load average is
printed before and after).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOINGHI = str(Path(sys.executable).with_name("hoinghi"))
TARGETS = {"c/a": 0.7, "c/b": 10.0, "d/c": 1.7}
RSS_LIMIT_MB = 500.0
FIRST_RECORD_LIMIT_S = 3.0


# --------------------------------------------------------------------------- the underthesea baselines (child process)

def _sentences(text: str) -> Iterator[str]:
    from underthesea import sent_tokenize

    for line in text.splitlines():
        if line.strip():
            yield from sent_tokenize(line)


def run_stage(stage: str, source: Path, limit: int) -> None:
    """Child process: time ``stage`` (tokenize or ner) over the first ``limit`` documents; print one JSON line."""
    from underthesea import ner, word_tokenize

    task = word_tokenize if stage == "tokenize" else ner
    texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines()[:limit]]
    task("Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023.")  # load models
    sentences = 0
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        for sentence in _sentences(text):
            task(sentence)
            sentences += 1
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"docs": len(texts), "sentences": sentences, "seconds": seconds, "cpu": cpu}))


# --------------------------------------------------------------------------- measuring processes

@dataclass
class Run:
    """One measured run: documents, timings, and the peak RSS (MB) of each process by role."""

    name: str
    docs: int
    rate: float                      # docs/s, as described in the module docstring
    wall_rate: float | None = None   # docs/s over the whole process, startup included
    first_record: float | None = None
    peaks: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU ms a document by role, startup left out
    note: str = ""


class PeakWatcher(threading.Thread):
    """Samples VmHWM of a process and its descendants every ``interval`` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peaks: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            for pid in self._family():
                mb = _vm_hwm_mb(pid)
                if mb is not None:
                    self.peaks[pid] = max(mb, self.peaks.get(pid, 0.0))
                seconds = _cpu_seconds(pid)
                if seconds is not None:
                    self.cpu[pid] = seconds
            self.stopped.wait(self.interval)

    def _family(self) -> list[int]:
        family, queue = [], [self.pid]
        while queue:
            pid = queue.pop()
            family.append(pid)
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                continue  # it has exited
            queue.extend(int(c) for c in children)
        return family

    def stop(self) -> dict[int, float]:
        self.stopped.set()
        self.join()
        return self.peaks


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None  # it has exited
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None  # it has exited
    return None


def measure_stage(stage: str, source: Path, limit: int) -> Run:
    """(a) or (b) in a child process."""
    proc = subprocess.Popen([sys.executable, __file__, "--stage", stage, "--input", str(source), "--limit", str(limit)],
                            stdout=subprocess.PIPE, text=True)
    watcher = PeakWatcher(proc.pid)
    watcher.start()
    out, _ = proc.communicate()
    peaks = watcher.stop()
    if proc.returncode != 0:
        raise SystemExit(f"bench: the {stage} run failed (exit code {proc.returncode})")
    result = json.loads(out)
    name = "a: underthesea word_tokenize" if stage == "tokenize" else "b: underthesea.ner"
    return Run(name, result["docs"], result["docs"] / result["seconds"], peaks={"process": max(peaks.values())},
               cpu={"loop": 1000 * result["cpu"] / result["docs"]}, note=f"{result['sentences']} sentences")


def measure_extract(jobs: int, source: Path, docs: int, out: Path) -> Run:
    """(c) or (d): ``hoinghi extract -j jobs`` writing records to a pipe; times every record's arrival."""
    started = time.perf_counter()
    proc = subprocess.Popen([HOINGHI, "extract", str(source), "-o", "-", "-j", str(jobs), "-q",
                             "--errors", str(out.with_suffix(".errors.jsonl"))], stdout=subprocess.PIPE)
    watcher = PeakWatcher(proc.pid)
    watcher.start()
    arrivals = []
    at_first: dict[int, float] = {}  # CPU seconds each process had used when the first record came: its startup
    at_last: dict[int, float] = {}  # ... and when the last came: what follows is shutting down
    assert proc.stdout is not None
    with open(out, "wb") as fh:
        for line in proc.stdout:
            arrivals.append(time.perf_counter() - started)
            if not at_first:
                at_first = dict(watcher.cpu)
            at_last = dict(watcher.cpu)
            fh.write(line)
    proc.wait()
    wall = time.perf_counter() - started
    peaks = watcher.stop()
    if proc.returncode != 0 or len(arrivals) != docs:
        raise SystemExit(f"bench: hoinghi extract -j {jobs} wrote {len(arrivals)} of {docs} records "
                         f"(exit code {proc.returncode})")
    workers = sorted(pid for pid in peaks if pid != proc.pid)
    roles = {"main": peaks[proc.pid], **{f"worker {i + 1}": peaks[pid] for i, pid in enumerate(workers)}}
    steady = {pid: at_last.get(pid, 0.0) - at_first.get(pid, 0.0) for pid in at_last}
    cpu = {"main": 1000 * steady.get(proc.pid, 0.0) / (docs - 1),
           "workers": 1000 * sum(steady.get(pid, 0.0) for pid in workers) / (docs - 1)}
    steady = (docs - 1) / (arrivals[-1] - arrivals[0])
    return Run(f"{'c' if jobs == 1 else 'd'}: hoinghi extract -j {jobs}", docs, steady, docs / wall, arrivals[0],
               roles, cpu)


# --------------------------------------------------------------------------- documents

def collect(folders: list[Path]) -> list[dict[str, str]]:
    """Every readable article of the folders, as ``{"id", "text"}``."""
    from hoinghi.pipeline.inputs.readers import Article, read_inputs

    return [{"id": a.doc_id, "text": a.text, **({"published": a.meta["published"]} if "published" in a.meta else {})}
            for a in read_inputs([str(f) for f in folders]) if isinstance(a, Article)]


def write_repeated(base: list[dict[str, str]], copies: int, path: Path) -> int:
    with open(path, "w", encoding="utf-8") as fh:
        for copy in range(copies):
            for doc in base:
                fh.write(json.dumps({**doc, "id": f"{doc['id']}~{copy}"}, ensure_ascii=False) + "\n")
    return copies * len(base)


# --------------------------------------------------------------------------- report

def round_ratios(rounds: dict[str, list[Run]]) -> dict[str, list[float]]:
    """c/a, c/b and d/c within each round: runs made back to back share the machine's state."""
    pairs = {"c/a": ("c", "a"), "c/b": ("c", "b"), "d/c": ("d", "c")}
    return {key: [x.rate / y.rate for x, y in zip(rounds[top], rounds[bottom])] for key, (top, bottom) in pairs.items()}


def report(runs: dict[str, Run], rounds: dict[str, list[Run]], base: int, folders: list[Path],
           load: tuple[tuple[float, ...], tuple[float, ...]], same_output: bool) -> list[str]:
    a, b, c, d = (runs[k] for k in "abcd")
    out = [f"documents: {base} articles from {', '.join(str(f) for f in folders)}",
           f"machine: {os.cpu_count()} cores; load average before {load[0][0]:.2f}, after {load[1][0]:.2f}", ""]
    out.append(f"{'run (best round)':34} {'docs':>5} {'docs/s':>8} {'wall docs/s':>12} {'first record':>13}  peak RSS MB")
    for run in (a, b, c, d):
        wall = f"{run.wall_rate:.1f}" if run.wall_rate is not None else "-"
        first = f"{run.first_record:.2f} s" if run.first_record is not None else "-"
        rss = ", ".join(f"{role} {mb:.0f}" for role, mb in run.peaks.items())
        out.append(f"{run.name:34} {run.docs:>5} {run.rate:>8.1f} {wall:>12} {first:>13}  {rss}"
                   + (f"  ({run.note})" if run.note else ""))
    out.append("CPU a document: " + ", ".join(f"{r.name[:1]} {r.cpu['loop']:.1f} ms" for r in (a, b)) + ", "
               + ", ".join(f"{r.name[:1]} main {r.cpu['main']:.2f} ms + workers {r.cpu['workers']:.1f} ms" for r in (c, d)))
    c_cpu = c.cpu["main"] + c.cpu["workers"]
    out.append(f"best rounds compared: c/a = {c.rate / a.rate:.2f}, c/b = {c.rate / b.rate:.2f}, d/c = {d.rate / c.rate:.2f}; "
               f"by CPU time c/a = {a.cpu['loop'] / c_cpu:.2f}, c/b = {b.cpu['loop'] / c_cpu:.2f}")
    out.append("")
    out.append("ratios within each round, and their median (the targets are judged on the median):")
    for key, values in round_ratios(rounds).items():
        median = statistics.median(values)
        out.append(f"{key} = {median:.2f}  (rounds {' '.join(f'{v:.2f}' for v in values)}; "
                   f"target >= {TARGETS[key]:g}: {'ok' if median >= TARGETS[key] else 'MISSED'})")
    worker_peak = max(mb for run in (c, d) for role, mb in run.peaks.items() if role.startswith("worker"))
    first = max(c.first_record or 0.0, d.first_record or 0.0)
    out.append(f"peak RSS per worker = {worker_peak:.0f} MB  (target <= {RSS_LIMIT_MB:.0f}: "
               f"{'ok' if worker_peak <= RSS_LIMIT_MB else 'MISSED'})")
    out.append(f"time to first record = {first:.2f} s  (target <= {FIRST_RECORD_LIMIT_S:g}: "
               f"{'ok' if first <= FIRST_RECORD_LIMIT_S else 'MISSED'})")
    out.append(f"records of -j 1 and -j 2 identical: {'yes' if same_output else 'NO'}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500, help="at least this many documents for (a), (c), (d)")
    parser.add_argument("--ner-docs", type=int, default=None,
                        help="documents for (b), which is slow (default: each article once)")
    parser.add_argument("--rounds", type=int, default=7,
                        help="rounds of (a), (b), (c), (d), run back to back in each (default: 7)")
    parser.add_argument("--stage", choices=["tokenize", "ner"], help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        run_stage(args.stage, args.input, args.limit)
        return
    folders = [ROOT / "corpus" / "articles"] + [p for p in [ROOT.parent / "shared" / "corpus" / "dev"] if p.is_dir()]
    base = collect(folders)
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="hoinghi-bench-") as tmp:
        source = Path(tmp) / "docs.jsonl"
        total = write_repeated(base, math.ceil(args.docs / len(base)), source)
        rounds: dict[str, list[Run]] = {"a": [], "b": [], "c": [], "d": []}
        measure = {
            "a": lambda: measure_stage("tokenize", source, total),
            "b": lambda: measure_stage("ner", source, args.ner_docs or len(base)),
            "c": lambda: measure_extract(1, source, total, Path(tmp) / "c.jsonl"),
            "d": lambda: measure_extract(2, source, total, Path(tmp) / "d.jsonl"),
        }
        for i in range(args.rounds):
            for key in "abcd" if i % 2 == 0 else "dcba":  # every other round reversed: a drift favours no run
                rounds[key].append(measure[key]())
        runs = {key: max(runs, key=lambda r: r.rate) for key, runs in rounds.items()}
        for key in "cd":
            runs[key].first_record = min(r.first_record or 0.0 for r in rounds[key])
        for key in "abcd":
            runs[key].note = (runs[key].note + "; " if runs[key].note else "") + "rounds " + " ".join(
                f"{r.rate:.1f}" for r in rounds[key])
        same = (Path(tmp) / "c.jsonl").read_bytes() == (Path(tmp) / "d.jsonl").read_bytes()
    print("\n".join(report(runs, rounds, len(base), folders, (load_before, os.getloadavg()), same)))


if __name__ == "__main__":
    main()
