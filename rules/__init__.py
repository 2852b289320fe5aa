"""Rule tables kept as data, one YAML file a fact type, validated at load.

Each file has ``patterns`` (regular expressions with an id, a label, an
example that the pattern must match and a note of what it covers) and
``lexicons`` (named word lists). A bad entry fails loading with the file,
the entry and the reason:

    >>> table = load("dates")
    >>> table.pattern("dmy").example
    '26/01/2024'
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class RuleError(ValueError):
    """A rule file that cannot be used; the message names the file and the entry."""


class Pattern(BaseModel):
    """One regular expression rule, e.g. ``{id: dmy, pattern: '...', example: '26/01/2024'}``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    pattern: str
    example: str
    counter_examples: tuple[str, ...] = ()
    note: str = ""
    # words or a character every match holds ("%", "nay"; lower case for a (?i) pattern): a text without them
    # is not searched
    requires: str = ""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from exc
        return value

    @model_validator(mode="after")
    def _example_matches(self) -> "Pattern":
        regex = re.compile(self.pattern)
        found = regex.search(self.example)
        if not found:
            raise ValueError(f"example {self.example!r} is not matched by the pattern")
        matched = found.group()
        if self.pattern.startswith("(?i)"):
            matched = matched.lower()
        if self.requires and self.requires not in matched:
            raise ValueError(f"the match in example {self.example!r} lacks the required {self.requires!r}")
        for counter in self.counter_examples:
            if regex.search(counter):
                raise ValueError(f"counter-example {counter!r} is matched by the pattern")
        return self

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.pattern)

    def may_match(self, text: str) -> bool:
        """False when ``text`` (lower-cased for a (?i) pattern) lacks what every match holds: "98,5%" needs "%"."""
        return not self.requires or self.requires in text


class RuleTable(BaseModel):
    """A validated rule file: its patterns and its word lists."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    version: int = Field(ge=1)
    description: str
    patterns: tuple[Pattern, ...] = ()
    lexicons: dict[str, tuple[str, ...]] = {}

    @model_validator(mode="after")
    def _unique_ids(self) -> "RuleTable":
        seen: set[str] = set()
        for p in self.patterns:
            if p.id in seen:
                raise ValueError(f"pattern id {p.id!r} used twice")
            seen.add(p.id)
        for key, words in self.lexicons.items():
            if not words or any(not isinstance(w, str) or not w.strip() for w in words):
                raise ValueError(f"lexicon {key!r} is empty or holds a blank entry")
        return self

    def pattern(self, rule_id: str) -> Pattern:
        for p in self.patterns:
            if p.id == rule_id:
                return p
        raise KeyError(f"{self.name}: no pattern {rule_id!r}")

    def lexicon(self, key: str) -> tuple[str, ...]:
        try:
            return self.lexicons[key]
        except KeyError:
            raise KeyError(f"{self.name}: no lexicon {key!r}") from None

    def alternation(self, key: str) -> str:
        """The lexicon as a regex alternation, longest entries first."""
        words = sorted(self.lexicon(key), key=len, reverse=True)
        return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@lru_cache(maxsize=None)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def parse(name: str, raw: Any) -> RuleTable:
    """Validate raw YAML data as the rule table ``name``."""
    if not isinstance(raw, dict):
        raise RuleError(f"rules/{name}.yaml: expected a mapping at the top level")
    try:
        return RuleTable(name=name, **raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise RuleError(f"rules/{name}.yaml: {problems}") from None
    except TypeError as exc:
        raise RuleError(f"rules/{name}.yaml: {exc}") from None


@lru_cache(maxsize=None)
def load(name: str) -> RuleTable:
    """Load and validate ``rules/<name>.yaml`` (cached; tables are immutable)."""
    try:
        text = resources.files(__name__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(f"rules/{name}.yaml: no such rule file") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"rules/{name}.yaml: not valid YAML: {exc}") from None
    return parse(name, raw)


class PathPrecision(BaseModel):
    """How often the facts of one rule or path were right on the gold sets: ``{n: 42, right: 41, confidence: 0.97}``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    n: int = Field(ge=1)
    right: int = Field(ge=0)
    confidence: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _right_of_n(self) -> "PathPrecision":
        if self.right > self.n:
            raise ValueError(f"right {self.right} is more than n {self.n}")
        return self


class FieldPrecision(BaseModel):
    """One field's measured precision, and each of its paths' (``awards``: ``count/named_award`` ...)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    n: int = Field(ge=0)
    right: int = Field(ge=0)
    precision: float | None = Field(ge=0, le=1)  # None: a field never seen
    confidence: float | None = Field(ge=0, le=1)  # the confidence of a path of this field never seen
    paths: dict[str, PathPrecision] = {}


class ConfidenceTable(BaseModel):
    """``rules/confidence.yaml``: the measured precision of every rule or path, written by ``scripts/calibrate.py``.

    >>> load_confidence().confidence("awards", "count/named_award") > 0.8
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = Field(ge=1)
    description: str
    computed_on: tuple[str, ...]
    z: float = Field(gt=0)  # the width of the interval whose lower end is the confidence (1.96: 95%)
    fields: dict[str, FieldPrecision]

    def confidence(self, field: str, path: str) -> float | None:
        """The path's measured precision, else its field's; None for a field never measured."""
        f = self.fields.get(field)
        if f is None:
            return None
        p = f.paths.get(path)
        return p.confidence if p is not None else f.confidence


@lru_cache(maxsize=None)
def load_confidence() -> ConfidenceTable:
    """Load and validate ``rules/confidence.yaml`` (cached)."""
    try:
        text = resources.files(__name__).joinpath("confidence.yaml").read_text(encoding="utf-8")
        return ConfidenceTable(**yaml.safe_load(text))
    except FileNotFoundError:
        raise RuleError("rules/confidence.yaml: no such file (run scripts/calibrate.py)") from None
    except (yaml.YAMLError, TypeError) as exc:
        raise RuleError(f"rules/confidence.yaml: {exc}") from None
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise RuleError(f"rules/confidence.yaml: {problems}") from None


__all__ = ["ConfidenceTable", "FieldPrecision", "PathPrecision", "Pattern", "RuleError", "RuleTable", "load",
           "load_confidence", "parse"]
