"""On screen, Strategy on a page and the business models' verdict say the same thing (issue
25): weights where the verdict is "too close to call" make the page's answer say so too."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QLabel

from mcexplorer.core.document import Document
from mcexplorer.core.robustness.in_view import verdict_of

BM, LR = "business-models", "leadership-risks"


def _close_weights() -> dict[str, float]:
    """Weights under which the verdict is too close to call (the first found, seeded)."""
    for seed in range(200):
        rng = random.Random(seed)
        doc = Document()
        weights = {c.id: rng.choice([0, 0, 20, 50, 80, 100])
                   for c in doc.framework(BM).criteria}
        for cid, value in weights.items():
            doc.apply(doc.set_weight(BM, cid, value))
        if verdict_of(doc, BM).startswith("Too close to call"):
            return weights
    raise AssertionError("no too-close-to-call weighting found")


def test_strategy_on_a_page_says_too_close_to_call_with_the_verdict(open_window, qtbot):
    window = open_window(BM)
    for cid, value in _close_weights().items():
        window.controller.push(window.document.set_weight(BM, cid, value))
    verdict = window.findChild(QLabel, f"verdict:{BM}")
    qtbot.waitUntil(lambda: verdict.text().startswith("Too close to call"), timeout=15_000)
    window.tabs.setCurrentWidget(window.framework_tabs[LR])
    answer = window.findChild(QLabel, f"strategy:{BM}")
    qtbot.waitUntil(lambda: answer.text().startswith("Too close to call"), timeout=15_000)
    assert "fits best (" not in answer.text()
