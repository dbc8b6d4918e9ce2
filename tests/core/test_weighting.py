"""Whose weights are in view: the scenario's, the group's, a participant's, resolved one way."""

from __future__ import annotations

import pytest

from mcexplorer.core import weighting as wt
from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.room.group import group_ranking, person_ranking
from mcexplorer.core.room.models import Participant
from mcexplorer.core.scoring import score

BM = "business-models"


def _doc(*people: Participant) -> Document:
    scenario = Document().scenario.model_copy(update={"participants": list(people)})
    return Document(scenario)


def _sam() -> Participant:
    return Participant(id="sam", name="Sam", weights={BM: {"effort": 100.0, "roi": 0.0}},
                       targets={BM: {"horizon": 3.0}})


def _ana() -> Participant:
    return Participant(id="ana", name="Ana", weights={BM: {"costs": 90.0}})


def test_the_scenarios_own_weighting_is_the_documents_ranking():
    doc = _doc(_sam())
    assert wt.ranking(doc, BM, wt.SCENARIO) is doc.ranking(BM)
    fw = doc.framework(BM)
    assert wt.weights(doc, BM, wt.SCENARIO) == {
        c.id: doc.settings(BM).weights.get(c.id, c.default_weight) for c in fw.criteria}
    assert wt.describe(doc, wt.SCENARIO) == "the scenario's weights"


def test_a_person_and_the_group_rank_as_the_room_does():
    doc = _doc(_sam(), _ana())
    fw = doc.framework(BM)
    overrides = doc.settings(BM).rating_overrides
    mine = wt.ranking(doc, BM, wt.person("sam"))
    theirs = person_ranking(fw, doc.scenario.participants[0], overrides)
    assert [(r.option, r.fit) for r in mine.results] == \
        [(r.option, r.fit) for r in theirs.results]
    assert wt.targets(doc, BM, wt.person("sam")) == {"horizon": 3.0}
    group = group_ranking(fw, doc.scenario.participants, "median", overrides)
    assert [(r.option, r.fit) for r in wt.ranking(doc, BM, wt.GROUP).results] == \
        [(r.option, r.fit) for r in group.results]
    assert wt.describe(doc, wt.GROUP) == "the group's median of 2 participants"
    assert wt.describe(doc, wt.person("sam")) == "Sam's weights"
    assert wt.ranking(doc, BM, wt.person("sam")).results != doc.ranking(BM).results


def test_someone_who_left_is_the_group_and_an_empty_rooms_group_is_the_scenario():
    doc = _doc(_ana())
    assert wt.settle(doc, wt.person("sam")) == wt.GROUP
    assert wt.settle(_doc(), wt.GROUP) == wt.SCENARIO
    assert wt.describe(_doc(), wt.GROUP) == "the scenario's weights"
    fw = doc.framework(BM)
    assert wt.ranking(_doc(), BM, wt.GROUP).results == \
        score(fw, wt.weights(_doc(), BM, wt.SCENARIO), wt.targets(_doc(), BM, wt.SCENARIO),
              {}).results


def test_typed_names_ids_and_refusals():
    doc = _doc(_sam(), _ana())
    assert wt.parse(doc, "scenario") == wt.SCENARIO
    assert wt.parse(doc, " Group ") == wt.GROUP
    assert wt.parse(doc, "ana") == wt.person("ana")
    assert wt.parse(doc, "SAM") == wt.person("sam")
    with pytest.raises(ScenarioError) as err:
        wt.parse(doc, "Zoe")
    assert "Sam (sam)" in err.value.message and "Ana (ana)" in err.value.message
    assert err.value.field == "weighting"
    with pytest.raises(ScenarioError, match="nobody"):
        wt.parse(_doc(), "Zoe")
    with pytest.raises(ScenarioError) as err:
        wt.parse(doc, "Zoe\x1b[2J")
    assert "\x1b" not in err.value.message
    assert [w.as_text() for w in (wt.SCENARIO, wt.GROUP, wt.person("ana"))] == \
        ["scenario", "group", "ana"]
