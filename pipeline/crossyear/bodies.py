"""One body under many names: a host as written → its type, level and place.

    >>> names = BodyNames.load()
    >>> body = names.resolve("VP Tỉnh uỷ Cao Bằng")
    >>> (body.type, body.level, body.place.name)
    ('Văn phòng Tỉnh ủy', 'tỉnh', 'Cao Bằng')

Abbreviations, body types, level words and newspapers' sites are data (rules/bodies.yaml); an
analyst's pins and splits (a small YAML file) override what is worked out.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from hoinghi import rules
from hoinghi.pipeline.crossyear.errors import CrossYearError
from hoinghi.pipeline.crossyear.places import Gazetteer, Place
from hoinghi.pipeline.crossyear.words import norm

#: Two unknown body types at the same level and place are one body from this RapidFuzz ratio up.
TYPE_SIMILARITY = 92
_LEVEL_WORD = {"tỉnh": "tỉnh", "huyện": "huyện", "xã": "xã", "trung ương": ""}


@dataclass(frozen=True)
class Body:
    """A canonical body: ``Body("Hội Nông dân", "tỉnh", <An Giang>)``."""

    type: str
    level: str | None
    place: Place | None

    @property
    def key(self) -> str:
        """Bodies are one when their keys are: type, level and the place's name (not its era)."""
        return f"{norm(self.type)}|{self.level or ''}|{norm(self.place.name) if self.place else ''}"

    @property
    def name(self) -> str:
        """``Hội Nông dân tỉnh An Giang``, ``Kiểm toán Nhà nước``."""
        if self.place is None:
            central = self.level == "trung ương" and not re.search(r"(?i)nhà nước|trung ương|chính phủ", self.type)
            return f"{self.type} Trung ương" if central else self.type
        if norm(self.type).endswith(("tỉnh ủy", "thành ủy")):
            return f"{self.type} {self.place.name}"
        prefix = "thành phố" if self.place.full.lower().startswith("thành phố") else "tỉnh"
        if self.level and self.level not in ("tỉnh",):
            prefix = _LEVEL_WORD.get(self.level, self.level)
        return f"{self.type} {prefix} {self.place.name}".replace("  ", " ")


@dataclass(frozen=True)
class Pins:
    """An analyst's corrections: ``pins`` alias → canonical name, ``splits`` aliases kept apart."""

    pins: dict[str, str] = field(default_factory=dict)
    splits: frozenset[str] = frozenset()

    @classmethod
    def read(cls, path: Path | None) -> "Pins":
        """Read ``pins: {"VP TU": "Văn phòng Tỉnh ủy tỉnh Cao Bằng"}`` and ``splits: [...]`` (no file: none)."""
        if path is None or not path.exists():
            return cls()
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise CrossYearError(f"{path}: not a readable pins file: {exc}") from exc
        if not isinstance(raw, dict) or set(raw) - {"pins", "splits"}:
            raise CrossYearError(f"{path}: expected a mapping with 'pins' and/or 'splits'")
        pins, splits = raw.get("pins") or {}, raw.get("splits") or []
        if not isinstance(pins, dict) or not isinstance(splits, list):
            raise CrossYearError(f"{path}: 'pins' must be a mapping, 'splits' a list")
        return cls({norm(str(k)): str(v) for k, v in pins.items()}, frozenset(norm(str(s)) for s in splits))


def _pairs(table: rules.RuleTable, key: str) -> list[tuple[str, str]]:
    out = []
    for entry in table.lexicon(key):
        left, sep, right = entry.partition(" = ")
        if not sep:
            raise CrossYearError(f"rules/bodies.yaml: {key} entry {entry!r} is not 'A = B'")
        out.append((left.strip(), right.strip()))
    return out


class BodyNames:
    """Resolves hosts as written to canonical bodies (rules/bodies.yaml and the gazetteer)."""

    def __init__(self, table: rules.RuleTable, gazetteer: Gazetteer, pins: Pins | None = None) -> None:
        self.gazetteer = gazetteer
        self.pins = pins or Pins()
        abbr = sorted(_pairs(table, "abbreviations"), key=lambda kv: len(kv[0]), reverse=True)
        self._abbr = [(re.compile(r"(?<!\w)" + re.escape(a) + (r"(?!\w)" if a[-1].isalnum() else "")), b)
                      for a, b in abbr]
        self._types = sorted(((t.partition(" = ")[0], t.partition(" = ")[2] or t) for t in table.lexicon("types")),
                             key=lambda kv: len(kv[0]), reverse=True)
        self._levels = sorted(((norm(w), lvl) for lvl, w in _pairs(table, "levels")), key=lambda kv: len(kv[0]),
                              reverse=True)
        self.papers = {a: b for a, b in _pairs(table, "papers")}
        self._title_before = re.compile(r"(?:" + "|".join(re.escape(norm(w)) for w in table.lexicon("title_words"))
                                        + r")(?:\s+\w+){0,4}\s*$")

    @classmethod
    def load(cls, pins: Pins | None = None) -> "BodyNames":
        return cls(rules.load("bodies"), Gazetteer.load(), pins)

    def expand(self, name: str) -> str:
        """Abbreviations written out, brackets dropped: "VP TU (Cao Bằng)" → "Văn phòng Tỉnh ủy"."""
        name = re.sub(r"\([^)]*\)", " ", name)
        for regex, long in self._abbr:
            name = regex.sub(long, name)
        return " ".join(name.split())

    def _type(self, expanded: str) -> tuple[str | None, str]:
        low = norm(expanded)
        for written, canonical in self._types:
            m = re.search(r"(?<!\w)" + re.escape(norm(written)) + r"(?!\w)", low)
            if m:
                return canonical, (low[: m.start()] + " " + low[m.end():]).strip()
        return None, low

    def _level(self, *texts: str) -> str | None:
        for text in texts:
            for word, level in self._levels:
                if re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text):
                    return level
        return None

    def resolve(self, host: str, *, url: str | None = None, source: str | None = None, text: str = "",
                when: dt.date | None = None) -> Body:
        """The canonical body of a host as written, its place from the host, the URL's site, the text or ``source``."""
        pinned = self.pins.pins.get(norm(host))
        expanded = self.expand(pinned or host)
        body_type, rest = self._type(expanded)
        if body_type is None:
            body_type, rest = expanded.strip(" ,.-"), ""
        places = self.gazetteer.in_text(rest, when, need_prefix=False) if rest else []
        level = self._level(rest, norm(expanded))
        place = places[0] if places else None
        if place is None and level != "trung ương":
            place = (self.gazetteer.from_url(url, self.papers, when)
                     or next(iter(self.gazetteer.in_text(self.expand(text), when)), None)
                     or (self.gazetteer.from_url(source, self.papers, when) if source else None)
                     or next(iter(self.gazetteer.in_text(source or "", when, need_prefix=False)), None))
        if level is None and place is not None:
            level = "tỉnh"
        if level is None and place is None:
            level = "trung ương"
        return Body(body_type, level, place)

    def host_in_text(self, text: str) -> str | None:
        """The body type the text names most often (first named on a tie), with the words after its first
        mention: the host of an article that names none ("UBKT các cấp đã kiểm tra ..." → Ủy ban Kiểm tra)."""
        # punctuation kept as a stop: "tổ chức đảng; Ủy ban" holds no "Đảng ủy"
        low = " | ".join(norm(chunk) for chunk in re.split(r"[,;.:()\n!?]", self.expand(text)))
        best: tuple[int, int, str] | None = None
        taken: list[tuple[int, int]] = []
        for written, _ in self._types:  # longest first: "Ủy ban Kiểm tra Tỉnh ủy" is no mention of "Tỉnh ủy"
            found = [m for m in re.finditer(r"(?<!\w)" + re.escape(norm(written)) + r"(?!\w)", low)
                     if not self._title_before.search(low[max(0, m.start() - 40):m.start()])
                     # a plural ("các tỉnh ủy, thành ủy") names no one body
                     and not re.search(r"(?<!\w)(?:các|những)(?:\s+(?:\w+|\|)){0,3}\s*$", low[max(0, m.start() - 30):m.start()])
                     and not any(a <= m.start() < b for a, b in taken)]
            # a body's own committee after it is part of its name: "Ủy ban Kiểm tra Tỉnh ủy"
            taken += [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(norm(written))
                                                    + r"(?:\s+(?:tỉnh|huyện|thành|đảng)\s+ủy)?(?!\w)", low)]
            if found and (best is None or (-len(found), found[0].start()) < (best[0], best[1])):
                best = (-len(found), found[0].start(), written)
        if best is None:
            return None
        # "Ủy ban Kiểm tra các cấp" with no place: the whole system's totals, a national body's figures
        everywhere = re.match(r"\s+các cấp(?!\s+(?:trong|của)\s)", low[best[1] + len(norm(best[2])):])
        return f"{best[2]} các cấp" if everywhere else best[2]

    def merge_similar(self, bodies: list[Body]) -> dict[str, str]:
        """Body key → the key it joins: unknown types that differ by a typo, same level and place (RapidFuzz)."""
        known = {norm(c) for _, c in self._types}
        joined: dict[str, str] = {}
        heads: list[Body] = []
        for body in sorted(set(bodies), key=lambda b: b.key):
            head = next((h for h in heads if h.level == body.level and h.place == body.place
                         and norm(body.type) not in known and norm(body.type) not in self.pins.splits
                         and fuzz.ratio(norm(h.type), norm(body.type)) >= TYPE_SIMILARITY), None)
            if head is None:
                heads.append(body)
            else:
                joined[body.key] = head.key
        return joined
