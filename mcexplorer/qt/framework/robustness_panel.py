"""How sure is the ranking, live in every framework tab (issue 14).

- Beside every slider: the range of that weight (or target) in which the current leader
  stays first, as a band on the groove, a short line under it and the slider's accessible
  description ("stable from 31 to 72; above 72: MOOC led"). Exact and cheap (a few array
  operations on the Document's cached utility table), so it follows a drag: ``LIVE_MS`` after
  a change, and during a drag every ``LIVE_MS`` with the latest state. Never on the slider's
  own path: the ranking and radar paint first, as fast as before.
- Above the ranking: a one-line verdict from the rank acceptability.
- Beside the radar, as pages of one tab widget ("Profile" | "Sensitivity" | "How sure"): the
  one-way sensitivity chart of a chosen weight and the rank acceptability chart.

The acceptability (thousands of draws) is the only costly part: it runs once the settings
have been still for ``ACCEPT_SETTLE_MS`` (controller.scheduler.settle), never while a slider
is held down, and only while the tab is shown. Until then the verdict is greyed, or names the
new leader when the lead changed mid-drag.

The tab calls ``refresh()`` from its own refresh and ``restyle()`` from its own; everything
else is wired here. The panel builds two parts the tab's arrangement places (see
``FrameworkTab.fit_charts``): ``ranking_column`` (the verdict over the ranking) and ``pages``
(the radar's profile, sensitivity and how sure).
"""

from __future__ import annotations

import time
from dataclasses import astuple

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ...core.robustness import Acceptability, describe, scale_label, verdict
from ...core.robustness.chart_data import (
    AcceptabilityData,
    SensitivityData,
    acceptability_chart,
    sensitivity_data,
)
from ...core.robustness.in_view import criterion_names, how_sure, leaders, target_band, weight_bands
from ...core.robustness.report import NO_WEIGHT
from ...core.weighting import Resolved, resolve
from .robustness_views import (
    AcceptabilityPage,
    DrawSettings,
    SensitivityPage,
    build_verdict,
    slider_line,
    slider_tooltip,
)

LIVE_MS = 40
"""Bands, lines, verdict and sensitivity follow a change this much later, and during a burst
of changes (a drag) at most this often (25 times a second), always with the latest state."""
LIVE_SHARE, LIVE_MAX_MS = 4, 250
"""The interval is at least LIVE_SHARE times what the last update cost (at most LIVE_MAX_MS)."""
SPREAD_BUDGET_S, SPREAD_GAP_MS = 0.003, 16
"""During a drag, a big framework's sliders are updated about 3 ms' worth per frame (the
ones on screen first), so no frame waits for all of them."""
ACCEPT_SETTLE_MS = 400
"""The acceptability runs this long after the last change (and after a slider is let go)."""
SHOW_SETTLE_MS = 30
PAGES = ("profile", "sensitivity", "acceptability")
RANKING_KEEP_PX = 165
"""The ranking's height under the verdict that keeps its rows legible."""
PAGES_KEEP_PX = 280


class RobustnessPanel(QObject):
    """Owns the verdict, the two charts and the slider bands of one FrameworkTab."""

    def __init__(self, tab) -> None:
        super().__init__(tab)
        self.tab = tab
        fid = tab.framework_id
        fw = tab.framework
        self._task = ("acceptability", fid, id(self))
        self.result: Acceptability | None = None
        """The last rank acceptability computed (None before the first run)."""
        self.runs = 0
        """How many times the acceptability has been computed (for tests and the bench)."""
        self._result_key: tuple | None = None
        self._result_leaders: tuple[str, ...] = ()
        self._stability_key: tuple | None = None
        self._sensitivity_key: tuple | None = None
        self._pending = False
        self.intervals: dict = {}
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(LIVE_MS)
        self._live.timeout.connect(self._on_live)
        self._live_pending = False
        self._jobs: list = []  # slider updates still to run (a spread update's rest)
        self._more = QTimer(self)  # the rest of a spread update, a frame later
        self._more.setSingleShot(True)
        self._more.setInterval(SPREAD_GAP_MS)
        self._more.timeout.connect(lambda: self._show_stability(SPREAD_BUDGET_S))

        # -- the verdict above the ranking: one part, ``ranking_column`` ----------------------
        self.verdict_label = build_verdict(fid)
        self.verdict_label.heightNeeded.connect(self._keep_ranking_room)
        self.ranking_column = self._column(self.verdict_label, tab.ranking_chart)
        self.ranking_column.setSizePolicy(tab.ranking_chart.sizePolicy())

        # -- the radar's slot becomes pages: profile | sensitivity | how sure -------------------
        self.sensitivity_page = SensitivityPage(fw)
        self.acceptability_page = AcceptabilityPage(fw)
        self.sensitivity_chart = self.sensitivity_page.chart
        self.acceptability_chart = self.acceptability_page.chart
        self.pages = QTabWidget()
        self.pages.setObjectName(f"fit-pages:{fid}")
        self.pages.setDocumentMode(True)
        self.pages.setSizePolicy(tab.radar_chart.sizePolicy())
        self.pages.addTab(tab.radar_chart, "Profile")
        self.pages.addTab(self.sensitivity_page, "Sensitivity")
        self.pages.addTab(self.acceptability_page, "How sure")
        self.pages.setTabToolTip(1, "Every option's fit as one weight moves from 0 to 100")
        self.pages.setTabToolTip(2, "How often each option comes first, second, ... when the "
                                    "weights are drawn near the current ones")
        self.pages.currentChanged.connect(self._on_page)
        for chart in (self.sensitivity_chart, self.acceptability_chart):
            tab.offer_chart_menu(chart)  # export, copy

        self.sensitivity_page.criterionChanged.connect(self._on_criterion)
        self.acceptability_page.settingsChanged.connect(self._on_draw_settings)
        for w in tab.weight_sliders.values():
            w.nameClicked.connect(self.pick_criterion)
            w.label.set_clickable("Click to see how the fit of every option changes with "
                                  "this weight")
            w.slider.sliderReleased.connect(self._on_release)
        for s in tab.target_sliders.values():
            s.slider.sliderReleased.connect(self._on_release)
        for box in {w.parentWidget() for w in [*tab.weight_sliders.values(),
                                               *tab.target_sliders.values()]}:
            # The line under each slider takes the room the spacing between sliders had,
            # so every slider still shows at 1280x720.
            box.layout().setSpacing(4)
        tab.installEventFilter(self)

    @staticmethod
    def _column(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for w in widgets:
            layout.addWidget(w, 1 if not isinstance(w, QLabel) else 0)
        return holder

    # -- reading --------------------------------------------------------------------------------

    @property
    def settings(self) -> DrawSettings:
        return self.acceptability_page.settings()

    def resolved(self) -> Resolved:
        """The tab's framework under the weighting it shows (core.weighting): every number
        here is computed from it, as ``score --weighting`` computes them."""
        doc, fid = self.tab.document, self.tab.framework_id
        return resolve(doc, fid, self.tab.weighting.value(doc, fid))

    def _state(self) -> tuple:
        return self.resolved().key

    def _names(self, short: bool) -> dict[str, str]:
        return {o.id: (o.label if short else o.name) for o in self.tab.framework.options}

    def dragging(self) -> bool:
        """Is a slider of this tab held down (a drag in progress)?"""
        sliders = [*self.tab.weight_sliders.values(), *self.tab.target_sliders.values()]
        return any(w.slider.isSliderDown() for w in sliders)

    # -- refreshing (the tab's refresh calls this; cheap) ---------------------------------------

    def refresh(self) -> None:
        """Follow the Document: the first time at once, then ``LIVE_MS`` after a change (a
        burst of changes coalesces; the timer is not restarted, so a drag still updates)."""
        if self._stability_key is None:
            self.refresh_now()
            return
        self._live_pending = True
        if not self._live.isActive():
            self._live.start()

    def _on_live(self) -> None:
        if self._live_pending:
            self._live_pending = False
            self.refresh_now(spread=True)

    def refresh_now(self, spread: bool = False) -> None:
        """Bring everything up to date now; ``spread`` (during a drag): the sliders on screen
        now, the others a few at a time on the next frames (see ``_show_stability``)."""
        started = time.perf_counter()
        state = self._state()
        if state != self._stability_key:
            self._stability_key = state
            self._update_stability(spread)
        self.update_sensitivity()
        self._schedule_acceptability()
        self._update_verdict()
        # On a big framework the bands cost more: follow a drag less often, so that they
        # never take more than about a quarter of the time a drag has.
        cost_ms = (time.perf_counter() - started) * 1000
        self._live.setInterval(max(LIVE_MS, min(LIVE_MAX_MS, round(LIVE_SHARE * cost_ms))))

    def restyle(self) -> None:
        self.sensitivity_chart.restyle()
        self.acceptability_chart.restyle()

    def _update_stability(self, spread: bool = False) -> None:
        doc, fid, fw = self.tab.document, self.tab.framework_id, self.tab.framework
        r = self.resolved()
        self.intervals = weight_bands(doc, fid, r.weighting)
        names, short = self._names(False), self._names(True)
        ranking = r.ranking
        leader = ranking.results[0].name if ranking.has_weight else ""

        def weight_job(cid, w):
            iv = self.intervals.get(cid)
            if iv is None:
                w.show_stability(None, "set a weight to see where the ranking holds",
                                 "no stable range while every weight is zero")
                return
            w.show_stability((iv.low / 100.0, iv.high / 100.0), slider_line(iv, short),
                             describe(iv, names), slider_tooltip(iv, leader, names))

        def target_job(cid, t):
            crit = fw.criterion(cid)
            iv = target_band(doc, fid, cid, r.weighting)
            if iv is None:
                t.show_stability(None, "set a weight to see where the ranking holds",
                                 "no stable range while every weight is zero")
                return
            lo, hi = (float(v) for v in crit.scale)
            label = scale_label(crit)
            t.show_stability(((iv.low - lo) / (hi - lo), (iv.high - lo) / (hi - lo)),
                             slider_line(iv, short, label, (lo, hi), "target"),
                             describe(iv, names, label),
                             slider_tooltip(iv, leader, names, label, "the target"))

        jobs = [(w, lambda c=cid, x=w: weight_job(c, x))
                for cid, w in self.tab.weight_sliders.items()]
        jobs += [(t, lambda c=cid, x=t: target_job(c, x))
                 for cid, t in self.tab.target_sliders.items()]
        if spread:  # the sliders on screen first (a big framework's panel scrolls)
            jobs.sort(key=lambda job: job[0].visibleRegion().isEmpty())
        self._jobs = [job for _slider, job in jobs]
        self._show_stability(SPREAD_BUDGET_S if spread else None)

    def _show_stability(self, budget_s: float | None = None) -> None:
        """Run the slider updates left; with a budget, stop once it is spent and go on at
        the next frame (a new state replaces what is left: it is out of date)."""
        started = time.perf_counter()
        while self._jobs:
            self._jobs.pop(0)()
            if budget_s is not None and self._jobs \
                    and time.perf_counter() - started > budget_s:
                self._more.start()
                return

    # -- sensitivity ------------------------------------------------------------------------------

    def pick_criterion(self, criterion_id: str) -> None:
        """Show the sensitivity chart of ``criterion_id`` (a click on a slider's name)."""
        self.sensitivity_page.set_criterion(criterion_id)
        self.pages.setCurrentWidget(self.sensitivity_page)
        self.update_sensitivity()

    def show_page(self, name: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(name))

    def update_sensitivity(self) -> None:
        """Redraw the sensitivity chart if it is on screen (else when it is shown)."""
        if not self.sensitivity_chart.isVisible():
            return
        key = (self._state(), self.sensitivity_page.criterion())
        if key == self._sensitivity_key:
            return
        self._sensitivity_key = key
        self.sensitivity_chart.show_data(self.sensitivity_data())

    def sensitivity_data(self, criterion_id: str | None = None) -> SensitivityData:
        """What the sensitivity chart draws for ``criterion_id`` (default: the one picked)."""
        cid = criterion_id or self.sensitivity_page.criterion()
        return sensitivity_data(self.tab.document, self.tab.framework_id, cid,
                                self.resolved().weighting, self.tab.option_colour)

    # -- acceptability ----------------------------------------------------------------------------

    def _accept_key(self) -> tuple:
        return (*self._state(), astuple(self.settings))

    def _schedule_acceptability(self, delay: int = ACCEPT_SETTLE_MS) -> None:
        if self._accept_key() == self._result_key:
            self.tab.controller.scheduler.cancel(self._task)
            return
        self.tab.controller.scheduler.settle(self._task, self._run_acceptability, delay)

    def _on_release(self) -> None:
        # A hand held still for a while mid-drag postponed the run: let go starts the clock.
        self._schedule_acceptability()

    def _on_draw_settings(self) -> None:
        self._schedule_acceptability()
        self._update_verdict()

    def _run_acceptability(self) -> None:
        if self.dragging():
            self._schedule_acceptability()
            return
        if not self.tab.isVisible():
            self._pending = True
            return
        key = self._accept_key()
        if key == self._result_key:
            return
        doc, fid, d = self.tab.document, self.tab.framework_id, self.settings
        self.result = how_sure(doc, fid, self.resolved().weighting, draws=d.draws, seed=d.seed,
                               jitter=d.jitter, uniform=d.uniform,
                               rating_ranges=d.rating_ranges)
        self.runs += 1
        self._result_key = key
        self._result_leaders = self._leaders()
        self.acceptability_chart.show_data(self.acceptability_data())
        self._update_verdict()

    def acceptability_data(self) -> AcceptabilityData:
        return acceptability_chart(self.result, self._names(True), self.tab.option_colour)

    # -- the verdict ------------------------------------------------------------------------------

    def _leaders(self) -> tuple[str, ...]:
        return leaders(self.resolved().ranking)

    def _update_verdict(self) -> None:
        ranking = self.resolved().ranking
        label = self.verdict_label
        if not ranking.has_weight:
            text, fresh = NO_WEIGHT, True
        elif self.result is not None and self._result_key == self._accept_key():
            text, fresh = verdict(ranking, self.result,
                                  criteria=criterion_names(self.tab.document,
                                                           self.tab.framework_id)), True
        elif self.result is not None and self._leaders() == self._result_leaders \
                and label.text() and label.text() != NO_WEIGHT:
            text, fresh = label.text(), False  # same leader: the last verdict, greyed
        else:
            leaders = [r.name for r in ranking.results if r.rank == 1]
            who = leaders[0] + " is" if len(leaders) == 1 else \
                ", ".join(leaders[:-1]) + " and " + leaders[-1] + " are tied"
            text, fresh = (f"{who} first at these weights; how sure shows a moment after you "
                           "let go."), False
        if text != label.text():
            label.setText(text)
        label.setEnabled(fresh)

    # -- showing ----------------------------------------------------------------------------------

    def _keep_ranking_room(self, *_args) -> None:
        """Where a tab stacks the ranking over the radar (ecology, structures), the verdict's
        lines come out of the pages' share, not the ranking's, as long as the pages keep
        ``PAGES_KEEP_PX`` (a radar needs it; in the ecology tab at 720 pixels high they do not
        have it to give, and the ranking gets tighter instead)."""
        splitter = self.tab.chart_splitter
        if splitter is None:  # not arranged yet
            return
        sizes = splitter.sizes()
        if splitter.orientation() != Qt.Orientation.Vertical or len(sizes) != 2 \
                or sum(sizes) <= 0:
            return
        need = self.verdict_label.minimumHeight() + max(
            getattr(self.tab, "RANKING_KEEP_PX", RANKING_KEEP_PX),  # a tab with fewer rows
            self.tab.ranking_chart.minimumHeight())
        spare = sizes[1] - max(PAGES_KEEP_PX, self.pages.minimumSizeHint().height())
        give = min(need - sizes[0], spare)
        if give > 0:
            splitter.setSizes([sizes[0] + give, sizes[1] - give])

    def _on_page(self, _index: int) -> None:
        self.update_sensitivity()

    def _on_criterion(self, _criterion: str) -> None:
        self.update_sensitivity()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.tab and event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self._on_shown)
        return False

    def _on_shown(self) -> None:
        try:
            self.update_sensitivity()
            self._keep_ranking_room()
        except RuntimeError:  # the tab was deleted meanwhile
            return
        if self._pending:
            self._pending = False
            self._schedule_acceptability(SHOW_SETTLE_MS)
