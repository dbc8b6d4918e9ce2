"""Document.utility_table: the cached utilities a live view passes on as ``table=``."""

from __future__ import annotations

from mcexplorer.core.document import Document
from mcexplorer.core.scoring import rank, utility_table

BM = "business-models"


def test_the_table_is_reused_across_weight_changes_and_follows_targets_and_ratings():
    doc = Document()
    first = doc.utility_table(BM)
    assert doc.utility_table(BM) is first
    doc.apply(doc.set_weight(BM, "risk", 90))
    assert doc.utility_table(BM) is first  # a weight changes no utility
    doc.apply(doc.set_target(BM, "horizon", 3))
    moved = doc.utility_table(BM)
    assert moved is not first and moved.targets["horizon"] == 3
    doc.apply(doc.set_rating(BM, "mooc-platform", "risk", 3))
    edited = doc.utility_table(BM)
    assert edited is not moved
    s = doc.settings(BM)
    fresh = utility_table(doc.framework(BM), s.targets, s.rating_overrides)
    assert edited.utilities == fresh.utilities and edited.ratings == fresh.ratings
    # The ranking is computed from the same utilities.
    expected = rank(doc.framework(BM), fresh, s.weights)
    assert [(r.option, r.fit) for r in doc.ranking(BM).results] == \
        [(r.option, r.fit) for r in expected.results]
