"""Fixtures for the leadership-and-risks tests."""

from __future__ import annotations

import pytest
from lr_helpers import LRScenario

from mcexplorer.core.document import Document


@pytest.fixture
def lr_doc() -> Document:
    return Document(LRScenario(title="Leadership test"))
