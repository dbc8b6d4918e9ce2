"""Exporting charts from the main window: the export dialog, one chart, the session preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ...core.errors import ScenarioError
from .. import prompts
from ..charts.base import Chart
from ..charts.export import export_png, png_bytes, render_chart
from ..framework.tab import FrameworkTab

EXPORT_WIDTHS = (1280, 1920, 2560, 3840)
ALL_CHARTS = "All charts of this tab"


class ChartExport:
    """A mixin of MainWindow: File > Export chart as PNG and a chart's context menu."""

    def current_tab(self) -> FrameworkTab:
        self._build_current_if_pending(self.tabs.currentIndex())
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def export_dialog(self) -> None:
        """Pick the chart through the save dialog's file type, so one static dialog does it."""
        tab = self.current_tab()
        filters = [f"{chart.title} (*.png)" for chart in tab.charts.values()]
        filters.append(f"{ALL_CHARTS} (*.png)")
        start = (self.path.parent if self.path else Path.cwd()) / f"{tab.framework_id}.png"
        path, chosen = QFileDialog.getSaveFileName(
            self, f"Export chart as PNG ({self.export_width} px wide)", str(start),
            ";;".join(filters), filters[0])
        if not path:
            return
        p = Path(path)
        if p.suffix.lower() != ".png":
            p = p.with_suffix(".png")
        if chosen.startswith(ALL_CHARTS):
            targets = [(chart, p.with_name(f"{p.stem}-{kind}.png"))
                       for kind, chart in tab.charts.items()]
        else:
            chart = next((c for c in tab.charts.values() if chosen.startswith(c.title)),
                         next(iter(tab.charts.values())))
            targets = [(chart, p)]
        for chart, target in targets:
            if not self.export_chart(chart, target):
                return

    def export_chart(self, chart: Chart, path: str | Path | None = None) -> bool:
        if path is None:
            start = (self.path.parent if self.path else Path.cwd()) / f"{chart.objectName().replace(':', '-')}.png"
            chosen, _ = QFileDialog.getSaveFileName(self, "Export chart as PNG", str(start),
                                                    "PNG images (*.png)")
            if not chosen:
                return False
            path = chosen
        try:
            written = export_png(chart, path, self.export_width)
        except ScenarioError as exc:
            prompts.error(self, "Could not export", exc.message)
            return False
        self.statusBar().showMessage(f"Exported {written} ({self.export_width} px)", 5000)
        return True

    def preview_png(self) -> bytes | None:
        """A small picture of the first tab's ranking for the session library."""
        tab = next(iter(self.framework_tabs.values()), None)
        if tab is None or "ranking" not in tab.charts:
            return None
        try:
            return png_bytes(render_chart(tab.charts["ranking"], 640, ratio=2.0))  # sharp
        except ScenarioError:
            return None
