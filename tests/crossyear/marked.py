"""Records written for tests: figures marked in a sentence become the record's facts with true evidence.

    record("A1", "Năm 2023 kết nạp [[Q|2.415|hội viên|hội viên mới|result]].", host="Hội Nông dân tỉnh Quảng Nam")

``[[Q|number as written|unit|subject|kind|bound|year]]`` is shown as "number unit";
``[[P|percent as written|numerator|denominator|subject|kind|year]]`` as "percent%".
"""
from __future__ import annotations

import re

from hoinghi.schemas import ArticleFacts
from hoinghi.schemas.models import text_sha1

MARK = re.compile(r"\[\[(Q|P)\|([^\]]*)\]\]")


def _number(text: str) -> float:
    text = text.split()[-1]
    if "," in text or len(text.split(".")[-1]) == 3:
        return float(text.replace(".", "").replace(",", "."))
    return float(text)


def record(doc_id: str, marked: str, *, host: str | None = None, url: str | None = None,
           date: str | None = None) -> ArticleFacts:
    """An ``ArticleFacts`` of the marked text, its facts' evidence pointing at the words shown."""
    text, quantities, percentages, pos = "", [], [], 0
    for m in MARK.finditer(marked):
        text += marked[pos:m.start()]
        f = (m.group(2).split("|") + [""] * 7)[:7]
        start = len(text)
        if m.group(1) == "Q":
            written, unit, subject, kind, bound, year = f[:6]
            text += f"{written} {unit}"
            quantities.append({"value": _number(written), "value_text": written, "unit": unit,
                               "base_value": _number(written), "base_unit": unit, "bound": bound or None,
                               "kind": kind or "result", "year": int(year) if year else None, "subject": subject,
                               "rule": "test", "evidence": {"start": start, "end": len(text), "text": text[start:]}})
        else:
            written, num, den, subject, kind, year = f[:6]
            text += f"{written}%"
            percentages.append({"value": _number(written), "numerator": int(num) if num else None,
                                "denominator": int(den) if den else None, "kind": kind or "result",
                                "year": int(year) if year else None, "subject": subject, "rule": "test",
                                "evidence": {"start": start, "end": len(text), "text": text[start:]}})
        pos = m.end()
    text += marked[pos:]
    return ArticleFacts.model_validate({
        "doc_id": doc_id, "text_sha1": text_sha1(text), "text": text,
        "meta": {"url": url, "published": date}, "meeting": {"date": date, "host": host},
        "quantities": quantities, "percentages": percentages})
