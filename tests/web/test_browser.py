"""A person's view: ``hoinghi serve`` on the corpus, searched in a real headless Chromium (Debian's)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from hoinghi.pipeline.archive import index_records
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
SEED = "000_b778848fc66e39d6"  # "Lâm Đức Xuân – Bí thư Đảng ủy, Chánh Văn phòng Tỉnh uỷ"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="no Chromium here: apt-get install chromium chromium-driver (.ci/run installs them)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"hoinghi serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.fixture
def served(tmp_path, extractor):
    """The corpus' archive served by ``hoinghi serve`` on a free loopback port."""
    articles = sorted((ROOT / "corpus" / "articles").glob("*.txt"))
    db = tmp_path / "archive.db"
    index_records((extractor.extract(p.read_text(encoding="utf-8"), doc_id=p.stem) for p in articles), db)
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-c", "from hoinghi.pipeline.cli.main import main; main()", "serve", str(db),
                               "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/", server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=1280,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_browser_name_typed_without_diacritics_finds_the_article(served, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(served + "/")
    browser.find_element(By.NAME, "q").send_keys("lam duc xuan", Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.hoinghi-hit"))
    first = browser.find_elements(By.CSS_SELECTOR, "li.hoinghi-hit")[0]
    assert first.get_attribute("data-doc-id") == SEED
    assert first.find_element(By.TAG_NAME, "mark").text == "Lâm Đức Xuân"
    assert browser.save_screenshot(str(tmp_path / "search.png"))

    first.find_element(By.CSS_SELECTOR, "a.hoinghi-doc").click()
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".hoinghi-text mark.f-person"))
    people = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".hoinghi-text mark.f-person")]
    assert people.count("Lâm Đức Xuân") == 2
    assert browser.find_element(By.CSS_SELECTOR, ".hoinghi-text mark.f-date").text == "26/01/2024"
    assert browser.save_screenshot(str(tmp_path / "article.png"))
    assert (tmp_path / "search.png").read_bytes()[:8] == (tmp_path / "article.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_browser_start_page_shows_an_analyst_the_archive(served, browser, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get(served + "/")
    page = browser.find_element(By.TAG_NAME, "body").text
    assert "Tin hội nghị" in page and "rows in" not in page
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.hoinghi-chart rect.bar")
    years = {int(b.find_element(By.TAG_NAME, "title").get_attribute("textContent").split()[-2].rstrip(":"))
             for b in bars}
    assert bars and min(years) >= 2000
    latest = browser.find_elements(By.CSS_SELECTOR, ".hoinghi-latest li a")
    bodies = browser.find_elements(By.CSS_SELECTOR, ".hoinghi-bodies tbody tr")
    assert len(latest) == 10 and bodies
    assert browser.save_screenshot(str(tmp_path / "start.png"))
    latest[0].click()
    assert browser.find_elements(By.CSS_SELECTOR, ".hoinghi-text")


def test_browser_people_at_meetings_have_date_body_and_roles_in_vietnamese(served, browser):
    from selenium.webdriver.common.by import By

    browser.get(served + "/")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Người dự hội nghị").click()
    headers = [th.text.strip() for th in browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns th")]
    assert headers[:6] == ["name", "titles", "roles", "date", "body", "meeting"]
    roles = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "td.col-roles")]
    assert "chủ trì (chair)" in roles and not any(r.startswith("[") for r in roles)
