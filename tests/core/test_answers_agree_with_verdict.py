"""Everything the tool says about first place agrees (issue 25): Strategy on a page, the
report's and the deck's answers (core.answers) class the leading business model as the
verdict does. Where the verdict says "too close to call", the answer says it too, with the
same shares and rival, never "fits best" alone."""

from __future__ import annotations

import random

from mcexplorer.core.answers import answers_of, first_place
from mcexplorer.core.document import Document
from mcexplorer.core.robustness.in_view import verdict_of
from mcexplorer.core.values import share_text

BM = "business-models"


def _weighted(seed: int) -> Document:
    rng = random.Random(seed)
    doc = Document()
    for c in doc.framework(BM).criteria:
        doc.apply(doc.set_weight(BM, c.id, rng.choice([0, 0, 20, 50, 80, 100])))
    return doc


def _answer(doc: Document) -> str:
    return next(a.answer for a in answers_of(doc) if a.id == BM)


CLASSES = {"Too close to call": "close", "comes first more often": "challenged",
           "are tied first": "tied"}


def _class(text: str) -> set[str]:
    return {kind for words, kind in CLASSES.items() if words in text}


def test_a_too_close_to_call_verdict_is_too_close_to_call_in_the_answers():
    seed = next(s for s in range(200)
                if verdict_of(_weighted(s), BM).startswith("Too close to call"))
    doc = _weighted(seed)
    verdict, answer = verdict_of(doc, BM), _answer(doc)
    assert answer.startswith("Too close to call"), (verdict, answer)
    assert "fits best (" not in answer  # never the plain claim the verdict refuses
    place = first_place(doc, BM)
    assert place.kind == "close"
    for share in (place.share, place.rival_share):  # the same numbers, in both
        assert share_text(share) in verdict and share_text(share) in answer
    assert place.rival in verdict and place.rival in answer


def test_the_answers_class_first_place_as_the_verdict_does_across_weightings():
    seen = set()
    for seed in range(40):
        doc = _weighted(seed)
        verdict, answer = verdict_of(doc, BM), _answer(doc)
        if verdict.startswith("Set at least one weight"):
            assert answer.startswith("No business model ranked yet")
            continue
        assert _class(verdict) == _class(answer), (seed, verdict, answer)
        seen |= _class(verdict) or {"stays"}
    assert {"close", "stays", "tied"} <= seen  # the scan met the cases it checks
