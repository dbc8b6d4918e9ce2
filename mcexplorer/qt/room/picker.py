"""The participant picker above a tab's weight sliders.

"Group", then each person. Picking a person makes the tab's sliders (and its charts and Fit
column) that person's; "Group" shows the group's weighting, read-only, while there are people
in the room, and the scenario's own weights when there are none. The pick lives in RoomState,
so every tab shows the same person. Beside the picker: "+" adds a person, "⋯" renames,
removes, imports people's files, switches median and mean, and can make the group's weights
the scenario's own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.derived import EVERYTHING, Path, shows
from ...core.errors import ScenarioError
from ...core.room.models import GROUP_METHODS
from .. import prompts
from ..plain import visible
from ..signals import signals_blocked
from . import people
from .state import RoomState
from .weighting import adopt_group_edits

GROUP_TEXT = "Group"


class ParticipantPicker(QWidget):
    """The picker row and its note, for one framework tab."""

    def __init__(self, room: RoomState, tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.tab = tab
        self.framework_id = tab.framework_id
        self.setObjectName(f"room-picker:{self.framework_id}")
        self.combo = QComboBox()
        self.combo.setObjectName("participant-picker")
        self.combo.setAccessibleName("Whose weights the sliders show")
        self.combo.setToolTip("Group: the room's combined weights. A person: their own "
                              "weights, which the sliders then change.")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(6)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.currentIndexChanged.connect(self._on_pick)
        self.add_button = QToolButton()
        self.add_button.setText("+")
        self.add_button.setObjectName(f"add-participant:{self.framework_id}")
        self.add_button.setToolTip("Add a participant (name and optional role)")
        self.add_button.setAccessibleName("Add participant")
        self.add_button.clicked.connect(self._add)
        self.more_button = QToolButton()
        self.more_button.setText("\u22ef")
        self.more_button.setObjectName(f"room-menu:{self.framework_id}")
        self.more_button.setAccessibleName("Participants menu")
        self.more_button.setToolTip("Rename or remove the person picked, import people's "
                                    "files, median or mean")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.more_button)
        self.more_button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.note = QLabel()
        self.note.setObjectName(f"room-note:{self.framework_id}")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.adopt_button = QPushButton("Use as the scenario's weights")
        self.adopt_button.setObjectName(f"adopt-group:{self.framework_id}")
        self.adopt_button.setToolTip("Set the scenario's own weights and targets on this tab "
                                     "to the group's (one undo step)")
        self.adopt_button.clicked.connect(self.adopt_group)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Whose weights the sliders show:")
        label.setBuddy(self.combo)
        self.heading = label
        # Nobody in the room: one short line instead of the picker and its note, so the
        # sliders (and on the map and structures tabs, the charts) keep their room.
        self.empty_label = QLabel("Room: nobody yet")
        self.empty_label.setObjectName(f"room-empty:{self.framework_id}")
        self.empty_label.setToolTip("Add the people in the room (+) to see and combine their "
                                    "weights; until then the sliders set the scenario's own.")
        self.empty_label.setEnabled(False)
        row.addWidget(self.empty_label, 1)
        row.addWidget(self.combo, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.adopt_button)
        self._items: list[tuple[str | None, str]] = []
        room.changed.connect(self._on_room_changed)
        room.controller.changed.connect(self._on_document)
        room.controller.scenarioReplaced.connect(self.sync)
        self.sync()

    # -- keeping up ---------------------------------------------------------------------------

    def _on_room_changed(self) -> None:
        if self.tab.detached or self.framework_id not in self.room.document.frameworks:
            return  # a tab on its way out (its framework changed or is gone)
        self.sync()
        self.tab.schedule_refresh()

    def _on_document(self, _framework_id: str, path: Path = EVERYTHING) -> None:
        if shows([("participants",), ("group",)], path):  # people, names, group method
            self.room.controller.scheduler.soon(("room-picker", id(self)), self.sync)

    def items(self) -> list[tuple[str | None, str]]:
        """(participant id or None for the group, text shown) in the picker's order."""
        names = self.room.names()
        out: list[tuple[str | None, str]] = [(None, GROUP_TEXT)]
        for p in self.room.participants:
            text = names[p.id]
            if p.role and not self.room.anonymous:
                text = f"{text} ({p.role})"
            out.append((p.id, text))
        return out

    def sync(self) -> None:
        """Show the room's pick, the people's names and what the sliders do."""
        items = self.items()
        with signals_blocked(self.combo):
            if items != self._items:
                self._items = items
                self.combo.clear()
                for pid, text in items:
                    self.combo.addItem(visible(text), pid)
            index = self.combo.findData(self.room.picked) if self.room.picked else 0
            self.combo.setCurrentIndex(max(index, 0))
        doc = self.room.document
        editable = self.room.weighting.editable(doc, self.framework_id)
        for slider in (*self.tab.weight_sliders.values(), *self.tab.target_sliders.values()):
            slider.setEnabled(editable)
        reset = self.tab.findChild(QPushButton, f"reset-weights:{self.framework_id}")
        if reset is not None:
            reset.setEnabled(editable)
        self.note.setText(self.room.note())
        empty = not doc.scenario.participants
        for w in (self.heading, self.combo, self.note):
            w.setVisible(not empty)
        self.empty_label.setVisible(empty)
        self.adopt_button.setVisible(bool(doc.scenario.participants)
                                     and self.room.picked is None)

    # -- actions ------------------------------------------------------------------------------

    def _on_pick(self, index: int) -> None:
        self.room.pick(self.combo.itemData(index) if index > 0 else None)

    def _add(self) -> None:
        people.add_person(self, self.room)

    def _fill_menu(self) -> None:
        self.menu.clear()
        pid = self.room.picked
        name = self.room.names().get(pid, "") if pid else ""
        edit = self.menu.addAction(f"Rename or change role of {name}…" if pid else
                                   "Rename or change role… (pick a person first)")
        edit.setEnabled(pid is not None)
        edit.triggered.connect(self.edit_picked)
        remove = self.menu.addAction(f"Remove {name}" if pid else "Remove (pick a person first)")
        remove.setEnabled(pid is not None)
        remove.triggered.connect(self.remove_picked)
        self.menu.addSeparator()
        self.menu.addAction("Import people's scenario files…").triggered.connect(self._import)
        self.menu.addSeparator()
        group = QActionGroup(self.menu)
        current = self.room.document.scenario.group.method
        for method in GROUP_METHODS:
            action = QAction(f"Group weighting: {method}", self.menu, checkable=True)
            action.setData(method)
            action.setChecked(method == current)
            group.addAction(action)
            self.menu.addAction(action)
        group.triggered.connect(self._on_method)

    def _on_method(self, action: QAction) -> None:
        people.set_group_method(self, self.room, action.data())

    def edit_picked(self) -> None:
        if self.room.picked is not None:
            people.edit_person(self, self.room, self.room.picked)

    def remove_picked(self) -> None:
        if self.room.picked is not None:
            people.remove_person(self, self.room, self.room.picked)

    def _import(self) -> None:
        people.import_people(self, self.room)

    def adopt_group(self) -> None:
        try:
            edits = adopt_group_edits(self.room.document, self.framework_id)
        except ScenarioError as exc:
            prompts.warn(self, "Cannot use the group's weights", exc.message)
            return
        self.room.controller.push_many(edits, "Use the group's weights")
