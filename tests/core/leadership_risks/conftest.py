"""Fixtures for the leadership-and-risks tests."""

from __future__ import annotations

import pytest

from mcexplorer.core.document import Document
from mcexplorer.core.models import Scenario


@pytest.fixture
def lr_doc() -> Document:
    return Document(Scenario(title="Leadership test"))
