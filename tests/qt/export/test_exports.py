"""What leaves the room from the window: chart images (sizes, dpi, SVG text, background,
caption), copy, export all (progress, Cancel, status), CSV, the last folder, notes, and the
one palette."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog, QPushButton

from mcexplorer.core.ecology import mix as eco_mix
from mcexplorer.qt.charts.export import ImageSpec, export_image, pixels_for, render_chart
from mcexplorer.qt.charts.style import OPTION_COLOURS, OPTION_SYMBOLS
from mcexplorer.qt.ecology.charts.map_items import QUADRANT_TINTS
from mcexplorer.qt.export.dialog import ExportDialog

BM = "business-models"
ECO = "credential-ecology"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(open_window):
    return open_window(BM)


def chart(window, fid=BM, kind="radar"):
    return window.framework_tabs[fid].charts[kind]


def png_dpi(path: Path) -> tuple[int, int, int]:
    """The PNG's pHYs chunk: pixels per unit x, y and the unit (1 = metre)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"pHYs":
            return struct.unpack(">IIB", data[pos + 8:pos + 17])
        pos += 12 + length
    raise AssertionError("no pHYs chunk")


# -- images ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("spec, size", [
    (ImageSpec(1920, 1080), (1920, 1080)),
    (ImageSpec(1600, 1200), (1600, 1200)),
    (ImageSpec(777, 555), (777, 555)),
])
def test_png_presets_have_the_exact_size(window, tmp_path, spec, size):
    path = export_image(chart(window), tmp_path / "c.png", spec)
    image = QImage(str(path))
    assert (image.width(), image.height()) == size


def test_a_document_png_is_drawn_at_300_dpi_and_says_so_in_the_file(window, tmp_path):
    spec = ImageSpec(pixels_for(16.0, 300), dpi=300)
    path = export_image(chart(window, kind="ranking"), tmp_path / "doc.png", spec)
    x, y, unit = png_dpi(path)
    assert unit == 1 and x == y == round(300 / 0.0254)
    image = QImage(str(path))
    assert image.width() == 1890  # 16 cm at 300 dpi
    # Laid out for print, not a screen image scaled up: the title is about 11pt x 1.25 high
    # (roughly 50-70 px at 300 dpi), not a few pixels.
    inked = [any(QColor(image.pixel(x, y)).lightness() < 80
                 for x in range(0, image.width(), 3)) for y in range(0, 300)]
    top = inked.index(True)
    height = inked[top:].index(False)
    assert 35 <= height <= 90, height


def test_backgrounds_white_or_transparent(window, tmp_path):
    white = render_chart(chart(window), spec=ImageSpec(800, 600))
    clear = render_chart(chart(window), spec=ImageSpec(800, 600, transparent=True))
    assert QColor(white.pixelColor(2, 2)) == QColor("#ffffff")
    assert clear.pixelColor(2, 2).alpha() == 0
    assert clear.pixelColor(2, 598).alpha() == 0


def test_the_caption_is_a_line_under_the_chart(window, tmp_path):
    text = window.chart_export.chart_caption(chart(window))
    assert "Weights: Effort 50" in text and "Brown, McGreal & Peters 2023" in text
    plain = render_chart(chart(window), spec=ImageSpec(1600))
    captioned = render_chart(chart(window), spec=ImageSpec(1600, caption=text))
    extra = captioned.height() - plain.height()
    assert 40 <= extra <= 200  # a strip under the chart; the chart keeps its shape

    def inked(image, y0, y1):
        return sum(QColor(image.pixel(x, y)).lightness() < 160
                   for x in range(0, image.width(), 4) for y in range(y0, y1, 2))

    assert inked(captioned, plain.height() + 8, captioned.height()) > 200


def test_every_svg_parses_and_keeps_its_text(window, tmp_path):
    for kind, c in window.framework_tabs[BM].charts.items():
        path = export_image(c, tmp_path / f"{kind}.svg",
                            ImageSpec(1200, fmt="svg", caption="Away day \u00b7 2025-03-14"))
        root = ET.parse(path).getroot()
        assert root.tag == f"{SVG}svg"
        texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        assert c.title.split(":")[0] in texts
        assert "Away day" in texts
        if kind == "ranking":
            assert "Institutional business unit" in texts and "71.9%" in texts


def test_the_longest_ranking_name_keeps_clear_of_the_left_edge(window):
    image = render_chart(chart(window, kind="ranking"), spec=ImageSpec(1920, 1080))
    first_ink = min(x for x in range(image.width())
                    for y in range(120, 900, 3) if QColor(image.pixel(x, y)).lightness() < 100)
    assert first_ink >= 16


# -- the dialog and the window's actions ----------------------------------------------------


def test_the_dialog_offers_the_presets_and_computes_the_size(window):
    d = ExportDialog(list(window.framework_tabs[BM].charts.values()), chart(window),
                     caption_of=window.chart_export.chart_caption)
    try:
        d.preset_box.setCurrentIndex(d.preset_box.findData("slide-4-3"))
        assert (d.spec().width, d.spec().height) == (1600, 1200)
        d.preset_box.setCurrentIndex(d.preset_box.findData("document"))
        d.cm_spin.setValue(8.0)
        assert (d.spec().width, d.spec().dpi) == (pixels_for(8.0, 300), 300)
        assert "300 dpi" in d.size_label.text()
        d.caption_check.setChecked(True)
        d.format_box.setCurrentIndex(d.format_box.findData("svg"))
        assert d.spec().fmt == "svg" and "Default scenario" in d.spec().caption
        assert d.caption_preview.text() == d.spec().caption
    finally:
        d.deleteLater()


def test_export_png_writes_the_chosen_preset_into_the_last_folder(window, tmp_path, monkeypatch):
    asked = []

    def choose(dialog):
        dialog.chart_box.setCurrentIndex(dialog.chart_box.findText(chart(window).title))
        dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("slide-4-3"))
        dialog.transparent.setChecked(True)
        return QDialog.DialogCode.Accepted

    def save(parent, title, start, *args):
        asked.append(start)
        return str(tmp_path / "pick" / Path(start).name), ""

    (tmp_path / "pick").mkdir()
    monkeypatch.setattr(ExportDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    window.findChild(QAction, "action:export-png").trigger()
    written = tmp_path / "pick" / "default-scenario-business-models-radar.png"
    image = QImage(str(written))
    assert (image.width(), image.height()) == (1600, 1200)
    assert image.pixelColor(1, 1).alpha() == 0
    assert str(written) in window.statusBar().currentMessage()
    # The next dialog, of any kind, starts where the last one ended.
    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda p, t, start, *a: (opened.append(start), ("", ""))[1]))
    window.findChild(QAction, "action:open").trigger()
    assert Path(opened[0]) == (tmp_path / "pick").resolve()
    assert Path(asked[0]).parent != Path.cwd()


def test_a_cancelled_dialog_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(ExportDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: pytest.fail("no file dialog after Cancel")))
    assert window.chart_export.export_dialog() is False


def test_copy_chart_puts_an_image_on_the_clipboard(window):
    QGuiApplication.clipboard().clear()
    window.findChild(QAction, "action:copy-chart").trigger()
    image = QGuiApplication.clipboard().image()
    assert image.width() == 1920 and image.height() > 600


def test_export_all_writes_every_chart_with_a_progress_dialog_and_names_the_folder(
        window, tmp_path, monkeypatch):
    out = tmp_path / "slides"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(out)))
    window.findChild(QAction, "action:export-all").trigger()
    # Each tab's own charts, then for a ranked tab its Sensitivity and How sure pages (the
    # room's page only with people in the room: nobody here).
    expected = {f"default-scenario-{fid}-{kind}.png"
                for fid, tab in window.framework_tabs.items()
                for kind in [*tab.charts, *(("sensitivity", "how-sure")
                                            if "ranking" in tab.charts else ())]}
    assert len(expected) == 17
    assert {p.name for p in out.iterdir()} == expected
    assert window.chart_export.progress.minimumDuration() == 500
    assert any(b.text() == "Cancel" for b in window.chart_export.progress.findChildren(QPushButton))
    message = window.statusBar().currentMessage()
    assert message == f"Exported {len(expected)} charts to {out}"


def test_cancel_stops_export_all_and_says_how_far_it_got(window, tmp_path, monkeypatch):
    out = tmp_path / "slides"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(out)))
    asked = []

    def cancelled(self):
        asked.append(1)
        return len(asked) > 2

    monkeypatch.setattr(QProgressDialog, "wasCanceled", cancelled)
    window.findChild(QAction, "action:export-all").trigger()
    assert len(list(out.iterdir())) == 2
    assert window.statusBar().currentMessage().startswith("Export cancelled: 2 of ")


def test_export_csv_from_the_window(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(tmp_path)))
    window.findChild(QAction, "action:export-csv").trigger()
    # One table per ranked framework, and the risk register as a table of its own.
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == sorted(
        [f"default-scenario-{fid}.csv" for fid, fw in window.document.frameworks.items()
         if fw.criteria] + ["default-scenario-risk-register.csv"])
    assert window.statusBar().currentMessage().startswith("Wrote 4 CSV files to ")


# -- notes -----------------------------------------------------------------------------------------


def test_typing_notes_is_one_undo_step_per_burst_and_undo_brings_the_box_back(window, qtbot):
    box = window.findChild(object, f"notes:{BM}")
    box.setFocus()
    stack = window.controller.undo_stack
    before = stack.count()
    QTest.keyClicks(box, "Speed matters")
    assert window.document.settings(BM).notes == "Speed matters"
    assert stack.count() == before + 1
    box.clearFocus()
    window.setFocus()
    box.setFocus()
    QTest.keyClicks(box, "!")
    assert stack.count() == before + 2
    stack.undo()
    assert box.toPlainText() == "Speed matters"
    stack.undo()
    assert box.toPlainText() == "" and window.document.settings(BM).notes == ""


# -- colour ----------------------------------------------------------------------------------------


def test_no_option_colour_is_grey_and_each_has_its_own_shape():
    for colour in OPTION_COLOURS:
        c = QColor(colour)
        assert c.hsvSaturationF() > 0.3 or c.lightnessF() < 0.05, colour
    assert len(set(OPTION_COLOURS)) == len(OPTION_COLOURS) == len(set(OPTION_SYMBOLS))


def test_the_radar_weights_profile_cannot_be_read_as_an_option(window):
    radar = chart(window)
    body = radar.body  # the radar's plot, one painted item
    assert body.weights_shown() and body.weights_brush().style() == Qt.BrushStyle.NoBrush
    assert body.weights_pen().style() == Qt.PenStyle.CustomDashLine
    # Named where it cannot sit on the data: the legend says what the dashed line is.
    assert "weights" not in [text for text, _box in body.text_boxes()]
    assert radar.legend.items[-1][1].text.startswith("dashed: ") and "weights" in radar.caption
    samples = radar._legend_samples
    assert samples[-1].opts["symbol"] is None and samples[0].opts["symbol"] is not None
    assert samples[0].opts["pen"].widthF() >= 4


def test_each_quadrant_has_one_colour_in_every_ecology_chart(open_window):
    window = open_window(ECO)
    tab = window.framework_tabs[ECO]
    names = {q.name: QUADRANT_TINTS[q.position] for q in eco_mix.QUADRANTS}
    for row in tab.ranking_data().rows:
        if row.colour:
            assert row.colour == names[row.name]
    short = {o.label: names[o.name] for o in tab.framework.options}
    for series in tab.radar_data().series:
        assert series.colour == short[series.name]
    for q in eco_mix.QUADRANTS:
        assert QUADRANT_TINTS[q.position].lower() in tab.mix_bars[q.id].styleSheet().lower()


def test_headless_the_dialog_is_not_shown_and_its_defaults_are_used(window, tmp_path,
                                                                    monkeypatch):
    """Nobody can answer a dialog on an offscreen platform: the slide preset is used."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda p, t, start, *a: (str(tmp_path / Path(start).name),
                                                              "")))
    assert window.chart_export.export_dialog() is True
    image = QImage(str(tmp_path / "default-scenario-business-models-ranking.png"))
    assert (image.width(), image.height()) == (1920, 1080)


def test_a_charts_menu_offers_export_and_copy(window):
    from PySide6.QtWidgets import QMenu

    menu = QMenu(window)
    window.chart_export.fill_chart_menu(menu, chart(window))
    texts = [a.text() for a in menu.actions()]
    assert texts == [f"Export \u201c{chart(window).title}\u201d…", "Copy chart"]
    assert window.chart_export.current_chart() is chart(window)
    menu.deleteLater()
