"""``hoinghi index``, ``hoinghi search`` and ``hoinghi serve``: thin commands over ``pipeline.archive``.

    hoinghi index facts.jsonl --db archive.db
    hoinghi search "lam duc xuan" --db archive.db
    hoinghi serve archive.db
"""
from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

import click

from hoinghi.pipeline.archive.errors import ArchiveError
from hoinghi.pipeline.archive.hits import Hit
from hoinghi.pipeline.archive.query import KINDS
from hoinghi.pipeline.cli.terminal import printable
from hoinghi.schemas import UNCERTAIN_BELOW

DB_HELP = "Archive: an SQLite file, or a postgresql:// URL (env HOINGHI_DB)."


def _db_option(func):  # type: ignore[no-untyped-def]
    return click.option("--db", default="archive.db", envvar="HOINGHI_DB", show_default=True, help=DB_HELP)(func)


@click.command("index")
@click.argument("inputs", nargs=-1, required=True,
                type=click.Path(exists=True, allow_dash=True, path_type=Path))
@_db_option
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Records a transaction (default 5000; PostgreSQL: also never more than one file, so a part "
                   "is one transaction); a crash loses at most the batch being written.")
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
def index(inputs: tuple[Path, ...], db: str, batch_size: int | None, quiet: bool) -> None:
    """Load records (JSONL from hoinghi extract, or a folder of its parts) into the archive; unchanged ones are left alone.

    Example: hoinghi index facts.jsonl more.jsonl.gz --db archive.db

    Example: hoinghi index parts/ --db postgresql://user:pass@host/archive

    A record whose doc_id is already there with other text or facts replaces
    the old one. Exit code 1 when some lines were not valid records (each is
    named on standard error; the others are indexed).
    """
    from hoinghi.pipeline.archive.load import expand_inputs
    from hoinghi.pipeline.archive.store import open_archive

    bad: list[str] = []
    files = expand_inputs(inputs)
    if not files:
        raise click.ClickException(f"no part-*.jsonl in {', '.join(map(str, inputs))}")
    try:
        with open_archive(db) as archive:
            report = archive.index_files(files, on_error=bad.append, batch_size=batch_size)
            where = archive.where
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    for message in bad:
        click.echo(message, err=True)
    if not quiet:
        click.echo(report.summary(where) + (f", {len(bad)} bad lines" if bad else ""), err=True)
    sys.exit(1 if bad else 0)


def _clip(text: str | None, width: int) -> str:
    text = printable(text or "—").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(hits: list[Hit], width: int) -> str:
    """Hits as a table: rank, doc_id, date, body, and the sentence (wrapped) with «marks».

    An uncertain date or body (confidence below ``UNCERTAIN_BELOW``) ends in "?"; an
    article with uncertain facts says how many under its sentence.
    """
    id_w = min(24, max([len("doc_id")] + [len(h.doc_id) for h in hits]))
    body_w = 26
    head = f"{'#':>3}  {'doc_id':<{id_w}}  {'date':<11}  {'body':<{body_w}}  "
    text_w = max(30, width - len(head))
    lines = [head + "sentence"]
    for rank, hit in enumerate(hits, start=1):
        date, body = hit.flagged(hit.date, hit.date_confidence), hit.flagged(hit.body, hit.body_confidence)
        left = (f"{rank:>3}  {_clip(hit.doc_id, id_w):<{id_w}}  {_clip(date, 11):<11}  "
                f"{_clip(body, body_w):<{body_w}}  ")
        wrapped = textwrap.wrap(printable(hit.marked()).replace("\n", " "), text_w) or [""]
        if hit.uncertain:
            wrapped.append(f"({hit.uncertain} uncertain facts: confidence below {UNCERTAIN_BELOW})")
        lines.append(left + wrapped[0])
        lines += [" " * len(head) + more for more in wrapped[1:]]
    return "\n".join(lines)


@click.command("search")
@click.argument("text", required=False, default="")
@click.option("--person", help="Someone named in the article: \"Lâm Đức Xuân\" or \"lam duc xuan\".")
@click.option("--body", help="A body hosting the meeting, giving an award or in a title: \"Sở Y tế\".")
@click.option("--award", help="Words of an award's title: \"lao dong tien tien\".")
@click.option("--year", type=click.IntRange(1900, 2100), help="The meeting's year (else the publication's).")
@click.option("--kind", type=click.Choice(KINDS), help="Articles stating a percentage of this kind.")
@click.option("--quantity", help="Words of a count or amount's subject or unit: \"dang vien\", \"ty dong\".")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most hits to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a hit, a line each.")
@_db_option
def search(text: str, person: str | None, body: str | None, award: str | None, year: int | None,
           kind: str | None, quantity: str | None, limit: int, as_json: bool, db: str) -> None:
    """Search the archive: words of the text and filters, with or without diacritics; best hits first.

    Example: hoinghi search "lam duc xuan" --year 2024 --db archive.db
    Example: hoinghi search --quantity "dang vien" --db archive.db

    Words must all occur ("quoted words" next to each other); each hit shows
    its article, date, body and the sentence with the match «marked». Words
    that begin with "-" need "--" before them, as in any command:
    hoinghi search --db archive.db -- "-xuan". At most 500 characters.
    """
    from hoinghi.pipeline.archive.store import open_archive

    if not any([text.strip(), person, body, award, year, kind, quantity]):
        raise click.UsageError("give words to search for, or --person, --body, --award, --year, --kind or --quantity")
    try:
        with open_archive(db, create=False) as archive:
            hits = archive.search(text, person=person, body=body, award=award, year=year, kind=kind,
                                  quantity=quantity, limit=limit)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        for hit in hits:
            click.echo(json.dumps(hit.to_json(), ensure_ascii=False))
    elif hits:
        click.echo(format_table(hits, shutil.get_terminal_size((120, 24)).columns))
    if not hits:
        click.echo("no article matches", err=True)


@click.command("serve")
@click.argument("db")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port.")
def serve(db: str, host: str, port: int) -> None:
    """Browse and search an SQLite archive in a web page (Datasette, with hoinghi's pages and queries).

    Example: hoinghi serve archive.db --port 8001

    Then open http://127.0.0.1:8001/ : search by words, person, body, award,
    year or kind (/-/search), read an article with its facts highlighted
    (/-/article/DOC_ID), facet the tables, run the canned queries, or add
    .json to any URL for the JSON API.
    """
    from hoinghi.pipeline.web.serve import make_datasette

    try:
        app = make_datasette(db).app()
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    import uvicorn

    click.echo(f"serving {db} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = (index, search, serve)
