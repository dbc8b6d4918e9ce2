"""The leadership-and-risks tab, driven as a planner would: typing names, picking ratings,
editing the register, filling in plan B; every change shows at once and undoes."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSlider, QSpinBox

from mcexplorer.core.ecology import edits as eco_edits
from mcexplorer.core.leadership_risks.rules import sorted_risks
from mcexplorer.qt import prompts
from mcexplorer.qt.charts.base import Chart
from mcexplorer.qt.charts.export import render_chart
from mcexplorer.qt.charts.style import ChartStyle
from mcexplorer.qt.leadership_risks.charts.heatmap import HeatmapData, HeatPoint, legend_html

FID = "leadership-risks"
BM = "business-models"


@pytest.fixture
def window(open_window):
    return open_window(FID)


@pytest.fixture
def tab(window):
    return window.framework_tabs[FID]


def _state(window) -> dict:
    return json.loads(window.document.scenario.model_dump_json())


def _undo_all(window, qtbot) -> None:
    undo = window.findChild(QAction, "action:undo")
    while window.controller.undo_stack.canUndo():
        undo.trigger()
        qtbot.wait(1)


def _trigger(window, qtbot, name: str) -> None:
    window.findChild(QAction, name).trigger()
    qtbot.wait(1)


def _click(window, qtbot, name: str) -> None:
    window.findChild(QPushButton, name).click()
    qtbot.wait(1)


def _spin(window, qtbot, name: str, value: int) -> None:
    window.findChild(QSpinBox, name).setValue(value)
    qtbot.wait(1)


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    """Select everything in the field, type ``text`` and press Return, as a planner would."""
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.wait(1)  # the tab redraws at once, or at the end of the turn after a burst


def _pick(box: QComboBox, value, qtbot=None) -> None:
    box.setCurrentIndex(box.findData(value))
    if qtbot is not None:
        qtbot.wait(1)


def test_the_tab_is_the_fourth_with_its_pages_and_charts(window, tab):
    assert window.tabs.indexOf(tab) == 3 and window.tabs.tabText(3) == "Leadership and risks"
    assert [tab.pages.tabText(i) for i in range(tab.pages.count())] == [
        "Strategy on a page", "Leadership", "Culture", "Risks", "Plan B"]
    assert window.findChild(Chart, f"chart:{FID}:culture") is tab.culture_chart
    assert window.findChild(Chart, f"chart:{FID}:heatmap") is tab.heatmap_chart
    assert set(tab.charts) == {"culture", "heatmap"}
    assert window.findChild(QSlider, f"weight:{FID}:anything") is None  # a register: no sliders


def test_a_team_member_set_and_cleared_updates_coverage_and_gaps(window, tab, qtbot):
    before = _state(window)
    cfo = window.findChild(QLineEdit, "team:cfo")
    coverage = window.findChild(QLabel, "team-coverage")
    gaps = window.findChild(QLabel, "team-gaps")
    assert "0 of 11" in coverage.text() and "no CFO around the table" in gaps.text()
    _type(qtbot, cfo, "A. Chen")
    assert window.document.scenario.leadership.team[0].name == "A. Chen"
    assert "1 of 11" in coverage.text() and "no CFO around the table" not in gaps.text()
    assert "no champion in the senior team" in gaps.text()
    _type(qtbot, cfo, "")
    assert window.document.scenario.leadership.team == []
    assert "0 of 11" in coverage.text() and "no CFO around the table" in gaps.text()
    _type(qtbot, cfo, "vacant")  # the word itself empties the seat too: nothing to undo
    assert window.controller.undo_stack.count() == 2
    _undo_all(window, qtbot)
    assert _state(window) == before and cfo.text() == ""


def test_a_culture_rating_moves_the_radar_and_undoes(window, tab, qtbot):
    radar = tab.culture_chart
    spokes = [s.replace("\n", " ") for s in radar.data.spokes]
    i = spokes.index("Transparent")
    assert radar.data.series == () and radar.data.message  # nothing rated yet
    box = window.findChild(QComboBox, "culture:transparent")
    _pick(box, 4, qtbot)
    assert window.document.scenario.leadership.culture == {"transparent": 4}
    (series,) = radar.data.series
    assert series.values[i] == 1.0 and sum(series.values) == 1.0
    assert "11 unrated" in series.name
    _pick(box, 1, qtbot)
    assert radar.data.series[0].values[i] == 0.25
    needed = window.findChild(QComboBox, "needed:transparent")
    _pick(needed, 2, qtbot)
    assert radar.data.weights[i] == 0.5
    assert radar.data.weights_label == "Needed (as set by the room); 11 not set, drawn at 0"
    _undo_all(window, qtbot)
    assert radar.data.series == () and box.currentData() is None
    assert window.document.scenario.leadership.needed == {}


def test_the_needed_profile_follows_the_positioning_and_says_it_is_our_reading(window, tab,
                                                                             qtbot):
    radar = tab.culture_chart
    assert radar.data.weights == ()  # no positioning, no default profile
    for x, y in ((-0.8, 0.8), (0.8, 0.8)):
        window.controller.push(eco_edits.add_offering(window.document, x=x, y=y))
    # Another tab's edit shows here once it settles.
    qtbot.waitUntil(lambda: bool(radar.data.weights), timeout=3000)
    assert radar.data.weights and radar.data.weights_label == (
        "Needed for an integrated positioning (our reading)")
    check = window.findChild(QLabel, "leadership-check")
    assert "Choose a leadership approach" in check.text()
    _pick(window.findChild(QComboBox, "leadership:approach"), "transactional", qtbot)
    assert "May fall short" in check.text()
    _pick(window.findChild(QComboBox, "leadership:approach"), "transformative", qtbot)
    assert "Fits" in check.text()


def _heat_order(tab) -> list[str]:
    return [p.text for p in tab.heatmap_chart.data.points]


def test_add_edit_and_remove_a_risk_reorder_the_heat_map_and_undo(window, tab, qtbot):
    before = _state(window)
    first = _heat_order(tab)
    assert len(first) == 6
    _click(window, qtbot, "action:add-risk")
    items = window.document.scenario.risks.items
    new_id = items[-1].id
    row = window.findChild(QLineEdit, f"risk:{new_id}:text")
    assert row is not None and row.hasFocus()
    _type(qtbot, row, "A rival launches first")
    assert window.document.scenario.risks.items[-1].text == "A rival launches first"
    _spin(window, qtbot, f"risk:{new_id}:likelihood", 5)
    _spin(window, qtbot, f"risk:{new_id}:impact", 5)
    assert _heat_order(tab)[0] == "A rival launches first"
    assert tab.heatmap_chart.point_numbers()["A rival launches first"] == 1
    assert window.findChild(QLabel, f"risk:{new_id}:number").text() == "1"
    _pick(window.findChild(QComboBox, f"risk:{new_id}:category"), "reputation", qtbot)
    _type(qtbot, window.findChild(QLineEdit, f"risk:{new_id}:owner"), "Provost")
    assert window.document.scenario.risks.items[-1].owner == "Provost"
    # Lowering it sends it to the bottom of the heat map.
    _spin(window, qtbot, f"risk:{new_id}:likelihood", 1)
    _spin(window, qtbot, f"risk:{new_id}:impact", 1)
    assert _heat_order(tab)[-1] == "A rival launches first"
    _click(window, qtbot, f"risk:{new_id}:remove")
    assert new_id not in tab.risks_page.rows
    assert new_id not in [r.id for r in window.document.scenario.risks.items]
    assert _heat_order(tab) == first
    _trigger(window, qtbot, "action:undo")  # the removal
    assert _heat_order(tab)[-1] == "A rival launches first"
    _undo_all(window, qtbot)
    assert _state(window) == before and _heat_order(tab) == first


def test_removing_a_papers_risk_and_undoing_keeps_the_register_order(window, tab, qtbot):
    ids = [r.id for r in window.document.scenario.risks.items]
    _click(window, qtbot, "risk:pricing:remove")
    assert "pricing" not in [r.id for r in window.document.scenario.risks.items]
    assert "pricing" not in tab.risks_page.rows
    _trigger(window, qtbot, "action:undo")
    assert [r.id for r in window.document.scenario.risks.items] == ids
    layout = tab.risks_page.list_layout
    shown = [layout.itemAt(i).widget().risk_id for i in range(layout.count() - 1)]
    # The list reads in the heat map's numbers (1 = highest likelihood x impact).
    assert shown == [r.id for r in sorted_risks(window.document.scenario.risks.items)]


def test_the_plan_b_sentence_follows_the_fields_and_undoes(window, tab, qtbot):
    sentence = window.findChild(QLabel, "plan-b:sentence")
    assert sentence.text().startswith("No plan B yet")
    _type(qtbot, window.findChild(QLineEdit, "plan-b:income_target"), "250,000")
    _type(qtbot, window.findChild(QLineEdit, "plan-b:recruitment_target"), "400")
    _type(qtbot, window.findChild(QLineEdit, "plan-b:review_date"), "2026-06-30")
    _type(qtbot, window.findChild(QLineEdit, "plan-b:threshold_pct"), "80%")
    assert sentence.text() == (
        "If, at the review on 30 June 2026, income is below 80% of its 250,000 target or "
        "recruitment is below 80% of its target of 400 learners, the institution moves to its "
        "plan B: the agreed fallback or an orderly exit from micro-credentials.")
    answer = window.findChild(QLabel, "strategy:risks")
    assert sentence.text() in answer.text()
    _type(qtbot, window.findChild(QLineEdit, "plan-b:threshold_pct"), "")
    assert "falls short of its 250,000 target" in sentence.text()
    _undo_all(window, qtbot)
    assert sentence.text().startswith("No plan B yet")
    assert window.findChild(QLineEdit, "plan-b:income_target").text() == ""


def test_a_bad_date_is_refused_in_words_keeps_the_text_and_changes_nothing(window, tab, qtbot,
                                                                          monkeypatch):
    shown = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: shown.append(text))
    before = _state(window)
    field = window.findChild(QLineEdit, "plan-b:review_date")
    _type(qtbot, field, "next spring")
    problem = window.findChild(QLabel, "plan-b:problem")
    assert not shown and problem.text().startswith("Review date: type a date")
    assert "next spring" in problem.text() and "plan_b" not in problem.text()
    assert _state(window) == before and window.controller.undo_stack.count() == 0
    field.clearFocus()
    tab.refresh()
    assert field.text() == "next spring"  # the text stays for the planner to fix


def test_the_strategy_page_answers_from_every_tab(window, tab, qtbot):
    label = window.findChild(QLabel, "strategy:business-models")
    top = window.document.ranking(BM).results[0].name
    assert label.text().startswith(f"{top} fits best")
    for c in window.document.framework(BM).criteria:
        window.controller.push(window.document.set_weight(BM, c.id, 0))
    qtbot.waitUntil(lambda: label.text().startswith("No business model ranked yet"),
                    timeout=3000)
    bars = window.findChild(object, "strategy-chart:business-models")
    assert bars.data.bars == () and bars.data.message
    leadership = window.findChild(QLabel, "strategy:leadership")
    _type(qtbot, window.findChild(QLineEdit, "team:champion"), "Prof. Ng")
    assert "1 of 11 team roles filled" in leadership.text()
    assert "no champion in the senior team" not in leadership.text()


def test_the_charts_export_and_follow_the_palette(tab):
    for chart in tab.charts.values():
        image = render_chart(chart, 640)
        assert image.width() >= 640 and not image.isNull()
    tab.restyle()
    assert tab.heatmap_chart.data is not None


def test_risk_texts_are_plain_text_on_the_heat_map():
    data = HeatmapData((HeatPoint(1, "<b>loud</b> & <script>", 3, 3, "#000000"),))
    text = legend_html(data, ChartStyle.light())
    assert "&lt;b&gt;loud&lt;/b&gt; &amp; &lt;script&gt;" in text and "<b>loud" not in text


def test_edits_are_saved_with_the_scenario(window, tab, qtbot, tmp_path):
    _type(qtbot, window.findChild(QLineEdit, "team:cfo"), "A. Chen")
    _pick(window.findChild(QComboBox, "culture:accountable"), 3, qtbot)
    path = tmp_path / "saved.json"
    assert window.scenario_file.save_to(path)
    data = json.loads(path.read_text())
    assert data["leadership"]["team"] == [{"role": "cfo", "name": "A. Chen"}]
    assert data["leadership"]["culture"] == {"accountable": 3}
    assert len(data["risks"]["items"]) == 6


def test_markup_typed_or_from_a_file_stays_plain_text(window, tab, qtbot):
    link = "<a href='http://evil.example/'>CLICK</a>"
    tab.pages.setCurrentWidget(tab.risks_page)  # where the heat map and its legend show
    _click(window, qtbot, "action:add-risk")
    new_id = window.document.scenario.risks.items[-1].id
    _type(qtbot, window.findChild(QLineEdit, f"risk:{new_id}:text"), f"{link} risk")
    _spin(window, qtbot, f"risk:{new_id}:likelihood", 5)
    _spin(window, qtbot, f"risk:{new_id}:impact", 5)
    legend = tab.heatmap_chart.legend.text
    assert "&lt;a href" in legend and "<a " not in legend
    answer = window.findChild(QLabel, "strategy:risks")
    assert answer.textFormat() == Qt.TextFormat.PlainText and link in answer.text()
    context = window.findChild(QLabel, "risks-context")
    assert "<a " not in context.text()
