"""Names from files and users show as written: a name like "<a href='http://x/'>CLICK</a>" is
never turned into a link or markup, in labels, chart texts, legends, lists or tooltips."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt, QTextDocument

from mcexplorer.core import scenario_text
from mcexplorer.core.ecology import edits as eco_edits
from mcexplorer.core.resources import RESOURCES_ENV, builtin_frameworks, resources_dir
from mcexplorer.core.structures import edits as hz_edits
from mcexplorer.qt.plain import guarded as plain_tip

LINK = "<a href='http://x/'>CLICK</a>"
SHORT = "<a href='#'>CLICK</a>"
"""Short enough to be drawn whole on the map and the horizons chart (longer names are cut)."""
FID = "link-test"
FRAMEWORK = {
    "id": FID, "order": 4, "title": f"{LINK} framework", "source": "Our reading: a test",
    "provenance": "authored-default",
    "criteria": [
        {"id": "reach", "name": f"{LINK} reach", "description": f"<b>{LINK}</b>",
         "direction": "benefit", "scale": [1, 5]},
        {"id": "price", "name": "Price", "direction": "cost", "scale": [1, 5]},
        {"id": "speed", "name": "Speed", "direction": "benefit", "scale": [1, 5]},
    ],
    "options": [
        {"id": "alpha", "name": f"{LINK} alpha", "description": LINK,
         "ratings": {"reach": {"value": 5, "rationale": f"Our reading: {LINK}"},
                     "price": {"value": 4, "rationale": "Our reading: x"},
                     "speed": {"value": 2, "rationale": "Our reading: y"}}},
        {"id": "beta", "name": "Beta", "ratings": {
            "reach": {"value": 2, "rationale": "Our reading: x"},
            "price": {"value": 1, "rationale": "Our reading: x"},
            "speed": {"value": 3, "rationale": "Our reading: x"}}},
    ],
}


def shown(text: str) -> str:
    """What a label or tooltip with this text shows (Qt renders markup-looking text)."""
    if GuiQt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


@pytest.fixture
def linked_framework(tmp_path, monkeypatch):
    folder = tmp_path / "resources"
    shutil.copytree(resources_dir(), folder)
    (folder / "frameworks" / f"{FID}.json").write_text(json.dumps(FRAMEWORK))
    monkeypatch.setenv(RESOURCES_ENV, str(folder))
    builtin_frameworks.cache_clear()
    yield
    monkeypatch.delenv(RESOURCES_ENV)
    builtin_frameworks.cache_clear()


def test_a_frameworks_names_show_as_written(linked_framework, open_window, qtbot):
    window = open_window()
    tab = window.build_tab(FID) if hasattr(window, "build_tab") else window.framework_tabs[FID]
    window.tabs.setCurrentWidget(tab)
    qtbot.wait(20)
    name = f"{LINK} alpha"
    # Weights: the criterion's name, its hint and its tooltip.
    label = tab.weight_sliders["reach"].label
    assert shown(label.text()).startswith(f"{LINK} reach")
    assert LINK in shown(tab.weight_sliders["reach"].slider.toolTip())
    # Charts: titles, ranking rows, radar legend, tooltips.
    ranking, radar = tab.charts["ranking"], tab.charts["radar"]
    assert radar.title.startswith(LINK) and ranking._title_item.item.toPlainText().startswith(LINK)
    # (a long name may be cut to the chart's width, never rendered as a link)
    assert any("<a href='http://x/'>" in text for text in ranking.tick_labels())
    legend = [label.item.toPlainText() for _, label in radar.legend.items]
    assert name in legend
    i = [r.name for r in ranking.data.rows].index(name)
    row = ranking.row_scene_pos(i)
    assert LINK in shown(plain_tip(ranking.tooltip_at(row)))
    # The options table: the name, its tooltip, a criterion's header tooltip, a rating's why.
    model = tab.table.model()
    assert model.index(0, 0).data() == name
    assert shown(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)).startswith(name)
    header_tip = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert shown(header_tip).startswith(f"{LINK} reach") and f"<b>{LINK}</b>" in shown(header_tip)
    assert LINK in shown(model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole))


def test_offering_and_initiative_names_show_as_written(open_window, qtbot):
    window = open_window("credential-ecology")
    doc, push = window.document, window.controller.push
    push(eco_edits.add_offering(doc, SHORT, 0.5, 0.5, 100))
    push(hz_edits.add_initiative(doc, SHORT, 0.08, 2.0))  # where the chart has room
    qtbot.wait(20)
    eco = window.framework_tabs["credential-ecology"]
    assert eco.map_chart.marker_texts() == [SHORT]
    item = eco.offering_list.item(0)
    assert item.text().startswith(f"1. {SHORT}")
    assert shown(item.toolTip()).startswith(f"{SHORT}: mostly")
    hz = window.framework_tabs["structures"]
    window.tabs.setCurrentWidget(hz)
    qtbot.wait(20)
    chart = hz.horizons_chart
    assert SHORT in [lab.toPlainText() for lab in chart._labels]
    m = chart.initiatives()[0]
    tip = chart.tooltip_at(chart.scene_pos(m.time, m.horizon))
    assert shown(plain_tip(tip)).startswith(SHORT)
    # The session (named after the scenario's title): its list entry, tooltip and preview.
    push(scenario_text.set_title(doc, SHORT))
    window.keeper.autosave()
    panel = window.sessions_panel
    panel.list.setCurrentRow(0)
    assert panel.list.item(0).text().startswith(SHORT)
    assert shown(panel.list.item(0).toolTip()).startswith(SHORT)
    assert panel.preview.text.text().startswith(SHORT)
