"""A small bar chart as inline SVG: no script, no request to any other address.

    >>> svg = bar_chart([2023, 2024], {"Hội nghị / meetings": [3, 5], "Khen thưởng / awards": [2, 0]})
    >>> svg.count("<rect class=\\"bar")
    4
"""
from __future__ import annotations

from html import escape

COLOURS = ("#4c6ef5", "#f59f00", "#37b24d", "#e64980")


def bar_chart(years: list[int], series: dict[str, list[int]], *, height: int = 240, bar: int = 24) -> str:
    """Grouped bars, one group a year, one bar a series, each with its value as a tooltip and a label."""
    names = list(series)
    top = max((v for values in series.values() for v in values), default=0) or 1
    group = bar * len(names) + 14
    left, bottom, head = 34, 22, 16
    width = left + group * len(years) + 10
    scale = (height - bottom - head) / top
    parts = [f'<svg class="hoinghi-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height + 20 * len(names)}" role="img" aria-label="{escape(" · ".join(names))} by year">',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - 4}" y2="{height - bottom}" stroke="#999"/>',
]
    for i, year in enumerate(years):
        x0 = left + 7 + i * group
        for j, name in enumerate(names):
            value = series[name][i]
            h = round(value * scale)
            x, y = x0 + j * bar, height - bottom - h
            parts.append(f'<rect class="bar s{j}" x="{x}" y="{y}" width="{bar - 2}" height="{h}" '
                         f'fill="{COLOURS[j % len(COLOURS)]}"><title>{escape(name)} {year}: {value}</title></rect>')
            if value:
                parts.append(f'<text x="{x + (bar - 2) / 2}" y="{y - 3}" text-anchor="middle" font-size="9">{value}</text>')
        parts.append(f'<text x="{x0 + bar * len(names) / 2}" y="{height - 6}" text-anchor="middle" '
                     f'font-size="11">{year}</text>')
    for j, name in enumerate(names):
        y = height + 14 + 20 * j - 4
        parts.append(f'<rect x="{left}" y="{y - 10}" width="12" height="12" fill="{COLOURS[j % len(COLOURS)]}"/>'
                     f'<text x="{left + 18}" y="{y}" font-size="12">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


__all__ = ["bar_chart"]
