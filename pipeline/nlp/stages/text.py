"""Small text helpers shared by the stages (sentences, clauses, numbers, years)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from hoinghi import rules
from hoinghi.pipeline.nlp.facts import Span
from hoinghi.pipeline.nlp.textmap import normalize
from hoinghi.pipeline.nlp.tokenizer import trimmed_spans

_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)", re.IGNORECASE)


def doc_text(doc: Doc) -> str:
    """The doc's working text, held by its text map (``doc.text`` rebuilds it from tokens each time)."""
    tmap = doc._.textmap
    return tmap.text if tmap is not None else doc.text


def lowered(doc: Doc) -> str:
    """The working text in lower case, character for character, kept on the doc.

    Python's ``(?i)`` matching of Vietnamese letters is several times slower than
    plain matching, so the case-blind rules run on this text (see :func:`caseless`);
    it has the working text's offsets: "Bằng khen" → "bằng khen".
    """
    cached = doc.user_data.get("hoinghi.lowered")
    if cached is None:
        cached = doc.user_data["hoinghi.lowered"] = lower_same_length(doc_text(doc))
    return cached


def lower_same_length(text: str) -> str:
    """``text.lower()``, leaving the rare letter whose lower case is longer ("İ") as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def caseless(pattern: str) -> re.Pattern[str]:
    """Compile a ``(?i)`` pattern to run on lowered text: it matches there where the original matches the text.

    The pattern is lower-cased outside escapes and group names, and its ``(?i)``
    dropped: ``(?i)\\bBằng khen\\b`` → ``\\bbằng khen\\b``, ``[A-ZĐ]`` → ``[a-zđ]``.
    """
    if not pattern.startswith("(?i)") or "(?-i" in pattern:
        raise ValueError(f"not a wholly case-blind pattern: {pattern[:40]!r}")
    source = pattern.removeprefix("(?i)")
    out: list[str] = []
    i = 0
    while i < len(source):
        if source[i] == "\\":
            out.append(source[i:i + 2])  # \S, \D, \W keep their meaning
            i += 2
        elif source.startswith(("(?P<", "(?P="), i):
            close = source.index(">" if source[i + 3] == "<" else ")", i)
            out.append(source[i:close + 1])
            i = close + 1
        else:
            out.append(source[i].lower())
            i += 1
    return re.compile(_with_fast_start("".join(out)))


def rule_regex(rule: rules.Pattern) -> tuple[rules.Pattern, re.Pattern[str], bool]:
    """``(rule, regex, runs on the lowered text)``: a ``(?i)`` rule is compiled with :func:`caseless`."""
    if rule.pattern.startswith("(?i)"):
        return rule, caseless(rule.pattern), True
    return rule, rule.regex, False


_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]+[):]")


def _fast_start(pattern: str) -> str:
    """``(?=[cđ])`` for a pattern whose every match begins with c or đ, else ``""``.

    Python's regex engine jumps straight to such characters when the pattern
    says so up front; behind a ``\\b`` or a look-behind it tries every position.
    """
    if _INLINE_FLAGS.match(pattern):
        return ""  # flags must stay first: left as written
    try:
        firsts = _first_chars(list(_sre_parse(pattern)))
    except Exception:  # noqa: BLE001 (only an optimisation: any surprise leaves the pattern as it is)
        return ""
    if not firsts or len(firsts) > 40:
        return ""
    return "(?=[" + "".join(re.escape(chr(c)) for c in sorted(firsts)) + "])"


def _with_fast_start(pattern: str) -> str:
    """``pattern`` behind its :func:`_fast_start`, grouped so that the look-ahead covers every branch."""
    lead = _fast_start(pattern)
    return f"{lead}(?:{pattern})" if lead else pattern


def _first_chars(items: list[tuple[object, object]]) -> set[int] | None:
    """The characters a match of the parsed pattern ``items`` can begin with; None if any character can."""
    found = _firsts(items)
    return None if found is None or found[1] else found[0]


def _firsts(items: list[tuple[object, object]]) -> tuple[set[int], bool] | None:
    """(first characters, whether it can match nothing) of a parsed sequence; None if unknown."""
    from re import _constants as sre

    union: set[int] = set()
    for op, arg in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the match begins with what follows
        if op is sre.LITERAL:
            item: tuple[set[int], bool] | None = ({arg}, False)  # type: ignore[arg-type]
        elif op is sre.IN:
            chars = {value for kind, value in arg if kind is sre.LITERAL}  # type: ignore[attr-defined]
            item = (chars, False) if len(chars) == len(arg) else None  # type: ignore[arg-type]
        elif op is sre.SUBPATTERN:
            item = _firsts(list(arg[-1]))  # type: ignore[index]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _high, inner = arg  # type: ignore[misc]
            item = _firsts(list(inner))
            item = (item[0], item[1] or low == 0) if item else None
        elif op is sre.BRANCH:
            branches = [_firsts(list(branch)) for branch in arg[1]]  # type: ignore[index]
            item = None if None in branches else (set().union(*(b[0] for b in branches)),  # type: ignore[index]
                                                   any(b[1] for b in branches))  # type: ignore[index]
        else:
            item = None
        if item is None:
            return None
        union |= item[0]
        if not item[1]:
            return union, False
    return union, True


def _sre_parse(pattern: str) -> object:
    from re import _parser

    return _parser.parse(pattern)


def sentences(doc: Doc) -> list[Span]:
    """Character spans of the doc's sentences (whitespace trimmed), found once and kept on the doc."""
    cached = doc.user_data.get("hoinghi.sentences")
    if cached is not None:
        return cached
    out = trimmed_spans(doc_text(doc), ((sent.start_char, sent.end_char) for sent in doc.sents))
    doc.user_data["hoinghi.sentences"] = out
    return out


def sentence_of(sents: list[Span], pos: int) -> Span:
    """The sentence span containing ``pos`` (or a zero span)."""
    for start, end in sents:
        if start <= pos < end:
            return start, end
    return pos, pos


def parse_int(text: str) -> int:
    """``2.072`` → 2072, ``05`` → 5."""
    return int(text.replace(".", "").replace(",", ""))


def parse_decimal(text: str) -> float:
    """``98,5`` → 98.5; ``1.250`` (thousands) → 1250; ``12.5`` → 12.5."""
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text)


def years_in(text: str) -> list[int]:
    """Years written ``năm YYYY`` in ``text``, in order."""
    return [int(m.group(1)) for m in _YEAR.finditer(text)]


_ANY_YEAR = re.compile(r"(?i)\b(?:năm\s+)?((?:19|20)\d{2})\b(?![-–/.]\d|\s*[-–]\s*\d)")
_NOT_FIGURE_YEAR = re.compile(r"(?i)(?:\bso(?: với)?|sánh với|cùng kỳ|từ|đến|nhiệm kỳ|giai đoạn|khóa|khoá)\s*(?:năm\s*)?$")
_CUTOFF_DATE = re.compile(r"(?i)\bđến\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}[-/.]\d{1,2}[-/.]((?:19|20)\d{2})\b")
_MEETING_NAME = re.compile(r"(?i)\b(?:hội nghị|đại hội|kỳ họp|hội thảo)\b[^,.;:()\n]{0,80}$")


def figure_year(text: str, s_start: int, s_end: int, start: int, end: int, *, reach: int | None = 50) -> int | None:
    """The year the text states for the figure at ``[start, end)`` in its sentence, else ``None``.

    The nearest year before the figure in its clause ("năm 2020 ước đạt 2.110 USD"), else the first in
    the sentence before it, else one right after it in its clause ("kết nạp 520 hội viên năm 2023"),
    within ``reach`` characters and no comma (an award's name reaches its clause's end: ``reach=None``).
    Never a year compared with ("so với năm 2020"), a term ("nhiệm kỳ 2020-2025"), a date's or a
    document's ("15/12/2021", "98/2023"), or the year in the meeting's name ("Hội nghị tổng kết năm 2023").
    """
    found = []
    for m in _ANY_YEAR.finditer(text, s_start, s_end):
        y_start = m.start()
        if not m.group().lower().startswith("năm"):
            before = text[max(s_start, y_start - 2):y_start]
            if not before or not before.endswith(" ") or not before[:1].isalpha():
                continue  # a bare year counts only after a word: "Thỏa ước lao động tập thể 2023"
            if y_start > 0 and text[y_start - 1] in "/-.":
                continue
        head = text[max(s_start, y_start - 90):y_start]
        if _NOT_FIGURE_YEAR.search(head) or (y_start < start and _MEETING_NAME.search(head)) \
                or (y_start > 0 and text[y_start - 1] in "/-"):
            continue
        found.append((m.start(), m.end(), int(m.group(1))))
    cutoff = _CUTOFF_DATE.search(text, s_start, start)
    if cutoff:  # "Tổng hợp đến ngày 15-12-2021, ... 154 báo cáo": the period ends in that year
        found.append((cutoff.start(1), cutoff.end(1), int(cutoff.group(1))))
        found.sort()
    if not found:
        return None
    c_start = max(text.rfind(ch, s_start, start) for ch in ";(\n") + 1 or s_start
    c_start = max(c_start, s_start)
    closes = [p for p in (text.find(ch, end, s_end) for ch in ";)\n") if p >= 0]
    c_end = min(closes) if closes else s_end
    before = [y for a, b, y in found if c_start <= a and b <= start]
    if before:
        return before[-1]
    earlier = [y for a, b, y in found if b <= start]
    if earlier:
        return earlier[0]
    limit = c_end if reach is None else min(c_end, end + reach)
    after = [y for a, b, y in found if end <= a < limit and (reach is None or "," not in text[end:a])]
    return after[0] if after else None


def trim_span(text: str, start: int, end: int, chars: str = " \t\n,.;:-–—()“”\"'") -> Span:
    """Shrink ``[start, end)`` past surrounding punctuation and spaces."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def alternation(words: tuple[str, ...]) -> str:
    """Lexicon words as a regex alternation over the working text, longest first."""
    forms = dict.fromkeys(normalize(w).text for w in words)
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"
