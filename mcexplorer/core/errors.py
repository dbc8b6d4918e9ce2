"""The app's own error type: every refusal names the file, the field and the problem."""

from __future__ import annotations

import math


class ScenarioError(Exception):
    """Bad input: a file, a field or a value the app refuses. One line, no traceback."""

    def __init__(self, problem: str, *, file: str | None = None, field: str | None = None):
        self.problem = problem
        self.file = file
        self.field = field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.field:
            parts.append(self.field)
        parts.append(self.problem)
        return ": ".join(parts).replace("\n", " ")


def finite_number(value: object, field: str) -> float:
    """``value`` as a finite float, or a ScenarioError naming ``field``."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ScenarioError(f"{value!r} is not a number", field=field) from None
    if not math.isfinite(number):
        raise ScenarioError(f"{value!r} is not a finite number", field=field)
    return number


def require_unique_ids(items, what: str, field: str, file: str | None = None) -> None:
    """Refuse a list in which two items share an id, naming the second one's place."""
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            raise ScenarioError(f"{what} id {item.id!r} appears twice", file=file,
                                field=f"{field}.{i}.id")
        seen.add(item.id)
