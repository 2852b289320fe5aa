"""Tests for pipeline.inputs.decoding: Unicode, legacy Vietnamese encodings, binary data."""
from __future__ import annotations

import codecs
import unicodedata

import pytest

from hoinghi.pipeline.inputs.decoding import DecodeError, decode_article, load_tables, parse_tables, repair_legacy_text
from hoinghi.rules import RuleError

HOI_NGHI = "Sáng ngày 26/01/2024, Văn phòng Huyện ủy tổ chức Hội nghị cán bộ, công chức năm 2023."
PHAT_BIEU = "Đồng chí Nguyễn Văn Hùng, Phó Bí thư Thường trực Tỉnh ủy, phát biểu chỉ đạo hội nghị."
UY_BAN = "Ủy ban nhân dân xã Tân Lập triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024."
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def encode_with_table(text: str, key: str) -> bytes:
    """Inverse of one table in rules/encodings.yaml: Unicode -> legacy bytes."""
    table = load_tables().get(key)
    inverse = {char: seq for seq, char in table.mapping.items()}
    return b"".join(inverse[c] if c in inverse else c.encode("ascii") for c in text)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letter (â, ơ, đ ...) then a combining tone mark."""
    out = b""
    for char in text:
        parts = nfd(char)
        tone = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out += (base + tone).encode("cp1258")
    return out


# --------------------------------------------------------------------------- Unicode

@pytest.mark.parametrize("text", [HOI_NGHI, nfd(PHAT_BIEU), "Plain English news, no accents.", "Cà phê sáng"])
def test_decode_article_utf8_returned_exactly(text: str) -> None:
    assert decode_article(text.encode("utf-8")) == (text, "utf-8")


def test_decode_article_nfd_stays_nfd() -> None:
    text, _ = decode_article(nfd(HOI_NGHI).encode("utf-8"))
    assert text == nfd(HOI_NGHI) and text != HOI_NGHI


def test_decode_article_utf8_bom_stripped() -> None:
    assert decode_article(codecs.BOM_UTF8 + HOI_NGHI.encode("utf-8")) == (HOI_NGHI, "utf-8-sig")


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_decode_article_utf16_bom_read(bom: bytes, codec: str) -> None:
    assert decode_article(bom + HOI_NGHI.encode(codec)) == (HOI_NGHI, codec)


def test_decode_article_utf16_without_bom_sniffed() -> None:
    assert decode_article(UY_BAN.encode("utf-16-le")) == (UY_BAN, "utf-16-le")


def test_decode_article_empty_bytes_empty_text() -> None:
    assert decode_article(b"") == ("", "utf-8")


# --------------------------------------------------------------------------- Windows-1258

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Vi\xea\xf2t Nam", "Việt Nam"),                 # ê + combining dot below
        (b"H\xe0 N\xf4\xf2i", "Hà Nội"),
        (b"\xd0a\xd2ng b\xf4\xf2", "Đảng bộ"),            # Đ, a + combining hook above
        (b"Tr\xfd\xf5\xccng ho\xf2c", "Trường học"),      # ư ơ + combining grave
    ],
)
def test_decode_article_cp1258_hand_checked(data: bytes, expected: str) -> None:
    assert decode_article(data) == (expected, "windows-1258")


@pytest.mark.parametrize("sentence", [HOI_NGHI, PHAT_BIEU, UY_BAN])
def test_decode_article_cp1258_combining_marks_composed(sentence: str) -> None:
    data = encode_cp1258(sentence)
    assert any(b in data for b in (0xCC, 0xEC, 0xD2, 0xDE, 0xF2))  # really uses combining tone bytes
    assert decode_article(data) == (sentence, "windows-1258")


# --------------------------------------------------------------------------- TCVN3

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Ninh B\xd7nh", "Ninh Bình"),                                  # "Ninh B×nh"
        (b"H\xb5 N\xe9i", "Hà Nội"),                                     # "Hµ Néi"
        (b"Vi\xd6t Nam", "Việt Nam"),                                    # "ViÖt Nam"
        (b"\xa7\xb6ng b\xe9 huy\xd6n", "Đảng bộ huyện"),                 # "§¶ng bé huyÖn"
        (b"H\xe9i ngh\xde c\xb8n b\xe9, c\xabng ch\xf8c n\xa8m 2023",    # "Héi nghÞ c¸n bé, c«ng chøc n¨m"
         "Hội nghị cán bộ, công chức năm 2023"),
    ],
)
def test_decode_article_tcvn3_hand_checked(data: bytes, expected: str) -> None:
    assert decode_article(data) == (expected, "tcvn3")


@pytest.mark.parametrize("sentence", [HOI_NGHI, PHAT_BIEU])
def test_decode_article_tcvn3_table_inverse_round_trips(sentence: str) -> None:
    assert decode_article(encode_with_table(sentence, "tcvn3")) == (sentence, "tcvn3")


def test_decode_article_tcvn3_capitals_typed_as_lowercase_codes_restored() -> None:
    # .VnTimeH headings: toned capitals were typed with the lowercase codes
    assert decode_article(b"H\xe9I NGH\xde C\xb8N B\xe9") == ("HỘI NGHỊ CÁN BỘ", "tcvn3")


def test_decode_article_tcvn3_unmapped_byte_names_encoding() -> None:
    data = encode_with_table(HOI_NGHI, "tcvn3") + b" \x81"
    with pytest.raises(DecodeError, match="TCVN3") as info:
        decode_article(data)
    assert info.value.encoding == "tcvn3" and info.value.reason == "encoding"


# --------------------------------------------------------------------------- VNI

@pytest.mark.parametrize(
    ("vni_look", "expected"),
    [
        ("Vieät Nam", "Việt Nam"),
        ("Haø Noäi", "Hà Nội"),
        ("Ñaûng boä huyeän", "Đảng bộ huyện"),
        ("Tröôøng Ñaïi hoïc", "Trường Đại học"),
        ("UÛy ban nhaân daân", "Ủy ban nhân dân"),
        ("Hoäi nghò caùn boä, coâng chöùc naêm 2023", "Hội nghị cán bộ, công chức năm 2023"),
    ],
)
def test_decode_article_vni_hand_checked(vni_look: str, expected: str) -> None:
    assert decode_article(vni_look.encode("cp1252")) == (expected, "vni-windows")


@pytest.mark.parametrize("sentence", [HOI_NGHI, PHAT_BIEU, UY_BAN, UY_BAN.upper()])
def test_decode_article_vni_table_inverse_round_trips(sentence: str) -> None:
    assert decode_article(encode_with_table(sentence, "vni")) == (sentence, "vni-windows")


# --------------------------------------------------------------------------- VISCII

@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Vi\xaet Nam", "Việt Nam"),
        (b"H\xe0 N\xb5i", "Hà Nội"),
        (b"\xd0\xe4ng b\xb5", "Đảng bộ"),
        (b"Tr\xdf\xb6ng h\xf7c", "Trường học"),
    ],
)
def test_decode_article_viscii_hand_checked(data: bytes, expected: str) -> None:
    assert decode_article(data) == (expected, "viscii")


@pytest.mark.parametrize("sentence", [HOI_NGHI, PHAT_BIEU, UY_BAN])
def test_decode_article_viscii_table_inverse_round_trips(sentence: str) -> None:
    assert decode_article(encode_with_table(sentence, "viscii")) == (sentence, "viscii")


# --------------------------------------------------------------------------- legacy text saved as UTF-8

@pytest.mark.parametrize(
    ("shown", "name"),
    [
        ("Héi nghÞ c¸n bé, c«ng chøc n¨m 2023", "tcvn3-in-utf-8"),
        ("Hoäi nghò caùn boä, coâng chöùc naêm 2023", "vni-windows-in-utf-8"),
        ("Hội nghị cán bộ, công chức năm 2023".encode().decode("cp1252", "replace"), "utf-8-double-encoded"),
    ],
)
def test_decode_article_legacy_stored_as_utf8_repaired(shown: str, name: str) -> None:
    assert decode_article(shown.encode("utf-8")) == ("Hội nghị cán bộ, công chức năm 2023", name)


@pytest.mark.parametrize(
    "text",
    [HOI_NGHI, nfd(UY_BAN), "Cà phê sáng ở Hà Nội", "Café au lait, résumé, naïve", "Ninh B×nh"],
)
def test_repair_legacy_text_leaves_normal_text_alone(text: str) -> None:
    assert repair_legacy_text(text) == (text, None)


# --------------------------------------------------------------------------- not Vietnamese / not text

def test_decode_article_english_with_curly_quotes_is_windows_1252() -> None:
    data = "The council said “the meeting was held” – 2024…".encode("cp1252")
    assert decode_article(data) == ("The council said “the meeting was held” – 2024…", "windows-1252")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" * 20, "control bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x10" * 40, "PNG"),
        (bytes(range(1, 32)) * 10, "control bytes"),
    ],
)
def test_decode_article_binary_raises(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError, match=f"^binary data.*{what}") as info:
        decode_article(data)
    assert info.value.reason == "binary"


def test_decode_article_text_with_a_few_stray_nul_bytes_is_text() -> None:
    data = HOI_NGHI.encode("utf-8") + b"\x00\x00\x07"
    assert decode_article(data) == (HOI_NGHI + "\x00\x00\x07", "utf-8")


def test_decode_article_unknown_8bit_text_raises_encoding_error() -> None:
    with pytest.raises(DecodeError, match="not valid UTF-8.*save the file as UTF-8") as info:
        decode_article("Le conseil a élu un député très âgé.".encode("cp1252"))
    assert info.value.reason == "encoding" and info.value.encoding is None


# --------------------------------------------------------------------------- tables

def test_load_tables_cover_the_vietnamese_alphabet() -> None:
    tables = {t.key: t for t in load_tables().encodings}
    full = set(tables["viscii"].mapping.values())
    assert len(full) == 134 and set(tables["vni"].mapping.values()) == full
    assert set(tables["tcvn3"].mapping.values()) < full and len(tables["tcvn3"].mapping) == 74


def test_load_tables_are_immutable() -> None:
    table = load_tables().get("tcvn3")
    with pytest.raises(TypeError):
        table.mapping[b"\x80"] = "x"  # type: ignore[index]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"kind": "single-byte", "map": {"B5": "àa"}}, "one NFC character"),
        ({"kind": "single-byte", "map": {"B5": nfd("à")}}, "one NFC character"),
        ({"kind": "single-byte", "map": {"ZZ": "à"}}, "not hex"),
        ({"kind": "single-byte", "map": {"61 F8": "à"}}, "1 to 1 bytes"),
        ({"kind": "single-byte", "map": {"B5": "à", "B6": "à"}}, "mapped twice"),
        ({"kind": "three-byte", "map": {"B5": "à"}}, "kind must be"),
        ({"kind": "single-byte", "fallback": "nope", "map": {"B5": "à"}}, "unknown fallback"),
        ({"kind": "single-byte", "fallback_bytes": "80", "map": {"B5": "à"}}, "fallback_bytes"),
    ],
)
def test_parse_tables_rejects_bad_entries(entry: dict, problem: str) -> None:
    with pytest.raises(RuleError, match=problem):
        parse_tables({"encodings": {"tcvn3": entry}})


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Đồng chí Nguyễn Văn ấn, Bí thư Đảng ủy xã, chủ trì.", "Đồng chí Nguyễn Văn Ấn, Bí thư Đảng ủy xã, chủ trì."),
    ("Dự hội nghị có ông Ngô ích ứng và bà Lê Thị ánh.", "Dự hội nghị có ông Ngô Ích Ứng và bà Lê Thị Ánh."),
    ("Bà Trần Thị ý phát biểu.", "Bà Trần Thị Ý phát biểu."),
])
def test_decode_article_tcvn3_name_capitals_restored_after_a_surname(sentence: str, expected: str) -> None:
    assert decode_article(encode_with_table(sentence, "tcvn3")) == (expected, "tcvn3")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hội nghị kết thúc. ấn tượng nhất là phần thảo luận.", "Hội nghị kết thúc. Ấn tượng nhất là phần thảo luận."),
    ("ở xã Tân Lập, hội nghị diễn ra sáng nay.", "Ở xã Tân Lập, hội nghị diễn ra sáng nay."),
])
def test_decode_article_tcvn3_sentence_start_capital_restored(sentence: str, expected: str) -> None:
    assert decode_article(encode_with_table(sentence, "tcvn3")) == (expected, "tcvn3")


@pytest.mark.parametrize("sentence", [
    "Văn phòng Tỉnh ủy và Huyện ủy Mường Chà tổ chức hội nghị.",
    "Thành phố Hà Nội ấn định ngày tổ chức hội nghị.",
    "Đồng chí Lê Văn Hùng ủng hộ ý kiến của đại biểu.",
])
def test_decode_article_tcvn3_lowercase_after_capitals_stays_lowercase(sentence: str) -> None:
    assert decode_article(encode_with_table(sentence, "tcvn3")) == (sentence, "tcvn3")
