"""Text from articles made safe for a terminal: control characters shown, never sent.

    >>> printable("Hội\\x07 nghị")
    'Hội␇ nghị'

Each control character becomes one visible character (its Unicode control
picture), so offsets into the line still hold.
"""
from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ... ␟
    return "\u2421" if code == 0x7F else "\ufffd"  # ␡, and � for a C1 control


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline replaced by a visible one."""
    return _CONTROLS.sub(_picture, text)


__all__ = ["printable"]
