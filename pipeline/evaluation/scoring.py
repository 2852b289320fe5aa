"""Score predicted records against gold, as docs/record.md describes (the reference scorer's rules).

Per article, then summed over the corpus (micro-average). The same numbers
as the reference scorer ``shared/score.py``:

    >>> result, errors = score({"a": gold}, {"a": predicted})
    >>> result["meeting_date"]["f"]
    1.0
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIELDS = ("meeting_date", "chairs", "people", "titles", "awards", "percentages", "quantities")
MAIN_FIELDS = ("meeting_date", "chairs", "awards", "percentages")
SECONDARY = ("percentage_subject", "percentage_year", "quantity_subject", "quantity_year",
             "award_issuer", "award_year", "host")
Record = dict[str, Any]

#: Multiplier words of a unit: "67.055 tỷ đồng" is 6.7055e13 đồng.
MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}

_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
         "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
         "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}


def norm(s: str | None) -> str:
    """``"Chiến sỹ thi đua”"`` → ``"chiến sĩ thi đua"``: NFC, casefold, new tones, no quotes."""
    s = unicodedata.normalize("NFC", s or "").casefold()
    for old, new in _TONE.items():
        s = s.replace(old, new)
    s = s.replace("ỹ", "ĩ")
    s = re.sub(r"[“”\"'‘’()\[\]]", " ", s)
    return re.sub(r"\s+", " ", s).strip(" .,;:-–")


def titles_agree(a: str | None, b: str | None) -> bool:
    """One contains the other, or they share most words; numbers both name must be the same."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    da, db = re.findall(r"\d+", a), re.findall(r"\d+", b)
    if da and db and da != db:
        return False  # "Huy hiệu 70 năm tuổi Đảng" is not "Huy hiệu 65 năm tuổi Đảng"
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def words(s: str | None) -> list[str]:
    """The words of ``s`` after :func:`norm`."""
    return re.findall(r"\w+", norm(s))


def word_f1(a: str | None, b: str | None) -> float:
    """Word-overlap F1 of two strings after :func:`norm`; both empty is 1.

    >>> round(word_f1("tổng thu ngân sách nhà nước", "thu ngân sách"), 3)
    0.667
    """
    wa, wb = Counter(words(a)), Counter(words(b))
    if not wa and not wb:
        return 1.0
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(wb.values()), common / sum(wa.values())
    return 2 * precision * recall / (precision + recall)


def base_quantity(q: Record) -> tuple[float | None, str]:
    """The value with its unit's multiplier applied, and the unit without it.

    >>> base_quantity({"value": 67055, "unit": "tỷ đồng"})
    (67055000000000.0, 'đồng')
    """
    value, parts = q.get("value"), norm(q.get("unit")).split()
    factor = 1.0
    while parts and parts[0] in MULTIPLIERS:
        factor *= MULTIPLIERS[parts.pop(0)]
    return (None if value is None else float(value) * factor), " ".join(parts)


def quantity_same(g: Record, p: Record) -> bool:
    """Equal values once multipliers are applied, and units that agree as award titles do."""
    gv, gu = base_quantity(g)
    pv, pu = base_quantity(p)
    return (gv is not None and pv is not None and math.isclose(gv, pv, rel_tol=1e-9)
            and (gu == pu or titles_agree(gu, pu)))


def load_records(path: str | Path) -> dict[str, Record]:
    """``doc_id`` → record, from a JSONL file."""
    out: dict[str, Record] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[str(rec["doc_id"])] = rec
    return out


def meeting_date(rec: Record) -> str | None:
    if "meeting_date" in rec:
        return rec["meeting_date"]
    return (rec.get("meeting") or {}).get("date")


def host(rec: Record) -> str | None:
    if "host" in rec:
        return rec["host"]
    return (rec.get("meeting") or {}).get("host")


def _year(v: Any) -> int | str | None:
    try:
        return None if v in (None, "") else int(v)
    except (TypeError, ValueError):
        return str(v)


def _greedy(gold: list[Record], pred: list[Record], same: Callable[[Record, Record], bool]) -> list[tuple[Record, Record]]:
    free = list(range(len(pred)))
    pairs = []
    for g in gold:
        for i in free:
            if same(g, pred[i]):
                pairs.append((g, pred[i]))
                free.remove(i)
                break
    return pairs


def pct_key(p: Record) -> tuple[float | None, Any, Any]:
    v = p.get("value")
    return (None if v is None else round(float(v), 2), p.get("numerator"), p.get("denominator"))


def award_same(g: Record, p: Record) -> bool:
    return (g.get("count") == p.get("count") and g.get("recipient") == p.get("recipient")
            and titles_agree(g.get("title"), p.get("title")))


class _Tally:
    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()
        self.kind_ok = 0
        self.kind_all = 0
        self.qkind_ok = 0
        self.qbound_ok = 0
        self.qall = 0
        self.secondary: dict[str, list[float]] = {k: [0.0, 0] for k in SECONDARY}  # sum, count
        self.errors: list[tuple[Any, ...]] = []

    def add(self, key: str, value: float) -> None:
        self.secondary[key][0] += value
        self.secondary[key][1] += 1

    def add_year(self, key: str, a: Record, b: Record) -> None:
        ya, yb = _year(a.get("year")), _year(b.get("year"))
        if ya is not None or yb is not None:
            self.add(key, ya == yb)


def _score_date(t: _Tally, doc_id: str, g: Record, p: Record) -> None:
    gd, pd = meeting_date(g), meeting_date(p)
    if gd and pd == gd:
        t.tp["meeting_date"] += 1
        return
    t.fn["meeting_date"] += bool(gd)
    t.fp["meeting_date"] += bool(pd)
    if gd or pd:
        t.errors.append((doc_id, "meeting_date", gd, pd))


def _score_people(t: _Tally, doc_id: str, g: Record, p: Record) -> None:
    gp, pp = g.get("people", []), p.get("people", []) or []
    for field, pick in (("people", lambda x: True), ("chairs", lambda x: "chair" in (x.get("roles") or []))):
        gs = Counter(norm(x["name"]) for x in gp if pick(x))
        ps = Counter(norm(x.get("name")) for x in pp if pick(x))
        both = gs & ps
        t.tp[field] += sum(both.values())
        t.fn[field] += sum((gs - both).values())
        t.fp[field] += sum((ps - both).values())
        if gs != ps:
            t.errors.append((doc_id, field, sorted((gs - both).elements()), sorted((ps - both).elements())))
    gt: dict[str, set[str]] = {}
    pt: dict[str, set[str]] = {}
    for x in gp:
        gt.setdefault(norm(x["name"]), set()).update(norm(s) for s in x.get("titles", []))
    for x in pp:
        pt.setdefault(norm(x.get("name")), set()).update(norm(s) for s in x.get("titles") or [])
    for name in gt.keys() & pt.keys():
        want, have = gt[name], pt[name]
        t.tp["titles"] += len(want & have)
        t.fn["titles"] += len(want - have)
        t.fp["titles"] += len(have - want)
        if want != have:
            t.errors.append((doc_id, "titles", name, sorted(want - have), sorted(have - want)))


def _match(t: _Tally, doc_id: str, field: str, gold: list[Record], pred: list[Record],
           same: Callable[[Record, Record], bool], shown: tuple[str, ...]) -> list[tuple[Record, Record]]:
    """Pair entries one to one, count tp/fp/fn, and note each unmatched entry as ``<field> missed/extra``."""
    pairs = _greedy(gold, pred, same)
    t.tp[field] += len(pairs)
    t.fn[field] += len(gold) - len(pairs)
    t.fp[field] += len(pred) - len(pairs)
    matched_g = [id(a) for a, _ in pairs]
    matched_p = [id(b) for _, b in pairs]
    for a in gold:
        if id(a) not in matched_g:
            t.errors.append((doc_id, f"{field} missed", *(a.get(k) for k in shown)))
    for b in pred:
        if id(b) not in matched_p:
            t.errors.append((doc_id, f"{field} extra", *(b.get(k) for k in shown)))
    return pairs


def _score_awards(t: _Tally, doc_id: str, g: Record, p: Record) -> None:
    ga, pa = g.get("awards", []), p.get("awards", []) or []
    pairs = _match(t, doc_id, "awards", ga, pa, award_same, ("title", "recipient", "count"))
    for a, b in pairs:
        if a.get("issuer") or b.get("issuer"):
            t.add("award_issuer", word_f1(a.get("issuer"), b.get("issuer")))
        t.add_year("award_year", a, b)


def _score_percentages(t: _Tally, doc_id: str, g: Record, p: Record) -> None:
    gq, pq = g.get("percentages", []), p.get("percentages", []) or []
    pairs = _greedy(gq, pq, lambda a, b: pct_key(a) == pct_key(b))
    t.tp["percentages"] += len(pairs)
    t.fn["percentages"] += len(gq) - len(pairs)
    t.fp["percentages"] += len(pq) - len(pairs)
    for a, b in pairs:
        t.kind_all += 1
        t.kind_ok += a.get("kind") == b.get("kind")
        if a.get("kind") != b.get("kind"):
            t.errors.append((doc_id, "percentage kind", pct_key(a), a.get("kind"), b.get("kind")))
        t.add("percentage_subject", word_f1(a.get("subject"), b.get("subject")))
        t.add_year("percentage_year", a, b)
    gk = Counter(pct_key(a) for a in gq)
    pk = Counter(pct_key(b) for b in pq)
    if gk != pk:
        t.errors.append((doc_id, "percentages", sorted(map(str, (gk - pk).elements())),
                         sorted(map(str, (pk - gk).elements()))))


def _score_quantities(t: _Tally, doc_id: str, g: Record, p: Record) -> None:
    if "quantities" not in g:
        return  # not annotated for quantities
    gq, pq = g.get("quantities") or [], p.get("quantities", []) or []
    pairs = _match(t, doc_id, "quantities", gq, pq, quantity_same, ("value", "unit", "subject"))
    for a, b in pairs:
        t.qall += 1
        t.qkind_ok += a.get("kind") == b.get("kind")
        t.qbound_ok += a.get("bound") == b.get("bound")
        if a.get("kind") != b.get("kind") or a.get("bound") != b.get("bound"):
            t.errors.append((doc_id, "quantity kind/bound", (a.get("value"), a.get("unit")),
                             (a.get("kind"), a.get("bound")), (b.get("kind"), b.get("bound"))))
        t.add("quantity_subject", word_f1(a.get("subject"), b.get("subject")))
        t.add_year("quantity_year", a, b)


def _score_host(t: _Tally, g: Record, p: Record) -> None:
    gh, ph = host(g), host(p)
    if gh or ph:
        t.add("host", word_f1(gh, ph))


def _ratio(ok: int, total: int) -> float:
    return round(ok / total, 4) if total else 0.0


def score(gold: dict[str, Record], pred: dict[str, Record]) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """P/R/F1 per field, kind and bound accuracies, secondary fields, macro F1; and every error as a tuple."""
    t = _Tally()
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        _score_date(t, doc_id, g, p)
        _score_people(t, doc_id, g, p)
        _score_awards(t, doc_id, g, p)
        _score_percentages(t, doc_id, g, p)
        _score_quantities(t, doc_id, g, p)
        _score_host(t, g, p)
    result: dict[str, Any] = {}
    for f in FIELDS:
        tp, fp, fn = t.tp[f], t.fp[f], t.fn[f]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[f] = {"p": round(precision, 4), "r": round(recall, 4), "f": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}
    annotated = sum(1 for g in gold.values() if "quantities" in g)
    result["quantities"]["docs"] = annotated
    if annotated and not (t.tp["quantities"] or t.fp["quantities"] or t.fn["quantities"]):
        result["quantities"].update(p=1.0, r=1.0, f=1.0)  # none to find, none found
    elif not annotated:
        result["quantities"].update(p=None, r=None, f=None)
    result["percentage_kind_accuracy"] = _ratio(t.kind_ok, t.kind_all)
    result["quantity_kind_accuracy"] = _ratio(t.qkind_ok, t.qall)
    result["quantity_bound_accuracy"] = _ratio(t.qbound_ok, t.qall)
    result["secondary"] = {k: {"score": round(v / n, 4) if n else None, "n": n}
                           for k, (v, n) in t.secondary.items()}
    result["macro_f"] = round(sum(result[f]["f"] for f in MAIN_FIELDS) / len(MAIN_FIELDS), 4)
    result["docs"] = len(gold)
    result["docs_predicted"] = sum(1 for d in gold if d in pred)
    return result, t.errors


def format_table(result: dict[str, Any]) -> str:
    """The scorer's table, line for line as ``shared/score.py`` prints it."""
    lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for f in FIELDS:
        r = result[f]
        if r["f"] is None:
            lines.append(f"{f:<14}{'-':>7}{'-':>7}{'-':>7}   (no gold record annotates {f})")
            continue
        lines.append(f"{f:<14}{r['p']:>7.3f}{r['r']:>7.3f}{r['f']:>7.3f}{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}")
    lines.append(f"percentage kind accuracy {result['percentage_kind_accuracy']:.3f}")
    lines.append(f"quantity kind accuracy {result['quantity_kind_accuracy']:.3f}, "
                 f"bound accuracy {result['quantity_bound_accuracy']:.3f}")
    lines.append("secondary (over matched entries; subjects, issuer and host as word-overlap F1, years as accuracy):")
    for k in SECONDARY:
        v = result["secondary"][k]
        shown = "-" if v["score"] is None else format(v["score"], ".3f")
        lines.append(f"  {k:<20}{shown:>7}  n={v['n']}")
    lines.append(f"docs {result['docs_predicted']}/{result['docs']} predicted; "
                 f"macro F1 (date, chairs, awards, percentages) {result['macro_f']:.3f}")
    return "\n".join(lines)
