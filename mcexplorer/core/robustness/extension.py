"""How sure's record (core.extensions): it offers the ``first_place_share`` reading: how often
an option comes first when the weights are varied near the current ones (``acceptability``
with its defaults: 10,000 seeded draws, weights jittered by up to 20%, ranged ratings drawn
inside their range). No framework names it: robustness applies to any ranked framework."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..extensions import Extension, Readings, register
from .acceptability import acceptability
from .in_view import robustness_of

if TYPE_CHECKING:
    from ..document import Document
    from ..weighting import Weighting


def first_place_share(doc: Document, framework_id: str, option_id: str) -> float | None:
    """Share (0-100) of the draws in which ``option_id`` comes first; None without weights,
    for a framework that ranks nothing, or for an unknown option."""
    fw = doc.framework(framework_id)
    if not fw.ranked:
        return None
    s = doc.settings(framework_id)
    result = acceptability(fw, s.weights, s.targets, s.rating_overrides)
    share = result.shares.get(option_id)
    return None if share is None else 100 * share


def robustness_entry(doc: Document, framework_id: str, weighting: Weighting,
                     draws: Mapping[str, Any]) -> dict[str, Any]:
    """``stability``, ``acceptability`` and ``verdict`` under the weighting and draws."""
    return robustness_of(doc, framework_id, weighting, **draws)


EXTENSION = register(Extension(id="robustness", title="How sure", kind="readings",
                               readings=Readings(first_place_share=first_place_share),
                               ranked_report=robustness_entry))
