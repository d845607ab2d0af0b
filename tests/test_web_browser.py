"""The web UI in a real headless Chromium (Debian's chromium + chromium-driver, through Selenium):
a reader's walk from search to a person's quotes, and hostile article content that must run nothing.
Screenshots of every page visited land in build/screenshots/ (laptop and phone width)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

uvicorn = pytest.importorskip("uvicorn")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.webdriver.common.by import By  # noqa: E402

from newsmill.web.server import create_app  # noqa: E402
from web_corpus import build  # noqa: E402

SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
CHROMEDRIVER = shutil.which("chromedriver")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if not (CHROMEDRIVER and CHROMIUM):
    if os.environ.get("CI"):
        raise RuntimeError("chromium and chromium-driver are needed for the browser tests (make test installs them)")
    pytest.skip("no chromium/chromedriver on this machine (apt-get install chromium chromium-driver)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build(tmp_path_factory.mktemp("browser") / "news.db")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM  # type: ignore[assignment]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


def shot(driver: webdriver.Chrome, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_walk_search_facet_article_entity_quotes(base_url: str, browser: webdriver.Chrome) -> None:
    b = browser
    b.get(base_url + "/")
    box = b.find_element(By.NAME, "q")
    box.send_keys("Hafen")
    box.submit()
    assert "3 articles match" in b.find_element(By.CSS_SELECTOR, ".count").text
    assert b.find_elements(By.CSS_SELECTOR, ".snippet mark")
    shot(b, "search")
    b.find_element(By.LINK_TEXT, "Rotterdam").click()  # a place facet adds the filter
    assert "1 article match" in b.find_element(By.CSS_SELECTOR, ".count").text
    assert "entity: geo:2747891" in b.find_element(By.CSS_SELECTOR, ".active").text
    b.find_element(By.CSS_SELECTOR, ".result .title").click()
    assert b.find_element(By.TAG_NAME, "h1").text == "Hamburger Hafen meldet Rekord"
    person = b.find_element(By.CSS_SELECTOR, ".body a.m.per")
    assert person.get_attribute("title") == "PER: Erika Hafner"
    assert b.find_element(By.CSS_SELECTOR, ".body .m.time").get_attribute("title") == "2024-03-05"
    assert "53.55" in (b.find_element(By.CSS_SELECTOR, ".body a.m.place").get_attribute("title") or "")
    assert b.find_element(By.CSS_SELECTOR, ".body .m.quote")
    shot(b, "article")
    person.click()
    assert b.find_element(By.TAG_NAME, "h1").text == "Erika Hafner"
    said = b.find_elements(By.CSS_SELECTOR, "ul.quotes .said")
    assert [q.text for q in said] == ["Wir haben so viele Container wie nie umgeschlagen"]
    shot(b, "entity")
    for path in ("/quotes", "/places", "/groups", "/stats"):
        b.get(base_url + path)
        assert b.find_element(By.TAG_NAME, "h1").text
        shot(b, path.strip("/"))
    b.set_window_size(390, 844)  # a phone
    for path, name in (("/search?q=Hafen", "search-phone"), ("/articles/hafen1", "article-phone")):
        b.get(base_url + path)
        width = b.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400, f"{path} scrolls sideways on a phone ({width}px)"
        shot(b, name)
    b.set_window_size(1280, 900)


def test_script_payloads_in_an_article_run_nothing(base_url: str, browser: webdriver.Chrome) -> None:
    b = browser
    for path in ("/articles/evil", "/search?q=Wahl", "/search?q=Text"):
        b.get(base_url + path)
        assert b.execute_script("return window.__pwned === undefined")
        assert not b.find_elements(By.CSS_SELECTOR, "main script, main img")
    b.get(base_url + "/articles/evil")
    assert "<script>window.__pwned=1</script>" in b.find_element(By.TAG_NAME, "h1").text
    assert not [a for a in b.find_elements(By.TAG_NAME, "a")
                if (a.get_attribute("href") or "").lower().startswith("javascript:")]
    shot(b, "hostile-article")
