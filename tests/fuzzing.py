"""How hard the property tests look: Hypothesis profiles, and ``examples(n)`` for a test's count.

Profiles (tests/conftest.py loads one before any test module is read):

- ``default`` (a developer's run) and ``ci`` (loaded when the CI variable is set; derandomized,
  no example database, as Hypothesis's own ``ci`` profile): modest counts, so ``make test``
  stays quick. The properties are the same; each test tries fewer examples.
- ``fuzz`` (``make fuzz``, or ``HYPOTHESIS_PROFILE=fuzz``, or ``--hypothesis-profile fuzz``):
  ten times Hypothesis's usual count, random (not derandomized), for hunting.

A test that wants more or fewer examples than the profile's count, because each example is
cheap or dear, says so relative to Hypothesis's usual 100: ``@settings(max_examples=
examples(400))`` tries 400 * (profile's count / 100), that is 160 under ``default`` and ``ci``,
4000 under ``fuzz``.
"""

from __future__ import annotations

import os

from hypothesis import settings

BASE = 100
"""Hypothesis's own default count: the unit a test's ``examples(n)`` is written in."""
MODEST = 40
"""Examples per property test in ``make test`` (``default`` and ``ci`` profiles)."""
FUZZ = 1000
"""Examples per property test in ``make fuzz``."""


def register() -> None:
    """Register ``default``, ``ci`` and ``fuzz``, and load the one asked for."""
    settings.register_profile("default", settings.get_profile("default"), max_examples=MODEST)
    settings.register_profile("ci", settings.get_profile("ci"), max_examples=MODEST)
    settings.register_profile("fuzz", settings.get_profile("default"), max_examples=FUZZ,
                              deadline=None)
    chosen = os.environ.get("HYPOTHESIS_PROFILE")
    if chosen:
        settings.load_profile(chosen)
    else:  # re-load what Hypothesis chose (ci when CI is set), now with our counts
        settings.load_profile(settings.get_current_profile_name())


def examples(n: int) -> int:
    """``n`` examples at Hypothesis's usual strength, scaled to the loaded profile's."""
    return max(1, round(n * settings.default.max_examples / BASE))
