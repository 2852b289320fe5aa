"""Units as series show them: counts without their multiplier, money in the unit the papers write.

    >>> in_series_unit(24, "nghìn đảng viên")
    (24000.0, 'đảng viên')
    >>> in_series_unit(67.055, "nghìn tỷ đồng")
    (67055.0, 'tỷ đồng')
"""
from __future__ import annotations

from functools import lru_cache

from hoinghi import rules
from hoinghi.pipeline.crossyear.words import norm


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, float], frozenset[str]]:
    table = rules.load("crossyear")
    mult = {norm(k): float(v) for k, _, v in (e.partition(" = ") for e in table.lexicon("multipliers"))}
    return mult, frozenset(norm(m) for m in table.lexicon("money"))


def split_unit(unit: str) -> tuple[float, str]:
    """The multiplier words before a unit and the unit: "1,5 triệu lượt" → (1e6, "lượt")."""
    mult, _ = _tables()
    words = norm(unit).split()
    factor = 1.0
    while words and words[0] in mult and len(words) > 1:
        factor *= mult[words.pop(0)]
    return factor, " ".join(words)


def in_series_unit(value: float, unit: str) -> tuple[float, str]:
    """A count with its multiplier applied; money kept in tỷ (or triệu) đồng as written."""
    mult, money = _tables()
    factor, base = split_unit(unit)
    if base in money:
        if factor >= 1e9:
            return round(value * factor / 1e9, 6), f"tỷ {base}"
        if factor >= 1e6:
            return round(value * factor / 1e6, 6), f"triệu {base}"
        return value * factor, base
    return round(value * factor, 6), base
