"""Every chart of every tab, and writing them all into a folder in one step.

The window passes its own tabs; the command line builds the tabs offscreen for a scenario
(``offscreen_tabs``). Writing reports progress through a callback that may stop the run
(the window's progress dialog with Cancel); the names are predictable:
``<scenario>-<framework>-<chart>.png|svg``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ...core.document import Document
from ...core.errors import ScenarioError
from ...core.outputs.caption import caption
from ...core.outputs.names import export_name, kept_beside
from ..charts.base import Chart
from ..charts.export import ImageSpec, export_image
from ..controller import DocumentController
from ..framework.tab import FrameworkTab
from ..tabs import tab_class

Progress = Callable[[int, int, str], bool]
"""(done, total, what is being written) -> False to stop."""


@dataclass(frozen=True)
class ChartItem:
    framework_id: str
    kind: str
    chart: Chart


def chart_items(tabs: Mapping[str, FrameworkTab]) -> list[ChartItem]:
    """Every chart of every tab, in tab order then the tab's own order."""
    return [ChartItem(fid, kind, chart) for fid, tab in tabs.items()
            for kind, chart in tab.charts.items()]


@contextmanager
def offscreen_tabs(document: Document) -> Iterator[dict[str, FrameworkTab]]:
    """The tabs of every framework, built without a window, drawn and ready to export."""
    controller = DocumentController(document)
    tabs: dict[str, FrameworkTab] = {}
    try:
        for fid in document.frameworks:
            tab = tab_class(document.framework(fid))(controller, fid)
            tab.refresh()
            tabs[fid] = tab
        yield tabs
    finally:
        for tab in tabs.values():
            tab.deleteLater()
        controller.deleteLater()


@dataclass(frozen=True)
class ExportRun:
    written: list[Path]
    cancelled: bool
    total: int


def export_all(document: Document, items: list[ChartItem], out: Path, spec: ImageSpec,
               scenario_name: str, date: str, progress: Progress | None = None, *,
               with_caption: bool = False, keep_both: bool = False) -> ExportRun:
    """Write each chart into ``out`` as ``spec`` says, with each chart's own caption line
    (scenario, date, weights and target, source) when ``with_caption``. A file of the same
    name is replaced, or with ``keep_both`` kept (the chart goes beside it as ``name (2)``)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScenarioError(f"cannot create folder ({exc.strerror})", file=str(out)) from None
    if not out.is_dir():
        raise ScenarioError("is not a folder", file=str(out))
    written: list[Path] = []
    total = len(items)
    for i, item in enumerate(items):
        name = export_name(scenario_name, item.framework_id, item.kind, spec.fmt)
        if progress is not None and not progress(i, total, name):
            return ExportRun(written, True, total)
        text = caption(document, item.framework_id, scenario_name, date) if with_caption else ""
        target = out / name
        if keep_both and os.path.lexists(target):
            target = kept_beside(target)
        written.append(export_image(item.chart, target, replace(spec, caption=text)))
    if progress is not None:
        progress(total, total, "")
    return ExportRun(written, False, total)
