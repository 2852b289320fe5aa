"""The progress bar of ``hoinghi extract`` on a terminal: documents/s, and the ETA once the inputs are counted.

    bar = ProgressBar(["corpus/articles"])
    run_batch(["corpus/articles"], Path("facts.jsonl"), Path("facts.errors.jsonl"), progress=bar)
    bar.close()     # 27/27 [00:01<00:00, 21.4doc/s]
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from tqdm import tqdm

from hoinghi.pipeline.batch.run import Summary
from hoinghi.pipeline.inputs.readers import count_documents


class _Bar(tqdm):  # type: ignore[type-arg]
    """tqdm without its monitor thread: worker processes are forked, and forking a threaded process is unsafe."""

    monitor_interval = 0


class ProgressBar:
    """Called with the running summary after each document; counts the inputs after the first one.

    Counting reads JSONL files once; done after the first record it never delays it.
    """

    def __init__(self, inputs: Iterable[str | Path]) -> None:
        self.inputs = list(inputs)
        self.bar = _Bar(unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
        self.counted = False

    def __call__(self, summary: Summary) -> None:
        if not self.counted:
            self.counted = True
            self.bar.total = count_documents(self.inputs)
        self.bar.update(summary.read - self.bar.n)
        if summary.failed_total:
            self.bar.set_postfix(failed=summary.failed_total, refresh=False)

    def close(self) -> None:
        self.bar.close()


__all__ = ["ProgressBar"]
