"""hoinghi's Datasette plugin: folded search everywhere, a search page and the article page.

- ``hoinghi_fold(text)`` and ``hoinghi_match(query)`` in SQL on every connection;
  in the archive, Datasette's own ``?_search=`` goes through the same folding
  (so "lam duc xuan" and "Lâm Đức Xuân" both find the article);
- ``/-/search?q=lam+duc+xuan&year=2024``: ranked hits, the matching sentence marked;
- ``/-/article/<doc_id>``: the article with every fact's evidence highlighted;
- ``/-/crossyear?body=KTNN``: the cross-year report (series charted per body, findings worst first);
- ``doc_id`` cells of ``articles`` link to that page;
- read-only (any method but GET/HEAD/OPTIONS is a 405) and its own error pages
  (an unknown URL is a 404, see :func:`handle_exception`).

``serve.make_datasette`` registers it; the archive's name is in the
metadata: ``plugins: {hoinghi: {database: archive}}``.
"""
from __future__ import annotations

import json
import sqlite3
import traceback
from typing import Any
from urllib.parse import parse_qsl, quote, unquote

from datasette import hookimpl
from datasette.utils.asgi import Base400, NotFound, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup, escape

from hoinghi.pipeline.archive.errors import ArchiveError
from hoinghi.pipeline.archive.hits import Hit
from hoinghi.pipeline.archive.query import KINDS, MAX_QUERY_CHARS, NO_MATCH, SearchQuery
from hoinghi.pipeline.archive.sqlite import SQLiteArchive, register_functions
from hoinghi.pipeline.web.chart import bar_chart
from hoinghi.pipeline.web.highlight import KIND_LABELS, fact_spans, marked_html
from hoinghi.pipeline.web.labels import vi_label
from hoinghi.pipeline.web.start import start_facts
from hoinghi.schemas import UNCERTAIN_BELOW, ArticleFacts, is_uncertain

_CODED = {("people", "roles"), ("percentages", "kind"), ("awards", "recipient")}  # shown in Vietnamese too
FORM_FIELDS = ("q", "person", "body", "award", "year", "kind")


def _archive_name(datasette: Any) -> str | None:
    return (datasette.plugin_config("hoinghi") or {}).get("database")


def fts_match(query: str | None) -> str:
    """The FTS5 expression for what was typed, folded as the index: ``'Lâm Đức' → '- {facets} : ("lam" AND "duc")'``.

    Typed punctuation alone (``"``, ``*``, ``(``) has no words, and matches nothing rather than failing.
    """
    return SearchQuery.parse(query or "").fts5() or NO_MATCH


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    register_functions(conn)
    conn.create_function("hoinghi_match", 1, fts_match, deterministic=True)
    conn.create_function("hoinghi_vi", 1, vi_label, deterministic=True)
    if database == _archive_name(datasette):
        # Runs after Datasette's own escape_fts: table searches (?_search=) fold like the index does.
        conn.create_function("escape_fts", 1, fts_match, deterministic=True)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/search$", search_page), (r"^/-/search\.json$", search_json),
            (r"^/-/article/(?P<doc_id>[^/]+)$", article_page), (r"^/-/crossyear$", crossyear_page)]


def article_path(doc_id: str) -> str:
    """The article page of a doc_id, every character but letters and digits escaped: ``'a/b?' → '/-/article/a%2Fb%3F'``."""
    return "/-/article/" + quote(str(doc_id), safe="")


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    env.filters["article_path"] = article_path
    env.filters["vi_label"] = vi_label


@hookimpl
def extra_template_vars(template: str, datasette: Any) -> Any:
    """The start page's figures (``index.html``): see :func:`pipeline.web.start.start_facts`."""
    if template != "index.html":
        return None

    async def inner() -> dict[str, Any]:
        name = _archive_name(datasette)
        if name is None or name not in datasette.databases:
            return {}
        facts = await datasette.get_database(name).execute_fn(start_facts)
        chart = bar_chart(facts["years"], {"Hội nghị / meetings": facts["meetings"],
                                           "Khen thưởng / awards": facts["awards"]})
        return {"hoinghi": {**facts, "database": name, "chart": Markup(chart)}}

    return inner


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Markup | None:
    if database != _archive_name(datasette) or not value:
        return None
    if column == "doc_id" and table in ("articles", None):  # None: a canned query's row
        href = datasette.urls.path(article_path(value))
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    if (table, column) in _CODED:
        return Markup(escape(vi_label(str(value))))
    return None


_READ_METHODS = ("GET", "HEAD", "OPTIONS")
_UNCAPPED = ("sql",)  # Datasette's own SQL box: its time limit guards it


def too_long(query_string: str) -> str | None:
    """Why a request's parameters are refused, if one (but ``sql``) is longer than a search may be.

    >>> too_long("q=" + "a" * 600)
    'the parameter q is 600 characters long; a search takes at most 500'
    """
    for key, value in parse_qsl(query_string, keep_blank_values=True):
        if key not in _UNCAPPED and len(value) > MAX_QUERY_CHARS:
            return f"the parameter {key} is {len(value):,} characters long; a search takes at most {MAX_QUERY_CHARS}"
    return None


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    """The served archive is read-only: a POST, PUT or DELETE is a 405 before any view sees it;
    a parameter longer than a search may be (:func:`too_long`) is a 400.

    (Datasette's table view met a POST with an ``AssertionError``, a 500.)
    """
    def wrap(app: Any) -> Any:
        async def read_only(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope["method"] not in _READ_METHODS:
                response = Response.text("this archive is read-only: only GET requests", status=405,
                                         headers={"Allow": ", ".join(_READ_METHODS)})
                await response.asgi_send(send)
                return
            if scope["type"] == "http" and (problem := too_long(scope.get("query_string", b"").decode("latin-1"))):
                await Response.text(problem, status=400).asgi_send(send)
                return
            await app(scope, receive, send)

        return read_only

    return wrap


@hookimpl
def handle_exception(datasette: Any, request: Any, exception: BaseException) -> Any:
    """Error pages in place of Datasette's default handler, which serve.py unregisters.

    That handler prints every error with ``rich`` (locals and all), and rich
    raises ``ValueError`` when called outside an ``except`` block, as Datasette
    does for a URL no route matches: every unknown URL became a 500. Here an
    unknown URL or row is a 404, a bad request its own 4xx, and only a real
    fault a 500, its traceback printed once, without locals.
    """
    async def inner() -> Response:
        status, message, title = 500, str(exception), None
        if isinstance(exception, Base400):
            status, message = exception.status, exception.args[0] if exception.args else "error"
        elif isinstance(exception, DatasetteError):
            status, message, title = exception.status, exception.message, exception.title
            if exception.message_is_html:
                message = Markup(message)
        else:
            traceback.print_exception(exception)
        info = {"ok": False, "error": message, "status": status, "title": title}
        if request.path.endswith(".json"):
            return Response.json(info, status=status)
        return Response.html(await datasette.render_template(["error.html"], info, request=request), status=status)

    return inner


async def _not_found(datasette: Any, request: Any, message: str) -> Response:
    context = {"ok": False, "error": message, "status": 404, "title": None}
    return Response.html(await datasette.render_template("error.html", context, request=request), status=404)


def _database(datasette: Any) -> tuple[str, Any]:
    name = _archive_name(datasette)
    if name is None or name not in datasette.databases:
        raise NotFound("no hoinghi archive is being served")
    return name, datasette.get_database(name)


async def _search(datasette: Any, request: Any) -> tuple[str, dict[str, str], list[Hit], str | None]:
    """What the form asked, and the archive's own ranked search of it (the one ``hoinghi search`` runs)."""
    name, db = _database(datasette)
    form = {key: (request.args.get(key) or "").strip() for key in FORM_FIELDS}
    hits: list[Hit] = []
    error = None
    if any(form.values()):
        try:
            if form["year"] and not form["year"].isdigit():
                raise ArchiveError("search", f"year {form['year']!r} is not a number")
            kwargs = {"person": form["person"] or None, "body": form["body"] or None, "award": form["award"] or None,
                      "year": int(form["year"]) if form["year"] else None, "kind": form["kind"] or None, "limit": 50}

            def run(conn: sqlite3.Connection) -> list[Hit]:
                return SQLiteArchive.on_connection(conn, name).search(form["q"], **kwargs)

            hits = await db.execute_fn(run)
        except ArchiveError as exc:
            error = str(exc)
    return name, form, hits, error


async def search_page(datasette: Any, request: Any) -> Response:
    """The search form and its ranked hits."""
    name, form, hits, error = await _search(datasette, request)
    context = {"form": form, "hits": hits, "error": error, "kinds": KINDS, "database": name,
               "searched": any(form.values()), "note": _uncertain_badge}
    return Response.html(await datasette.render_template("hoinghi_search.html", context, request=request))


async def search_json(datasette: Any, request: Any) -> Response:
    """The same search as JSON: ``/-/search.json?q=lam+duc+xuan`` → ``{"ok": true, "hits": [{"doc_id": ...}]}``."""
    _, form, hits, error = await _search(datasette, request)
    if error is not None:
        return Response.json({"ok": False, "error": error, "query": form}, status=400)
    return Response.json({"ok": True, "query": form, "hits": [hit.to_json() for hit in hits]})


async def article_page(datasette: Any, request: Any) -> Response:
    """One article with its facts highlighted in the text and listed beside it."""
    name, db = _database(datasette)
    doc_id = unquote(request.url_vars["doc_id"])  # the route matches the raw path: "h%E1%BB%99i%20ngh%E1%BB%8B"
    row = (await db.execute("SELECT text, facts FROM articles WHERE doc_id = ?", [doc_id])).first()
    if row is None:
        return await _not_found(datasette, request, f"{doc_id}: not in the archive {name}")
    record = ArticleFacts.model_validate({**json.loads(row["facts"]), "text": row["text"]})
    context = {"record": record, "doc_id": doc_id, "database": name, "kinds": KIND_LABELS,
               "text_html": Markup(marked_html(record.text, fact_spans(record))),
               "note": _uncertain_badge, "uncertain_below": UNCERTAIN_BELOW}
    return Response.html(await datasette.render_template("hoinghi_article.html", context, request=request))


def _uncertain_badge(confidence: float | None) -> Markup:
    """A badge after an uncertain fact on the article page: ``chưa chắc / uncertain 0.79``."""
    if not is_uncertain(confidence):
        return Markup("")
    return Markup('<span class="hoinghi-uncertain" title="confidence: the measured precision of the rule that '
                  'found it">chưa chắc / uncertain {:.2f}</span>').format(confidence)


async def crossyear_page(datasette: Any, request: Any) -> Response:
    """The cross-year report of the archive, as ``hoinghi report`` writes it (``?body=`` words of a body)."""
    from hoinghi.pipeline.crossyear.report import render_report
    from hoinghi.pipeline.crossyear.run import analyse

    name, db = _database(datasette)
    body = (request.args.get("body") or "").strip() or None

    def run(conn: sqlite3.Connection) -> str:
        archive = SQLiteArchive.on_connection(conn, name)
        return render_report(analyse(list(archive.records()), body=body), all_findings=bool(request.args.get("all")))

    return Response.html(await db.execute_fn(run))
