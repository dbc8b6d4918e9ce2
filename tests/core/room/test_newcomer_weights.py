"""A new participant starts at the weights the room is looking at, not at the defaults
(issue 25, point 10)."""

from __future__ import annotations

from mcexplorer.core import weighting as W
from mcexplorer.core.document import Document
from mcexplorer.core.room import edits as E

BM = "business-models"


def test_a_newcomer_starts_at_the_weights_in_view():
    doc = Document()
    doc.apply(doc.set_weight(BM, "roi", 80))
    doc.apply(doc.set_target(BM, "horizon", 3.0))
    doc.apply(E.add_participant(doc, "Ann", "", W.GROUP))  # an empty room: the scenario's
    ann = doc.scenario.participants[0]
    assert W.weights(doc, BM, W.person(ann.id))["roi"] == 80
    assert W.targets(doc, BM, W.person(ann.id))["horizon"] == 3.0
    doc.apply(E.edit_participant(doc, ann.id, name="Ann"))
    doc.apply(E.add_participant(doc, "Bo", "", W.person(ann.id)))
    bo = doc.scenario.participants[1]
    assert W.weights(doc, BM, W.person(bo.id)) == W.weights(doc, BM, W.person(ann.id))


def test_without_a_starting_point_the_defaults_as_before():
    doc = Document()
    doc.apply(doc.set_weight(BM, "roi", 80))
    doc.apply(E.add_participant(doc, "Ann"))
    assert W.weights(doc, BM, W.person(doc.scenario.participants[0].id))["roi"] == 50


def test_a_newcomer_starts_at_each_frameworks_weighting_in_view():
    from mcexplorer.core import view

    doc = Document()
    doc.apply(doc.set_weight(BM, "roi", 80))
    doc.apply(E.add_participant(doc, "Ann"))
    ann = doc.scenario.participants[0]
    doc.apply(E.set_participant_weight(doc, ann.id, BM, "roi", 20))
    view.pick(doc, W.person(ann.id), BM)  # the business models show Ann's weights
    doc.apply(E.add_participant(doc, "Bo", "", E.IN_VIEW))
    bo = doc.scenario.participants[1]
    assert W.weights(doc, BM, W.person(bo.id))["roi"] == 20
