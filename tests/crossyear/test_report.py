"""The HTML report: self-contained (nothing fetched from elsewhere), small, and seen in headless Chromium."""
from __future__ import annotations

import re
import shutil

import pytest

from hoinghi.pipeline.crossyear.report import render_report
from hoinghi.pipeline.crossyear.run import analyse
from tests.conftest import ROOT
from tests.crossyear.gold_records import gold_records
from tests.crossyear.marked import record

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# Anything that would make a browser fetch: src/href/url() to an address, @import, a script.
FETCHING = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import|<script|<link|<iframe""",
                      re.IGNORECASE)


@pytest.fixture(scope="module")
def corpus_html():
    return render_report(analyse(gold_records(ROOT / "corpus" / "crossyear")))


def test_report_fetches_nothing_from_anywhere(corpus_html):
    assert FETCHING.search(corpus_html) is None


def test_report_links_each_flagged_point_to_its_finding(corpus_html):
    anchors = set(re.findall(r'id="(f\d+)"', corpus_html))
    links = set(re.findall(r'xlink:href="#(f\d+)"', corpus_html)) | set(re.findall(r'href="#(f\d+)"', corpus_html))
    assert links and links <= anchors


def test_report_fifty_charts_stay_under_two_megabytes():
    measures = [f"chỉ tiêu số {i} của hội" for i in range(52)]
    records = []
    for year in (2022, 2023, 2024):
        marked = " ".join(f"Năm {year} đạt [[Q|{100 + i + year % 10}|việc|{m}|result||{year}]]." for i, m in enumerate(measures))
        records.append(record(f"Y{year}", marked, host="Hội Nông dân tỉnh Quảng Nam", date=f"{year}-12-20"))
    html = render_report(analyse(records))
    assert html.count("<svg") >= 50
    assert len(html.encode("utf-8")) < 2_000_000


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="no Chromium here: apt-get install chromium chromium-driver")
def test_report_opens_offline_in_chromium(tmp_path, corpus_html):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    page.write_text(corpus_html, encoding="utf-8")
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1600"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(page.as_uri())
        assert len(driver.find_elements(By.CSS_SELECTOR, "svg")) >= 20
        flagged = driver.find_elements(By.CSS_SELECTOR, "tr.inconsistent")
        assert flagged and "«" in flagged[0].text
        requests = [e["message"] for e in driver.get_log("performance") if "Network.requestWillBeSent" in e["message"]]
        assert all('"url":"file://' in m or '"url":"data:' in m for m in requests)
        driver.save_screenshot(str(tmp_path / "report.png"))
        assert (tmp_path / "report.png").stat().st_size > 10_000
    finally:
        driver.quit()
