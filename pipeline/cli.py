"""The ``hoinghi`` command: a thin face over the library.

    hoinghi extract corpus/articles -o facts.jsonl
    hoinghi show facts.jsonl --doc w1_03
    hoinghi evaluate corpus/gold.jsonl facts.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from schemas import ArticleFacts


@click.group()
@click.version_option(package_name="hoinghi")
def main() -> None:
    """Facts from Vietnamese meeting news: dates, chairs, awards, percentages, each with its evidence."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Records JSONL (default: standard output).")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Errors JSONL (default: OUTPUT with .errors.jsonl, or hoinghi.errors.jsonl).")
@click.option("--max-chars", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Refuse articles longer than this.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def extract(inputs: tuple[str, ...], output: Path | None, errors_path: Path | None, max_chars: int, quiet: bool) -> None:
    """Extract facts from articles: .txt files, folders of them, JSONL ({"id","text",...}) or - for stdin.

    Example: hoinghi extract corpus/articles -o facts.jsonl

    Exit code 0 when every document was extracted, 1 when some failed
    (each is listed in the errors file with its reason).
    """
    from pipeline.batch import run_batch

    if errors_path is None:
        errors_path = (output.with_name(output.name.removesuffix(".jsonl") + ".errors.jsonl")
                       if output is not None else Path("hoinghi.errors.jsonl"))
    show_bar = not quiet and sys.stderr.isatty()
    progress = None
    if show_bar:
        from tqdm import tqdm

        def progress(items):  # type: ignore[no-untyped-def]
            return tqdm(items, unit="doc", file=sys.stderr)

    summary = run_batch(inputs, output, errors_path, max_chars=max_chars, progress=progress)
    if not quiet:
        for line in summary.lines():
            click.echo(line, err=True)
        if summary.failed_total:
            click.echo(f"errors written to {errors_path}", err=True)
    sys.exit(1 if summary.failed_total else 0)


@main.command()
@click.argument("facts", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--doc", "doc_id", required=True, help="The doc_id to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
def show(facts: Path, doc_id: str, as_json: bool) -> None:
    """Show one article's facts, each with the words it came from.

    Example: hoinghi show facts.jsonl --doc 000_b778848fc66e39d6
    """
    from pipeline.show import render

    with open(facts, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and json.loads(line).get("doc_id") == doc_id:
                record = ArticleFacts.model_validate_json(line)
                click.echo(record.model_dump_json(indent=2) if as_json else render(record))
                return
    raise click.ClickException(f"{doc_id}: not in {facts}")


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("predicted", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", "show_errors", is_flag=True, help="List every miss and false positive by field.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold: Path, predicted: Path, show_errors: bool, as_json: bool) -> None:
    """Score records against gold: P/R/F1 per field, as ANNOTATION.md counts them.

    Example: hoinghi evaluate corpus/gold.jsonl facts.jsonl --errors
    """
    from pipeline.scoring import format_table, load_records, score

    result, errors = score(load_records(gold), load_records(predicted))
    if show_errors:
        for err in sorted(errors, key=lambda e: (str(e[1]), str(e[0]))):
            click.echo("\t".join(["ERR", *map(str, err)]))
    click.echo(json.dumps(result, ensure_ascii=False) if as_json else format_table(result))
