"""The credential-ecology tab: the map with mouse and keyboard, the lens, drivers and fit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLabel, QPushButton, QSlider

from mcexplorer.core.ecology import edits as eco_edits, mix as eco_mix
from mcexplorer.qt.framework.options_table import RATING_ROLE

FID = "credential-ecology"
MACRO, MICRO, SHORT, BADGES = eco_mix.QUADRANT_IDS


@pytest.fixture
def window(open_window):
    w = open_window(FID)
    settle()
    return w


@pytest.fixture
def tab(window):
    return window.framework_tabs[FID]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def add(tab, name, x, y, volume) -> str:
    edit = eco_edits.add_offering(tab.document, name, x, y, volume)
    tab.controller.push(edit)
    settle()
    return eco_edits.added_offering_id(edit)


def offering(tab, oid):
    return eco_edits.find(tab.document, oid)


def fit_text(window) -> str:
    return window.findChild(QLabel, f"portfolio-fit:{FID}").text()


def mix_text(window, quadrant) -> str:
    return window.findChild(QLabel, f"mix:{FID}:{quadrant}").text()


def test_the_tab_exposes_its_contracts(window, tab):
    for name in ("radar", "ranking", "map"):
        assert window.findChild(type(tab.charts[name]), f"chart:{FID}:{name}") is tab.charts[name]
    for c in tab.framework.criteria:
        assert window.findChild(QSlider, f"weight:{FID}:{c.id}") is not None
    assert window.findChild(QComboBox, f"lens:{FID}") is tab.lens_combo
    assert window.findChild(QPushButton, f"add-offering:{FID}") is tab.add_button
    # Literature shares next to the drivers that have one.
    label = tab.weight_sliders["employability"].label
    assert "63% of publications, Brown et al. 2021" in label.text()
    assert "not how well any credential delivers it" in label.toolTip()


def test_empty_portfolio_invites_the_planner(tab, window):
    assert "No offerings yet" in tab.map_chart.data.message
    assert fit_text(window) == "Portfolio fit: add an offering to the map"
    assert tab.class_label.text().count("No offerings yet") == 1
    assert "Add offerings to the map" in tab.class_label.toolTip()  # the reason


def test_mouse_drag_moves_a_marker_in_one_undo_step(window, tab, qtbot):
    degree = add(tab, "MSc", -0.7, 0.7, 100)
    units = add(tab, "Data units", -0.7, -0.7, 100)
    assert mix_text(window, SHORT) == "50%" and mix_text(window, MICRO) == "0%"
    fit_before = fit_text(window)
    steps_before = tab.controller.undo_stack.count()
    view = tab.map_chart.viewport()
    start = tab.map_chart.marker_viewport_pos(units).toPoint()
    target = tab.map_chart.marker_viewport_pos(degree)
    # Where (0.7, 0.7) is: mirror the degree's x around the centre of the plane.
    centre = tab.map_chart.view.mapViewToScene(QPointF(0, 0))
    centre = tab.map_chart.mapFromScene(centre)
    end = QPoint(round(2 * centre.x() - target.x()), round(target.y()))
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 11):
        p = start + (end - start) * (i / 10)
        QTest.mouseMove(view, p)
        settle()
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    settle()
    o = offering(tab, units)
    assert o.x == pytest.approx(0.7, abs=0.03) and o.y == pytest.approx(0.7, abs=0.03)
    assert mix_text(window, MICRO) == "50%" and mix_text(window, SHORT) == "0%"
    assert fit_text(window) != fit_before
    assert tab.controller.undo_stack.count() == steps_before + 1
    assert window.isWindowModified()
    tab.controller.undo_stack.undo()
    settle()
    assert (offering(tab, units).x, offering(tab, units).y) == (-0.7, -0.7)
    assert fit_text(window) == fit_before


def test_a_marker_dragged_off_the_plane_is_clamped(window, tab):
    oid = add(tab, "Badge", 0.5, -0.5, 50)
    view = tab.map_chart.viewport()
    start = tab.map_chart.marker_viewport_pos(oid).toPoint()
    end = QPoint(view.width() + 200, view.height() + 200)
    QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(view, start + QPoint(10, 10))
    QTest.mouseMove(view, end)
    QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    settle()
    o = offering(tab, oid)
    assert (o.x, o.y) == (1.0, -1.0)


def test_a_click_without_moving_selects_but_does_not_edit(window, tab):
    oid = add(tab, "Badge", 0.5, -0.5, 50)
    steps = tab.controller.undo_stack.count()
    QTest.mouseClick(tab.map_chart.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier,
                     tab.map_chart.marker_viewport_pos(oid).toPoint())
    settle()
    assert tab.selected_offering == oid
    assert tab.offering_list.currentItem().data(Qt.ItemDataRole.UserRole + 7) == oid
    assert tab.controller.undo_stack.count() == steps


def test_keyboard_selects_and_moves_markers(window, tab):
    a = add(tab, "Micro A", 0.6, 0.6, 100)
    b = add(tab, "Short B", -0.6, -0.6, 100)
    m = tab.map_chart
    m.setFocus()
    QTest.keyClick(m, Qt.Key.Key_Tab)
    assert tab.selected_offering == a
    QTest.keyClick(m, Qt.Key.Key_Tab)
    assert tab.selected_offering == b
    fit_before, steps = fit_text(window), tab.controller.undo_stack.count()
    QTest.keyClick(m, Qt.Key.Key_Right)
    settle()
    assert offering(tab, b).x == pytest.approx(-0.55)
    for _ in range(3):
        QTest.keyClick(m, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(m, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(m, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(m, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(m, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    settle()
    o = offering(tab, b)
    assert o.x == pytest.approx(0.25) and o.y == pytest.approx(0.0)
    # b sits on the credit line (c = 0.5), three quarters unbundled (u = 0.75): short courses
    # get 0.5 * 0.25 of its 100, out of 200 in all.
    assert mix_text(window, SHORT) == "6%"
    assert mix_text(window, BADGES) == "19%"
    assert fit_text(window) != fit_before
    assert tab.controller.undo_stack.count() == steps + 8  # one step per key press
    # Moving past the edge is clamped.
    for _ in range(10):
        QTest.keyClick(m, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    settle()
    assert offering(tab, b).y == -1.0


def test_add_rename_and_delete(window, tab, monkeypatch):
    assert not window.isWindowModified()
    QTest.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle()
    offerings = tab.document.scenario.portfolio.offerings
    assert [o.name for o in offerings] == ["Offering 1"]
    oid = offerings[0].id
    assert tab.selected_offering == oid
    assert window.isWindowModified()
    assert fit_text(window).startswith("Portfolio fit ") and fit_text(window).endswith("%")

    asked = []

    def fake_get_text(parent, title, label, echo=None, text="", *args, **kwargs):
        asked.append(text)
        return "Cyber security micro-credential", True

    monkeypatch.setattr(QInputDialog, "getText", fake_get_text)
    tab.map_chart.setFocus()
    QTest.keyClick(tab.map_chart, Qt.Key.Key_F2)
    settle()
    assert asked == ["Offering 1"]
    assert offering(tab, oid).name == "Cyber security micro-credential"
    assert "Cyber security micro-credential" in tab.offering_list.item(0).text()

    # The size spin box changes the volume, and so the marker.
    tab.volume_spin.setValue(400)
    settle()
    assert offering(tab, oid).volume == 400

    QTest.keyClick(tab.map_chart, Qt.Key.Key_Delete)
    settle()
    assert tab.document.scenario.portfolio.offerings == []
    assert fit_text(window) == "Portfolio fit: add an offering to the map"
    tab.controller.undo_stack.undo()
    settle()
    assert offering(tab, oid).name == "Cyber security micro-credential"


def test_double_click_renames(window, tab, monkeypatch):
    oid = add(tab, "Old", 0.3, 0.3, 100)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("New", True))
    QTest.mouseDClick(tab.map_chart.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier,
                      tab.map_chart.marker_viewport_pos(oid).toPoint())
    settle()
    assert offering(tab, oid).name == "New"


def test_same_names_are_shown_distinctly(window, tab):
    add(tab, "Data skills", 0.6, 0.6, 100)
    add(tab, "Data skills", -0.6, -0.6, 100)
    texts = tab.map_chart.marker_texts()
    assert len(set(texts)) == 2 and all("Data skills" in t for t in texts)
    items = [tab.offering_list.item(i).text() for i in range(tab.offering_list.count())]
    assert len(set(items)) == 2


def test_sliders_move_the_radar_and_the_portfolio_fit(window, tab):
    add(tab, "Units", 0.8, 0.8, 100)
    add(tab, "MOOC", -0.8, -0.8, 300)
    radar_before = tab.radar_chart.data
    fit_before = fit_text(window)
    slider = window.findChild(QSlider, f"weight:{FID}:stackability")
    slider.setValue(100)
    settle()
    assert tab.radar_chart.data.weights != radar_before.weights
    assert fit_text(window) != fit_before
    for c in tab.framework.criteria:
        window.findChild(QSlider, f"weight:{FID}:{c.id}").setValue(0)
    settle()
    assert fit_text(window) == "Portfolio fit: set at least one weight"


def test_switching_lens_keeps_the_offerings(window, tab):
    add(tab, "Units", 0.8, 0.8, 100)
    add(tab, "MOOC", -0.8, -0.8, 300)
    before = list(tab.document.scenario.portfolio.offerings)
    fit_before = fit_text(window)
    combo = tab.lens_combo
    combo.setCurrentIndex(combo.findData("holoniq"))
    settle()
    assert tab.document.scenario.portfolio.lens == "holoniq"
    assert any("Greater Whole" in t for t in tab.map_chart.region_texts())
    assert tab.map_chart.title == "Portfolio map: HolonIQ futures"
    combo.setCurrentIndex(combo.findData("camilleri"))
    settle()
    assert "Ivory towers" in tab.map_chart.list_text()
    assert tab.document.scenario.portfolio.offerings == before
    assert tab.map_chart.marker_ids() == [o.id for o in before]
    assert fit_text(window) == fit_before
    tab.controller.undo_stack.undo()
    settle()
    assert combo.currentData() == "holoniq"


def test_ratings_are_editable_and_resettable_here(window, tab):
    add(tab, "Units", 0.8, 0.8, 100)
    fit_before = fit_text(window)
    fw = tab.framework
    row = [o.id for o in fw.options].index(MICRO)
    col = 2 + [c.id for c in fw.criteria].index("employability")
    model = tab.table.model()
    tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
    assert "Why:" in tip and "Source:" in tip
    model.setData(model.index(row, col), 1.0, RATING_ROLE)
    settle()
    assert tab.document.rating(FID, MICRO, "employability") == 1.0
    assert model.index(row, col).data().endswith("*")
    assert fit_text(window) != fit_before
    tab.reset_rating(MICRO, "employability")
    settle()
    assert not tab.document.is_rating_edited(FID, MICRO, "employability")
    assert fit_text(window) == fit_before


def test_ten_offerings_at_1280x720_are_legible(window, tab, tmp_path):
    names = ["MSc Data Science", "Data analytics micro-credential", "Python MOOC",
             "Leadership badge", "Stackable cyber certificate", "Conference certificate",
             "Graduate certificate", "Green skills short course", "AI ethics", "Data analytics"]
    spots = [(-0.7, 0.8), (0.6, 0.7), (-0.5, -0.6), (0.7, -0.7), (0.1, 0.6), (0.55, -0.3),
             (-0.3, 0.55), (-0.65, -0.2), (0.8, 0.3), (0.35, 0.85)]
    for name, (x, y) in zip(names, spots):
        add(tab, name, x, y, 100)
    settle()
    image: QImage = window.grab().toImage()
    image.save(str(tmp_path / "ecology-1280x720.png"))
    assert (image.width(), image.height()) == (1280, 720)
    m = tab.map_chart
    # The plane is large enough to read, and every chart shows.
    corner_a = m.mapFromScene(m.view.mapViewToScene(QPointF(-1, -1)))
    corner_b = m.mapFromScene(m.view.mapViewToScene(QPointF(1, 1)))
    # (300 px before the radar took the right column's height: issue 25 asks for a radar of
    # at least 240 px, and the portfolio page now sits under the map.)
    assert abs(corner_b.x() - corner_a.x()) >= 255
    for chart in tab.charts.values():
        assert chart.isVisible() and chart.width() >= 240 and chart.height() >= 140
    assert len(m.marker_texts()) == 10
    assert window.findChild(QLabel, f"portfolio-fit:{FID}").isVisible()


def test_export_writes_the_map(tmp_path, scenario):
    from mcexplorer.cli import export_all
    from mcexplorer.core.document import Document

    doc = Document(scenario)
    doc.apply(eco_edits.add_offering(doc, "Units", 0.6, 0.6, 100))
    doc.apply(eco_edits.set_lens(doc, "discourses"))
    written = export_all(doc.scenario, tmp_path, 640)
    names = {p.name for p in written}
    stem = "default-scenario"
    assert {f"{stem}-{FID}-map.png", f"{stem}-{FID}-radar.png",
            f"{stem}-{FID}-ranking.png"} <= names
    image = QImage(str(tmp_path / f"{stem}-{FID}-map.png"))
    assert image.width() == 640 and image.height() > 400
    # Not a blank picture: the shaded quadrants differ from the background.
    colours = {image.pixel(x, y) for x in range(0, 640, 16) for y in range(0, image.height(), 16)}
    assert len(colours) > 5
