"""The room's views in the window: where the room disagrees, snapshots, compare and
presentation mode, driven through the real widgets and actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMenuBar, QSlider

from mcexplorer.core.room import edits as room_edits
from mcexplorer.core.room.compare_data import Choice
from mcexplorer.qt.charts import style
from mcexplorer.qt.charts.radar import LEGEND_SCALE
from mcexplorer.qt.room.charts.participants import Stack, place_labels
from mcexplorer.qt.room.presentation import SCALE, table_area

BM = "business-models"
ROOM = {"Ana": {"risk": 10, "impact": 40, "roi": 50},
        "Ben": {"risk": 90, "impact": 60, "roi": 55},
        "Chiara": {"risk": 50, "impact": 50, "roi": 45}}


@pytest.fixture
def window(open_window):
    w = open_window(BM)
    c, doc = w.controller, w.document
    for name, weights in ROOM.items():
        c.push(room_edits.add_participant(doc, name))
        pid = doc.scenario.participants[-1].id
        for cid, value in weights.items():
            c.push(room_edits.set_participant_weight(doc, pid, BM, cid, value))
    return w


def trigger(window, name):
    window.findChild(QAction, f"action:{name}").trigger()


def answer(monkeypatch, text):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (text, True))


def show_room(window, qtbot):
    trigger(window, "show-room")
    qtbot.wait(1)
    chart = window.findChild(object, f"chart:{BM}:participants")
    assert chart is not None and chart.isVisible()
    return chart


# -- where the room disagrees ---------------------------------------------------------------


def test_the_spread_chart_puts_the_most_divisive_criterion_first(window, qtbot):
    chart = show_room(window, qtbot)
    rows = chart.data.rows
    assert [r.label for r in rows[:3]] == ["Risk", "Impact", "ROI"]  # widths 80, 20, 10
    risk = rows[0]
    assert (risk.low, risk.median, risk.high) == (10, 50, 90)
    assert sorted((d.name, d.value) for d in risk.dots) == [("Ana", 10), ("Ben", 90),
                                                            ("Chiara", 50)]
    assert all(r.low == r.median == r.high == 50 for r in rows[3:])  # nobody moved these
    assert chart.reading() == "Risk divides the room most: 10 to 90."
    assert "Risk divides the room most" in chart._reading_item.text
    assert {"Ana", "Ben", "Chiara"} <= set(" ".join(chart.labels_shown()).replace(",", " ").split())


def test_the_top_options_of_the_group_and_of_each_person_sit_side_by_side(window, qtbot):
    show_room(window, qtbot)
    page = window.room.views[BM].page
    rows = page.top_table()
    assert [who for who, _ in rows] == ["Group (median)", "Ana", "Ben", "Chiara"]
    assert all(option for _, option in rows)


def test_anonymising_shows_p1_p2_in_the_chart_table_and_picker(window, qtbot):
    chart = show_room(window, qtbot)
    trigger(window, "anonymise")
    qtbot.wait(1)
    names = {d.name for d in chart.data.rows[0].dots}
    assert names == {"P1", "P2", "P3"}
    assert [who for who, _ in window.room.views[BM].page.top_table()][1:] == ["P1", "P2", "P3"]
    combo = window.room.pickers[BM].combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Group", "P1", "P2", "P3"]
    assert not any("Ana" in t for t in chart.labels_shown())


def test_a_persons_slider_moves_their_dot(window, qtbot):
    chart = show_room(window, qtbot)
    window.room.state.pick(window.document.scenario.participants[0].id)  # Ana
    qtbot.wait(1)
    window.findChild(QSlider, f"weight:{BM}:effort").setValue(0)
    qtbot.wait(1)
    effort = next(r for r in chart.data.rows if r.label == "Effort")
    assert (effort.low, effort.high) == (0, 50)


def test_labels_never_overlap_each_other_or_a_dot():
    stacks = [Stack(x, y, y + 0.1 * (k % 3), tuple(f"Person {x}-{k}" for k in range(k % 3 + 1)))
              for y in range(4) for k, x in enumerate(range(0, 101, 7))]
    shown = place_labels(stacks, lambda t: len(t) * 1.2, 0.3, 1.0, 0.05, 0.5)
    assert shown
    boxes = [(x, x + len(t) * 1.2, y, y + 0.3) for t, x, y, _ in shown]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (a, b)
        for s in stacks:
            dot = (s.x - 1.0, s.x + 1.0, s.y - 0.05, s.top + 0.05)
            assert a[1] <= dot[0] or dot[1] <= a[0] or a[3] <= dot[2] or dot[3] <= a[2]


# -- snapshots ------------------------------------------------------------------------------


def test_snapshots_take_rename_restore_and_delete_each_undo(window, qtbot, monkeypatch):
    doc, stack = window.document, window.controller.undo_stack
    panel = window.room.snapshots_panel
    answer(monkeypatch, "Before lunch")
    trigger(window, "snapshot")
    qtbot.wait(1)
    assert [s.name for s in doc.scenario.snapshots] == ["Before lunch"]
    assert panel.list.count() == 1 and panel.list.item(0).text().startswith("Before lunch")
    window.room.state.pick(None)
    slider = window.findChild(QSlider, f"weight:{BM}:risk")
    people = [p.model_copy(deep=True) for p in doc.scenario.participants]
    window.controller.push(room_edits.set_group_method(doc, "mean"))
    window.controller.push(room_edits.remove_participant(doc, people[1].id))
    qtbot.wait(1)
    assert slider.value() == 30  # mean of Ana 10 and Chiara 50

    answer(monkeypatch, "After the debate")
    panel.select(doc.scenario.snapshots[0].id)
    steps = stack.count()
    panel.rename_selected()
    assert [s.name for s in doc.scenario.snapshots] == ["After the debate"]
    assert stack.count() == steps + 1
    stack.undo()
    assert [s.name for s in doc.scenario.snapshots] == ["Before lunch"]
    stack.redo()

    panel.select(doc.scenario.snapshots[0].id)
    panel.restore_selected()
    qtbot.wait(1)
    assert [p.name for p in doc.scenario.participants] == ["Ana", "Ben", "Chiara"]
    assert doc.scenario.group.method == "median"
    assert slider.value() == 50
    assert stack.count() == steps + 2  # restoring is one step
    stack.undo()
    qtbot.wait(1)
    assert [p.name for p in doc.scenario.participants] == ["Ana", "Chiara"]
    assert slider.value() == 30
    stack.redo()

    panel.select(doc.scenario.snapshots[0].id)
    panel.delete_selected()
    qtbot.wait(1)
    assert doc.scenario.snapshots == [] and panel.list.count() == 0
    stack.undo()
    qtbot.wait(1)
    assert [s.name for s in doc.scenario.snapshots] == ["After the debate"]
    assert panel.list.count() == 1


def test_a_snapshot_name_cancelled_or_taken_changes_nothing(window, qtbot, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    trigger(window, "snapshot")
    assert window.document.scenario.snapshots == []
    answer(monkeypatch, "Lunch")
    trigger(window, "snapshot")
    seen = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning",
                        lambda _p, _t, text, *a: seen.append(text))
    trigger(window, "snapshot")
    assert [s.name for s in window.document.scenario.snapshots] == ["Lunch"]
    assert len(seen) == 1 and "already exists" in seen[0]


# -- compare --------------------------------------------------------------------------------


def test_comparing_the_current_state_with_itself_shows_no_change(window, qtbot):
    trigger(window, "compare")
    dialog = window.room.compare_dialog
    qtbot.wait(1)
    assert dialog.isVisible()
    assert (dialog.choice("a"), dialog.choice("b")) == (Choice("now"), Choice("now"))
    for r in dialog.results:
        assert r.unchanged
        assert all(row.a == row.b for row in r.weights.rows)
        assert all(c.delta == 0 and c.moved == "no change" for c in r.ranks)
    bars = window.findChild(object, "chart:compare:weights")
    radar = window.findChild(object, "chart:compare:radar")
    assert bars.data.rows and radar.data.series[0].values == radar.data.series[1].values
    assert dialog.summary.text().startswith("No change")
    assert {row[3] for row in dialog.rank_rows()} == {"no change"}
    assert {row[6] for row in dialog.rank_rows()} == {"0.0"}


def test_compare_a_snapshot_with_now_shows_what_moved(window, qtbot, monkeypatch):
    answer(monkeypatch, "Before")
    trigger(window, "snapshot")
    doc = window.document
    ana = doc.scenario.participants[0].id
    window.controller.push(room_edits.set_participant_weight(doc, ana, BM, "roi", 100))
    for pid in [p.id for p in doc.scenario.participants[1:]]:
        window.controller.push(room_edits.set_participant_weight(doc, pid, BM, "roi", 100))
    trigger(window, "compare")
    dialog = window.room.compare_dialog
    qtbot.wait(1)
    assert dialog.choice("a") == Choice("snapshot", doc.scenario.snapshots[0].id)
    bm = dialog.current()
    assert bm.framework_id == BM
    roi = next(r for r in bm.weights.rows if r.label == "ROI")
    assert (roi.a, roi.b) == (50, 100)
    assert "ROI +50" in dialog.summary.text()
    moved = [c for c in bm.ranks if c.delta]
    assert moved and all(c.moved.startswith(("up", "down")) for c in moved)
    # B follows the scenario live: undoing Chiara's and Ben's changes updates the view.
    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    qtbot.wait(1)
    roi = next(r for r in dialog.current().weights.rows if r.label == "ROI")
    assert roi.b == 55  # the median of Ana's 100, Ben's 55 and Chiara's 45


# -- presentation ---------------------------------------------------------------------------


def test_presenting_fills_the_screen_hides_the_table_scales_type_and_esc_leaves(window, qtbot):
    tab = window.framework_tabs[BM]
    area = table_area(tab)
    assert area is not None and area.isVisible()
    radar = tab.radar_chart
    with style.drawing(radar):
        title_size = style.font(1.25).pointSizeF()
    table = window.findChild(object, f"top-options:{BM}")
    table_font = table.font().pointSizeF()
    trigger(window, "present")
    qtbot.wait(1)
    assert window.room.presentation.active
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert not area.isVisible()
    assert not window.findChild(QMenuBar).isVisible()
    assert radar.style.kind == "presenting"  # the chart's own style, no scale shared
    with style.drawing(radar):
        assert style.font(1.25).pointSizeF() == pytest.approx(title_size * SCALE)
        size = style.font(LEGEND_SCALE).pointSizeF()
        assert radar.legend.opts["labelTextSize"] == f"{size:.1f}pt"
    assert style.font(1.25).pointSizeF() == pytest.approx(title_size)  # outside any chart
    assert table.font().pointSizeF() == pytest.approx(table_font * SCALE)
    assert not tab.weights_panel.isVisible()
    strip = tab.findChild(object, f"weights-strip:{BM}")
    strip.click()
    assert tab.weights_panel.isVisible()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.wait(1)
    assert not window.room.presentation.active
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert area.isVisible() and tab.weights_panel.isVisible()
    assert window.findChild(QMenuBar).isVisible()
    assert radar.style.kind == "normal"
    with style.drawing(radar):
        assert style.font(1.25).pointSizeF() == pytest.approx(title_size)
    assert table.font().pointSizeF() == pytest.approx(table_font)
    assert tab.findChild(object, f"weights-strip:{BM}") is None or not strip.isVisible()


def test_the_room_view_hides_the_ratings_table_and_every_tab_follows(window, qtbot):
    for fid in window.document.frameworks:
        window.build_tab(fid)
    show_room(window, qtbot)
    for fid, tab in window.framework_tabs.items():
        if not window.document.framework(fid).criteria:
            continue  # a register (leadership and risks) has no weights for the room
        assert window.room.views[fid].currentIndex() == 1, fid
        assert not table_area(tab).isVisible() or not tab.isVisible()
    window.room.views[BM].setCurrentIndex(0)  # the Fit page tab
    qtbot.wait(1)
    assert not window.room.state.showing_room
    assert table_area(window.framework_tabs[BM]).isVisible()
