"""The leadership page: the intended approach (every style the paper names, explained, with its
source), who leads and the governance, the check against the positioning (our reading of the
paper), and the team as a checklist (a name, or empty for vacant) with its coverage and named
gaps."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.leadership_risks import edits as E, rules
from ...core.leadership_risks.content import Choice, content
from ...core.leadership_risks.strategy import Strategy
from ..plain import escaped
from .widgets import (
    choice_combo,
    line_edit,
    plain_label,
    rich_label,
    scrolled,
    set_combo,
    set_line,
    set_tip,
)

STATUS_WORDS = {"open": ("Open", "#555555"), "fits": ("Fits", "#1b7a3a"),
                "beyond": ("More than needed", "#1b5e9a"),
                "short": ("May fall short", "#b3261e")}
SOURCE = "Brown, McGreal & Peters 2023, Addressing institutional leadership"


class LeadershipPage(QWidget):
    def __init__(self, tab) -> None:
        super().__init__()
        self.tab = tab
        self.setObjectName("leadership-page")
        c = content()

        # -- left: approach, who leads, governance, the check -------------------------------
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(6, 6, 6, 6)
        approach_box = QGroupBox("Leadership approach (Figure 4 and the text after it)")
        av = QVBoxLayout(approach_box)
        self.approach = choice_combo(
            "leadership:approach", [("Not chosen yet", None)] + [(a.name, a.id)
                                                                 for a in c.approaches],
            "The intended leadership approach")
        self.approach.currentIndexChanged.connect(self._on_approach)
        av.addWidget(self.approach)
        self.check = rich_label("leadership-check")
        av.addWidget(self.check)
        self.styles = QTextBrowser()
        self.styles.setObjectName("leadership-styles")
        self.styles.setOpenExternalLinks(False)
        self.styles.setOpenLinks(False)
        self.styles.setMinimumHeight(150)
        av.addWidget(self.styles, 1)
        lv.addWidget(approach_box, 1)

        self.choices: dict[str, QComboBox] = {}
        for title, kind, choices in (("Who leads", "leader", c.leader_choices),
                                     ("Governance", "governance", c.governance_choices)):
            box = QGroupBox(title)
            form = QFormLayout(box)
            for choice in choices:
                combo = self._choice_combo(kind, choice)
                form.addRow(plain_label(choice.name, wrap=False), combo)
            lv.addWidget(box)
        lv.addWidget(plain_label(f"Choices as the paper poses them ({SOURCE}); it ranks "
                                 "none of the options.", muted=True))

        # -- right: the team ----------------------------------------------------------------
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(6, 6, 6, 6)
        # A group box's title never wraps: the short part there, the rest in a wrapped line
        # (at 1024x768 presenting, the long title pushed the team off the screen's side).
        team_box = QGroupBox("The team (Figure 5 and the text after it)")
        grid = QGridLayout(team_box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.addWidget(plain_label("Two roles are our reading. A name, or empty for vacant; "
                                   "bold: a role the paper stresses.", "team-note", muted=True),
                       0, 0, 1, 2)
        self.team: dict[str, QLineEdit] = {}
        for row, role in enumerate(c.team_roles, start=1):
            name = plain_label(role.name, wrap=True, bold=role.key)
            set_tip(name, f"{role.description}\n\n{role.source}")
            edit = line_edit(f"team:{role.id}", "vacant", f"Who holds the role {role.name}")
            edit.editingFinished.connect(partial(self._on_member, role.id))
            grid.addWidget(name, row, 0)
            grid.addWidget(edit, row, 1)
            self.team[role.id] = edit
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        rv.addWidget(team_box)
        cover = QHBoxLayout()
        self.coverage = plain_label("", "team-coverage", wrap=False, bold=True)
        self.coverage_bar = QProgressBar()
        self.coverage_bar.setObjectName("team-coverage-bar")
        self.coverage_bar.setRange(0, len(c.team_roles))
        self.coverage_bar.setTextVisible(False)
        self.coverage_bar.setFixedHeight(10)
        cover.addWidget(self.coverage)
        cover.addWidget(self.coverage_bar, 1)
        rv.addLayout(cover)
        self.gaps = rich_label("team-gaps")
        rv.addWidget(self.gaps)
        rv.addStretch(1)

        split = QSplitter()
        split.addWidget(scrolled(left, "leadership-left"))
        split.addWidget(scrolled(right, "leadership-team"))
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    def _choice_combo(self, kind: str, choice: Choice):
        tip = "\n".join(f"{o.name}: {o.description}" for o in choice.options)
        combo = choice_combo(f"{kind}:{choice.id}",
                             [("Not set", None)] + [(o.name, o.id) for o in choice.options],
                             tip)
        combo.currentIndexChanged.connect(partial(self._on_choice, kind, choice.id, combo))
        self.choices[f"{kind}:{choice.id}"] = combo
        return combo

    # -- edits ------------------------------------------------------------------------------

    def _on_approach(self, _index: int) -> None:
        self.tab.push(E.set_approach, self.approach.currentData())

    def _on_choice(self, kind: str, choice_id: str, combo, _index: int) -> None:
        make = E.set_leader if kind == "leader" else E.set_governance
        self.tab.push(make, choice_id, combo.currentData())

    def _on_member(self, role_id: str) -> None:
        edit = self.team[role_id]
        edit.setModified(False)  # committed: from now on the field shows the model
        self.tab.push(E.set_team_member, role_id, edit.text())
        self.tab.schedule_refresh()  # "vacant" typed over an empty seat changes nothing

    # -- refreshing -------------------------------------------------------------------------

    def refresh(self, s: Strategy) -> None:
        c = content()
        lead = s.leadership
        set_combo(self.approach, lead.approach)
        for key, combo in self.choices.items():
            kind, choice_id = key.split(":")
            set_combo(combo, getattr(getattr(lead, kind), choice_id))
        check = rules.leadership_check(s.positioning, lead.approach, c)
        word, colour = STATUS_WORDS[check.status]
        self.check.setText(f'<b style="color:{colour}">{escaped(word)}.</b> '
                           f"{escaped(check.message)}<br><small>{escaped(check.source)}"
                           "</small>")
        self.styles.setHtml(self._styles_html(lead.approach))
        filled = rules.filled_roles(lead)
        for role_id, edit in self.team.items():
            set_line(edit, filled.get(role_id, ""))
        n = sum(1 for r in c.team_roles if r.id in filled)
        self.coverage.setText(f"Coverage: {n} of {len(c.team_roles)} roles filled "
                              f"({100 * rules.team_coverage(lead, c):.0f}%)")
        self.coverage_bar.setValue(n)
        self.gaps.setText(self._gaps_html(rules.gaps(lead, c)))

    def _styles_html(self, chosen: str | None) -> str:
        parts = []
        for a in content().approaches:
            mark = " <i>(chosen)</i>" if a.id == chosen else ""
            qualities = f" <i>{escaped(', '.join(a.qualities))}.</i>" if a.qualities else ""
            parts.append(f"<p><b>{escaped(a.name)}</b>{mark}: {escaped(a.description)}"
                         f"{qualities}<br><small>{escaped(a.source)}</small></p>")
        return "".join(parts)

    @staticmethod
    def _gaps_html(gaps: list[rules.Gap]) -> str:
        if not gaps:
            return "<b>No gaps:</b> every role on the team list has someone named."
        key = [g for g in gaps if g.key]
        rest = [g for g in gaps if not g.key]
        lines = [f"<b>Gaps the paper warns about</b> ({len(gaps)} vacant):"]
        lines += [f"&bull; <b>{escaped(g.gap)}</b>: {escaped(g.warning)}" for g in key]
        if rest:
            lines.append("&bull; also vacant: " + escaped(", ".join(g.gap for g in rest)))
        return "<br>".join(lines)
