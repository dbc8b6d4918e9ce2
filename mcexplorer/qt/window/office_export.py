"""File > Export…: the one export dialog for a chart, every chart, the slide deck, the board
paper, the workbook and the workshop report, from the window.

A mixin of MainWindow (through ChartExport). ``export_any(what)`` opens the dialog on ``what``
and writes what the planner picks, under the weighting picked (the scenario's, the group's or
a participant's; at first the one in view, core.view); the deck's house template is
remembered (QSettings ``export/template``).
Every chart can bring the deck, the paper and the workbook into its folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ...core.errors import ScenarioError
from ...core.outputs.names import sanitise
from ...core.view import in_view
from ...core.weighting import GROUP, SCENARIO, Weighting, person
from .. import prompts
from ..export.dialog import BESIDE, Choices, ExportDialog, ask
from . import folders, settings

TEMPLATE_KEY = "export/template"
OUTPUTS = {"deck": ("Slide deck", "PowerPoint (*.pptx)", ".pptx", "deck"),
           "paper": ("Board paper", "Word (*.docx)", ".docx", "board-paper"),
           "workbook": ("Workbook", "Excel workbook (*.xlsx)", ".xlsx", "workbook")}


class OfficeExport:
    """A mixin of MainWindow: the export dialog for everything, and the office outputs."""

    def weighting_choices(self) -> list[tuple[str, Weighting]]:
        """The dialog's "Whose weights": the scenario's, the group's, each person's; the one
        in view says so."""
        people = self.document.scenario.participants
        out = [("The scenario's weights", SCENARIO)]
        if people:
            out.append((f"The group's ({self.document.scenario.group.method})", GROUP))
            out += [(f"{p.name}'s" + (f" ({p.role})" if p.role else ""), person(p.id))
                    for p in people]
        shown = in_view(self.document)
        return [(f"{label} (on screen)" if w == shown and len(out) > 1 else label, w)
                for label, w in out]

    def export_any(self, what: str | None = None) -> bool:
        """The export dialog on ``what`` (chart, all, deck, paper, workbook, report)."""
        what = what if isinstance(what, str) else None  # triggered(bool) passes False
        tab = self.current_tab()
        charts = list(tab.charts.values())
        remembered = self._export_choices or Choices()
        template = str(settings.store().value(TEMPLATE_KEY, "") or "")
        choices = Choices(**{**remembered.__dict__, "template": template})
        dialog = ExportDialog(charts, self.current_chart(), choices, self.chart_caption, self,
                              what=what, weightings=self.weighting_choices(),
                              shown=in_view(self.document))
        try:
            if not ask(dialog):
                return False
            self._export_choices = dialog.choices()
            picked, weighting, template = dialog.what(), dialog.weighting(), dialog.template()
            chart, spec = dialog.chart(), dialog.spec()
        finally:
            dialog.deleteLater()
        if picked == "deck":
            settings.set_value(TEMPLATE_KEY, template)
        if picked == "chart":
            return self._ask_and_write_chart(chart, spec)
        if picked == "all":
            return self.export_all_charts() > 0
        if picked == "report":
            return self.export_report(weighting)
        return self.export_office(picked, weighting, template or None)

    def export_office(self, kind: str, weighting: Weighting = SCENARIO,
                      template: str | None = None, path: str | Path | None = None) -> bool:
        """Ask where (unless ``path``) and write the deck, the paper or the workbook."""
        title, kind_filter, suffix, stem = OUTPUTS[kind]
        if path is None:
            name = f"{sanitise(self.scenario_name())}-{stem}{suffix}"
            chosen, _ = QFileDialog.getSaveFileName(self, title,
                                                    folders.start_path(self.path, name),
                                                    kind_filter)
            if not chosen:
                return False
            folders.remember(chosen)
            path = chosen
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        if self._write_office(target, weighting, template):
            self.statusBar().showMessage(f"Wrote the {title.lower()} {target}", 8000)
            return True
        return False

    def _write_office(self, target: Path, weighting: Weighting, template: str | None,
                      paper: str = "a4") -> bool | int | None:
        from ..export.office import write_output  # not on the start path

        progress = self._progress(f"Writing {target.name}…", 1)
        try:
            result = write_output(self.document, target, self.scenario_name(), weighting,
                                  template=template, paper=paper, progress=self._step(progress))
        except ScenarioError as exc:
            prompts.error(self, "Could not export", exc.message)
            return False
        finally:
            progress.close()
        if result == -1:
            self.statusBar().showMessage("Export cancelled", 5000)
            return False
        return True if result is None else result

    def write_beside(self, folder: Path, kinds: tuple[str, ...]) -> list[Path]:
        """The deck, paper or workbook (as ``kinds`` says) into the charts' folder."""
        written = []
        for kind in kinds:
            if kind not in BESIDE:
                continue
            _, _, suffix, stem = OUTPUTS[kind]
            target = folder / f"{sanitise(self.scenario_name())}-{stem}{suffix}"
            if self._write_office(target, in_view(self.document), self._template_or_none()):
                written.append(target)
        return written

    def _template_or_none(self) -> str | None:
        value = str(settings.store().value(TEMPLATE_KEY, "") or "")
        return value or None
