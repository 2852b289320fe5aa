"""The ``hoinghi`` command: a thin face over the library.

    hoinghi extract corpus/articles -o facts.jsonl
    hoinghi show facts.jsonl --doc w1_03
    hoinghi evaluate corpus/gold.jsonl facts.jsonl
"""
from __future__ import annotations

import functools
import json
import os
import sys
import unicodedata
from pathlib import Path

import click

from hoinghi.schemas import ArticleFacts

EXIT_OUTPUT = 74  # sysexits' EX_IOERR: the records or errors file could not be written


@click.group()
@click.version_option(package_name="hoinghi")
def main() -> None:
    """Facts from Vietnamese meeting news: dates, chairs, awards, percentages, each with its evidence."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Records JSONL (default: standard output); with --engine dask, the folder of the parts.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Errors JSONL (default: OUTPUT with .errors.jsonl, or hoinghi.errors.jsonl).")
@click.option("--max-chars", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Refuse articles longer than this.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes, each loading the models once (default: the number of cores).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Seconds one document may take; a slower one is reported as 'timeout' and the run goes on.")
@click.option("--resume", is_flag=True,
              help="Append to OUTPUT, skipping documents already in it (same doc_id and text).")
@click.option("--db", default=None,
              help="Also index the records into this archive (a path or postgresql:// URL), as hoinghi index does.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: one task a shard on a Dask cluster "
                   "(pip install -e '.[dask]'), writing OUTPUT/part-<shard>.jsonl.")
@click.option("--scheduler", default=None,
              help="With --engine dask: the scheduler, tcp://HOST:8786 (default: a LocalCluster of -j processes).")
@click.option("--shard-docs", type=click.IntRange(min=1), default=500, show_default=True,
              help="With --engine dask: documents a shard (a task, a part file).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out facts whose confidence (the measured precision of their rule) is below this, e.g. 0.9.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def extract(inputs: tuple[str, ...], output: Path | None, errors_path: Path | None, max_chars: int,
            jobs: int | None, timeout: float, resume: bool, db: str | None, engine: str, scheduler: str | None,
            shard_docs: int, min_confidence: float | None, quiet: bool) -> None:
    """Extract facts from articles: .txt files, saved pages (.html/.htm), JSONL ({"id","text",...}),
    folders of them, any gzipped, or - for JSONL on stdin.

    Example: hoinghi extract corpus/articles -o facts.jsonl -j 2 --min-confidence 0.9

    Records are written in input order as each finishes; Ctrl-C leaves every
    finished one, and --resume carries on. Exit code 0 when every document
    was extracted, 1 when some failed (each is listed in the errors file with
    its reason), 2 when an output is an input (nothing is read or written),
    74 when an output cannot be created or written (a full disk, a read-only
    folder: every whole record already written stays, with no half line),
    130/143 when stopped by Ctrl-C/SIGTERM.

    On a cluster: hoinghi extract crawl/ -o parts/ --engine dask --scheduler tcp://HOST:8786
    writes a part a shard (a rerun skips the parts there), then
    hoinghi index parts/ --db postgresql://... loads them.
    """
    from hoinghi.pipeline.batch.output import OutputError, OverwritesInputError
    from hoinghi.pipeline.batch.run import BatchInterrupted, run_batch
    from hoinghi.pipeline.cli.progress import ProgressBar
    from hoinghi.pipeline.errors import HoinghiError

    if engine == "dask" and min_confidence is not None:
        raise click.UsageError("--min-confidence is for the local engine (filter the parts with hoinghi's Python API)")
    if engine == "dask":
        _extract_dask(inputs, output, jobs=jobs, scheduler=scheduler, shard_docs=shard_docs, max_chars=max_chars,
                      timeout=timeout, quiet=quiet, refused={"--errors": errors_path, "--resume": resume or None, "--db": db})
    if scheduler is not None:
        raise click.UsageError("--scheduler is for --engine dask")
    if output is not None and output.is_dir():
        raise click.UsageError(f"-o {output} is a folder; the local engine writes one JSONL file")
    if errors_path is None:
        errors_path = (output.with_name(output.name.removesuffix(".jsonl") + ".errors.jsonl")
                       if output is not None and str(output) != "-" else Path("hoinghi.errors.jsonl"))
    bar = ProgressBar(inputs) if not quiet and sys.stderr.isatty() else None
    archive = None
    problem: Exception | None = None
    try:
        if db is not None:
            from hoinghi.pipeline.archive.writer import ArchiveWriter

            archive = ArchiveWriter(db)
        factory = None
        if min_confidence is not None:
            from hoinghi.pipeline.nlp.extractor import Extractor

            factory = functools.partial(Extractor, min_confidence=min_confidence)
        summary = run_batch(inputs, output, errors_path, jobs=jobs, timeout=timeout, resume=resume,
                            max_chars=max_chars, extractor_factory=factory, progress=bar,
                            on_record=archive.add_line if archive else None)
    except BatchInterrupted as exc:
        summary, code = exc.summary, (130 if exc.signal_name == "SIGINT" else 143)
        click.echo(f"\n{exc}", err=True)
    except OverwritesInputError as exc:
        raise click.UsageError(str(exc)) from None
    except OutputError as exc:  # reported once the progress bar is gone
        summary, code, problem = None, EXIT_OUTPUT, exc
    except HoinghiError as exc:
        raise click.ClickException(str(exc)) from None
    except BrokenPipeError:  # the reader of standard output went away (`| head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    else:
        code = 1 if summary.failed_total else 0
    finally:
        if bar is not None:
            bar.close()
        if archive is not None:
            archive.close()
    if summary is None:
        click.echo(f"Error: {problem}", err=True)
        sys.exit(code)
    if not quiet:
        if archive is not None:
            report = archive.report
            click.echo(f"{db}: {report.added} added, {report.replaced} replaced, {report.unchanged} unchanged", err=True)
        for line in summary.lines():
            click.echo(line, err=True)
        if summary.failed_total:
            click.echo(f"errors written to {errors_path}", err=True)
    sys.exit(code)


def _extract_dask(inputs: tuple[str, ...], output: Path | None, *, jobs: int | None, scheduler: str | None,
                  shard_docs: int, max_chars: int, timeout: float, quiet: bool, refused: dict[str, object]) -> None:
    """``hoinghi extract --engine dask``: parts into the folder OUTPUT, the summary on stderr; exits."""
    from hoinghi.pipeline.cli.progress import ProgressBar
    from hoinghi.pipeline.errors import HoinghiError

    if output is None or str(output) == "-":
        raise click.UsageError("--engine dask writes a folder of parts: give it with -o parts/")
    given = [name for name, value in refused.items() if value is not None]
    if given:
        raise click.UsageError(f"{', '.join(given)}: not with --engine dask (each part has its errors beside it, "
                               "a rerun skips finished parts, and hoinghi index parts/ loads them)")
    bar = ProgressBar(inputs) if not quiet and sys.stderr.isatty() else None
    try:
        from hoinghi.pipeline.batch.dask_engine import run_dask

        summary = run_dask(inputs, output, scheduler=scheduler, workers=jobs, shard_docs=shard_docs,
                           max_chars=max_chars, timeout=timeout, progress=bar)
    except HoinghiError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("\nstopped; the parts written are kept, run the same command again to finish", err=True)
        sys.exit(130)
    finally:
        if bar is not None:
            bar.close()
    if not quiet:
        for line in summary.lines():
            click.echo(line, err=True)
        click.echo(f"parts, manifest.json and summary.json in {output}", err=True)
    sys.exit(1 if summary.docs.failed_total else 0)


@main.command()
@click.argument("facts", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--doc", "doc_id", required=True, help="The doc_id to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
def show(facts: Path, doc_id: str, as_json: bool) -> None:
    """Show one article's facts, each with the words it came from.

    Example: hoinghi show facts.jsonl --doc 000_b778848fc66e39d6
    """
    from hoinghi.pipeline.cli.show import render
    from hoinghi.pipeline.cli.terminal import printable

    wanted = unicodedata.normalize("NFC", doc_id)  # doc_ids are NFC; an older output may hold an NFD one
    with open(facts, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and unicodedata.normalize("NFC", json.loads(line).get("doc_id") or "") == wanted:
                record = ArticleFacts.model_validate_json(line)
                click.echo(record.model_dump_json(indent=2) if as_json else printable(render(record)))
                return
    raise click.ClickException(f"{doc_id}: not in {facts}")


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("predicted", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", "show_errors", is_flag=True,
              help="List every miss and false positive by field, each with its sentence.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold: Path, predicted: Path, show_errors: bool, as_json: bool) -> None:
    """Score records against gold: P/R/F1 per field, counted as docs/record.md describes.

    Example: hoinghi evaluate corpus/gold.jsonl facts.jsonl --errors
    """
    from hoinghi.pipeline.evaluation.error_report import explain
    from hoinghi.pipeline.evaluation.scoring import format_table, load_records, score

    pred = load_records(predicted)
    result, errors = score(load_records(gold), pred)
    if show_errors:
        for line in explain(errors, pred):
            click.echo(line)
    click.echo(json.dumps(result, ensure_ascii=False) if as_json else format_table(result))


def _add_archive_commands() -> None:
    from hoinghi.pipeline.cli.archive import COMMANDS
    from hoinghi.pipeline.cli.crossyear import COMMANDS as CROSSYEAR

    for command in (*COMMANDS, *CROSSYEAR):
        main.add_command(command)


_add_archive_commands()
