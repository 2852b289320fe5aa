"""Score predicted records against gold, counted as ANNOTATION.md says.

Per article, then summed over the corpus (micro-average). The same numbers
as the reference scorer ``shared/score.py``:

    >>> result, errors = score({"a": gold}, {"a": predicted})
    >>> result["meeting_date"]["f"]
    1.0
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIELDS = ("meeting_date", "chairs", "people", "titles", "awards", "percentages")
MAIN_FIELDS = ("meeting_date", "chairs", "awards", "percentages")
Record = dict[str, Any]

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
    """One contains the other, or they share most words."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


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
        self.errors: list[tuple[Any, ...]] = []


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


def _score_awards(t: _Tally, doc_id: str, g: Record, p: Record) -> None:
    ga, pa = g.get("awards", []), p.get("awards", []) or []
    pairs = _greedy(ga, pa, award_same)
    t.tp["awards"] += len(pairs)
    t.fn["awards"] += len(ga) - len(pairs)
    t.fp["awards"] += len(pa) - len(pairs)
    matched_g = [id(a) for a, _ in pairs]
    matched_p = [id(b) for _, b in pairs]
    for a in ga:
        if id(a) not in matched_g:
            t.errors.append((doc_id, "awards missed", a.get("title"), a.get("recipient"), a.get("count")))
    for b in pa:
        if id(b) not in matched_p:
            t.errors.append((doc_id, "awards extra", b.get("title"), b.get("recipient"), b.get("count")))


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
    gk = Counter(pct_key(a) for a in gq)
    pk = Counter(pct_key(b) for b in pq)
    if gk != pk:
        t.errors.append((doc_id, "percentages", sorted(map(str, (gk - pk).elements())),
                         sorted(map(str, (pk - gk).elements()))))


def score(gold: dict[str, Record], pred: dict[str, Record]) -> tuple[dict[str, Any], list[tuple[Any, ...]]]:
    """P/R/F1 per field, kind accuracy, macro F1; and every error as a tuple."""
    t = _Tally()
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        _score_date(t, doc_id, g, p)
        _score_people(t, doc_id, g, p)
        _score_awards(t, doc_id, g, p)
        _score_percentages(t, doc_id, g, p)
    result: dict[str, Any] = {}
    for f in FIELDS:
        tp, fp, fn = t.tp[f], t.fp[f], t.fn[f]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[f] = {"p": round(precision, 4), "r": round(recall, 4), "f": round(f1, 4), "tp": tp, "fp": fp, "fn": fn}
    result["percentage_kind_accuracy"] = round(t.kind_ok / t.kind_all, 4) if t.kind_all else 0.0
    result["macro_f"] = round(sum(result[f]["f"] for f in MAIN_FIELDS) / len(MAIN_FIELDS), 4)
    result["docs"] = len(gold)
    result["docs_predicted"] = sum(1 for d in gold if d in pred)
    return result, t.errors


def format_table(result: dict[str, Any]) -> str:
    """The scorer's table, line for line as ``shared/score.py`` prints it."""
    lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for f in FIELDS:
        r = result[f]
        lines.append(f"{f:<14}{r['p']:>7.3f}{r['r']:>7.3f}{r['f']:>7.3f}{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}")
    lines.append(f"percentage kind accuracy {result['percentage_kind_accuracy']:.3f}")
    lines.append(f"docs {result['docs_predicted']}/{result['docs']} predicted; "
                 f"macro F1 (date, chairs, awards, percentages) {result['macro_f']:.3f}")
    return "\n".join(lines)
