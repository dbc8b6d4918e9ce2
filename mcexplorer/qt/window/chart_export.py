"""What leaves the room as charts, from the window: the one export dialog (a chart, every
chart, the deck, the paper, the workbook, the report), export or copy a chart, every chart
into a folder, the data as CSV; a chart's context menu; the sessions' preview picture.

A part the window owns (``window.chart_export``). ``build_actions(menu)`` adds its actions
(``action:export`` (the one dialog), ``action:export-png``, ``action:copy-chart``,
``action:export-all``, ``action:export-csv``, ``action:export-report``) to the File menu; it
is the window's chart menu (qt.chart_menu.ChartMenu) through the tab host. The documents go
through the office export part (office_export.py). File dialogs are QFileDialog's static
functions and start in the last folder used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog

from ...core.errors import ScenarioError
from ...core.outputs.caption import caption
from ...core.outputs.names import already_there, export_name, today
from ...core.outputs.tables import csv_paths, write_csvs
from ...core.view import in_view
from ...core.weighting import SCENARIO
from .. import prompts
from ..charts.base import Chart
from ..charts.export import ImageSpec, export_image, png_bytes, render_chart
from ..controller import DocumentController
from ..export.charts import drawn_charts, export_all
from ..export.dialog import Choices, ExportDialog, ask
from . import folders
from .actions import named_action
from .framework_tabs import FrameworkTabs
from .office_export import OfficeExport, progress_dialog, progress_step
from .part import WindowPart
from .scenario_file import ScenarioFile

COPY_SPEC = ImageSpec(width=1920)
NameSource = Callable[[], "dict[str, str] | None"]


class ChartExport(WindowPart):
    """Exports of charts and data, the one export dialog, the copy of a chart, the chart
    menu and the session preview."""

    def __init__(self, window: QMainWindow, controller: DocumentController,
                 scenario_file: ScenarioFile, tab_set: FrameworkTabs,
                 office: OfficeExport) -> None:
        super().__init__(window, controller)
        self._file = scenario_file
        self._tab_set = tab_set
        self._office = office
        self._choices: Choices | None = None
        self._menu_chart: Chart | None = None
        self.names: NameSource | None = None
        """The people's names as charts show them (the room's P1, P2 ... when hidden)."""
        self.progress: QProgressDialog | None = None
        """The last Export all's progress dialog."""

    # -- actions ------------------------------------------------------------------------------

    def build_actions(self, menu: QMenu) -> None:
        w = self._window
        self.action_export_any = named_action(
            w, "export", "E&xport…", self.export_any, QKeySequence("Ctrl+Alt+E"),
            "One dialog for a chart, every chart, the slide deck, the board paper, the "
            "workbook or the report")
        self.action_export = named_action(
            w, "export-png", "&Export chart…", self.export_dialog, QKeySequence("Ctrl+E"),
            "Save a chart of this tab as PNG or SVG, sized for a slide or a document")
        self.action_copy_chart = named_action(
            w, "copy-chart", "&Copy chart", self.copy_chart, QKeySequence("Ctrl+Shift+C"),
            "Put this tab's chart on the clipboard as an image")
        self.action_export_all = named_action(
            w, "export-all", "Export &all charts…", self.export_all_charts,
            QKeySequence("Ctrl+Shift+E"), "Every chart of every tab into a folder, in one step")
        self.action_export_csv = named_action(
            w, "export-csv", "Export &data as CSV…", self.export_csv,
            tip="Weights, ratings and fit of each framework, for a spreadsheet")
        self.action_export_report = named_action(
            w, "export-report", "Workshop &report…", self._office.export_report,
            QKeySequence("Ctrl+P"),
            "The five key questions answered from this scenario, as PDF or HTML")
        for action in (self.action_export_any, self.action_export, self.action_copy_chart,
                       self.action_export_all, self.action_export_csv,
                       self.action_export_report):
            menu.addAction(action)

    def fill_chart_menu(self, menu: QMenu, chart: Chart) -> None:
        """A chart's context menu: export it, copy it (qt.chart_menu.ChartMenu)."""
        self._menu_chart = chart
        export = QAction(f"Export \u201c{chart.title}\u201d…", menu)
        export.triggered.connect(lambda: self.export_chart(chart))
        copy = QAction("Copy chart", menu)
        copy.triggered.connect(lambda: self.copy_chart(chart))
        menu.addAction(export)
        menu.addAction(copy)

    # -- reading ------------------------------------------------------------------------------

    def chart_caption(self, chart: Chart) -> str:
        """Scenario, date, the weights the chart shows and whose they are, source."""
        fid = chart.framework_id
        weighting = in_view(self.document, fid) if fid in self.document.frameworks else SCENARIO
        return caption(self.document, fid, self._file.scenario_name(), today(), weighting)

    def current_chart(self) -> Chart:
        """The chart last right-clicked on the tab shown, else its first chart."""
        charts = list(self._tab_set.current_tab().charts.values())
        chosen = self._menu_chart
        return chosen if chosen in charts else charts[0]

    # -- the one dialog -----------------------------------------------------------------------

    def export_any(self, what: str | None = None) -> bool:
        """The export dialog on ``what`` (chart, all, deck, paper, workbook, report)."""
        return self._run_dialog(what, None)

    def export_dialog(self, chart: Chart | None = None) -> bool:
        """The export dialog on a chart of the current tab, then the file to write."""
        return self._run_dialog("chart", chart)

    def _run_dialog(self, what: str | None, chart: Chart | None) -> bool:
        """Open the dialog, then write what the planner picked, under the weighting picked
        (the scenario's, the group's or a person's; at first the one in view)."""
        charts = list(self._tab_set.current_tab().charts.values())
        if chart is not None and chart not in charts:
            charts.append(chart)
        remembered = self._choices or Choices()
        choices = Choices(**{**remembered.__dict__, "template": self._office.template()})
        dialog = ExportDialog(charts, chart or self.current_chart(), choices,
                              self.chart_caption, self._window, what=what,
                              weightings=self._office.weighting_choices(),
                              shown=in_view(self.document))
        try:
            if not ask(dialog):
                return False
            self._choices = dialog.choices()
            picked, weighting, template = dialog.what(), dialog.weighting(), dialog.template()
            chosen, spec = dialog.chart(), dialog.spec()
        finally:
            dialog.deleteLater()
        if picked == "deck":
            self._office.remember_template(template)
        if picked == "chart":
            return self._ask_and_write_chart(chosen, spec)
        if picked == "all":
            return self.export_all_charts() > 0
        if picked == "report":
            return self._office.export_report(weighting)
        return self._office.export_office(picked, weighting, template or None)

    # -- one chart ----------------------------------------------------------------------------

    def _ask_and_write_chart(self, chart: Chart, spec: ImageSpec) -> bool:
        ext = spec.fmt
        name = export_name(self._file.scenario_name(), chart.framework_id, chart.kind, ext)
        kind = "SVG drawing (*.svg)" if ext == "svg" else "PNG image (*.png)"
        path, _ = QFileDialog.getSaveFileName(self._window, f"Export \u201c{chart.title}\u201d",
                                              folders.start_path(self._file.path, name), kind)
        if not path:
            return False
        folders.remember(path)
        target = Path(path)
        if target.suffix.lower() != f".{ext}":
            target = target.with_suffix(f".{ext}")
        return self._write_chart(chart, target, spec)

    def export_chart(self, chart: Chart, path: str | Path | None = None) -> bool:
        """Export one chart: through the dialog, or straight to ``path`` (PNG at 1920 px)."""
        if path is None:
            return self.export_dialog(chart)
        return self._write_chart(chart, Path(path), ImageSpec())

    def _write_chart(self, chart: Chart, target: Path, spec: ImageSpec) -> bool:
        try:
            written = export_image(chart, target, spec)
        except ScenarioError as exc:
            prompts.error(self._window, "Could not export", exc.message)
            return False
        size = f"{spec.width} px wide" if spec.fmt == "png" else "SVG"
        self._status(f"Exported {written} ({size})", 6000)
        return True

    def copy_chart(self, chart: Chart | None = None) -> None:
        """The chart on the clipboard as an image (1920 px wide, on white), for slides."""
        chart = chart if isinstance(chart, Chart) else self.current_chart()
        QGuiApplication.clipboard().setImage(render_chart(chart, spec=COPY_SPEC))
        self._status(f"Copied \u201c{chart.title}\u201d: paste it into a slide", 5000)

    # -- every chart, the data ----------------------------------------------------------------

    def export_all_charts(self) -> int:
        """Every chart of every tab into one folder; returns how many were written."""
        folder = QFileDialog.getExistingDirectory(self._window, "Export all charts into a folder",
                                                  str(folders.last_folder(self._file.path)))
        if not folder:
            return 0
        folders.remember(folder)
        c = self._choices or Choices()
        spec = ImageSpec(width=c.width if c.preset == "custom" else 1920, fmt=c.fmt,
                         transparent=c.transparent)
        weighting = in_view(self.document)  # what is on screen
        people = self.names() if self.names is not None else None
        with drawn_charts(self.document, weighting, pages=True, names=people) as items:
            label = self._file.scenario_name()
            paths = [Path(folder) / export_name(label, i.framework_id, i.kind, spec.fmt)
                     for i in items]
            keep_both = self._ask_replace(folder, paths, "charts")
            if keep_both is None:
                return 0
            progress = self.progress = progress_dialog(self._window, "Exporting charts…",
                                                       len(items))
            try:
                run = export_all(self.document, items, Path(folder), spec, label, today(),
                                 progress_step(progress), with_caption=c.caption,
                                 weighting=weighting, keep_both=keep_both)
            except ScenarioError as exc:
                prompts.error(self._window, "Could not export", exc.message)
                return 0
            finally:
                progress.close()
        n = len(run.written)
        if run.cancelled:
            text = f"Export cancelled: {n} of {run.total} charts written to {folder}"
        else:
            text = f"Exported {n} charts to {folder}"
            beside = self._office.write_beside(Path(folder), c.beside)
            if beside:
                text += " with " + ", ".join(p.name for p in beside)
        self._status(text, 8000)
        return n

    def export_csv(self) -> int:
        folder = QFileDialog.getExistingDirectory(self._window,
                                                  "Export the data as CSV into a folder",
                                                  str(folders.last_folder(self._file.path)))
        if not folder:
            return 0
        folders.remember(folder)
        name = self._file.scenario_name()
        paths = list(csv_paths(self.document, folder, name).values())
        keep_both = self._ask_replace(folder, paths, "CSV files")
        if keep_both is None:
            return 0
        try:
            written = write_csvs(self.document, folder, name, in_view(self.document),
                                 keep_both=keep_both)
        except ScenarioError as exc:
            prompts.error(self._window, "Could not export", exc.message)
            return 0
        self._status(f"Wrote {len(written)} CSV files to {folder}", 8000)
        return len(written)

    def _ask_replace(self, folder: str, paths: list[Path], what: str) -> bool | None:
        """When files of these names are already in the folder, ask once: replace them all
        (False), keep both (True: the new ones get " (2)" in their names) or cancel (None,
        also when nobody can answer). False when none is there."""
        there = already_there(paths)
        if not there:
            return False
        B = QMessageBox.StandardButton
        shown_names = ", ".join(p.name for p in there[:3]) + (", …" if len(there) > 3 else "")
        answer = prompts.ask_buttons(
            self._window, "Files already there",
            f"{len(there)} of the {len(paths)} {what} to export already exist in {folder} "
            f"({shown_names}).\n\nReplace them all, or keep both (the new files get \u201c (2)"
            f"\u201d in their names)?",
            {B.YesToAll: "Replace all", B.Save: "Keep both", B.Cancel: "Cancel"}, B.Save)
        if answer == B.YesToAll:
            return False
        if answer == B.Save:
            return True
        self._status("Export cancelled: nothing was written", 5000)
        return None

    # -- the sessions' preview ------------------------------------------------------------------

    def preview_png(self) -> bytes | None:
        """A small picture of the first tab's ranking for the session library."""
        tab = next(iter(self._tab_set.tabs_by_id.values()), None)
        if tab is None or "ranking" not in tab.charts:
            return None
        try:
            return png_bytes(render_chart(tab.charts["ranking"], 640, ratio=2.0))  # sharp
        except ScenarioError:
            return None
