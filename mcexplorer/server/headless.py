"""A room kept in a scenario file: ``mcexplorer room serve FILE``.

Each accepted submission is applied to the scenario as the window would (core.room.phones)
and the file is saved atomically at once (the previous content stays whole until the new one
is in place). A file changed on disk by someone else meanwhile is not overwritten: the
submission is refused and the phone asked to send again later. The submissions arrive on the
server's own loop, one at a time, so no lock is needed. No Qt here.
"""

from __future__ import annotations

import sys
from concurrent.futures import Future
from pathlib import Path

from ..core.document import Document
from ..core.errors import ScenarioError
from ..core.file_guard import FileStamp, stamp
from ..core.io import save_scenario
from ..core.room.phones import Outcome, Submission, submission_edit
from ..core.validation import load_scenario


class FileRoom:
    """The scenario in FILE, open for phones."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        scenario, _ = load_scenario(self.path)
        self.document = Document(scenario)
        self.stamp: FileStamp | None = stamp(self.path)

    def apply(self, sub: Submission) -> Future[Outcome]:
        future: Future[Outcome] = Future()
        future.set_result(self._apply(sub))
        return future

    def _apply(self, sub: Submission) -> Outcome:
        doc = self.document
        try:
            edit, outcome = submission_edit(doc, sub)
        except ScenarioError as exc:
            return Outcome("refused", exc.problem)
        if edit is None:
            return outcome
        doc.apply(edit)
        try:
            self.stamp = save_scenario(self.path, doc.scenario, expected=self.stamp).stamp
        except ScenarioError as exc:
            doc.revert(edit)
            print(f"mcexplorer: {exc.message}", file=sys.stderr, flush=True)
            return Outcome("refused", "The laptop could not save your weights; send again "
                                      "in a moment.")
        return outcome
