"""The Three Horizons tab driven through real widgets: balance, initiatives, coherence, files."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QListWidget, QMenu, QPushButton, QSlider

from mcexplorer.app import create_window
from mcexplorer.core.structures import balance as hz_balance, edits as hz_edits
from mcexplorer.core.structures.models import Split
from mcexplorer.qt.charts.base import Chart
from mcexplorer.qt.structures.charts.horizons import HorizonsChart

FW = "structures"
KEYS = ("h1", "h2", "h3")


@pytest.fixture
def window(open_window):
    w = open_window(FW)
    return w


@pytest.fixture
def tab(window):
    return window.framework_tabs[FW]


def balance_slider(window, key) -> QSlider:
    s = window.findChild(QSlider, f"balance:{key}")
    assert s is not None, key
    return s


def model_tenths(window) -> list[int]:
    b = window.document.scenario.horizons.balance
    return [round(getattr(b, k) * 10) for k in KEYS]


def settle(qtbot):
    qtbot.wait(1)


def test_every_contract_name_is_there(window, tab):
    for key in KEYS:
        s = balance_slider(window, key)
        assert (s.minimum(), s.maximum()) == (0, 100)
        assert s.accessibleName() and s.accessibleDescription()
        assert s.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert window.findChild(QCheckBox, f"balance-lock:{key}") is not None
    assert [balance_slider(window, k).value() for k in KEYS] == [70, 20, 10]
    for kind in ("horizons", "radar", "ranking", "balance"):
        chart = window.findChild(Chart, f"chart:{FW}:{kind}")
        assert chart is not None and tab.charts[kind] is chart
    for c in window.document.framework(FW).criteria:
        assert window.findChild(QSlider, f"weight:{FW}:{c.id}") is not None
    assert window.findChild(QPushButton, "add-initiative:structures") is not None
    tensions = window.findChild(QListWidget, "tensions:structures")
    assert tensions.isVisible()
    assert tab.tension_ids() == []
    assert tensions.item(0).text().startswith("No tensions")


def test_structures_and_models_sit_on_their_horizons(tab):
    data = tab.horizons_chart.data
    where = {m.id: m.horizon for m in data.fixed}
    assert [where[s] for s in ("faculty", "central-unit", "pace-unit", "commercial-unit")] == \
        [1, 1, 2, 3]
    assert where["business-unit"] == 2.5 and where["industry-partnership"] == 1.5
    assert where["sole-institution"] == 1 and where["mooc-platform"] == 2


def test_balance_sums_to_100_under_random_slider_moves(window, tab, qtbot):
    rng = random.Random(20230524)
    for step in range(300):
        if step % 40 == 0:
            lock = rng.choice((None,) + KEYS)
            for key in KEYS:
                box = window.findChild(QCheckBox, f"balance-lock:{key}")
                if box.isChecked() != (lock == key):
                    box.setChecked(lock == key)
        key = rng.choice(KEYS)
        balance_slider(window, key).setValue(rng.randint(0, 100))
        t = model_tenths(window)
        assert sum(t) == 1000 and min(t) >= 0, (step, t)
        shown = [balance_slider(window, k).value() for k in KEYS]
        assert sum(shown) == 100, (step, shown, t)
        balance = window.document.scenario.horizons.balance
        assert tuple(shown) == hz_balance.display_percentages(balance)
    settle(qtbot)
    bars = tab.balance_chart.data.rows[0].shares
    assert sum(bars) == pytest.approx(100)


def test_keyboard_moves_rebalance_too(window, qtbot):
    s = balance_slider(window, "h1")
    s.setFocus()
    for _ in range(10):
        QTest.keyClick(s, Qt.Key.Key_Right)
    assert [balance_slider(window, k).value() for k in KEYS] == [80, 13, 7]
    assert hz_balance.shares(window.document.scenario.horizons.balance) == {"h1": 80, "h2": 13.3,
                                                                  "h3": 6.7}
    # a quick run of key presses is one undo step, back to 70/20/10
    window.controller.undo_stack.undo()
    assert [balance_slider(window, k).value() for k in KEYS] == [70, 20, 10]


def test_lock_keeps_a_share_fixed(window):
    lock = window.findChild(QCheckBox, "balance-lock:h2")
    lock.click()
    assert window.document.scenario.horizons.locked == "h2"
    assert not balance_slider(window, "h2").isEnabled()
    balance_slider(window, "h1").setValue(95)  # capped at 80: H2 keeps its 20
    assert [balance_slider(window, k).value() for k in KEYS] == [80, 20, 0]
    balance_slider(window, "h3").setValue(30)
    assert [balance_slider(window, k).value() for k in KEYS] == [50, 20, 30]
    lock.click()
    assert window.document.scenario.horizons.locked is None
    assert balance_slider(window, "h2").isEnabled()


def _drag(qtbot, chart: HorizonsChart, start: QPoint, end: QPoint, steps: int = 8) -> None:
    vp = chart.viewport()
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        QTest.mouseMove(vp, p)
        qtbot.wait(15)  # pyqtgraph rate-limits move events
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    settle(qtbot)


def test_dragging_an_initiative_changes_the_observed_split_in_one_undo_step(window, tab, qtbot):
    qtbot.mouseClick(window.findChild(QPushButton, "add-initiative:structures"),
                     Qt.MouseButton.LeftButton)
    settle(qtbot)
    plan = window.document.scenario.horizons
    # A free spot on H2 (clear of the PACE unit, which sits mid-way along it).
    [(t0, h0)] = [(i.time, i.horizon) for i in plan.initiatives]
    assert h0 == 2.0
    assert hz_balance.shares(hz_balance.observed_split(plan.initiatives)) == {"h1": 0, "h2": 100,
                                                                              "h3": 0}
    assert tab.balance_chart.data.rows[1].shares == (0, 100, 0)
    stack = window.controller.undo_stack
    before = stack.count()
    chart = tab.horizons_chart
    _drag(qtbot, chart, chart.viewport_pos(t0, 2.0), chart.viewport_pos(0.15, 1.0))
    moved = window.document.scenario.horizons.initiatives[0]
    assert moved.time == pytest.approx(0.15, abs=0.02)
    assert moved.horizon == 1.0
    observed = hz_balance.observed_split(window.document.scenario.horizons.initiatives)
    assert hz_balance.shares(observed) == {"h1": 100, "h2": 0, "h3": 0}
    assert tab.balance_chart.data.rows[1].shares == (100, 0, 0)
    assert stack.count() == before + 1
    stack.undo()
    assert [(i.time, i.horizon) for i in window.document.scenario.horizons.initiatives] == \
        [(t0, 2.0)]


def test_drag_away_from_a_marker_changes_nothing(window, tab, qtbot):
    tab.add_initiative()
    settle(qtbot)
    count = window.controller.undo_stack.count()
    chart = tab.horizons_chart
    _drag(qtbot, chart, chart.viewport_pos(0.9, 1.0), chart.viewport_pos(0.6, 1.0))
    assert window.controller.undo_stack.count() == count


def test_keyboard_selects_moves_renames_and_deletes(window, tab, qtbot, monkeypatch):
    tab.add_initiative()
    settle(qtbot)
    t0 = window.document.scenario.horizons.initiatives[0].time
    chart = tab.horizons_chart
    chart.select("")
    chart.setFocus()
    QTest.keyClick(chart, Qt.Key.Key_Space)
    assert chart.selected == "initiative-1"
    count = window.controller.undo_stack.count()
    for _ in range(3):
        QTest.keyClick(chart, Qt.Key.Key_Right)
        settle(qtbot)
    QTest.keyClick(chart, Qt.Key.Key_Up)
    settle(qtbot)
    item = window.document.scenario.horizons.initiatives[0]
    assert (item.time, item.horizon) == (pytest.approx(t0 + 0.06), 2.5)
    assert window.controller.undo_stack.count() == count + 1
    monkeypatch.setattr("mcexplorer.qt.structures.tab.QInputDialog.getText",
                        lambda *a, **k: ("Employer skills hub", True))
    QTest.keyClick(chart, Qt.Key.Key_F2)
    settle(qtbot)
    assert window.document.scenario.horizons.initiatives[0].name == "Employer skills hub"
    assert chart.initiatives()[0].label == "Employer skills hub"
    QTest.keyClick(chart, Qt.Key.Key_Delete)
    settle(qtbot)
    assert window.document.scenario.horizons.initiatives == []


def test_double_click_renames(window, tab, qtbot, monkeypatch):
    tab.add_initiative()
    settle(qtbot)
    monkeypatch.setattr("mcexplorer.qt.structures.tab.QInputDialog.getText",
                        lambda *a, **k: ("Micro-MBA", True))
    chart = tab.horizons_chart
    m = chart.initiatives()[0]
    pos = chart.viewport_pos(m.time, m.horizon)
    QTest.mouseDClick(chart.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, pos)
    settle(qtbot)
    assert window.document.scenario.horizons.initiatives[0].name == "Micro-MBA"


def test_chart_asks_the_tab_and_never_prompts_itself(window, tab, qtbot, monkeypatch):
    tab.add_initiative()
    settle(qtbot)
    chart = tab.horizons_chart
    iid = chart.selected
    asked = []
    monkeypatch.setattr("mcexplorer.qt.structures.tab.QInputDialog.getText",
                        lambda *a, **k: (asked.append(("text", a[1], a[4])), ("", False))[1])
    monkeypatch.setattr("mcexplorer.qt.structures.tab.QInputDialog.getDouble",
                        lambda *a, **k: (asked.append(("size", a[1], a[3])), (2.5, True))[1])
    with qtbot.waitSignal(chart.renameRequested) as renamed:
        chart.setFocus()
        QTest.keyClick(chart, Qt.Key.Key_F2)
    assert renamed.args == [iid, chart.initiative(iid).label]
    assert asked == [("text", "Rename initiative", chart.initiative(iid).label)]
    name = window.document.scenario.horizons.initiatives[0].name
    count = window.controller.undo_stack.count()
    assert count and name == chart.initiative(iid).label  # cancelled: nothing changed

    menu = QMenu()
    chart.add_initiative_actions(iid, menu)
    size = next(a for a in menu.actions() if a.objectName() == "initiative-size")
    with qtbot.waitSignal(chart.resizeRequested) as resized:
        size.trigger()
    settle(qtbot)
    assert resized.args == [iid, 1.0]
    assert asked[-1] == ("size", "Size of initiative", 1.0)
    assert window.document.scenario.horizons.initiatives[0].size == 2.5
    assert window.controller.undo_stack.count() == count + 1


def test_rename_button_renames_the_selected_initiative(window, tab, qtbot, monkeypatch):
    tab.add_initiative()
    settle(qtbot)
    monkeypatch.setattr("mcexplorer.qt.structures.tab.QInputDialog.getText",
                        lambda *a, **k: ("  Bootcamp  ", True))
    tab.rename_button.click()
    settle(qtbot)
    assert window.document.scenario.horizons.initiatives[0].name == "Bootcamp"


def test_tension_shows_and_clears_with_a_balance_slider(window, tab, qtbot):
    assert "model-horizon-vs-balance" not in tab.tension_ids()
    balance_slider(window, "h1").setValue(90)
    assert "model-horizon-vs-balance" in tab.tension_ids()
    text = tab.tensions_list.item(tab.tension_ids().index("model-horizon-vs-balance")).text()
    assert "Institutional business unit" in text and "H2 + H3 = 10%" in text
    balance_slider(window, "h1").setValue(70)
    assert "model-horizon-vs-balance" not in tab.tension_ids()


def test_tension_shows_and_clears_with_a_weight_slider(window, tab, qtbot):
    for c in window.document.framework(FW).criteria:
        window.findChild(QSlider, f"weight:{FW}:{c.id}").setValue(
            100 if c.id == "degree-alignment" else 0)
    settle(qtbot)
    assert "model-vs-structure-horizon" in tab.tension_ids()  # faculty (H1) vs business unit
    window.findChild(QSlider, f"weight:{FW}:transformative-innovation").setValue(100)
    settle(qtbot)
    assert "model-vs-structure-horizon" not in tab.tension_ids()


def test_business_model_tab_changes_reach_the_coherence_list(window, tab, qtbot):
    aim = window.findChild(QSlider, "target:business-models:horizon")
    aim.setValue(3)
    settle(qtbot)
    assert "aim-vs-balance" in tab.tension_ids()
    aim.setValue(2)
    settle(qtbot)
    assert "aim-vs-balance" not in tab.tension_ids()


def test_reference_split_is_editable_and_resettable(window, tab):
    spin = tab.reference_spins["h1"]
    spin.setValue(50)
    assert hz_balance.shares(window.document.scenario.horizons.reference) == {"h1": 50, "h2": 33.3,
                                                                    "h3": 16.7}
    window.findChild(QPushButton, "reset-reference:structures").click()
    assert hz_balance.shares(window.document.scenario.horizons.reference) == {"h1": 70, "h2": 20,
                                                                              "h3": 10}


def test_file_round_trip_through_the_window(window, tab, qtbot, tmp_path):
    tab.add_initiative()
    settle(qtbot)
    window.controller.push(hz_edits.move_initiative(window.document, "initiative-1", 0.8, 3.0))
    window.findChild(QCheckBox, "balance-lock:h3").click()
    balance_slider(window, "h1").setValue(60)
    window.findChild(QSlider, f"weight:{FW}:degree-alignment").setValue(90)
    path = tmp_path / "plan.json"
    assert window.scenario_file.save_to(path)
    other = create_window(path)
    qtbot.addWidget(other)
    t2 = other.framework_tabs[FW]
    assert [balance_slider(other, k).value() for k in KEYS] == [60, 30, 10]
    assert other.findChild(QCheckBox, "balance-lock:h3").isChecked()
    assert [(m.time, m.horizon) for m in t2.horizons_chart.initiatives()] == [(0.8, 3.0)]
    assert other.findChild(QSlider, f"weight:{FW}:degree-alignment").value() == 90
    assert other.document.scenario == window.document.scenario


def test_screenshot_at_1280x720_and_exports(window, tab, qtbot, tmp_path):
    for name, t, h in (("Stackable modules", 0.25, 1.0), ("CPD hub", 0.45, 2.0),
                       ("Skills venture", 0.85, 3.0)):
        window.controller.push(hz_edits.add_initiative(window.document, name, t, h))
    settle(qtbot)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (1280, 720)
    image.save(str(tmp_path / "structures.png"))
    # the horizons chart and the side panel fit on screen at this size
    for w in (tab.horizons_chart, tab.balance_chart, tab.tensions_list):
        assert w.isVisible() and w.width() >= 260 and w.height() >= 140, w.objectName()
    from mcexplorer.cli import export_all

    written = export_all(window.document.scenario, tmp_path, 1280)
    names = {p.name for p in written}
    for kind in ("horizons", "balance", "radar", "ranking"):
        assert f"default-scenario-structures-{kind}.png" in names
        img = QImage(str(tmp_path / f"default-scenario-structures-{kind}.png"))
        assert img.width() == 1280 and img.height() > 300


def test_balance_split_model_never_leaves_100(window):
    # set through the controller too: intended, observed and reference all stay at 100
    window.controller.push(hz_edits.set_balance(window.document, "h2", 55.55))
    b = window.document.scenario.horizons.balance
    assert isinstance(b, Split) and sum(model_tenths(window)) == 1000
