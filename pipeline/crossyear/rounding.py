"""What a written number allows: "98,6%" is 98,55..98,65, "hơn 67.000" is 67.000..68.000.

    >>> interval(67000, "hơn 67.000", "over")
    (67000.0, 68000.0)
    >>> interval(98.6, "98,6%", None)
    (98.55, 98.65)
"""
from __future__ import annotations

import re


def decimals(text: str) -> int:
    """Decimals written: "98,60%" → 2 (the zero kept), "67.055" → 0 (a dot groups thousands)."""
    m = re.search(r"\d+(?:[.,]\d+)*", text)
    if not m:
        return 0
    raw = m.group()
    if "," in raw:
        return len(raw.rsplit(",", 1)[1])
    if raw.count(".") == 1 and len(raw.split(".")[1]) != 3:
        return len(raw.split(".")[1])
    return 0


def step(value: float, text: str, *, rate: bool = False) -> float:
    """The rounding unit a written number shows: 1 for "67.055", 1000 for "67.000", 0,1 for "98,6"."""
    d = decimals(text)
    if d or rate:
        return 10.0 ** -d
    n = int(round(value))
    if n == 0:
        return 1.0
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    return 10.0 ** zeros


def interval(value: float, text: str, bound: str | None, *, rate: bool = False) -> tuple[float, float]:
    """The values a figure as written allows: exact ±half its last decimal, bounded by one rounding unit.

    A rate is rounded at its last written digit ("82%" is 81,5..82,5); a count is exact unless bounded.
    """
    s = step(value, text, rate=rate)
    d = decimals(text)
    if bound == "over":
        return (float(value), round(value + s, 9))
    if bound == "under":
        return (round(value - s, 9), float(value))
    if bound == "about":
        return (round(value - s, 9), round(value + s, 9))
    half = s / 2 if d or rate else 0.0
    return (round(value - half, 9), round(value + half, 9))


def number_vi(x: float) -> str:
    """A number as Vietnamese papers write it: 31620 → "31.620", 90.476 → "90,48"."""
    whole = f"{x:,.0f}" if abs(x - round(x)) < 1e-9 or abs(x) >= 1000 else f"{x:,.2f}"
    return whole.replace(",", " ").replace(".", ",").replace(" ", ".")
