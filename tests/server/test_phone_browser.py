"""The phone page in a real browser (headless Chromium, on 127.0.0.1) against
``mcexplorer room serve FILE``: fill the name and the sliders, send, and the participant is in
FILE with exactly those weights; send again from the same browser: updated, not duplicated.
The page at 390x844 is saved as a screenshot."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from phone_browser import close_browser, fill_and_send, local, open_browser

from mcexplorer.core.io import save_scenario
from mcexplorer.core.resources import default_scenario
from mcexplorer.core.validation import load_scenario

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
BM = "business-models"
SHOTS = os.environ.get("MCX_SHOTS")


@pytest.fixture
def web():
    browser = open_browser(390, 844)
    yield browser
    close_browser(browser)


@pytest.fixture
def served(tmp_path):
    path = tmp_path / "workshop.json"
    save_scenario(path, default_scenario())
    proc = subprocess.Popen([sys.executable, "-m", "mcexplorer", "room", "serve", str(path),
                             "--host", "127.0.0.1", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    try:
        assert sel.select(timeout=60), "no join URL within 60 s"
        yield local(proc.stdout.readline().strip()), path
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate(timeout=30)
    assert proc.returncode == 0


def test_a_phone_sends_its_weights_and_updates_them(web, served, tmp_path):
    url, path = served
    web.get(url)
    from selenium.webdriver.common.by import By
    sliders = web.find_elements(By.CSS_SELECTOR, "input[type=range]")
    assert len(sliders) >= 20 and all(s.get_attribute("min") == "0" for s in sliders)
    # Large enough for a thumb, and no sideways scrolling on a 390 px phone.
    assert all(s.size["height"] >= 40 for s in sliders[:3])
    assert web.execute_script("return document.documentElement.scrollWidth") <= 390
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    web.save_screenshot(str(folder / "phone-390x844.png"))

    sent = {f"{BM}:risk": 20, f"{BM}:costs": 75, "credential-ecology:employability": 5}
    message = fill_and_send(web, "Ana <img src=x onerror=alert(1)>", sent)
    assert "You are in the room as Ana <img src=x onerror=alert(1)>" in message
    web.save_screenshot(str(folder / "phone-sent-390x844.png"))
    [ana] = load_scenario(path)[0].participants
    assert ana.name == "Ana <img src=x onerror=alert(1)>"
    assert ana.weights[BM]["risk"] == 20 and ana.weights[BM]["costs"] == 75
    assert ana.weights["credential-ecology"]["employability"] == 5
    untouched = {k: v for k, v in ana.weights[BM].items() if k not in ("risk", "costs")}
    assert set(untouched.values()) == {50}  # the other sliders as the page showed them

    # The page shows the values back; change one and send again from the same browser.
    slider = web.find_element(By.CSS_SELECTOR, f'input[name="{BM}:risk"]')
    assert slider.get_attribute("value") == "20"
    message = fill_and_send(web, None, {f"{BM}:risk": 90})
    assert "updated" in message
    people = load_scenario(path)[0].participants
    assert len(people) == 1
    assert people[0].weights[BM]["risk"] == 90 and people[0].weights[BM]["costs"] == 75

    # Reopening the address later: the same phone, its own values, still one person.
    web.get(url)
    assert web.find_element(By.CSS_SELECTOR, f'input[name="{BM}:risk"]').get_attribute(
        "value") == "90"
    fill_and_send(web, None, {f"{BM}:costs": 10})
    people = load_scenario(path)[0].participants
    assert [(p.weights[BM]["risk"], p.weights[BM]["costs"]) for p in people] == [(90, 10)]


def test_the_page_runs_no_script_from_a_name_and_loads_nothing_from_elsewhere(web, served):
    url, _ = served
    web.get(url)
    fill_and_send(web, "<script>document.title='pwned'</script>", {})
    assert web.title != "pwned"
    from selenium.webdriver.common.by import By
    assert web.find_element(By.NAME, "name").get_attribute("value") == \
        "<script>document.title='pwned'</script>"
    urls = web.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(url) for u in urls), urls


def test_sliders_show_their_value_as_they_move_and_the_page_follows_rtl(served, tmp_path):
    url, _ = served
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    web = open_browser(390, 844, language="ar")
    try:
        web.get(url)
        assert web.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
        slider = web.find_element(By.CSS_SELECTOR, f'input[name="{BM}:risk"]')
        out = web.find_element(By.ID, "o-" + slider.get_attribute("id")[2:])
        web.execute_script("arguments[0].scrollIntoView({block: 'center'})", slider)
        slider.send_keys(Keys.END)  # the page's own script (allowed by its policy) follows
        assert slider.get_attribute("value") == "100" and out.text == "100"
        assert web.execute_script("return document.documentElement.scrollWidth") <= 390
        folder = Path(SHOTS) if SHOTS else tmp_path
        web.save_screenshot(str(folder / "phone-rtl-390x844.png"))
    finally:
        close_browser(web)
