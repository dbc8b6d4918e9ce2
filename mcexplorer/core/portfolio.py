"""The credential-ecology portfolio: offerings on the plane, lenses, mix and portfolio fit.

No Qt here.
"""

from __future__ import annotations

from functools import cache

from .errors import ScenarioError
from .models import Scenario

FRAMEWORK_ID = "credential-ecology"


@cache
def lens_ids() -> tuple[str, ...]:
    import json

    from .io import resources_dir

    data = json.loads((resources_dir() / "lenses.json").read_text(encoding="utf-8"))
    return tuple(lens["id"] for lens in data["lenses"])


def check(scenario: Scenario, file: str | None = None) -> None:
    """Refuse an unknown lens or two offerings with one id."""
    portfolio = scenario.portfolio
    if portfolio.lens not in lens_ids():
        raise ScenarioError(f"unknown lens {portfolio.lens!r} (known: {', '.join(lens_ids())})",
                            file=file, field="portfolio.lens")
    seen: set[str] = set()
    for i, offering in enumerate(portfolio.offerings):
        if offering.id in seen:
            raise ScenarioError(f"offering id {offering.id!r} appears twice", file=file,
                                field=f"portfolio.offerings.{i}.id")
        seen.add(offering.id)


def report(doc) -> dict:
    """The portfolio section of ``score --json``."""
    p = doc.scenario.portfolio
    return {"lens": p.lens, "volume_unit": p.volume_unit,
            "offerings": [o.model_dump() for o in p.offerings]}
