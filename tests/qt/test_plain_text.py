"""Text from files and users is shown as plain text: markup in a scenario's names, titles,
descriptions or file names never becomes rich text or a live link (issue: nothing injected)."""

from __future__ import annotations

import json
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QMessageBox

from mcexplorer.core.io import save_scenario, scenario_json
from mcexplorer.core.resources import builtin_frameworks, default_scenario
from mcexplorer.core.validation import load_scenario
from mcexplorer.qt import prompts

LINK = "<a href='http://evil.example/'>CLICK</a>"


def _is_safe(text: str) -> bool:
    """Plain to Qt, or rich text in which every tag from the file was escaped: the only
    markup left is the paragraph the helper wraps it in."""
    if not GuiQt.mightBeRichText(text):
        return True
    inner = re.sub(r"^<p style='white-space:pre-wrap'>|</p>$", "", text)
    return "<" not in inner and ">" not in inner


def _hostile_scenario(tmp_path):
    data = json.loads(scenario_json(default_scenario()))
    fw = json.loads(builtin_frameworks()["business-models"].model_dump_json())
    fw["title"] = f"{LINK} models"
    fw["description"] = f"{LINK} description"
    for option in fw["options"]:
        option["name"] = f"{LINK} {option['name']}"
    fw["options"][0]["description"] = f"{LINK} text"
    fw["criteria"][0]["description"] = f"{LINK} criterion"
    data["definitions"] = [fw]
    data["title"] = f"{LINK} title"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data))
    return path


def test_names_from_a_file_are_plain_in_tooltips_titles_and_legends(open_window, tmp_path):
    path = _hostile_scenario(tmp_path)
    load_scenario(path)  # a valid file: the markup is just text
    window = open_window(path=path)
    tab = window.framework_tabs["business-models"]
    model = tab.table.model()
    tips = [model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole),
            model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole),
            window.tabs.tabToolTip(0),
            tab.weight_sliders[tab.framework.criteria[0].id].slider.toolTip()]
    assert all(LINK.split(">")[0] in t or "&lt;a" in t for t in tips)
    assert all(_is_safe(t) for t in tips), tips
    title_html = tab.ranking_chart._title_item.text
    assert "<a " not in title_html and "&lt;a href" in title_html
    legend_html = [label.text for _sample, label in tab.radar_chart.legend.items]
    assert any("&lt;a href" in text for text in legend_html)
    assert not any("<a " in text for text in legend_html)
    window.controller.mark_saved()


def test_a_refused_file_with_markup_shows_it_as_text(open_window, tmp_path, monkeypatch):
    window = open_window()
    bad = tmp_path / "bad.json"
    data = json.loads(scenario_json(default_scenario()))
    data["title"] = LINK + "x" * 300  # too long: refused, and the message quotes it
    bad.write_text(json.dumps(data))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    assert window.scenario_file.open_path(bad) is False
    assert shown and _is_safe(shown[0])


def test_a_file_name_with_markup_is_plain_in_the_unsaved_changes_prompt(open_window, tmp_path,
                                                                          monkeypatch):
    path = tmp_path / "<img src=x onerror=alert(1)>.json"
    save_scenario(path, default_scenario())
    window = open_window(path=path)
    window.framework_tabs["business-models"].weight_sliders["risk"].slider.setValue(5)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda parent, title, text, *a: asked.append(text)
                                     or QMessageBox.StandardButton.Cancel))
    assert window.scenario_file.maybe_save() is False
    assert asked and _is_safe(asked[0]) and "&lt;img" in asked[0]
    window.controller.mark_saved()


def test_the_prompt_helper_escapes_only_what_qt_would_read_as_rich_text(monkeypatch):
    seen = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: seen.append(text)))
    prompts.warn(None, "t", "plain < text")
    prompts.warn(None, "t", LINK)
    assert seen[0] == "plain < text"
    assert "<a " not in seen[1] and "&lt;a href=&#x27;http://evil.example/&#x27;&gt;" in seen[1]
