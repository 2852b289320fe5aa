"""Turn the bytes of one article into text and name the encoding they were in.

UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM are read as they are.
Bytes that are not UTF-8 are tried as the legacy Vietnamese encodings still
found on old provincial sites -- TCVN3 (ABC, .VnTime fonts), VNI-Windows,
VISCII and Windows-1258 -- and the reading whose words look most like
Vietnamese syllables wins:

    >>> decode_article("Hội nghị cán bộ".encode("utf-8"))
    ('Hội nghị cán bộ', 'utf-8')
    >>> decode_article(b"H\\xe9i ngh\\xde c\\xb8n b\\xe9")   # "Héi nghÞ c¸n bé" in .VnTime
    ('Hội nghị cán bộ', 'tcvn3')

The byte tables live in ``rules/encodings.yaml``; they are validated once and
handed to the functions that need them.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from hoinghi.pipeline.inputs.capitals import restore_capitals
from hoinghi.rules import RuleError

_SAMPLE_BYTES = 65_536          # detection looks at this much of a document
_MIN_PLAUSIBLE = 0.7            # share of non-ASCII words that must be Vietnamese syllables
_MAX_CONTROL_SHARE = 0.05       # more control bytes than this is not text
_UNDEFINED = "\ufffe"           # marks a byte with no mapping in a decoding table
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1a\x1b")
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in _TEXT_CONTROLS) + b"\x7f"
_CONTROL_CHARS = re.compile("[" + "".join(f"\\x{b:02x}" for b in _CONTROL_BYTES) + "]")
_BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or .docx/.xlsx file"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a .doc/.xls file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_NUCLEI = (
    "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    rf"(?:{'|'.join(_NUCLEI)})"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_WORD_SPLIT = re.compile(r"[\s!-/:-@\[-`{-~]+")
# What a reader does not see on a web page: scripts, styles, comments and tags.
_MARKUP = r"(?is)<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^<>]*>"
_MARKUP_BYTES = re.compile(_MARKUP.encode("ascii"))
_MARKUP_TEXT = re.compile(_MARKUP)


class DecodeError(ValueError):
    """Bytes that cannot be read as an article; the message names the reason or encoding.

    ``reason`` is ``"binary"`` or ``"encoding"``; ``encoding`` names the detected
    encoding when there is one, e.g. ``DecodeError("binary data (NUL bytes) ...")``.
    """

    def __init__(self, message: str, *, reason: str = "encoding", encoding: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.encoding = encoding


@dataclass(frozen=True)
class LegacyEncoding:
    """One validated table from ``rules/encodings.yaml``, e.g. ``tcvn3``: ``b"\\xb5"`` -> ``"à"``."""

    key: str                      # "tcvn3", "vni", "viscii"
    label: str                    # "TCVN3 (ABC, .VnTime fonts)"
    kind: str                     # "single-byte" or "base-plus-marks"
    mapping: Mapping[bytes, str]  # bytes -> one NFC character
    decoding: str                 # 256 characters: what each lone byte becomes (_UNDEFINED if nothing)
    translation: Mapping[int, str]     # single-byte: str.translate table over the latin-1 reading
    sequences: re.Pattern[str] | None  # base-plus-marks: multi-byte keys, longest first, then lone bytes
    name_syllables: frozenset[str] = frozenset()  # "Ấn", "Ích": name syllables whose toned capital has no code
    toned_lowercase: frozenset[str] = frozenset()  # lowercase letters of the map whose capital it lacks: "ấ", "ứ"


@dataclass(frozen=True)
class Tables:
    """Everything in ``rules/encodings.yaml``: the byte tables and the common words."""

    encodings: tuple[LegacyEncoding, ...]
    common_words: frozenset[str]  # "hội", "nghị", "của" ...: break ties between readings

    def get(self, key: str) -> LegacyEncoding:
        """The table called ``key``, e.g. ``tables.get("tcvn3").mapping[b"\\xb5"] == "à"``."""
        for table in self.encodings:
            if table.key == key:
                return table
        raise KeyError(f"rules/encodings.yaml: no encoding {key!r}")


@dataclass(frozen=True)
class _Candidate:
    name: str
    label: str
    decode: Callable[[bytes, str], str]


@dataclass(frozen=True)
class _Reading:
    candidate: _Candidate
    valid: int
    invalid: int
    common: int = 0

    @property
    def total(self) -> int:
        return self.valid + self.invalid

    @property
    def ratio(self) -> float:
        return self.valid / self.total if self.total else 0.0

    @property
    def rank(self) -> float:
        """Share of Vietnamese syllables, plus up to 0.1 for common words to break near-ties."""
        return self.ratio + 0.1 * self.common / self.total if self.total else 0.0


# --------------------------------------------------------------------------- tables

def parse_tables(raw: Any, source: str = "rules/encodings.yaml") -> Tables:
    """Validate the YAML data of the encoding tables, e.g. ``{"encodings": {"tcvn3": {...}}}``."""
    if not isinstance(raw, dict) or not isinstance(raw.get("encodings"), dict):
        raise RuleError(f"{source}: expected a mapping with an 'encodings' mapping")
    return Tables(
        encodings=tuple(_parse_encoding(key, spec, source) for key, spec in raw["encodings"].items()),
        common_words=_parse_common_words(raw.get("common_words", ""), source),
    )


def _parse_common_words(value: Any, source: str) -> frozenset[str]:
    """``"của và các"`` -> {"của", "và", "các"}; each must be a lowercase NFC Vietnamese syllable."""
    words = str(value).split()
    for word in words:
        if word != unicodedata.normalize("NFC", word.lower()) or not _is_syllable(word):
            raise RuleError(f"{source}: common_words: {word!r} is not a lowercase NFC Vietnamese syllable")
    return frozenset(words)


def _parse_encoding(key: str, spec: Any, source: str) -> LegacyEncoding:
    where = f"{source}: encodings.{key}"
    if not isinstance(spec, dict) or not isinstance(spec.get("map"), dict) or not spec["map"]:
        raise RuleError(f"{where}: needs a label, a kind and a non-empty map")
    kind = spec.get("kind")
    if kind not in ("single-byte", "base-plus-marks"):
        raise RuleError(f"{where}: kind must be single-byte or base-plus-marks, got {kind!r}")
    fallback = spec.get("fallback")
    if fallback is not None:
        try:
            codecs.lookup(fallback)
        except LookupError:
            raise RuleError(f"{where}: unknown fallback code page {fallback!r}") from None
    mapping = _parse_map(spec["map"], max_len=1 if kind == "single-byte" else 2, where=where)
    fallback_bytes = _parse_byte_range(spec.get("fallback_bytes", "00-FF"), where)
    decoding = _decoding_string(mapping, fallback, fallback_bytes)
    return LegacyEncoding(
        key=key,
        label=str(spec.get("label") or key),
        kind=kind,
        mapping=MappingProxyType(mapping),
        decoding=decoding,
        translation=MappingProxyType({b: ch for b, ch in enumerate(decoding) if ch != chr(b)}),
        sequences=_sequence_pattern(mapping) if kind == "base-plus-marks" else None,
        name_syllables=_parse_name_syllables(spec.get("name_syllables", []), where),
        toned_lowercase=frozenset(c for c in mapping.values() if c.islower() and c.upper() not in mapping.values()),
    )


def _parse_name_syllables(value: Any, where: str) -> frozenset[str]:
    """``[Ấn, Ích]``: each an NFC syllable that begins with a capital."""
    if not isinstance(value, list):
        raise RuleError(f"{where}: name_syllables must be a list of syllables like [Ấn, Ích]")
    for word in value:
        if not isinstance(word, str) or word != unicodedata.normalize("NFC", word) or not word[:1].isupper() \
                or not _is_syllable(word.lower()):
            raise RuleError(f"{where}: name_syllables: {word!r} is not a capitalised NFC Vietnamese syllable")
    return frozenset(value)


def _parse_map(entries: dict[Any, Any], *, max_len: int, where: str) -> dict[bytes, str]:
    mapping: dict[bytes, str] = {}
    for key, value in entries.items():
        try:
            seq = bytes.fromhex(str(key))
        except ValueError:
            raise RuleError(f"{where}: key {key!r} is not hex bytes like 'B5' or '61 F9'") from None
        if not 1 <= len(seq) <= max_len:
            raise RuleError(f"{where}: key {key!r} must be 1 to {max_len} bytes")
        if not isinstance(value, str) or len(value) != 1 or unicodedata.normalize("NFC", value) != value:
            raise RuleError(f"{where}: value for {key!r} must be one NFC character, got {value!r}")
        if value in mapping.values():
            raise RuleError(f"{where}: {value!r} is mapped twice (again by {key!r})")
        mapping[seq] = value
    return mapping


def _parse_byte_range(value: Any, where: str) -> range:
    """``"80-BF"`` -> range(0x80, 0xC0)."""
    try:
        low, high = (int(part, 16) for part in str(value).split("-"))
    except ValueError:
        raise RuleError(f"{where}: fallback_bytes must look like '80-BF', got {value!r}") from None
    if not 0 <= low <= high <= 0xFF:
        raise RuleError(f"{where}: fallback_bytes {value!r} is not a byte range")
    return range(low, high + 1)


def _decoding_string(mapping: Mapping[bytes, str], fallback: str | None, fallback_bytes: range) -> str:
    """What each lone byte decodes to: the table, else the fallback code page, else ASCII."""
    chars = []
    for b in range(256):
        byte = bytes([b])
        if byte in mapping:
            chars.append(mapping[byte])
        elif b < 0x80:
            chars.append(chr(b))
        elif fallback is not None and b in fallback_bytes:
            chars.append(byte.decode(fallback, errors="replace").replace("\ufffd", _UNDEFINED))
        else:
            chars.append(_UNDEFINED)
    return "".join(chars)


def _sequence_pattern(mapping: Mapping[bytes, str]) -> re.Pattern[str]:
    """Multi-byte keys, longest first, then any other non-ASCII byte (decoded alone)."""
    keys = sorted((k.decode("latin-1") for k in mapping if len(k) > 1), key=len, reverse=True)
    return re.compile("|".join([*(re.escape(k) for k in keys), "[\x80-\xff]"]))


@lru_cache(maxsize=None)
def load_tables() -> Tables:
    """Load and validate ``rules/encodings.yaml`` once; the tables are immutable."""
    text = resources.files("hoinghi.rules").joinpath("encodings.yaml").read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"rules/encodings.yaml: not valid YAML: {exc}") from None
    return parse_tables(raw)


# --------------------------------------------------------------------------- legacy decoding

def decode_legacy(data: bytes, table: LegacyEncoding, errors: str = "strict") -> str:
    """Decode bytes with one legacy table, e.g. TCVN3 ``b"Hµ N\\xe9i"`` -> ``"Hà Nội"``.

    With ``errors="strict"`` a byte that has no mapping raises ``DecodeError``
    naming the encoding; with ``"replace"`` it becomes U+FFFD.
    """
    latin = data.decode("latin-1")  # one character per byte
    if table.sequences is None:
        text = latin.translate(table.translation)
    else:
        text = table.sequences.sub(partial(_replace_sequence, table), latin)
    if _UNDEFINED in text:
        if errors == "strict":
            raise _unmapped(data, table)
        text = text.replace(_UNDEFINED, "\ufffd")
    return _restore_tcvn3_capitals(text, table) if table.key == "tcvn3" else text


def _replace_sequence(table: LegacyEncoding, match: re.Match[str]) -> str:
    found = match.group()
    return table.mapping[found.encode("latin-1")] if len(found) > 1 else table.decoding[ord(found)]


def _unmapped(data: bytes, table: LegacyEncoding) -> DecodeError:
    offset = next(i for i, b in enumerate(data) if table.decoding[b] == _UNDEFINED)
    return DecodeError(
        f"text is in {table.label}, but byte 0x{data[offset]:02X} at offset {offset} has no "
        f"mapping; convert the file to UTF-8 (for example with Unikey's converter)",
        encoding=table.key,
    )


def _restore_tcvn3_capitals(text: str, table: LegacyEncoding) -> str:
    """TCVN3 capitals with tones were typed as lowercase codes: see :mod:`pipeline.inputs.capitals`."""
    surnames, not_names = _name_lexicons()
    return restore_capitals(text, toned=table.toned_lowercase, name_syllables=table.name_syllables,
                            surnames=surnames, not_names=not_names)


@lru_cache(maxsize=None)
def _name_lexicons() -> tuple[frozenset[str], frozenset[str]]:
    """Surnames and places that are not names, from ``rules/people.yaml``, loaded once."""
    from hoinghi.rules import load

    people = load("people")
    return (frozenset(unicodedata.normalize("NFC", s) for s in people.lexicon("surnames")),
            frozenset(unicodedata.normalize("NFC", s).casefold() for s in people.lexicon("not_names")))


def _decode_cp1258(data: bytes, errors: str = "strict") -> str:
    try:
        text = data.decode("cp1258", errors=errors)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"text is in Windows-1258, but byte 0x{data[exc.start]:02X} at offset {exc.start} "
            "is not defined there; convert the file to UTF-8",
            encoding="windows-1258",
        ) from None
    return unicodedata.normalize("NFC", text)


def _candidates(tables: Tables) -> tuple[_Candidate, ...]:
    """Readings to try, in the order that wins a tie."""
    by_key = {t.key: t for t in tables.encodings}
    legacy = [
        _Candidate(name, by_key[key].label, partial(_decode_with, by_key[key]))
        for key, name in (("tcvn3", "tcvn3"), ("vni", "vni-windows"), ("viscii", "viscii"))
        if key in by_key
    ]
    return (_Candidate("windows-1258", "Windows-1258", _decode_cp1258), *legacy)


def _decode_with(table: LegacyEncoding, data: bytes, errors: str = "strict") -> str:
    return decode_legacy(data, table, errors)


# --------------------------------------------------------------------------- plausibility

def _is_syllable(word: str) -> bool:
    """``"Huyện"`` -> True; ``"B×nh"``, ``"Vieät"`` -> False."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONE_MARKS for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def _score(text: str, common_words: frozenset[str] = frozenset()) -> tuple[int, int, int]:
    """Count (Vietnamese, other, common) among words that hold a non-ASCII letter."""
    valid = invalid = common = 0
    for word in _WORD_SPLIT.split(unicodedata.normalize("NFC", text)):
        word = _strip_punctuation(word)
        if word.isascii() or not any(c.isalpha() for c in word):
            continue
        if _is_syllable(word):
            valid += 1
            common += word.lower() in common_words
        else:
            invalid += 1
    return valid, invalid, common


def _strip_punctuation(word: str) -> str:
    """Drop quotes and dashes around a word (“Việt” -> Việt); inner ones stay and spoil it."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(word[end - 1]).startswith("P"):
        end -= 1
    return word[start:end]


def _read(candidate: _Candidate, sample: bytes, common_words: frozenset[str]) -> _Reading:
    return _Reading(candidate, *_score(candidate.decode(sample, "replace"), common_words))


def _best(sample: bytes, candidates: tuple[_Candidate, ...], common_words: frozenset[str]) -> _Reading | None:
    """The most Vietnamese-looking reading, first candidate on a tie; None if none is plausible."""
    readings = [_read(c, sample, common_words) for c in candidates]
    best = max(readings, key=lambda r: r.rank)  # max keeps the first of equals
    return best if best.total and best.ratio >= _MIN_PLAUSIBLE else None


# --------------------------------------------------------------------------- sniffing

def _decode_bom(data: bytes) -> tuple[str, str] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom):], name), name
    return None


def _decode_unicode(data: bytes, name: str) -> str:
    codec = "utf-8" if name == "utf-8-sig" else name
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {name} data at byte {exc.start}", encoding=name) from None
    share = control_share(text)
    if share > _MAX_CONTROL_SHARE:
        raise DecodeError(f"binary data ({round(100 * share)}% control characters in {name} text), not a text file",
                          reason="binary")
    return text


def control_share(text: str) -> float:
    """The share of control characters (NUL, BEL, ... but not tab, newline, form feed) in ``text``.

    A few stray ones are noise in a text (the tokenizer's map drops them);
    more than ``_MAX_CONTROL_SHARE`` means the data is not text at all.
    """
    return len(_CONTROL_CHARS.findall(text)) / len(text) if text else 0.0


def is_binary_text(text: str) -> bool:
    """Whether decoded text holds so many control characters that it is binary data, not an article."""
    return control_share(text) > _MAX_CONTROL_SHARE


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII and Vietnamese letters put NUL in every other byte."""
    sample = data[: _SAMPLE_BYTES]
    if len(data) % 2 or len(sample) < 4:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _check_binary(data: bytes) -> None:
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"binary data ({what}), not a text file", reason="binary")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))  # stray NULs or BELs in a text are noise
    if controls > _MAX_CONTROL_SHARE * len(data):
        share = round(100 * controls / len(data))
        raise DecodeError(f"binary data ({share}% control bytes), not a text file", reason="binary")


# --------------------------------------------------------------------------- mojibake in Unicode text

@lru_cache(maxsize=1)
def _cp1252_bytes_map() -> Any:
    """Encoding map that turns text mis-read as Windows-1252 back into its bytes."""
    chars = "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(256))
    return codecs.charmap_build(chars)


def repair_legacy_text(text: str) -> tuple[str, str | None]:
    """Undo legacy text that was read as Windows-1252 and stored as Unicode.

        >>> repair_legacy_text("Héi nghÞ c¸n bé")       # TCVN3 shown as Windows-1252
        ('Hội nghị cán bộ', 'tcvn3')
        >>> repair_legacy_text("Há»™i nghá»‹ cÃ¡n bá»™")  # UTF-8 read as Windows-1252
        ('Hội nghị cán bộ', 'utf-8')
        >>> repair_legacy_text("Hội nghị cán bộ")
        ('Hội nghị cán bộ', None)

    Needs at least three words of evidence; short or non-Vietnamese text is
    left alone.
    """
    return _repair(text, load_tables())


def _repair(text: str, tables: Tables, markup: bool = False) -> tuple[str, str | None]:
    if text.isascii():
        return text, None
    try:
        raw, _ = codecs.charmap_encode(text, "strict", _cp1252_bytes_map())
    except UnicodeEncodeError:
        return text, None  # holds letters Windows-1252 lacks (ư, ơ, đ, ạ ...): real Unicode
    sample = (_MARKUP_TEXT.sub(" ", text) if markup else text)[:_SAMPLE_BYTES]
    valid, invalid, _ = _score(sample)
    if valid >= invalid:
        return text, None  # already reads as Vietnamese (or has no non-ASCII words)
    raw_sample, _ = codecs.charmap_encode(sample, "strict", _cp1252_bytes_map())
    utf8 = _Candidate("utf-8", "UTF-8", lambda data, errors="strict": data.decode("utf-8", errors))
    best = _best(raw_sample, (utf8, *_candidates(tables)), tables.common_words)
    if best is None or best.valid < 3 or best.ratio < 0.8:
        return text, None
    try:
        return best.candidate.decode(raw, "strict"), best.candidate.name
    except UnicodeDecodeError:
        return text, None


# --------------------------------------------------------------------------- entry point

def decode_article(data: bytes, *, markup: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding_name)`` for the bytes of one article.

    Accepts UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM; text is
    returned as written (NFD stays NFD). Legacy encodings are detected and
    converted to NFC: ``tcvn3`` (ABC, .VnTime), ``vni-windows``, ``viscii`` and
    ``windows-1258`` (combining tone marks composed). Legacy text stored as
    UTF-8 after a Windows-1252 mis-read is repaired and named e.g.
    ``tcvn3-in-utf-8``. Raises ``DecodeError`` for binary data
    (``"binary data ..."``) and for bytes no encoding explains, naming the
    encoding when it was recognised but cannot be converted.

        >>> decode_article(b"Vie\\xe4t Nam")[1]           # "Vieät Nam" in VNI
        'vni-windows'

    With ``markup=True`` (a saved web page) the encoding is judged on the words
    a reader sees, not on tags and scripts, so a TCVN3 page whose first 64 KB
    are scripts is still recognised:

        >>> decode_article(b"<script>" + b"x" * 70_000 + b"</script><p>H\\xe9i ngh\\xde c\\xb8n b\\xe9</p>",
        ...                markup=True)[1]
        'tcvn3'
    """
    if not data:
        return "", "utf-8"
    bom = _decode_bom(data)
    if bom is not None:
        return _with_repair(*bom, markup=markup)
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        return _with_repair(_decode_unicode(data, utf16), utf16, markup=markup)
    _check_binary(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_legacy_bytes(data, load_tables(), exc, markup=markup)
    return _with_repair(text, "utf-8", markup=markup)


def _with_repair(text: str, name: str, *, markup: bool = False) -> tuple[str, str]:
    repaired, legacy = _repair(text, load_tables(), markup)
    if legacy is None:
        return text, name
    return repaired, ("utf-8-double-encoded" if legacy == "utf-8" else f"{legacy}-in-{name}")


def _decode_legacy_bytes(
    data: bytes, tables: Tables, utf8_error: UnicodeDecodeError, *, markup: bool = False
) -> tuple[str, str]:
    candidates = _candidates(tables)
    sample = (_MARKUP_BYTES.sub(b" ", data) if markup else data)[:_SAMPLE_BYTES]
    best = _best(sample, candidates, tables.common_words)
    if best is not None:
        return best.candidate.decode(data, "strict"), best.candidate.name
    western = _plain_windows_1252(data)
    if western is not None:
        return western, "windows-1252"
    names = ", ".join(c.label for c in candidates)
    raise DecodeError(
        f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02X} at offset {utf8_error.start}) "
        f"and not readable as Vietnamese in {names}; save the file as UTF-8"
    )


def _plain_windows_1252(data: bytes) -> str | None:
    """Windows-1252 text whose only non-ASCII bytes are punctuation (curly quotes, dashes)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if _score(text)[:2] == (0, 0) else None


__all__ = ["DecodeError", "LegacyEncoding", "Tables", "control_share", "decode_article", "decode_legacy",
           "is_binary_text", "load_tables", "parse_tables", "repair_legacy_text"]
