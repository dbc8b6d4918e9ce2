"""Every exported SVG is drawn the same by librsvg (rsvg-convert) and by Chromium as the PNG of
the same chart at the same size.

The measure: both images as greyscale on white, a Gaussian blur of radius 2 px (so a glyph
hinted one pixel apart does not count), then the mean absolute difference per pixel on the
0-255 scale. Same chart, same size: 2 to 7. Before the fix, librsvg drew the credential-
ecology map at 122 (grey rings: a cosmetic line scaled by the plot's transform), Three
Horizons at 141 (one green rectangle), balance at 29 and the heat map at 17; Chromium drew
each marker as an embedded bitmap of every marker (rows of small shapes). The threshold is 10.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from mcexplorer.core.document import Document
from mcexplorer.core.ecology import edits as eco_edits
from mcexplorer.core.room import edits as room_edits
from mcexplorer.core.structures import edits as st_edits
from mcexplorer.qt.charts.export import ImageSpec
from mcexplorer.qt.export.charts import drawn_charts, export_all

PIL = pytest.importorskip("PIL", reason="Pillow (installed with python-pptx) is missing")
from PIL import Image, ImageFilter  # noqa: E402

np = pytest.importorskip("numpy")

WIDTH = 1200
THRESHOLD = 10.0
SVG = "{http://www.w3.org/2000/svg}"
BM = "business-models"
RSVG = shutil.which("rsvg-convert")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-component-update", "--disable-sync",
                "--force-device-scale-factor=1", "--hide-scrollbars")


def busy_scenario() -> Document:
    """Offerings on the map, an initiative on Three Horizons, two people in the room."""
    doc = Document()
    for name, x, y in (("Data badge", 0.6, -0.7), ("MBA stack", -0.5, 0.6),
                       ("Nursing top-up", 0.4, 0.5)):
        doc.apply(eco_edits.add_offering(doc, name, x, y))
    doc.apply(st_edits.add_initiative(doc, "Pilot hub", 0.3, 1.5))
    ana = room_edits.add_participant(doc, "Ana", "CFO")
    doc.apply(ana)
    doc.apply(room_edits.add_participant(doc, "Ben", "Faculty"))
    doc.apply(room_edits.set_participant_weight(doc, room_edits.added_participant_id(ana), BM,
                                                "costs", 100))
    return doc


@pytest.fixture(scope="module")
def exported(qapp, tmp_path_factory):
    """(name -> PNG path, name -> SVG path) for every chart of every tab."""
    out = tmp_path_factory.mktemp("charts")
    doc = busy_scenario()
    with drawn_charts(doc, pages=True) as items:
        pngs = export_all(doc, items, out / "png", ImageSpec(WIDTH), "Away day", "2025-03-14")
        svgs = export_all(doc, items, out / "svg", ImageSpec(WIDTH, fmt="svg"), "Away day",
                          "2025-03-14")
    return ({p.stem: p for p in pngs.written}, {p.stem: p for p in svgs.written})


def grey(path: Path, size: tuple[int, int]):
    image = Image.open(path).convert("RGBA")
    white = Image.new("RGBA", image.size, "white")
    white.alpha_composite(image)
    image = white.convert("L")
    if image.size != size:  # rounding of the SVG's height: one pixel at most
        assert abs(image.size[0] - size[0]) <= 1 and abs(image.size[1] - size[1]) <= 1
        image = image.resize(size)
    return np.asarray(image.filter(ImageFilter.GaussianBlur(2)), dtype=float)


def difference(png: Path, drawn: Path) -> float:
    size = Image.open(png).size
    return float(np.abs(grey(png, size) - grey(drawn, size)).mean())


def test_export_all_has_every_chart_of_every_page(exported):
    pngs, svgs = exported
    assert pngs.keys() == svgs.keys()
    for kind in ("ranking", "radar", "sensitivity", "how-sure", "room"):
        assert f"away-day-{BM}-{kind}" in pngs
    for name in ("credential-ecology-map", "structures-horizons", "structures-balance",
                 "leadership-risks-heatmap", "leadership-risks-culture"):
        assert f"away-day-{name}" in pngs


def test_the_svgs_are_plain_shapes_and_text_with_a_generic_font(exported):
    """No bitmaps standing in for markers, no strokes that depend on a renderer honouring
    non-scaling strokes, every font list ending in a generic family."""
    _, svgs = exported
    for name, path in svgs.items():
        root = ET.parse(path).getroot()
        assert not list(root.iter(f"{SVG}image")), name
        for el in root.iter():
            assert el.get("vector-effect") in (None, "none"), (name, el.tag)
            family = el.get("font-family")
            if family is not None:
                assert re.search(r",\s*(sans-serif|serif|monospace)$", family), (name, family)
        texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        assert texts.strip(), name


@pytest.mark.skipif(not RSVG, reason="rsvg-convert is not installed (apt install librsvg2-bin)")
def test_librsvg_draws_every_svg_like_the_png(exported, tmp_path):
    pngs, svgs = exported
    worse = {}
    for name, svg in svgs.items():
        out = tmp_path / f"{name}.png"
        run = subprocess.run([RSVG, "-w", str(WIDTH), str(svg), "-o", str(out)],
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        d = difference(pngs[name], out)
        if d > THRESHOLD:
            worse[name] = round(d, 1)
    assert not worse, f"drawn differently by librsvg (mean difference > {THRESHOLD}): {worse}"


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                    reason="chromium and chromium-driver are not installed "
                           "(apt install chromium chromium-driver)")
def test_chromium_draws_every_svg_like_the_png(exported, tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    pngs, svgs = exported
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(dir=tmp_path)
    for flag in (*CHROME_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    worse = {}
    try:
        driver.set_page_load_timeout(60)
        for name, svg in svgs.items():
            image = QImage(str(pngs[name]))
            w, h = image.width(), image.height()
            driver.set_window_size(w + 100, h + 200)
            page = svg.with_suffix(".html")
            page.write_text(f'<html><body style="margin:0;background:#fff"><img id="c" '
                            f'src="{svg.name}" style="display:block;width:{w}px;'
                            f'height:{h}px"></body></html>', encoding="utf-8")
            driver.get(page.as_uri())
            out = tmp_path / f"{name}.png"
            driver.find_element(By.ID, "c").screenshot(str(out))
            d = difference(pngs[name], out)
            if d > THRESHOLD:
                worse[name] = round(d, 1)
    finally:
        driver.quit()
    assert not worse, f"drawn differently by Chromium (mean difference > {THRESHOLD}): {worse}"
