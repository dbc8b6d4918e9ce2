"""docs/ecology.md's worked example follows the rule table the tool applies (issue 23, point 9),
and docs/horizons.md names the module that holds the coherence rules."""

from __future__ import annotations

from pathlib import Path

from mcexplorer.core.ecology.mix import Mix, classify

DOCS = Path(__file__).resolve().parents[3] / "docs"


def _mix(micro: float, short: float, macro: float) -> Mix:
    volume = {"macro-credentials": macro, "micro-credentials": micro, "short-courses": short,
              "badges-awards": 0.0}
    total = sum(volume.values())
    return Mix(total, volume, {q: v / total for q, v in volume.items()})


def test_45_micro_beside_55_short_courses_reads_by_degree_volume():
    assert classify(_mix(45, 55, 0)).id == "credit-bearing"
    assert classify(_mix(45 * 0.9, 55 * 0.9, 10)).id == "credit-bearing"  # degrees 10%
    assert classify(_mix(45 * 0.7, 55 * 0.7, 30)).id == "integrated"  # degrees 30%
    for macro in (0, 10, 30, 90):
        assert classify(_mix(45, 55, macro)).id != "supplementary"
    text = " ".join((DOCS / "ecology.md").read_text(encoding="utf-8").split())
    assert "read as credit-bearing, however many or few degrees" not in text
    assert ("reads as credit-bearing while degrees hold under 20% of all volume, and as "
            "integrated once they hold 20% or more") in text


def test_horizons_doc_names_a_module_that_exists():
    text = (DOCS / "horizons.md").read_text(encoding="utf-8")
    assert "mcexplorer/core/horizons.py" not in text
    assert "`mcexplorer/core/structures/rules.py`" in text
    assert (DOCS.parent / "mcexplorer" / "core" / "structures" / "rules.py").is_file()
