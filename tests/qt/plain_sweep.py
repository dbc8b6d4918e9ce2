"""Helpers for the plain-text sweep: a scenario whose every name carries markup and terminal
control characters, and what the window displays for each widget, item and chart text."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, Qt as GuiQt, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QTabBar,
    QWidget,
)

from mcexplorer.core.io import scenario_json
from mcexplorer.core.models import Snapshot, SnapshotSettings
from mcexplorer.core.resources import builtin_frameworks, default_scenario

LINK = "<a href=x>lnkA</a>"
BIG = '<span style="font-size:40pt;color:red">bigB</span>'
ESC = "\x1b[31mescC"
CR = "crD\rover"
MARKERS = {"lnkA": LINK, "bigB": BIG}


def hostile_file(folder: Path) -> Path:
    scenario = default_scenario()
    scenario.participants = []
    data = json.loads(scenario_json(scenario))
    fw = json.loads(builtin_frameworks()["business-models"].model_dump_json())
    names = [LINK, BIG, ESC, CR]
    for i, option in enumerate(fw["options"]):
        option["name"] = f"{names[i % 4]} {option['name'][:12]}"
        option["short_name"] = ""
    for i, criterion in enumerate(fw["criteria"]):
        criterion["name"] = f"{names[i % 4]} {criterion['name'][:10]}"
        criterion["short_name"] = ""
    fw["title"] = f"{BIG} models {ESC}"
    data["definitions"] = [fw]
    data["title"] = f"{LINK} title {CR}"
    data["participants"] = [{"id": f"p{i}", "name": f"{n} person", "role": f"{LINK} role"}
                            for i, n in enumerate(names)]
    data["frameworks"]["business-models"]["notes"] = f"Notes {LINK} and {BIG} {ESC}"
    created = datetime(2026, 1, 1, tzinfo=UTC).isoformat()
    settings = json.loads(SnapshotSettings(
        frameworks=scenario.frameworks).model_dump_json())
    data["snapshots"] = [json.loads(Snapshot(id=f"s{i}", name=f"{n} snap", created=created,
                                             settings=settings).model_dump_json())
                         for i, n in enumerate(names)]
    data["portfolio"]["offerings"] = [
        {"id": f"off{i}", "name": f"{n} offer", "x": -0.6 + 0.4 * i, "y": 0.5 - 0.3 * i,
         "volume": 100 + 50 * i} for i, n in enumerate(names)]
    data["horizons"]["initiatives"] = [
        {"id": f"ini{i}", "name": f"{n} init", "time": 0.2 + 0.2 * i, "horizon": 1 + 0.6 * i}
        for i, n in enumerate(names)]
    data["risks"]["items"] = [
        {"id": f"r{i}", "text": f"{n} risk", "owner": f"{n} owner", "mitigation": f"{n} plan"}
        for i, n in enumerate(names)]
    path = folder / "hostile.json"
    path.write_text(json.dumps(data))
    return path


def as_displayed(text: str, rich: bool | None = None) -> str:
    """What a person reads: rich text (when Qt would take it so) rendered, else the text."""
    if rich is None:
        rich = GuiQt.mightBeRichText(text)
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _model_texts(model, where: str, out: list[tuple[str, str]], parent=QModelIndex(),  # noqa: B008
                 depth: int = 0) -> None:
    if model is None or depth > 3:
        return
    try:
        cols = min(model.columnCount(parent), 60)
        tree = model.hasChildren(model.index(0, 0, parent))
    except TypeError:  # a list or table model keeps these private: no children
        cols, tree = max(1, model.columnCount(parent)) if False else 1, False
    rows = min(model.rowCount(parent), 400)
    for r in range(rows):
        for c in range(cols):
            index = model.index(r, c, parent)
            shown = model.data(index, Qt.ItemDataRole.DisplayRole)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(shown, str):
                out.append((f"{where} cell {r},{c}", shown))
            if isinstance(tip, str):
                out.append((f"{where} tooltip {r},{c}", as_displayed(tip)))
            if c == 0 and tree and model.hasChildren(index):
                _model_texts(model, where, out, index, depth + 1)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        for section in range(cols if orientation == Qt.Orientation.Horizontal else rows):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                text = model.headerData(section, orientation, role)
                if isinstance(text, str):
                    out.append((f"{where} header {section}", as_displayed(
                        text, None if role == Qt.ItemDataRole.ToolTipRole else False)))


def displayed_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text as displayed) for every tooltip, label, tab, table cell, combo item,
    action and chart text under ``root`` (top-level windows included)."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}({w.objectName()})"
        if w.toolTip():
            out.append((f"{name} tooltip", as_displayed(w.toolTip())))
        if w.isWindow() and w.windowTitle():
            out.append((f"{name} title", w.windowTitle()))
        if isinstance(w, QLabel):
            fmt = w.textFormat()
            rich = True if fmt == Qt.TextFormat.RichText else (
                False if fmt in (Qt.TextFormat.PlainText, Qt.TextFormat.MarkdownText) else None)
            out.append((f"{name} text", as_displayed(w.text(), rich)))
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                out.append((f"{name} tab {i}", w.tabText(i)))
                if w.tabToolTip(i):
                    out.append((f"{name} tab tip {i}", as_displayed(w.tabToolTip(i))))
        if isinstance(w, QComboBox):
            _model_texts(w.model(), f"{name} items", out)
        if isinstance(w, QAbstractItemView):
            _model_texts(w.model(), name, out)
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                if item.toolTip():
                    out.append((f"{name} item tooltip", as_displayed(item.toolTip())))
                if isinstance(item, QGraphicsTextItem):
                    out.append((f"{name} chart text", item.toPlainText()))
                elif isinstance(item, QGraphicsSimpleTextItem):
                    out.append((f"{name} chart text", item.text()))
        for action in w.actions():
            if isinstance(action, QAction):
                out.append((f"{name} action", action.text()))
                if action.toolTip():
                    out.append((f"{name} action tip", as_displayed(action.toolTip())))
    return out


def problems(texts: list[tuple[str, str]]) -> list[str]:
    """Every displayed text that shows markup as formatting, or a raw ESC or CR."""
    bad = []
    for where, text in texts:
        for marker, literal in MARKERS.items():
            # Each marker shown with the markup before it, as typed: a name elided after its
            # marker ("<span ...>bigB…", the full name on hover) is plain text too.
            if text.count(marker) != text.count(literal[:literal.index(marker) + len(marker)]):
                bad.append(f"{where}: {text!r}")
        if "\x1b" in text or "\r" in text:
            bad.append(f"{where}: raw control character in {text!r}")
    return bad
