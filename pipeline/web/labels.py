"""Vietnamese words for the codes a record uses (roles, kinds of percentage, recipients), for the web pages.

    >>> vi_label('["chair", "speaker"]')
    'chủ trì (chair), phát biểu (speaker)'
    >>> vi_label("target")
    'chỉ tiêu (target)'
"""
from __future__ import annotations

import json

VI_LABELS = {
    # a person's role at the meeting
    "chair": "chủ trì", "attendee": "dự", "speaker": "phát biểu", "presenter": "trình bày báo cáo",
    "recipient": "nhận khen thưởng",
    # the kind of a percentage
    "target": "chỉ tiêu", "result": "kết quả", "vote": "biểu quyết",
    # who received an award
    "collective": "tập thể", "individual": "cá nhân",
    # any of them
    "other": "khác",
}


def vi_label(value: str | None) -> str | None:
    """A code, or a JSON list of codes, as ``tiếng Việt (code)``; anything else unchanged."""
    if value is None:
        return None
    codes: list[str] | None = None
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, list) and all(isinstance(c, str) for c in parsed):
            codes = parsed
    if codes is None:
        codes = [value]
    return ", ".join(f"{VI_LABELS[c]} ({c})" if c in VI_LABELS else c for c in codes)


__all__ = ["VI_LABELS", "vi_label"]
