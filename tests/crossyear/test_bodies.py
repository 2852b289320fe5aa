"""Canonical bodies: abbreviations, the place from a paper's site, similar province names, the 2025 mergers."""
from __future__ import annotations

import datetime as dt

import pytest

from hoinghi.pipeline.crossyear.bodies import BodyNames, Pins
from hoinghi.pipeline.crossyear.errors import CrossYearError
from hoinghi.pipeline.crossyear.places import Gazetteer


@pytest.fixture(scope="module")
def names():
    return BodyNames.load()


@pytest.mark.parametrize("short, long", [
    ("VP Tỉnh uỷ Cao Bằng", "Văn phòng Tỉnh ủy tỉnh Cao Bằng"),
    ("KTNN", "Kiểm toán Nhà nước"),
    ("HND tỉnh Sóc Trăng", "Hội Nông dân tỉnh Sóc Trăng"),
    ("LĐLĐ tỉnh Bến Tre", "Liên đoàn Lao động tỉnh Bến Tre"),
    ("UBND tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("Thành Đoàn TP.HCM", "Đoàn TNCS Hồ Chí Minh Thành phố Hồ Chí Minh"),
])
def test_bodies_abbreviation_is_the_same_body(names, short, long):
    assert names.resolve(short, when=dt.date(2024, 5, 1)).key == names.resolve(long, when=dt.date(2024, 5, 1)).key


def test_bodies_old_and_new_tone_marks_are_one_body(names):
    assert names.resolve("Văn phòng Tỉnh uỷ Cao Bằng").key == names.resolve("Văn phòng Tỉnh ủy Cao Bằng").key


def test_bodies_place_comes_from_the_papers_site(names):
    body = names.resolve("Hội Nông dân tỉnh", url="https://baokontum.com.vn/tin-tuc/hoi-nghi-123.html",
                         when=dt.date(2023, 5, 2))
    assert (body.type, body.level, body.place.name) == ("Hội Nông dân", "tỉnh", "Kon Tum")


def test_bodies_paper_named_otherwise_maps_through_the_data(names):
    body = names.resolve("Liên đoàn Lao động tỉnh", url="https://baodongkhoi.vn/ldld-12.html", when=dt.date(2023, 1, 1))
    assert body.place.name == "Bến Tre"


def test_bodies_site_path_is_not_a_place(names):
    body = names.resolve("Kiểm toán Nhà nước", url="https://vietnam.vn/ninhbinh/kiem-toan-tong-ket")
    assert body.place is None and body.level == "trung ương"


def test_bodies_two_provinces_with_similar_names_stay_apart(names):
    nam = names.resolve("Hội Nông dân tỉnh", url="https://baoquangnam.vn/a.html", when=dt.date(2023, 1, 1))
    ninh = names.resolve("Hội Nông dân tỉnh", url="https://baoquangninh.vn/a.html", when=dt.date(2023, 1, 1))
    assert (nam.place.name, ninh.place.name) == ("Quảng Nam", "Quảng Ninh")
    assert nam.key != ninh.key


def test_bodies_similar_names_are_never_merged_by_fuzzy_matching(names):
    a = names.resolve("HND tỉnh Quảng Nam", when=dt.date(2023, 1, 1))
    b = names.resolve("HND tỉnh Quảng Ninh", when=dt.date(2023, 1, 1))
    assert names.merge_similar([a, b]) == {}


def test_bodies_typo_in_an_unknown_body_type_is_joined(names):
    a = names.resolve("Ban Quản lý dự án đầu tư xây dựng tỉnh Cao Bằng")
    b = names.resolve("Ban Quản lý dự án đầu tư xây dưng tỉnh Cao Bằng")
    assert names.merge_similar([a, b]) in ({b.key: a.key}, {a.key: b.key})


def test_bodies_merged_province_has_a_successor_not_an_alias():
    gaz = Gazetteer.load()
    ben_tre = gaz.by_name("Bến Tre")
    assert ben_tre.successor.name == "Vĩnh Long"
    assert ben_tre.key != ben_tre.successor.key
    assert "Bến Tre" in ben_tre.successor.predecessors


def test_bodies_a_name_kept_by_a_merged_province_means_the_old_one_before_july_2025():
    gaz = Gazetteer.load()
    before, after = gaz.by_name("Vĩnh Long", dt.date(2025, 3, 1)), gaz.by_name("Vĩnh Long", dt.date(2025, 9, 1))
    assert (before.era, after.era) == ("legacy", "2025")
    assert before.key != after.key


def test_bodies_untouched_province_is_one_place_across_the_merger():
    gaz = Gazetteer.load()
    assert gaz.by_name("Cao Bằng", dt.date(2024, 1, 1)) == gaz.by_name("Cao Bằng", dt.date(2025, 12, 1))


def test_bodies_place_from_the_text_needs_its_province_word(names):
    gaz = Gazetteer.load()
    assert [p.name for p in gaz.in_text("Đồng chí Nguyễn Văn Nam, Bí thư Tỉnh ủy tỉnh Quảng Ninh phát biểu")] == ["Quảng Ninh"]
    assert gaz.in_text("Đoàn TNCS Hồ Chí Minh của trường tổ chức đại hội") == []


def test_bodies_pins_rename_a_host(tmp_path):
    pins = tmp_path / "archive.bodies.yaml"
    pins.write_text('pins:\n  "Ban Kiểm tra": "Ủy ban Kiểm tra Tỉnh ủy Cao Bằng"\n', encoding="utf-8")
    names = BodyNames.load(Pins.read(pins))
    assert names.resolve("Ban Kiểm tra").place.name == "Cao Bằng"


def test_bodies_bad_pins_file_is_named(tmp_path):
    pins = tmp_path / "x.yaml"
    pins.write_text("- một\n- hai\n", encoding="utf-8")
    with pytest.raises(CrossYearError, match="x.yaml"):
        Pins.read(pins)


def test_bodies_host_in_text_skips_titles_and_plurals(names):
    text = ("Đồng chí Trần Văn Hai, Phó Bí thư Tỉnh ủy dự hội nghị của các tỉnh ủy. Ủy ban Kiểm tra đã kiểm tra "
            "120 tổ chức đảng; Ủy ban Kiểm tra cũng giám sát 300 đảng viên.")
    assert names.host_in_text(text) == "Ủy ban Kiểm tra"
