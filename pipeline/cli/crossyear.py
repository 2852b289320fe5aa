"""``hoinghi bodies``, ``series``, ``check`` and ``report``: thin commands over ``pipeline.crossyear``.

    hoinghi bodies --db archive.db
    hoinghi series --db archive.db --body "Kiểm toán Nhà nước" --json
    hoinghi check --db archive.db --year 2022 --json
    hoinghi report --db archive.db -o report.html
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from hoinghi.pipeline.archive.errors import ArchiveError
from hoinghi.pipeline.cli.archive import _db_option
from hoinghi.pipeline.errors import HoinghiError

PINS_HELP = "Pins and splits of body names (YAML); default: BODIES.yaml beside an SQLite archive if there."


def _pins_option(func):  # type: ignore[no-untyped-def]
    return click.option("--pins", type=click.Path(path_type=Path), help=PINS_HELP)(func)


def _analyse(db: str, pins: Path | None, body: str | None):  # type: ignore[no-untyped-def]
    from hoinghi.pipeline.archive.store import is_postgres, open_archive
    from hoinghi.pipeline.crossyear.bodies import Pins
    from hoinghi.pipeline.crossyear.run import analyse

    if pins is None and not is_postgres(db):
        beside = Path(db).with_suffix(".bodies.yaml")
        pins = beside if beside.exists() else None
    try:
        with open_archive(db, create=False) as archive:
            return analyse(list(archive.records()), pins=Pins.read(pins), body=body)
    except (ArchiveError, HoinghiError) as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("bodies")
@_db_option
@_pins_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object a body, a line each.")
def bodies(db: str, pins: Path | None, as_json: bool) -> None:
    """List canonical bodies with the names they are written under and their article counts.

    Example: hoinghi bodies --db archive.db

    Pin or split names in a YAML file (--pins, or ARCHIVE.bodies.yaml):
    pins: {"VP TU": "Văn phòng Tỉnh ủy tỉnh Cao Bằng"}  splits: ["Văn phòng"]
    """
    result = _analyse(db, pins, None)
    for entry in result.bodies:
        if as_json:
            click.echo(json.dumps(entry.to_json(), ensure_ascii=False))
            continue
        place = entry.body.place
        merger = f"  → {place.successor.label}" if place and place.successor else ""
        click.echo(f"{entry.name}  [{entry.body.level or '?'}]  {len(entry.doc_ids)} bài{merger}")
        for alias, n in entry.aliases.most_common():
            click.echo(f"    {alias}  ×{n}")


@click.command("series")
@_db_option
@_pins_option
@click.option("--body", help="Words of a body's name: \"Kiểm toán Nhà nước\", \"KTNN\".")
@click.option("--subject", help="Words of the measure: \"kiến nghị xử lý\".")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a series (shared/crossyear/README.md format).")
def series(db: str, pins: Path | None, body: str | None, subject: str | None, as_json: bool) -> None:
    """A body's figures by measure, one point a year and article (series of two points or more).

    Example: hoinghi series --db archive.db --body KTNN --subject "xử lý tài chính"
    """
    from hoinghi.pipeline.crossyear.series import linked
    from hoinghi.pipeline.crossyear.words import norm

    result = _analyse(db, pins, body)
    for s in linked(result.series):
        if subject and norm(subject) not in norm(s.subject):
            continue
        if as_json:
            click.echo(json.dumps(s.to_json(), ensure_ascii=False))
            continue
        merger = "  (qua sáp nhập 1/7/2025)" if s.crosses_merger else ""
        target = " · chỉ tiêu" if s.kind == "target" else ""
        click.echo(f"{s.body_name} | {s.subject} ({s.unit}){target}{merger}")
        for p in sorted(s.points, key=lambda p: (p.year or 0, p.doc_id)):
            click.echo(f"    {p.year or '?':>4}  {p.value_text:>16}  {p.doc_id}")


@click.command("check")
@_db_option
@_pins_option
@click.option("--body", help="Words of a body's name.")
@click.option("--year", type=click.IntRange(1900, 2100), help="Only findings about this year.")
@click.option("--all", "show_all", is_flag=True, help="Every check made, the consistent ones too.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a finding, a line each.")
def check(db: str, pins: Path | None, body: str | None, year: int | None, show_all: bool, as_json: bool) -> None:
    """Check figures across articles and years: fractions, sums, growth, conflicts, targets.

    Example: hoinghi check --db archive.db --year 2022 --json

    By default only what needs a person's eye (inconsistent; targets met or missed);
    each finding names every figure with its article, words and sentence.
    """
    result = _analyse(db, pins, body)
    shown = [f for f in result.findings if (show_all or f.flags) and (year is None or f.year == year)]
    for f in shown:
        if as_json:
            click.echo(json.dumps(f.to_json(), ensure_ascii=False))
            continue
        click.echo(f"[{f.status}] {f.check} · {f.body} · {f.subject} · {f.year or '?'}: {f.why}")
        for x in f.figures:
            click.echo(f"    {x.doc_id}  {x.value_text!r} {x.unit}  «{x.sentence.text[:140]}»")
    if not shown and not as_json:
        click.echo("no finding", err=True)


@click.command("report")
@_db_option
@_pins_option
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The HTML file to write.")
@click.option("--body", help="Words of a body's name.")
@click.option("--all", "show_all", is_flag=True, help="List the consistent checks too.")
def report(db: str, pins: Path | None, output: Path, body: str | None, show_all: bool) -> None:
    """Write one self-contained HTML report: per body its series charted, flagged points linked to their sentences.

    Example: hoinghi report --db archive.db -o report.html
    """
    from hoinghi.pipeline.crossyear.report import render_report

    result = _analyse(db, pins, body)
    try:
        output.write_text(render_report(result, all_findings=show_all), encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot write the report ({exc.strerror})") from exc
    click.echo(f"wrote {output} ({output.stat().st_size // 1024} KB, {len(result.bodies)} bodies)", err=True)


COMMANDS = (bodies, series, check, report)
