"""Tests for pipeline.web.labels and pipeline.web.chart: Vietnamese words for codes, the inline SVG chart."""
from __future__ import annotations

import pytest

from hoinghi.pipeline.web.chart import bar_chart
from hoinghi.pipeline.web.labels import vi_label


@pytest.mark.parametrize("value, expected", [
    ('["chair", "speaker"]', "chủ trì (chair), phát biểu (speaker)"),
    ("target", "chỉ tiêu (target)"),
    ("collective", "tập thể (collective)"),
    ("[]", ""),
    ("Hội nghị [trực tuyến]", "Hội nghị [trực tuyến]"),
    ("[không phải JSON", "[không phải JSON"),
])
def test_vi_label_writes_codes_out_in_vietnamese(value, expected):
    assert vi_label(value) == expected


def test_bar_chart_one_bar_a_year_and_series_with_its_value():
    svg = bar_chart([2023, 2024], {"Hội nghị / meetings": [3, 5], "Khen thưởng / awards": [2, 0]})
    assert svg.count('<rect class="bar') == 4
    assert "<title>Khen thưởng / awards 2023: 2</title>" in svg


def test_bar_chart_without_years_is_an_empty_frame():
    assert bar_chart([], {"Hội nghị / meetings": []}).count('<rect class="bar') == 0
