"""The content file: every item sourced to its passage or marked our reading, ids unique, the
lists the issue names present, and a broken file refused in one line naming file and field."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from mcexplorer.core.errors import ScenarioError
from mcexplorer.core.leadership_risks.content import (
    CATEGORIES,
    POSITIONINGS,
    REFERENCE,
    content,
    content_path,
    load_content,
)

SEED = next(iter(Path("/work/shared/seeds").glob("000_*.txt")), None) \
    if Path("/work/shared/seeds").is_dir() else None

ROLE_IDS = ["initiative-lead", "champion", "employer-engagement", "subject-experts",
            "learning-design", "edtech", "cfo", "it-badges", "student-support",
            "faculty-representation", "advisory-group"]
PRINCIPLE_IDS = ["sets-priorities", "outcome-focused", "evidence-based", "clear-responsibility",
                 "accountable", "transparent", "shared-ownership", "well-networked",
                 "strategic-partnerships", "zooms-in-and-out", "team-focused",
                 "pacesetting-transformative"]


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(content_path().read_text(encoding="utf-8"))


def _items(node, where="content"):
    """Every dict that sits in a list anywhere in the file, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _items(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, dict):
                yield f"{where}.{i}", value
            yield from _items(value, f"{where}.{i}")


def _list_items(raw):
    # culture_scale entries are the tool's scale, sourced once by culture_scale_source.
    return [(w, item) for w, item in _items(raw) if ".culture_scale." not in w]


def test_every_list_item_names_its_source_or_says_our_reading(raw):
    items = _list_items(raw)
    assert len(items) > 60
    for where, item in items:
        assert item.get("reading") in ("published", "our reading"), where
        if item["reading"] == "published":
            assert item["source"].startswith(REFERENCE), where
            assert item["passage"].strip(), where
        else:
            assert item["source"].startswith("Our reading"), where
    assert raw["culture_scale_source"].startswith("Our reading")
    assert raw["risk_scale_source"].startswith("Our reading")


def test_users_never_see_a_seed_number(raw):
    assert "seed" not in json.dumps(raw).lower()


def _norm(text: str) -> str:
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("*", "")
    return re.sub(r"\s+", " ", text).lower()


@pytest.mark.skipif(SEED is None, reason="the source texts are not on this machine")
def test_every_passage_is_in_the_paper(raw):
    paper = _norm(SEED.read_text(encoding="utf-8"))
    missing = [(w, item["passage"]) for w, item in _items(raw)
               if item.get("passage") and _norm(item["passage"]) not in paper]
    assert missing == []
    assert _norm(raw["plan_b"]["passage"]) in paper


def test_ids_are_unique_in_every_list(raw):
    lists = {}
    for where, item in _items(raw):
        parent = where.rsplit(".", 1)[0]
        if "id" in item:
            lists.setdefault(parent, []).append(item["id"])
    assert len(lists) >= 10
    for parent, ids in lists.items():
        assert len(ids) == len(set(ids)), parent


def test_team_roles_are_the_issues_and_the_unnamed_ones_are_our_reading():
    c = content()
    assert [r.id for r in c.team_roles] == ROLE_IDS
    ours = {r.id for r in c.team_roles if r.reading == "our reading"}
    assert ours == {"student-support", "faculty-representation"}
    assert c.role("cfo").gap == "no CFO around the table"
    assert c.role("champion").gap == "no champion in the senior team"
    assert {r.id for r in c.team_roles if r.key} == {"initiative-lead", "champion", "cfo"}


def test_culture_principles_are_the_twelve_of_figure_6():
    c = content()
    assert [p.id for p in c.principles] == PRINCIPLE_IDS
    assert next(lvl.label for lvl in c.culture_scale) == "Absent"
    assert [lvl.label for lvl in c.culture_scale][-1] == "Embedded"


def test_needed_profiles_cover_every_positioning_and_principle_as_our_reading():
    c = content()
    for positioning in POSITIONINGS:
        profile = c.profile(positioning)
        assert profile.reading == "our reading"
        assert set(profile.ratings) == set(PRINCIPLE_IDS)
    # The more ambitious the positioning, the more the culture must carry (never less).
    sup, cb, integ = (c.profile(p).ratings for p in POSITIONINGS)
    assert all(sup[p] <= cb[p] <= integ[p] for p in PRINCIPLE_IDS)
    assert sum(sup.values()) < sum(cb.values()) < sum(integ.values())


def test_leadership_styles_and_choices_the_paper_names():
    c = content()
    ids = [a.id for a in c.approaches]
    for name in ("laissez-faire", "transactional", "transactional-autocratic",
                 "transactional-bureaucratic", "transactional-democratic",
                 "transactional-charismatic", "transformative", "enabling",
                 "listen-link-leverage-lead"):
        assert name in ids
    assert {a.family for a in c.approaches} == {"laissez-faire", "transactional", "transformative"}
    assert [o.id for o in c.leader_choice("background").options] == \
        ["senior-academic", "experienced-administrator"]
    assert [o.id for o in c.leader_choice("origin").options] == ["internal", "recruited"]
    assert [o.id for o in c.governance_choice("oversight").options] == \
        ["management-board", "existing-committee"]
    assert [o.id for o in c.governance_choice("engagement").options] == \
        ["advisory-group", "community-of-practice"]
    assert [o.id for o in c.governance_choice("strategy").options] == ["standalone", "embedded"]


def test_the_six_risks_of_the_3rs_with_labelled_default_ratings():
    c = content()
    assert [r.id for r in c.risks] == ["failed-venture", "weak-demand", "cannibalisation",
                                       "pricing", "development-cost", "missed-targets"]
    assert [r.category for r in c.risks] == ["reputation", "recruitment", "revenue", "revenue",
                                             "revenue", "revenue"]
    assert [k.id for k in c.risk_categories] == list(CATEGORIES)
    for r in c.risks:
        assert 1 <= r.likelihood <= 5 and 1 <= r.impact <= 5
        assert r.rating_rationale.startswith("Our reading")


def test_content_is_loaded_once():
    assert content() is content()


# -- a broken file is refused with file and field ----------------------------------------------


def _broken(tmp_path, raw, change) -> Path:
    data = copy.deepcopy(raw)
    change(data)
    path = tmp_path / "leadership-risks.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("change, field, words", [
    (lambda d: d["team_roles"].append(dict(d["team_roles"][0])), None, "appears twice"),
    (lambda d: d["principles"][0].pop("passage"), "principles.0", "passage"),
    (lambda d: d["risks"][1].update(source="Somebody 2020"), "risks.1", "Brown, McGreal"),
    (lambda d: d["needed_profiles"][2].update(source="Brown, McGreal & Peters 2023"),
     "needed_profiles.2", "Our reading"),
    (lambda d: d["approaches"][0].update(family="heroic"), None, "unknown family"),
    (lambda d: d["needed_profiles"][0]["ratings"].pop("transparent"), None, "once each"),
    (lambda d: d["risks"][0].update(likelihood=6), "risks.0.likelihood", "less than or equal"),
    (lambda d: d["risks"][0].update(likelihood="3"), "risks.0.likelihood", "integer"),
    (lambda d: d["team_roles"][0].update(colour="red"), "team_roles.0.colour", "unknown field"),
    (lambda d: d["governance_choices"].pop(), None, "governance_choices"),
])
def test_a_broken_content_file_is_refused_naming_file_and_field(tmp_path, raw, change, field,
                                                                 words):
    path = _broken(tmp_path, raw, change)
    with pytest.raises(ScenarioError) as info:
        load_content(path)
    message = info.value.message
    assert str(path) in message and "\n" not in message
    assert words in message
    if field:
        assert info.value.field == field


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "leadership-risks.json"
    path.write_text('{"id": "leadership-risks", ', encoding="utf-8")
    with pytest.raises(ScenarioError, match="cannot read"):
        load_content(path)
