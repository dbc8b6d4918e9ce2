"""Every chart of every framework, and writing them all into a folder in one step.

The charts are drawn from plain data under a weighting (``drawn_charts``: each tab class says
which charts it exports, as ``ChartPlan``s of core chart data): no tab, slider or table is
built, for the window's Export all, the report and the command line alike, so the window's
state (presenting, a page not shown) changes no export. Export all adds each ranked
framework's other pages (``page_plans``): the sensitivity sweep of its first weight, How sure
(the rank acceptability, the window's seeded draws) and, with people in the room, "where the
room disagrees". Writing reports progress through a callback that may stop the run (the
window's progress dialog with Cancel); the names are predictable:
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
from ...core.robustness.chart_data import acceptability_data, sensitivity_data
from ...core.room.chart_data import participants_data
from ...core.room.group import display_names
from ...core.weighting import SCENARIO, Weighting
from ..charts.acceptability import AcceptabilityChart
from ..charts.base import Chart, ChartPlan
from ..charts.export import ImageSpec, export_image
from ..charts.sensitivity import SensitivityChart
from ..room.charts.participants import ParticipantsChart
from ..tabs import tab_class

Progress = Callable[[int, int, str], bool]
"""(done, total, what is being written) -> False to stop."""


@dataclass(frozen=True)
class ChartItem:
    framework_id: str
    kind: str
    chart: Chart


EXTRA_KINDS = ("sensitivity", "how-sure", "room")
"""The charts of a ranked framework's other pages, as named in file names."""


def page_plans(document: Document, framework_id: str, weighting: Weighting = SCENARIO,
               names: Mapping[str, str] | None = None) -> list[ChartPlan]:
    """The charts of a ranked framework's Sensitivity, How sure and room pages under the
    weighting, as plans of core chart data. ``names``: participant id -> the name to show
    (the room's anonymised P1, P2 ... when the window hides names); their own by default."""
    fw = document.framework(framework_id)
    plans: list[ChartPlan] = []
    if fw.criteria:
        plans.append(ChartPlan("sensitivity", SensitivityChart,
                               f"{fw.title}: fit as one weight moves",
                               sensitivity_data(document, framework_id, fw.criteria[0].id,
                                                weighting)))
    plans.append(ChartPlan("how-sure", AcceptabilityChart, f"{fw.title}: how sure is the ranking",
                           acceptability_data(document, framework_id, weighting)))
    people = document.scenario.participants
    if people:
        shown = dict(names) if names is not None else display_names(people)
        plans.append(ChartPlan("room", ParticipantsChart,
                               f"{fw.title}: where the room disagrees",
                               participants_data(document, framework_id, shown)))
    return plans


@contextmanager
def drawn_charts(document: Document, weighting: Weighting = SCENARIO, *, pages: bool = False,
                 names: Mapping[str, str] | None = None) -> Iterator[list[ChartItem]]:
    """Every chart of every framework under the weighting, in tab order then each tab's own
    order, drawn from data alone (the chart widgets, nothing else; deleted afterwards). With
    ``pages`` each ranked framework's page charts follow its own (``page_plans``)."""
    items: list[ChartItem] = []
    try:
        for fid, fw in document.frameworks.items():
            plans = tab_class(fw).chart_plans(document, fid, weighting)
            if pages and any(p.kind == "ranking" for p in plans):
                plans = [*plans, *page_plans(document, fid, weighting, names)]
            for plan in plans:
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
