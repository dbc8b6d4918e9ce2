"""The scenario file's sections of features that ``Scenario`` does not declare (a feature
outside mcexplorer): its record names each with its model (``FileSection.model``,
core.extensions). In the file such a section sits at the top level like the built-in ones; in
memory it is ``scenario.features[name]``, validated by its model, and an edit's path to it is
``("features", name, ...)`` (core.derived.section_path).

No Qt here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

FEATURES = "features"
"""The Scenario field that holds them."""


def section_models(declared: Any) -> dict[str, type[BaseModel]]:
    """Name -> model of every registered section not among ``declared`` (Scenario's fields)."""
    from .extensions import registered

    return {s.name: s.model for e in registered().values() for s in e.file_sections
            if s.model is not None and s.name not in declared}


def gather(data: Any, declared: Any) -> Any:
    """The file's dict with the features' own sections moved into ``features``, each
    validated by its model (a missing one takes the model's defaults); a bad one is a
    ValueError naming the section's field."""
    if not isinstance(data, dict):
        return data
    models = section_models(declared)
    kept = data.get(FEATURES) or {}
    if not isinstance(kept, dict) or any(not isinstance(v, models.get(k, ())) for k, v in
                                         kept.items()):  # never in a file: its sections are
        raise ValueError(f"{FEATURES}: unknown field")  # at the top level
    if not models:
        return data
    out = {k: v for k, v in data.items() if k not in models}
    kept = dict(kept)
    for name, model in models.items():
        raw = data.get(name, kept.get(name, {}))
        if isinstance(raw, model):
            kept[name] = raw
            continue
        try:
            kept[name] = model.model_validate(raw)
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in (name, *err["loc"]))
            raise ValueError(f"{where}: {err['msg']}") from None
    out[FEATURES] = kept
    return out


def spread(data: Any) -> Any:
    """A dumped scenario with the features' sections back at the top level of the file."""
    if isinstance(data, dict):
        data.update(data.pop(FEATURES, None) or {})
    return data
