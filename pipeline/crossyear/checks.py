"""The checks: each a row with its verdict, every figure's evidence, the value recomputed and the tolerance.

Statuses, as statcheck gives them: ``inconsistent``, ``consistent``, ``consistent_by_rounding``
(holds only once the written rounding is allowed for), ``not_checkable`` (with why); a target's
verdict is ``met`` or ``missed``.

    >>> [f.check for f in run_checks(figures, series) if f.flags]          # doctest: +SKIP
    ['conflict', 'fraction_mismatch']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hoinghi import rules
from hoinghi.pipeline.crossyear.figures import Figure
from hoinghi.pipeline.crossyear.measures import Measures
from hoinghi.pipeline.crossyear.rounding import interval, number_vi
from hoinghi.pipeline.crossyear.series import Series

#: Verdicts that flag nothing; a target's ``met`` is reported (an analyst follows targets) but is not a fault.
QUIET = frozenset({"consistent", "consistent_by_rounding", "not_checkable"})
_CLAUSE_START = re.compile(r"[(;:]|\btrong đó\b")
_CLAUSE_END = re.compile(r"[);]|\.(?:\s|$)")


@dataclass
class Finding:
    """One check made: ``Finding("conflict", "inconsistent", ...)``; ``flags`` when a person should look."""

    check: str
    status: str
    body: str
    subject: str
    year: int | None
    figures: list[Figure]
    recomputed: float | None = None
    tolerance: float | None = None
    why: str = ""
    crosses_merger: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def flags(self) -> bool:
        return self.status not in QUIET

    @property
    def severity(self) -> float:
        """How far off: the relative gap between what is written and what it should be (0 when quiet)."""
        if not self.flags:
            return 0.0
        if self.status == "met":
            return 0.1
        if self.recomputed is None or not self.figures:
            return 1.0
        stated = self.extra.get("stated", self.figures[0].value)
        return abs(stated - self.recomputed) / max(abs(self.recomputed), 1e-9) + (1.0 if self.status == "inconsistent" else 0.5)

    def to_json(self) -> dict[str, Any]:
        """One line of ``hoinghi check --json``."""
        return {"check": self.check, "status": self.status, "body": self.body, "subject": self.subject,
                "year": self.year, "recomputed": None if self.recomputed is None else round(self.recomputed, 4),
                "tolerance": None if self.tolerance is None else round(self.tolerance, 4), "why": self.why,
                "crosses_merger": self.crosses_merger, **self.extra,
                "figures": [f.to_json() for f in self.figures]}


def _verdict(stated_lo: float, stated_hi: float, value: float, exact: float) -> str:
    if abs(value - exact) < 1e-9:
        return "consistent"
    if stated_lo - 1e-9 <= value <= stated_hi + 1e-9:
        return "consistent_by_rounding"
    return "inconsistent"


def fraction_checks(figures: list[Figure]) -> list[Finding]:
    """A percentage against its own fraction ("82% (40.975/49.940)"), allowing the rounding written."""
    out = []
    for p in figures:
        if p.source != "percentage" or p.numerator is None or not p.denominator:
            continue
        parts = [f for f in figures if f.doc_id == p.doc_id and f.index == p.index and f.source in ("numerator", "denominator")]
        recomputed = p.numerator / p.denominator * 100
        lo, hi = interval(p.value, p.value_text, None, rate=True)
        status = _verdict(lo, hi, recomputed, p.value)
        out.append(Finding("fraction_mismatch", status, p.body.name, p.subject, p.year, [p, *parts], recomputed,
                           (hi - lo) / 2, f"{number_vi(p.numerator)}/{number_vi(p.denominator)} = {number_vi(recomputed)}% against {p.value_text}"))
    return out


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    nxt = _CLAUSE_END.search(text, end)
    return left, nxt.start() if nxt else len(text)


def growth_checks(figures: list[Figure], series: list[Series]) -> list[Finding]:
    """A stated change ("tăng 17,57% so với năm 2021") against the two figures it compares."""
    table = rules.load("crossyear")
    change, compared = table.pattern("change_word").regex, table.pattern("compared_with").regex
    series_of = {id(f): s for s in series for f in s.points}
    out = []
    for p in figures:
        if p.source != "percentage":
            continue
        text, base = p.sentence.text, p.sentence.start
        s, e = p.evidence.start - base, p.evidence.end - base
        left, right = _clause(text, s, e)
        words = [m for m in change.finditer(text, left, s)]
        comp = compared.search(text, e, right)
        if not words or comp is None:
            continue
        sign = -1 if words[-1].group("dir").lower() == "giảm" else 1
        this_year = p.year
        base_year = int(comp.group("year")) if comp.group("year") else (this_year - 1 if this_year else None)
        after = text[e:e + 30].lower()
        before = [f for f in figures if f.doc_id == p.doc_id and f.source == "quantity"
                  and f.sentence.start == p.sentence.start and f.evidence.end <= p.evidence.start]
        named = [f for f in before if f.unit and after.lstrip(" ,").startswith(f.unit.split()[0])]
        current = (named or before)[-1] if (named or before) else None
        if current is None:
            out.append(Finding("growth_mismatch", "not_checkable", p.body.name, p.subject, this_year, [p],
                               why="no figure before the stated change in its sentence"))
            continue
        own = series_of.get(id(current))
        earlier = [f for f in (own.points if own else []) if f.year == base_year and f.doc_id != p.doc_id
                   and f.kind == current.kind]
        if not earlier:
            out.append(Finding("growth_mismatch", "not_checkable", p.body.name, current.subject, this_year,
                               [p, current], why=f"the {base_year} figure of this measure is not in the archive"))
            continue
        prev = sorted(earlier, key=lambda f: (f.bound is not None, f.doc_id))[0]
        if not prev.value:
            out.append(Finding("growth_mismatch", "not_checkable", p.body.name, current.subject, this_year,
                               [p, current, prev], why=f"the {base_year} figure is 0: no change in percent"))
            continue
        if (current.body.place and prev.body.place and current.body.place.key != prev.body.place.key):
            out.append(Finding("growth_mismatch", "not_checkable", p.body.name, current.subject, this_year,
                               [p, current, prev], why="the two figures are of different territories (a merger)",
                               crosses_merger=True))
            continue
        recomputed = (current.value / prev.value - 1) * 100 * sign
        lo, hi = interval(p.value, p.value_text, None, rate=True)
        c_lo, c_hi = interval(current.value, current.value_text, current.bound)
        q_lo, q_hi = interval(prev.value, prev.value_text, prev.bound)
        ends = [(c / q - 1) * 100 * sign for c in (c_lo, c_hi) for q in (q_lo, q_hi) if q > 0] or [recomputed]
        r_lo, r_hi = min(ends), max(ends)
        if abs(recomputed - p.value) < 1e-9:
            status = "consistent"
        elif r_hi + 1e-9 >= lo and r_lo - 1e-9 <= hi:
            status = "consistent_by_rounding"
        else:
            status = "inconsistent"
        out.append(Finding("growth_mismatch", status, p.body.name, current.subject, this_year, [p, current, prev],
                           recomputed, (hi - lo) / 2 + (r_hi - r_lo) / 2,
                           f"{current.value_text} / {prev.value_text} ({base_year}) → "
                           f"{'tăng' if sign > 0 else 'giảm'} {number_vi(recomputed)}% against {p.value_text}",
                           extra={"stated": p.value}))
    return out


def sum_checks(figures: list[Figure], measures: Measures) -> list[Finding]:
    """Parts listed after a total ("gồm", "trong đó") against it; parts below a "trong đó" total are fine."""
    table = rules.load("crossyear")
    cues = {"all": table.pattern("parts_all").regex, "some": table.pattern("parts_some").regex}
    out = []
    quantities = sorted((f for f in figures if f.source == "quantity" and f.kind != "other"),
                        key=lambda f: (f.doc_id, f.evidence.start))
    for i, total in enumerate(quantities):
        text = total.sentence.text
        tail_start = total.evidence.end - total.sentence.start
        head = text[tail_start:tail_start + 60]
        if head.lstrip().lower().startswith(total.unit):  # evidence of the number alone: skip its unit
            head = head.lstrip()[len(total.unit):]
        # what the total counts may follow its unit: "3.600 hộ phụ nữ nghèo, gồm ..."
        words = re.match(r"(?:\s+[^\W\d]+){1,6}?(?=\s*[,:]?\s*(?:bao\s+gồm|gồm|trong\s+đó)\s)", head, re.IGNORECASE)
        heads = (head, head[words.end():]) if words else (head,)
        kind = next((k for h in heads for k, rx in cues.items() if rx.match(h) or rx.match(h.lstrip(" ,:"))), None)
        if kind is None:
            continue
        parts = []
        for f in quantities[i + 1:]:
            if f.doc_id != total.doc_id or f.sentence.start != total.sentence.start:
                break
            if ";" in total.sentence.text[tail_start:f.evidence.start - total.sentence.start]:
                break  # a list of parts ends at its clause
            if measures.units_agree(f.unit, total.unit):
                parts.append(f)
        if len(parts) < 2:
            continue
        part_sum = sum(f.value for f in parts)
        lo, hi = interval(total.value, total.value_text, total.bound)
        sum_lo = sum(interval(f.value, f.value_text, f.bound)[0] for f in parts)
        if part_sum == total.value:
            status = "consistent"
        elif sum_lo <= hi + 1e-9 and (kind == "some" or part_sum >= lo - 1e-9):
            status = "consistent_by_rounding" if part_sum > total.value or kind == "all" else "consistent"
        elif sum_lo > hi + 1e-9:
            status = "inconsistent"
        else:
            status = "not_checkable"
        why = (f"{' + '.join(f.value_text for f in parts)} = {number_vi(part_sum)} against {total.value_text}"
               + (" (parts of a 'gồm' list below the total: some may be unlisted)" if status == "not_checkable" else ""))
        out.append(Finding("sum_mismatch", status, total.body.name, total.subject, total.year, [total, *parts],
                           part_sum, hi - total.value, why, extra={"stated": total.value, "parts": kind}))
    return out


def _cumulative(f: Figure) -> bool:
    if f.source == "denominator":
        return False
    low = f.subject.lower()
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low) for w in rules.load("crossyear").lexicon("cumulative"))


def conflict_checks(series: list[Series]) -> list[Finding]:
    """Two articles giving one body's measure for one year: a bounded figure agrees with an exact one inside it."""
    out = []
    for s in series:
        pts = [p for p in s.points if p.year is not None]
        for i, a in enumerate(pts):
            for b in pts[i + 1:]:
                if a.year != b.year or a.doc_id == b.doc_id or a.kind != b.kind:
                    continue
                rate = a.unit == "%"
                a_lo, a_hi = interval(a.value, a.value_text, a.bound, rate=rate)
                b_lo, b_hi = interval(b.value, b.value_text, b.bound, rate=rate)
                if a.body.place and b.body.place and a.body.place.key != b.body.place.key:
                    status, why = "not_checkable", "different territories (before and after a merger)"
                elif a.article_year != b.article_year and (_cumulative(a) or _cumulative(b)):
                    status, why = "not_checkable", "a count that grows as work goes on, taken in different years"
                elif a.value == b.value and a.bound == b.bound:
                    status, why = "consistent", f"{a.value_text} = {b.value_text}"
                elif a_lo <= b_hi + 1e-9 and b_lo <= a_hi + 1e-9:
                    status, why = "consistent_by_rounding", f"{a.value_text} and {b.value_text} overlap once rounded"
                else:
                    status = "inconsistent"
                    why = f"{a.value_text} ({a.doc_id}) against {b.value_text} ({b.doc_id}): {number_vi(abs(a.value - b.value))} {a.unit} apart"
                exact = next((p for p in (a, b) if p.bound is None), a)
                other = b if exact is a else a
                out.append(Finding("conflict", status, s.body_name, s.subject, a.year, [a, b], exact.value,
                                   (max(a_hi, b_hi) - min(a_lo, b_lo)) / 2, why, extra={"stated": other.value}))
    return out


def target_checks(series: list[Series], measures: Measures) -> list[Finding]:
    """A target set for year Y against the result reported for Y (a lower target for "giảm" is not read)."""
    out = []
    results = [(s, p) for s in series for p in s.points if p.kind == "result" and p.year]
    for s in series:
        for t in (p for p in s.points if p.kind == "target" and p.year):
            matches = [(measures.same(t.subject, t.unit, r.subject, r.unit), r) for rs, r in results
                       if rs.body_key == s.body_key and r.year == t.year]
            matches = [(score, r) for score, r in matches if score > 0]
            if not matches:
                continue
            _, r = max(matches, key=lambda m: m[0])
            rate = t.unit == "%"
            t_lo, _ = interval(t.value, t.value_text, t.bound, rate=rate)
            r_lo, r_hi = interval(r.value, r.value_text, r.bound, rate=rate)
            met = r_hi >= t_lo - 1e-9
            gap = r.value - t.value
            out.append(Finding("target_met" if met else "target_missed", "met" if met else "missed", s.body_name,
                               t.subject, t.year, [t, r], r.value, r_hi - r.value,
                               f"target {t.value_text} for {t.year}, result {r.value_text} ({'+' if gap >= 0 else '−'}{number_vi(abs(gap))} {t.unit})",
                               extra={"stated": t.value}))
    return out


def run_checks(figures: list[Figure], series: list[Series], measures: Measures) -> list[Finding]:
    """Every check made, worst first."""
    found = (fraction_checks(figures) + sum_checks(figures, measures) + growth_checks(figures, series)
             + conflict_checks(series) + target_checks(series, measures))
    return sorted(found, key=lambda f: (-f.severity, f.body, f.year or 0, f.check))
