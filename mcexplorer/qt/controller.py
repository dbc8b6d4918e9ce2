"""The one place every change goes through: core edits pushed onto a QUndoStack.

Views call ``controller.push(edit)``; the undo stack applies it to the Document, which tells
its listeners; the controller re-emits that as ``changed(framework_id, path)``: the edit's
framework ("" = not one framework's) and its path in the scenario (() = everything: New,
Open). A view subscribes to what it shows with ``affects(path, prefix)`` (core.derived) and
leaves other edits alone. Undo and redo give the path back the revisions it had, so values
the Document derived before are found again. The stack's clean state is the window's modified
flag. Consecutive edits with the same merge key (one slider drag, a run of keyboard nudges)
merge into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.derived import EVERYTHING, Stamp, affects
from ..core.document import Document
from ..core.edits import Edit
from ..core.models import Scenario
from .scheduler import Scheduler


class EditCommand(QUndoCommand):
    MERGEABLE_ID = 1

    def __init__(self, document: Document, edit: Edit) -> None:
        super().__init__(edit.step_text)
        self.document = document
        self.edit = edit
        self.before: Stamp | None = None
        """The revisions of the edit's path before it (undo puts them back)."""
        self.after: Stamp | None = None
        """... and after it (redo puts them back)."""

    def id(self) -> int:
        return self.MERGEABLE_ID if self.edit.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, EditCommand):
            return False
        if self.edit.merge_key is None or other.edit.merge_key != self.edit.merge_key:
            return False
        self.edit = self.edit.merged(other.edit)
        self.after = other.after
        self.setText(self.edit.step_text)
        if self.edit.is_noop:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        before = self.document.apply(self.edit, self.after)
        if self.before is None:
            self.before = before
        self.after = self.document.stamp(self.edit.path)

    def undo(self) -> None:
        self.document.revert(self.edit, self.before)


class DocumentController(QObject):
    """Owns the Document and its undo stack; the only writer of the scenario."""

    changed = Signal(str, object)
    """(framework id, path): an edit at ``path`` in the scenario changed it ("" when the edit
    is not one framework's; ("" and ()) when the whole scenario was replaced). A slot may take
    the framework id alone; ``affects(path, prefix)`` tells whether the path is one shown."""
    structureChanged = Signal(str)
    """A framework's options or criteria may have changed (its definition was edited; "" when
    the whole scenario was replaced); emitted before ``changed``, so the window can rebuild
    that framework's tab before any view redraws."""
    scenarioReplaced = Signal()
    modifiedChanged = Signal(bool)
    viewChanged = Signal()
    """The weighting in view changed (core.view): not an edit, nothing to undo or save."""

    def __init__(self, document: Document | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document or Document()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("undo-stack")
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.prepare: Callable[[Scenario], Scenario] | None = None
        """Applied to every scenario that New or Open brings in, before it is shown (the window
        adds the user's own frameworks)."""
        self.scheduler = Scheduler(self)
        """The one place views coalesce their redraws (see qt.scheduler)."""
        self.document.subscribe(self._on_document_changed)

    # -- editing ----------------------------------------------------------------------------

    def push(self, edit: Edit) -> None:
        """Apply an edit as an undoable step (a no-op edit is dropped)."""
        if edit.is_noop:
            return
        self.undo_stack.push(EditCommand(self.document, edit))

    def push_many(self, edits: list[Edit], text: str) -> None:
        """Apply several edits as one undo step."""
        edits = [e for e in edits if not e.is_noop]
        if not edits:
            return
        if len(edits) == 1:
            self.push(edits[0])
            return
        self.undo_stack.beginMacro(text)
        try:
            for edit in edits:
                self.undo_stack.push(EditCommand(self.document, edit))
        finally:
            self.undo_stack.endMacro()

    def replace_scenario(self, scenario: Scenario) -> None:
        """Open or New: a fresh scenario and an empty, clean history."""
        if self.prepare is not None:
            scenario = self.prepare(scenario)
        self.document.reset(scenario)
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.scenarioReplaced.emit()
        self.modifiedChanged.emit(False)

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def show_weighting(self, weighting, framework_id: str | None = None) -> bool:
        """Put ``weighting`` (core.weighting) in view on every framework, or on one: core
        state, saved with the scenario, not an undo step. True when it changed."""
        from ..core import view

        changed = view.pick(self.document, weighting, framework_id)
        if changed:
            self.viewChanged.emit()
        return changed

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    # -- plumbing ---------------------------------------------------------------------------

    def _on_document_changed(self, edit: Edit | None) -> None:
        if edit is None or edit.path[:1] == ("definitions",):
            self.structureChanged.emit(edit.framework if edit is not None else "")
        if edit is None:
            self.changed.emit("", EVERYTHING)
        else:
            self.changed.emit(edit.framework, edit.path)

    def _on_clean_changed(self, clean: bool) -> None:
        if shiboken6.isValid(self):  # the stack emits from its destructor
            self.modifiedChanged.emit(not clean)


__all__ = ["DocumentController", "EditCommand", "affects"]
