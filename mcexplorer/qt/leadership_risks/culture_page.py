"""The culture page: each enabling-culture principle (Figure 6, after Fullan & Scott) rated by
the room from 0 (absent) to 4 (embedded), beside the profile the positioning needs (the tool's
reading, editable), on a radar."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.leadership_risks import edits as E, rules
from ...core.leadership_risks.chart_data import culture_profile, needed_label
from ...core.leadership_risks.content import content
from ...core.leadership_risks.strategy import Strategy
from .widgets import choice_combo, plain_label, scrolled, set_combo, set_tip

NOT_RATED = "Not rated"


def _levels() -> list[tuple[str, object]]:
    return [(f"{lv.value} {lv.label}", lv.value) for lv in content().culture_scale]


class CulturePage(QWidget):
    def __init__(self, tab) -> None:
        super().__init__()
        self.tab = tab
        self.setObjectName("culture-page")
        c = content()
        principles_source = c.principles[0].source

        form = QWidget()
        fv = QVBoxLayout(form)
        fv.setContentsMargins(6, 6, 6, 6)
        fv.addWidget(plain_label(
            f"The principles of an enabling culture ({principles_source}). Rate where the "
            "institution is today; the needed profile follows the positioning on the "
            "credential-ecology tab and can be changed here. The 0-4 scale and the needed "
            "profiles are the tool's reading.", muted=True))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.addWidget(plain_label("Principle", bold=True), 0, 0)
        grid.addWidget(plain_label("Where we are", bold=True, wrap=False), 0, 1)
        self.needed_header = plain_label("Needed", "culture-needed-header", bold=True)
        grid.addWidget(self.needed_header, 0, 2)
        self.current: dict[str, QComboBox] = {}
        self.needed: dict[str, QComboBox] = {}
        for row, p in enumerate(c.principles, start=1):
            name = plain_label(p.name)
            set_tip(name, f"{p.description}\n\n{p.source}")
            now = choice_combo(f"culture:{p.id}", [(NOT_RATED, None)] + _levels(),
                               f"Where the institution is on: {p.name}")
            now.currentIndexChanged.connect(partial(self._on_current, p.id))
            need = choice_combo(f"needed:{p.id}", [("Default", None)] + _levels(),
                                f"What the positioning needs on: {p.name} (our reading)")
            need.setMinimumContentsLength(17)
            need.currentIndexChanged.connect(partial(self._on_needed, p.id))
            grid.addWidget(name, row, 0)
            grid.addWidget(now, row, 1)
            grid.addWidget(need, row, 2)
            self.current[p.id] = now
            self.needed[p.id] = need
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        fv.addLayout(grid)
        buttons = QHBoxLayout()
        self.reset_needed = QPushButton("Needed back to the defaults")
        self.reset_needed.setObjectName("needed-reset")
        self.reset_needed.setToolTip("Forget the room's changes to the needed profile")
        self.reset_needed.clicked.connect(self._reset_needed)
        buttons.addWidget(self.reset_needed)
        buttons.addStretch(1)
        fv.addLayout(buttons)
        self.profile_note = plain_label("", "culture-profile-note", muted=True)
        fv.addWidget(self.profile_note)
        fv.addStretch(1)

        split = QSplitter()
        form_area = scrolled(form, "culture-form")
        form_area.setMinimumWidth(form.sizeHint().width() + 20)
        split.addWidget(form_area)
        split.addWidget(tab.culture_chart)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # -- edits ------------------------------------------------------------------------------

    def _on_current(self, principle_id: str, _index: int) -> None:
        self.tab.push(E.set_culture, principle_id, self.current[principle_id].currentData())

    def _on_needed(self, principle_id: str, _index: int) -> None:
        self.tab.push(E.set_needed, principle_id, self.needed[principle_id].currentData())

    def _reset_needed(self) -> None:
        doc = self.tab.document
        edits = [E.set_needed(doc, pid, None) for pid in doc.scenario.leadership.needed]
        self.tab.controller.push_many(edits, "Needed profile back to the defaults")

    # -- refreshing -------------------------------------------------------------------------

    def refresh(self, s: Strategy) -> None:
        c = content()
        lead = s.leadership
        defaults = rules.default_needed(s.positioning, c)
        for p in c.principles:
            set_combo(self.current[p.id], lead.culture.get(p.id))
            combo = self.needed[p.id]
            default = defaults.get(p.id)
            text = "Default" if default is None else f"Default: {default} " \
                f"{c.scale_label(default)}"
            if combo.itemText(0) != text:
                combo.setItemText(0, text)
            set_combo(combo, lead.needed.get(p.id))
        self.needed_header.setText(needed_label(s.positioning).replace(" positioning", ""))
        self.reset_needed.setEnabled(bool(lead.needed))
        try:
            profile = c.profile(s.positioning)
            self.profile_note.setText(f"Needed profile: {profile.rationale} ({profile.source})")
        except KeyError:
            self.profile_note.setText(
                "No positioning yet: place offerings on the credential-ecology map for a "
                "default needed profile, or set the needed values here.")
        self.tab.culture_chart.show_data(culture_profile(s.leadership, s.positioning))
