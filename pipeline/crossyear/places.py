"""Vietnam's provinces before and after the July 2025 mergers, from the `vietnamadminunits` package's data.

A place is a province of one era: a province the mergers left alone is the same place either
side of 1 July 2025; a merged one is a new place whose predecessors are named, never an alias:

    >>> gaz = Gazetteer.load()
    >>> gaz.by_name("Bến Tre").successor.name
    'Vĩnh Long'
    >>> gaz.by_name("Quảng Nam").key == gaz.by_name("Quảng Ninh").key
    False
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from hoinghi.pipeline.crossyear.errors import CrossYearError
from hoinghi.pipeline.crossyear.words import norm, squeeze

#: The day the provinces' mergers took effect (Resolution 202/2025/QH15).
MERGER_DAY = dt.date(2025, 7, 1)


@dataclass(frozen=True)
class Place:
    """A province or a centrally run city of one era: ``Place("Bến Tre", "legacy", ...)``."""

    key: str                     # "bentre" (legacy) or "vinhlong@2025" (a province the mergers made)
    name: str                    # the short name, "Bến Tre"
    full: str                    # "Tỉnh Bến Tre"
    era: str                     # "legacy", "2025" or "both" (untouched by the mergers)
    successor: "Place | None" = field(default=None, compare=False, repr=False)
    predecessors: tuple[str, ...] = field(default=(), compare=False)

    @property
    def label(self) -> str:
        """``Vĩnh Long (từ 1/7/2025)`` for a merged province, the name otherwise."""
        return f"{self.name} (từ 1/7/2025)" if self.era == "2025" else self.name


def _data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise CrossYearError("the gazetteer needs the vietnamadminunits package: pip install vietnamadminunits")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _short(entry: dict) -> str:
    return str(entry["provinceShort"])


class Gazetteer:
    """Provinces by name and by site name; read once per process from the package's JSON files."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self._by_name: dict[str, list[Place]] = {}
        for p in places:
            self._by_name.setdefault(norm(p.name), []).append(p)
        names = sorted(self._by_name, key=len, reverse=True)
        self._name_re = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
        self._squeezed = sorted(((squeeze(p.name), p) for p in places if p.era != "2025"),
                                key=lambda kv: len(kv[0]), reverse=True)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Gazetteer":
        data = _data_dir()
        try:
            legacy = json.loads((data / "parser_legacy.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
            new = json.loads((data / "parser_from_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
            merged = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
        except (OSError, KeyError, ValueError) as exc:
            raise CrossYearError(f"vietnamadminunits data unreadable in {data}: {exc}") from exc
        places: list[Place] = []
        successor_of: dict[str, Place] = {}
        for new_key, old_keys in merged.items():
            entry = new[new_key]
            if len(old_keys) == 1:
                continue
            preds = tuple(_short(legacy[k]) for k in old_keys)
            place = Place(f"{squeeze(_short(entry))}@2025", _short(entry), entry["province"], "2025", None, preds)
            places.append(place)
            for k in old_keys:
                successor_of[k] = place
        for key, entry in legacy.items():
            era = "legacy" if key in successor_of else "both"
            places.append(Place(squeeze(_short(entry)), _short(entry), entry["province"], era, successor_of.get(key)))
        return cls(places)

    def by_name(self, name: str, when: dt.date | None = None) -> Place | None:
        """The place a name meant on ``when`` (today's map if no day): "Vĩnh Long" in 2024 is the old province."""
        found = self._by_name.get(norm(name), [])
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        later = when is None or when >= MERGER_DAY
        return next(p for p in found if (p.era == "2025") == later)

    def in_text(self, text: str, when: dt.date | None = None, *, need_prefix: bool = True) -> list[Place]:
        """Places named in ``text``, in order; with ``need_prefix`` only after "tỉnh"/"thành phố"/"TP"."""
        low = norm(text)
        out = []
        for m in self._name_re.finditer(low):
            before = low[: m.start()].rstrip()
            if need_prefix and not re.search(r"(?:tỉnh|thành phố|tp)$", before):
                continue
            place = self.by_name(m.group(1), when)
            if place is not None:
                out.append(place)
        return out

    def from_url(self, url: str | None, papers: dict[str, str], when: dt.date | None = None) -> Place | None:
        """The province a provincial paper's site names: "baokontum.com.vn" → Kon Tum (the path is not read)."""
        if not url:
            return None
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        for label in host.split("."):
            if label in ("www", "m", "vn", "com", "org", "net", "gov", "edu"):
                continue
            if label in papers:
                return self.by_name(papers[label], when)
            bare = label[3:] if label.startswith("bao") else label
            for key, place in self._squeezed:
                if bare == key or (label.startswith("bao") and bare.startswith(key) and len(bare) - len(key) <= 2):
                    return self.by_name(place.name, when)
        return None

