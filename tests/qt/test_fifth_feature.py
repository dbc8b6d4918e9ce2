"""Adding a feature is adding two packages and one line: a small fifth feature (a core package
and a Qt package) written into a temporary folder, put on the path and loaded with one call;
a framework naming it then gets its tab, its check, its ``score --json`` fragment, its block
in the workshop report, and its own section of the scenario file with the migration that adds
it to older files, with no change to the generic code."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from mcexplorer.core import extensions
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.io import scenario_json
from mcexplorer.core.outputs import report_build, report_model
from mcexplorer.core.resources import (
    RESOURCES_ENV,
    builtin_frameworks,
    default_scenario,
    resources_dir,
)
from mcexplorer.qt import extension as qt_extension

DATA = Path(__file__).resolve().parents[1] / "data"

CORE = {
    "__init__.py": '"""Tea breaks: a fifth feature outside mcexplorer (no Qt here)."""\n',
    "extension.py": '''
        from mcexplorer.core.base import StrictModel
        from mcexplorer.core.errors import ScenarioError
        from mcexplorer.core.extensions import Extension, FileSection, register
        from mcexplorer.core.outputs.report_model import Paragraph

        ID = "tea-break"


        def check(scenario, file=None):
            fid = next((f for f, s in scenario.frameworks.items()
                        if s.weights.get("bitterness", 0) > 80), None)
            if fid is not None:
                raise ScenarioError("a tea break this bitter ends the workshop (80 at most)",
                                    file=file, field=f"frameworks.{fid}.weights.bitterness")


        def report(doc, fid):
            return {"tea": {"cups": len(doc.framework(fid).options)}}


        def blocks(doc, fid):
            n = len(doc.framework(fid).options)
            return [Paragraph(f"Tea break: {n} blends on the table.", "reading")]


        def cups(doc, fid, weighting):
            return {"cups": len(doc.framework(fid).options)}


        class TeaSection(StrictModel):
            """The feature's own section of the scenario file."""
            cups: int = 1


        EXTENSION = register(Extension(
            id=ID, title="tea break", criteria=("bitterness",), check=check, report=report,
            report_blocks=blocks, chart_data=(("cups", cups),), qt="teabreak_qt",
            sections=("tea",),
            file_sections=(FileSection("tea", 3, {"cups": 0}, "tea break (no cups yet)",
                                       TeaSection),)))
    ''',
}
QT = {
    "__init__.py": '''
        from mcexplorer.qt.extension import QtExtension, register


        def _tab():
            from .tab import TeaTab
            return TeaTab


        TWIN = register(QtExtension("tea-break", _tab))
    ''',
    "tab.py": '''
        from PySide6.QtWidgets import QLabel

        from mcexplorer.qt.framework.tab import FrameworkTab


        class TeaTab(FrameworkTab):
            def __init__(self, controller, framework_id, parent=None):
                super().__init__(controller, framework_id, parent)
                note = QLabel("Time for tea", self)
                note.setObjectName(f"tea-note:{framework_id}")
    ''',
}
TEA = {
    "id": "tea", "order": 6, "title": "Tea blends", "extension": "tea-break",
    "source": "Our reading: a test framework", "provenance": "authored-default",
    "criteria": [{"id": "bitterness", "name": "Bitterness", "direction": "cost",
                  "scale": [1, 5]},
                 {"id": "warmth", "name": "Warmth", "direction": "benefit", "scale": [1, 5]}],
    "options": [{"id": "green", "name": "Green", "ratings": {"bitterness": 2, "warmth": 3}},
                {"id": "black", "name": "Black", "ratings": {"bitterness": 4, "warmth": 5}}],
}


def _write(folder, files):
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text))


@pytest.fixture
def tea_feature(tmp_path, monkeypatch):
    """The two packages in a temporary folder, the framework naming the feature in a copy of
    the resources; the registries are restored afterwards."""
    _write(tmp_path / "teabreak", CORE)
    _write(tmp_path / "teabreak_qt", QT)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(extensions, "_registry", dict(extensions.registered()))
    monkeypatch.setattr(qt_extension, "_registry", dict(qt_extension.registered()))
    report_build.register_builtin()  # the generic blocks, before the contributors are copied
    monkeypatch.setattr(report_model, "_framework",
                        {k: list(v) for k, v in report_model._framework.items()})
    resources = tmp_path / "resources"
    shutil.copytree(resources_dir(), resources)
    (resources / "frameworks" / "tea.json").write_text(json.dumps(TEA))
    monkeypatch.setenv(RESOURCES_ENV, str(resources))
    builtin_frameworks.cache_clear()
    extensions.load("teabreak.extension")  # the one line
    yield tmp_path
    builtin_frameworks.cache_clear()
    for name in [m for m in sys.modules if m.split(".")[0] in ("teabreak", "teabreak_qt")]:
        del sys.modules[name]


def test_a_fifth_feature_gets_its_tab_check_score_fragment_and_report_block(
        tea_feature, open_window, tmp_path):
    from mcexplorer.cli.score import score_report
    from mcexplorer.core.document import Document
    from mcexplorer.core.outputs.report_build import build_report
    from mcexplorer.core.outputs.report_model import Paragraph
    from mcexplorer.core.validation import load_scenario
    from mcexplorer.core.weighting import SCENARIO

    doc = Document()
    assert "tea" in doc.frameworks
    # its score --json fragment
    entry = next(f for f in score_report(doc)["frameworks"] if f["id"] == "tea")
    assert entry["tea"] == {"cups": 2}
    # its report block, in the framework's section
    report = build_report(doc, "Tea", "2026-12-07")
    texts = [b.text for s in report.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert "Tea break: 2 blends on the table." in texts
    # its chart data, through its record
    assert extensions.get("tea-break").chart("cups")(doc, "tea", SCENARIO) == {"cups": 2}
    # its check: a scenario it refuses is refused in one line naming the field
    data = json.loads(scenario_json(default_scenario()))
    data["frameworks"]["tea"]["weights"]["bitterness"] = 90
    bad = tmp_path / "bitter.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(ScenarioError) as info:
        load_scenario(str(bad))
    assert "ends the workshop" in info.value.message
    assert "frameworks.tea.weights.bitterness" in info.value.message
    # its tab, in the window
    w = open_window("tea")
    tab = w.framework_tabs["tea"]
    assert type(tab).__name__ == "TeaTab"
    assert w.tabs.tabText(w.tabs.indexOf(tab)) == "Tea blends"
    note = w.findChild(QLabel, "tea-note:tea")
    assert note is not None and note.text() == "Time for tea"


def test_a_fifth_feature_brings_its_file_section_and_its_migration(
        tea_feature, open_window, tmp_path):
    from mcexplorer.core.document import Document
    from mcexplorer.core.io import save_scenario
    from mcexplorer.core.validation import load_scenario

    doc = Document()
    assert doc.scenario.features["tea"].cups == 1  # a new scenario: the model's default
    doc.apply(doc.make_edit(("features", "tea", "cups"), 4, "Cups", "tea"))
    path = tmp_path / "tea.json"
    save_scenario(path, doc.scenario)
    assert json.loads(path.read_text())["tea"] == {"cups": 4}  # at the top level of the file
    again, report = load_scenario(str(path))
    assert again.features["tea"].cups == 4 and report.migrations == []
    # An older file gets the section from the feature's migration, named in the report.
    older, report = load_scenario(str(DATA / "scenario-v2.json"))
    assert older.features["tea"].cups == 0
    assert report.migrations == ["2->3: lets an option's ratings be written as a list, one per "
                                 "criterion (the compact form); adds tea break (no cups yet)"]
    # A bad section is refused in one line naming it.
    data = json.loads(path.read_text())
    data["tea"] = {"cups": "a few"}
    path.write_text(json.dumps(data))
    with pytest.raises(ScenarioError) as info:
        load_scenario(str(path))
    assert "tea.cups" in str(info.value) and "\n" not in str(info.value)
    # Its tab redraws for an edit of its section (the record names it), not for another's.
    w = open_window("tea")
    tab, redraws = w.framework_tabs["tea"], []
    QCoreApplication.processEvents()  # the redraws of the window's first turn are done
    tab.refresh = lambda real=tab.refresh: (redraws.append(1), real())
    doc = w.controller.document
    w.controller.push(doc.make_edit(("features", "tea", "cups"), 7, "Cups", "tea"))
    w.controller.push(doc.make_edit(("frameworks", "tea", "notes"), "milk?", "Notes", "tea"))
    assert redraws == [1]


def test_a_framework_naming_an_unloaded_feature_is_refused(tmp_path, monkeypatch):
    """Without its line (the feature not loaded), the same framework is refused by name."""
    monkeypatch.setattr(extensions, "_registry", dict(extensions.registered()))
    resources = tmp_path / "resources"
    shutil.copytree(resources_dir(), resources)
    (resources / "frameworks" / "tea.json").write_text(json.dumps(TEA))
    monkeypatch.setenv(RESOURCES_ENV, str(resources))
    builtin_frameworks.cache_clear()
    try:
        with pytest.raises(ScenarioError) as info:
            builtin_frameworks()
        assert "unknown extension 'tea-break'" in info.value.message
    finally:
        monkeypatch.delenv(RESOURCES_ENV)
        builtin_frameworks.cache_clear()
