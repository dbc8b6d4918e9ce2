"""The window is composed of parts it owns, not of mixins sharing private names; the file
behind it is set in one place (``ScenarioFile.adopt``), which the title, the modified mark and
Open Recent follow; tabs reach the chart menu through the tab host, never by looking the
window up."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

import mcexplorer
from mcexplorer.qt.window.main_window import MainWindow

PACKAGE = Path(mcexplorer.__file__).resolve().parent
WINDOW = PACKAGE / "qt" / "window"
REACHED_BACK = [PACKAGE / "qt" / "tab_host.py", PACKAGE / "qt" / "chart_menu.py",
                PACKAGE / "qt" / "framework" / "robustness_panel.py",
                PACKAGE / "qt" / "room" / "presentation.py", PACKAGE / "qt" / "room" / "actions.py"]
B = QMessageBox.StandardButton
BM = "business-models"


def test_the_window_has_no_mixins_of_its_own():
    own = [c.__name__ for c in MainWindow.__mro__[1:] if c.__module__.startswith("mcexplorer")]
    assert own == []


def _private_reads(path: Path) -> list[str]:
    """``x._name`` where x is not ``self`` (dunders aside)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_window_part_reads_another_objects_private_names():
    found = [hit for path in [*sorted(WINDOW.glob("*.py")), *REACHED_BACK]
             for hit in _private_reads(path)]
    assert found == []


def test_the_file_state_is_set_in_one_place():
    """Path and stamp are assigned only in ScenarioFile.adopt (and set empty in __init__);
    the main window's title only in ScenarioFile._show_title, which adopt calls."""
    setters: dict[str, set[str]] = {}
    for path in sorted(WINDOW.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for func in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            for node in ast.walk(func):
                targets = (node.targets if isinstance(node, ast.Assign) else
                           [node.target] if isinstance(node, ast.AnnAssign) else [])
                names = [t.attr for target in targets
                         for t in (target.elts if isinstance(target, ast.Tuple) else [target])
                         if isinstance(t, ast.Attribute)]
                if any(n in ("_path", "_stamp", "path") for n in names):
                    setters.setdefault(f"{path.stem}.{func.name}", set()).update(names)
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "setWindowTitle"  # the main window's title
                        and (ast.unparse(node.func.value) == "self._window"
                             or path.stem == "main_window")):
                    setters.setdefault(f"{path.stem}.{func.name}", set()).add("title")
    assert set(setters) == {"scenario_file.__init__", "scenario_file.adopt",
                            "scenario_file._show_title"}, setters


def test_nothing_looks_the_window_up_by_getattr_for_its_methods():
    """``getattr(self.window(), "fill_chart_menu")`` and the like: a tab gets what it needs
    from the tab host instead (qt.chart_menu)."""
    found = []
    for path in sorted((PACKAGE / "qt").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "getattr" and len(node.args) >= 2
                    and isinstance(node.args[0], ast.Call)
                    and isinstance(node.args[0].func, ast.Attribute)
                    and node.args[0].func.attr == "window"
                    and isinstance(node.args[1], ast.Constant)
                    and node.args[1].value != "statusBar"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_every_tab_gets_the_chart_menu_through_the_tab_host(open_window):
    window = open_window()
    for fid, tab in window.tab_set.all_tabs().items():
        assert tab.chart_menu is window.tab_host, fid
        chart = next(iter(tab.charts.values()))
        menu = QMenu()
        tab.chart_menu.fill_chart_menu(menu, chart)
        assert [a.text() for a in menu.actions()] == [
            f"Export \u201c{chart.title}\u201d…", "Copy chart"], fid


def _weight(window, value):
    window.framework_tabs[BM].weight_sliders["risk"].slider.setValue(value)


def _state(window):
    """What the planner sees of the file: title, modified mark, Open Recent's first entry."""
    return (window.windowTitle(), window.isWindowModified(), window.recent.files()[:2])


def test_open_save_as_and_reload_each_adopt_the_file_once_and_everything_follows(
        open_window, scenario_file, tmp_path, monkeypatch):
    window = open_window()
    adopted: list[Path | None] = []
    window.scenario_file.adopted.connect(adopted.append)
    assert window.windowTitle() == "Untitled[*] — mcexplorer"

    assert window.scenario_file.open_path(scenario_file)
    assert adopted == [scenario_file.absolute()]
    assert _state(window) == ("scenario.json[*] — mcexplorer", False, [str(scenario_file)])
    assert window.path == scenario_file.absolute()

    _weight(window, 66)
    assert window.isWindowModified()
    copy = tmp_path / "copy.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(copy), "")))
    assert window.findChild(type(window.action_save_as), "action:save-as") is not None
    window.action_save_as.trigger()
    assert adopted[1:] == [copy.absolute()]
    assert _state(window) == ("copy.json[*] — mcexplorer", False,
                              [str(copy.absolute()), str(scenario_file)])
    assert window.path == copy.absolute()

    # Another program changes the copy; this window's edit meets it on Save, and the planner
    # reloads the file from disk: the window's file is adopted once more, unmodified.
    data = json.loads(copy.read_text())
    data["frameworks"][BM]["weights"]["risk"] = 12
    copy.write_text(json.dumps(data))
    _weight(window, 80)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a: B.Reset))
    assert window.scenario_file.save() is False
    assert adopted[2:] == [copy.absolute()]
    assert _state(window) == ("copy.json[*] — mcexplorer", False,
                              [str(copy.absolute()), str(scenario_file)])
    assert window.document.scenario.frameworks[BM].weights["risk"] == 12

    window.scenario_file.new_scenario()
    assert adopted[3:] == [None]
    assert window.windowTitle() == "Untitled[*] — mcexplorer" and window.path is None
