"""A feature owns its record: the features are discovered (a core package with an extension
module), each file section of the scenario belongs to one record, the migrations take the
sections the records added, and ``score --json``'s per-framework keys of the features no
framework names come from their records."""

from __future__ import annotations

from pathlib import Path

import mcexplorer
from mcexplorer.core import extensions
from mcexplorer.core.document import Document
from mcexplorer.core.migrations import migrate
from mcexplorer.core.models import Scenario

GENERIC = {"schema_version", "title", "notes", "frameworks", "definitions", "view", "features"}
"""The scenario's own fields: no feature's."""
CORE = Path(mcexplorer.__file__).parent / "core"


def test_every_core_package_with_an_extension_module_is_a_registered_feature():
    packages = sorted(p.parent.name for p in CORE.glob("*/extension.py"))
    modules = extensions.builtin_features()
    assert [m.split(".")[-2] for m in modules] == packages
    assert len(extensions.registered()) == len(packages)


def test_every_section_of_the_file_belongs_to_exactly_one_features_record():
    owners: dict[str, list[str]] = {}
    for ext in extensions.registered().values():
        for section in ext.sections:
            owners.setdefault(section, []).append(ext.id)
    feature_fields = set(Scenario.model_fields) - GENERIC
    assert set(owners) == feature_fields
    assert all(len(ids) == 1 for ids in owners.values()), owners


def test_the_migration_adds_what_the_records_say_and_names_no_feature():
    added = {s.name: s for e in extensions.registered().values() for s in e.file_sections}
    out, said = migrate({"schema_version": 1}, 1)
    for name, section in added.items():
        if section.since == 2:
            assert out[name] == section.older and section.described in said
    text = (CORE / "migrations.py").read_text("utf-8")
    code = text[text.index('"""', 3) + 3:]  # the docstring may tell the history
    for ext in extensions.registered().values():
        assert ext.id not in code
        for name in added:
            assert f'"{name}"' not in code


def test_scores_keys_for_every_ranked_framework_come_from_the_records(monkeypatch):
    from mcexplorer.cli.score import score_report

    doc = Document()
    before = {f["id"]: set(f) for f in score_report(doc, draws=200)["frameworks"]}
    room = extensions.get("room")
    monkeypatch.setitem(extensions._registry, "room", extensions.Extension(
        id="room", title=room.title, kind="scenario",
        ranked_report=lambda d, fid, w, draws: {"echo": fid}))
    after = {f["id"]: f for f in score_report(doc, draws=200)["frameworks"]}
    ranked = [fid for fid, fw in doc.frameworks.items() if fw.criteria]
    assert all(after[fid]["echo"] == fid for fid in ranked)
    assert all("verdict" in after[fid] and "verdict" in before[fid] for fid in ranked)
