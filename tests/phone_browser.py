"""A headless Chromium for the phone page (Debian's chromium and chromium-driver, through
selenium), or a skip saying what is missing. It opens only the URLs a test gives it, on
127.0.0.1, with background networking, updates, sync and QUIC off and a fresh profile."""

from __future__ import annotations

import os
import shutil
import tempfile
import urllib.parse

import pytest

CHROMIUM = ("chromium", "chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-proxy-server", "--disable-dev-shm-usage", "--hide-scrollbars")
WAIT = 30


def find_binaries() -> tuple[str, str]:
    browser = next((p for p in map(shutil.which, CHROMIUM) if p), None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        pytest.skip("needs Debian's chromium and chromium-driver (make test installs them as "
                    "root; apt-get install chromium chromium-driver)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("needs selenium (pip install -r requirements.lock)")
    return browser, driver


def open_browser(width: int = 390, height: int = 844, language: str = "en-GB"):
    """A headless Chromium the size of a phone; the caller quits it."""
    browser, driver = find_binaries()
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager download
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="mcx-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={max(width, 500)},{height}")
    # A desktop window is at least 500 px wide: emulate the phone's screen instead.
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0, "touch": True}})
    options.add_argument(f"--lang={language}")
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    try:
        web = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    except Exception as exc:  # noqa: BLE001 - a browser that cannot start is a skip
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"chromium did not start: {str(exc).splitlines()[0]}")
    web.set_page_load_timeout(WAIT)
    web.set_script_timeout(WAIT)
    web.mcx_profile = profile
    return web


def close_browser(web) -> None:
    try:
        web.quit()
    finally:
        shutil.rmtree(getattr(web, "mcx_profile", ""), ignore_errors=True)


def local(url: str) -> str:
    assert urllib.parse.urlsplit(url).hostname == "127.0.0.1", url
    return url


def set_slider(web, field: str, value: int) -> None:
    """Move the slider named ``field`` to ``value`` with the keyboard (Home, then arrows)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    slider = web.find_element(By.CSS_SELECTOR, f'input[type=range][name="{field}"]')
    web.execute_script("arguments[0].scrollIntoView({block: 'center'})", slider)
    slider.send_keys(Keys.HOME)
    if value:
        slider.send_keys(Keys.ARROW_RIGHT * int(value))
    assert slider.get_attribute("value") == str(value)


def fill_and_send(web, name: str | None, weights: dict[str, int]) -> str:
    """Type the name (None: leave it), set the sliders, press the submit button; the text of
    the message the page then shows."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    if name is not None:
        box = web.find_element(By.NAME, "name")
        box.clear()
        box.send_keys(name)
    for field, value in weights.items():
        set_slider(web, field, value)
    old = web.find_element(By.TAG_NAME, "html")
    web.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(web, WAIT).until(_gone(old))
    return WebDriverWait(web, WAIT).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".message"))).text


def _gone(element):
    """``staleness_of``, also when chromedriver says so in its own words: while the new page
    replaces the old one it may answer "Node with given id does not belong to the document"
    (an unknown error) instead of a stale element (seen under load, on parallel test runs)."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def predicate(_driver) -> bool:
        try:
            element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False

    return predicate
