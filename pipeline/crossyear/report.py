"""One self-contained HTML report: per body, a chart of each series across years (matplotlib SVG inline,
flagged points red and linked to their evidence), then the findings, worst first.

    >>> html = render_report(analysis)                                      # doctest: +SKIP
    >>> "<svg" in html and "http" not in html.split("<body")[0]               # doctest: +SKIP
    True

Nothing in it is fetched from anywhere: no script, style sheet, font or image from another address.
"""
from __future__ import annotations

import html
import io
import re
from collections import defaultdict

from hoinghi.pipeline.crossyear.checks import Finding
from hoinghi.pipeline.crossyear.figures import Figure
from hoinghi.pipeline.crossyear.rounding import number_vi
from hoinghi.pipeline.crossyear.run import Analysis
from hoinghi.pipeline.crossyear.series import Series, linked

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em;max-width:1100px;color:#222}
h1{font-size:1.5em}h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #ddd;padding:4px;width:340px}
.chart h4{font-size:.85em;margin:.2em 0}.merger{color:#a60;font-size:.8em}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #ddd;padding:4px;vertical-align:top}
.inconsistent,.missed{background:#fde2e2}.consistent_by_rounding{background:#fff6d5}.consistent,.met{background:#e5f6e5}
.not_checkable{background:#eee}mark{background:#ffd54f}.fig{margin:.3em 0}.url{color:#555;font-size:.8em;word-break:break-all}
:target{outline:3px solid #e53935}
"""


def _fig_id(f: Figure) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", f"ev-{f.doc_id}-{f.source}-{f.index}-{f.evidence.start}")


def _chart(series: Series, flagged: dict[int, str]) -> str:
    """The series as a small SVG chart; a flagged point is red and links to its finding."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"
    plt.rcParams["svg.hashsalt"] = "hoinghi"
    pts = [p for p in sorted(series.points, key=lambda p: (p.year or 0, p.doc_id)) if p.year is not None]
    fig, ax = plt.subplots(figsize=(3.3, 1.9), dpi=72)
    try:
        xs, ys = [p.year for p in pts], [p.value for p in pts]
        ax.plot(xs, ys, color="#90a4ae", linewidth=1, zorder=1)
        for group, color, size in (([p for p in pts if id(p) not in flagged], "#1e88e5", 26),
                                   ([p for p in pts if id(p) in flagged], "#e53935", 34)):
            if group:  # flagged points drawn last, on top of a point of the same year and value
                dots = ax.scatter([p.year for p in group], [p.value for p in group], c=color, s=size, zorder=3)
                dots.set_urls([f"#{flagged.get(id(p), _fig_id(p))}" for p in group])
        for p in pts:
            if p.bound:
                ax.annotate({"over": "▲", "under": "▼", "about": "≈"}[p.bound], (p.year, p.value), fontsize=7,
                            xytext=(3, 3), textcoords="offset points")
        ax.set_xticks(sorted(set(xs)))
        ax.tick_params(labelsize=7)
        ax.set_ylabel(series.unit, fontsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout(pad=0.3)
        out = io.StringIO()
        fig.savefig(out, format="svg")
    finally:
        plt.close(fig)
    svg = out.getvalue()
    svg = svg[svg.index("<svg"):]
    return re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)


def _sentence(f: Figure) -> str:
    s, ev = f.sentence, f.evidence
    a, b = ev.start - s.start, ev.end - s.start
    return (html.escape(s.text[:a]) + f"<mark>{html.escape(s.text[a:b])}</mark>" + html.escape(s.text[b:]))


def _figure_html(f: Figure) -> str:
    where = html.escape(f.url or "")
    return (f'<div class="fig" id="{_fig_id(f)}"><b>{html.escape(f.value_text)}</b> {html.escape(f.unit)} '
            f'({f.year or "?"}, {html.escape(f.doc_id)}, {f.source}{", " + f.bound if f.bound else ""}; '
            f'ký tự {f.evidence.start}–{f.evidence.end})<br>«{_sentence(f)}»'
            + (f'<div class="url">{where}</div>' if where else "") + "</div>")


def _finding_row(n: int, f: Finding) -> str:
    calc = "" if f.recomputed is None else f"{number_vi(f.recomputed)} (± {number_vi(f.tolerance or 0)})"
    return (f'<tr id="f{n}" class="{f.status}"><td>{html.escape(f.check)}</td><td>{html.escape(f.status)}</td>'
            f"<td>{f.year or ''}</td><td>{html.escape(f.subject)}</td><td>{html.escape(calc)}</td>"
            f"<td>{html.escape(f.why)}</td><td>{''.join(_figure_html(x) for x in f.figures)}</td></tr>")


def render_report(analysis: Analysis, *, all_findings: bool = False, title: str = "hoinghi: số liệu qua các năm") -> str:
    """The whole report as one HTML string (charts inline)."""
    shown = [f for f in analysis.findings if all_findings or f.flags]
    number = {id(f): n for n, f in enumerate(shown, start=1)}
    flagged_point: dict[int, str] = {}
    for f in shown:
        if f.flags:
            for x in f.figures:
                flagged_point.setdefault(id(x), f"f{number[id(f)]}")
    per_body: dict[str, list[Series]] = defaultdict(list)
    for s in linked(analysis.series):
        per_body[s.body_name].append(s)
    findings_of: dict[str, list[Finding]] = defaultdict(list)
    for f in shown:
        findings_of[f.body].append(f)
    parts = [f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
             f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>",
             f"<p>{len(analysis.bodies)} cơ quan, {len(linked(analysis.series))} chuỗi số liệu, "
             f"{sum(f.flags for f in analysis.findings)} phát hiện cần xem.</p><ul>"]
    for b in analysis.bodies:
        anchor = re.sub(r"\W", "_", b.key)
        parts.append(f'<li><a href="#b-{anchor}">{html.escape(b.name)}</a> ({len(b.doc_ids)} bài; '
                     f'{html.escape(", ".join(b.aliases))})</li>')
    parts.append("</ul>")
    for b in analysis.bodies:
        anchor = re.sub(r"\W", "_", b.key)
        place = b.body.place
        parts.append(f'<h2 id="b-{anchor}">{html.escape(b.name)}</h2>')
        if place and place.successor:
            parts.append(f'<p class="merger">Từ 1/7/2025 thuộc tỉnh, thành phố {html.escape(place.successor.name)} mới '
                         "(sáp nhập): chuỗi số liệu không nối sang.</p>")
        if place and place.predecessors:
            parts.append(f'<p class="merger">Hợp nhất từ {html.escape(", ".join(place.predecessors))} (1/7/2025).</p>')
        charts = per_body.get(b.name, [])
        parts.append('<div class="charts">')
        for s in charts:
            note = '<div class="merger">qua sáp nhập 1/7/2025</div>' if s.crosses_merger else ""
            target = " · chỉ tiêu" if s.kind == "target" else ""
            parts.append(f'<div class="chart"><h4>{html.escape(s.subject)} ({html.escape(s.unit)}){target}</h4>{note}'
                         f"{_chart(s, flagged_point)}</div>")
        parts.append("</div>")
        rows = findings_of.get(b.name, [])
        if rows:
            parts.append("<h3>Phát hiện</h3><table><tr><th>kiểm tra</th><th>kết luận</th><th>năm</th><th>chỉ tiêu</th>"
                         "<th>tính lại</th><th>vì sao</th><th>các số và câu chứa chúng</th></tr>")
            parts += [_finding_row(number[id(f)], f) for f in rows]
            parts.append("</table>")
        evidence = [p for s in charts for p in s.points if id(p) not in flagged_point]
        if evidence:
            parts.append("<h3>Nguồn của các điểm</h3>")
            parts += [_figure_html(p) for p in evidence]
            pass
    parts.append("</body></html>")
    return "".join(parts)
