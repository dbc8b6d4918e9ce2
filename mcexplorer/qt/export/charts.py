"""Every chart of every framework, and writing them all into a folder in one step.

The charts are drawn from plain data under a weighting (``drawn_charts``: each tab class says
which charts it exports, as ``ChartPlan``s of core chart data): no tab, slider or table is
built, for the window's Export all, the report and the command line alike, so the window's
state (presenting, a page not shown) changes no export. Writing reports progress through a
callback that may stop the run (the window's progress dialog with Cancel); the names are
predictable: ``<scenario>-<framework>-<chart>.png|svg``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ...core.document import Document
from ...core.errors import ScenarioError
from ...core.outputs.caption import caption
from ...core.outputs.names import export_name, kept_beside
from ...core.weighting import SCENARIO, Weighting
from ..charts.base import Chart
from ..charts.export import ImageSpec, export_image
from ..tabs import tab_class

Progress = Callable[[int, int, str], bool]
"""(done, total, what is being written) -> False to stop."""


@dataclass(frozen=True)
class ChartItem:
    framework_id: str
    kind: str
    chart: Chart


@contextmanager
def drawn_charts(document: Document,
                 weighting: Weighting = SCENARIO) -> Iterator[list[ChartItem]]:
    """Every chart of every framework under the weighting, in tab order then each tab's own
    order, drawn from data alone (the chart widgets, nothing else; deleted afterwards)."""
    items: list[ChartItem] = []
    try:
        for fid, fw in document.frameworks.items():
            for plan in tab_class(fw).chart_plans(document, fid, weighting):
                items.append(ChartItem(fid, plan.kind, plan.build(fid)))
        yield items
    finally:
        for item in items:
            item.chart.deleteLater()


def by_kind(items: list[ChartItem]) -> dict[tuple[str, str], Chart]:
    """(framework id, kind) -> chart."""
    return {(item.framework_id, item.kind): item.chart for item in items}


@dataclass(frozen=True)
class ExportRun:
    written: list[Path]
    cancelled: bool
    total: int


def export_all(document: Document, items: list[ChartItem], out: Path, spec: ImageSpec,
               scenario_name: str, date: str, progress: Progress | None = None, *,
               with_caption: bool = False, weighting: Weighting = SCENARIO,
               keep_both: bool = False) -> ExportRun:
    """Write each chart into ``out`` as ``spec`` says, with each chart's own caption line
    (scenario, date, the weights and target and whose they are, source) when
    ``with_caption``; ``weighting`` is the one the charts were drawn under. A file of the same
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
        text = caption(document, item.framework_id, scenario_name, date, weighting) \
            if with_caption else ""
        target = out / name
        if keep_both and os.path.lexists(target):
            target = kept_beside(target)
        written.append(export_image(item.chart, target, replace(spec, caption=text)))
    if progress is not None:
        progress(total, total, "")
    return ExportRun(written, False, total)
