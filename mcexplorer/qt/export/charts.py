"""Every chart of every tab, and writing them all into a folder in one step.

Every chart: each tab's own (ranking, radar, map, Three Horizons ...), then the ones on its
other pages, drawn for the export whether or not they were ever on screen: the sensitivity
sweep of the weight picked on the Sensitivity page, How sure (the rank acceptability, the same
seeded draws as the window's) and, with people in the room, "where the room disagrees".
The window passes its own tabs; the command line builds the tabs offscreen for a scenario
(``offscreen_tabs``). Writing reports progress through a callback that may stop the run
(the window's progress dialog with Cancel); the names are predictable:
``<scenario>-<framework>-<chart>.png|svg``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ...core.document import Document
from ...core.errors import ScenarioError
from ...core.robustness import acceptability
from ...core.room.group import display_names
from ...core.outputs.caption import caption
from ...core.outputs.names import export_name
from ..charts.acceptability import AcceptabilityChart
from ..charts.base import Chart
from ..charts.participants import ParticipantsChart
from ..charts.sensitivity import SensitivityChart
from ..charts.export import ImageSpec, export_image
from ..controller import DocumentController
from ..framework.robustness_data import acceptability_data
from ..framework.tab import FrameworkTab
from ..room.spread_data import participants_data
from ..tabs import tab_class

Progress = Callable[[int, int, str], bool]
"""(done, total, what is being written) -> False to stop."""


@dataclass(frozen=True)
class ChartItem:
    framework_id: str
    kind: str
    chart: Chart


EXTRA_KINDS = ("sensitivity", "how-sure", "room")
"""The charts of a tab's other pages, as named in file names."""


def chart_items(tabs: Mapping[str, FrameworkTab],
                names: Mapping[str, str] | None = None) -> list[ChartItem]:
    """Every chart of every tab, in tab order: the tab's own, then its Sensitivity, How sure
    and room pages. ``names``: participant id -> the name to show (the room's anonymised P1,
    P2 ... when the window hides names); their own names by default."""
    items: list[ChartItem] = []
    for fid, tab in tabs.items():
        items += [ChartItem(fid, kind, chart) for kind, chart in tab.charts.items()]
        items += page_items(tab, names)
    return items


def page_items(tab: FrameworkTab, names: Mapping[str, str] | None = None) -> list[ChartItem]:
    """The charts of a ranked tab's other pages, each a fresh chart holding its data."""
    panel = getattr(tab, "robustness", None)
    if panel is None or "ranking" not in tab.charts:
        return []
    doc, fid, fw = tab.document, tab.framework_id, tab.framework
    short = {o.id: o.label for o in fw.options}
    items: list[ChartItem] = []
    if fw.criteria:
        sweep_chart = SensitivityChart(fid, f"{fw.title}: fit as one weight moves")
        sweep_chart.show_data(panel.sensitivity_data())
        items.append(ChartItem(fid, "sensitivity", sweep_chart))
    s, d = doc.settings(fid), panel.settings
    result = acceptability(fw, s.weights, s.targets, s.rating_overrides, d.draws, d.seed,
                           d.jitter, d.uniform, d.rating_ranges, table=doc.utility_table(fid))
    sure = AcceptabilityChart(fid, f"{fw.title}: how sure is the ranking")
    sure.show_data(acceptability_data(result, short, tab.option_colour))
    items.append(ChartItem(fid, "how-sure", sure))
    people = doc.scenario.participants
    if people:
        shown = dict(names) if names is not None else display_names(people)
        room = ParticipantsChart(fid, f"{fw.title}: where the room disagrees")
        room.show_data(participants_data(doc, fid, shown))
        items.append(ChartItem(fid, "room", room))
    return items


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
               with_caption: bool = False) -> ExportRun:
    """Write each chart into ``out`` as ``spec`` says, with each chart's own caption line
    (scenario, date, weights and target, source) when ``with_caption``."""
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
        written.append(export_image(item.chart, out / name, replace(spec, caption=text)))
    if progress is not None:
        progress(total, total, "")
    return ExportRun(written, False, total)
