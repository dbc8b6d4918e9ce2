"""The balance of effort across the Three Horizons: a split that always sums to 100%.

* ``rebalance`` keeps the H1/H2/H3 split at exactly 100% (in tenths of a percent).
* ``observed_split`` turns the planner's initiatives into the split they imply.

No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from .models import Initiative, Split

KEYS = ("h1", "h2", "h3")
LABELS = {"h1": "H1", "h2": "H2", "h3": "H3"}
COMMON_PRACTICE = (70.0, 20.0, 10.0)
"""The 70/20/10 budgeting rule of thumb (common practice, not from the sources)."""

_TOTAL = 1000
"""The split in tenths of a percent: every share is a whole number of tenths summing to this."""


def _tenth(x: float) -> int:
    """A share in whole tenths of a percent, halves rounded up as typed (2.45 -> 2.5), not to
    even; the float's last digit (2.45 is held as 24.499999...) does not count."""
    return math.floor(round(x * 10, 6) + 0.5)


def shares(split: Split) -> dict[str, float]:
    return {k: getattr(split, k) for k in KEYS}


def make_split(h1: float, h2: float, h3: float) -> Split:
    """A split from three shares that should sum to 100, rounded to tenths (sum kept at 100)."""
    return _from_tenths(_normalised([_tenth(h1), _tenth(h2), _tenth(h3)]))


def _normalised(tenths: list[int]) -> list[int]:
    """Whole tenths summing to exactly 1000; a small rounding excess comes off the largest."""
    tenths = [max(0, t) for t in tenths]
    diff = _TOTAL - sum(tenths)
    if diff:
        order = sorted(range(3), key=lambda i: -tenths[i])
        for i in order:
            take = max(diff, -tenths[i])
            tenths[i] += take
            diff -= take
            if not diff:
                break
    return tenths


def _tenths_of(split: Split) -> list[int]:
    return _normalised([_tenth(getattr(split, k)) for k in KEYS])


def _from_tenths(tenths: Sequence[int]) -> Split:
    return Split(h1=tenths[0] / 10, h2=tenths[1] / 10, h3=tenths[2] / 10)


def rebalance(split: Split, changed: str, value: float, locked: str | None = None) -> Split:
    """Set one share and rebalance the others so the split still sums to exactly 100.

    * Without a lock the other two shares share the rest in proportion to their current sizes
      (equally when both are 0).
    * With another share locked, only the third share absorbs the change, and the moved
      share is capped at 100 minus the locked share so nothing goes negative.
    * Moving the locked share itself changes nothing.

    Shares are whole tenths of a percent: the moved share is rounded to one decimal, the first
    of the others (in H1, H2, H3 order) is rounded, and the last one takes the remainder.
    """
    if changed not in KEYS:
        raise ValueError(f"unknown share {changed!r} (known: {', '.join(KEYS)})")
    if locked is not None and locked not in KEYS:
        raise ValueError(f"unknown lock {locked!r}")
    t = dict(zip(KEYS, _tenths_of(split)))
    if locked == changed or not math.isfinite(value):
        return _from_tenths([t[k] for k in KEYS])
    v = min(_TOTAL, max(0, _tenth(value)))
    others = [k for k in KEYS if k != changed]
    if locked in others:
        free = others[0] if others[1] == locked else others[1]
        v = min(v, _TOTAL - t[locked])
        t[changed] = v
        t[free] = _TOTAL - t[locked] - v
    else:
        rest = _TOTAL - v
        a, b = t[others[0]], t[others[1]]
        first = rest // 2 if a + b == 0 else round(rest * a / (a + b))
        t[changed] = v
        t[others[0]] = first
        t[others[1]] = rest - first
    return _from_tenths([t[k] for k in KEYS])


def display_percentages(split: Split) -> tuple[int, int, int]:
    """Whole percentages for three integer sliders that still sum to 100 (largest remainder)."""
    a, b, c = _largest_remainder([getattr(split, k) for k in KEYS], 100)
    return a, b, c


def _largest_remainder(values: Sequence[float], total: int) -> list[int]:
    """Whole numbers proportional to ``values`` summing to ``total`` (ties go to the first)."""
    s = sum(values)
    if s <= 0:
        base = [total // len(values)] * len(values)
        base[-1] += total - sum(base)
        return base
    exact = [v * total / s for v in values]
    floors = [math.floor(x + 1e-9) for x in exact]
    left = total - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def observed_split(initiatives: Iterable[Initiative]) -> Split | None:
    """The split the initiatives imply, weighted by size; None when there are none.

    An initiative between two curves counts towards both in proportion to how near it is:
    at horizon 1.5 half goes to H1 and half to H2; at 2.25 three quarters to H2, a quarter to H3.
    """
    w = [0.0, 0.0, 0.0]
    total = 0.0
    for i in initiatives:
        h = min(3.0, max(1.0, i.horizon))
        lo = min(math.floor(h), 2)
        f = h - lo
        w[lo - 1] += i.size * (1.0 - f)
        w[lo] += i.size * f
        total += i.size
    if total <= 0:
        return None
    return _from_tenths(_largest_remainder(w, _TOTAL))


def horizon_label(h: float) -> str:
    """'H1', 'H2', 'H3' for whole horizons, 'H1/H2' and 'H2/H3' for the halves."""
    for k in (1, 2, 3):
        if math.isclose(h, k):
            return f"H{k}"
    for k in (1, 2):
        if math.isclose(h, k + 0.5):
            return f"H{k}/H{k + 1}"
    return f"H{h:.2g}"


def support_keys(h: float) -> list[str]:
    """The horizons a position serves: its own, or both neighbours when it lies between."""
    return [k for n, k in enumerate(KEYS, start=1) if abs(n - h) < 1 - 1e-9]


def support(h: float, split: Split) -> float:
    """Share of the split on the horizons a position serves (H2/H3 counts H2 + H3)."""
    return round(sum(float(getattr(split, k)) for k in support_keys(h)), 1)


def keys_text(keys: Sequence[str]) -> str:
    return " + ".join(LABELS[k] for k in keys)


def pct(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") + "%"


def split_text(split: Split) -> str:
    return " / ".join(f"{LABELS[k]} {pct(getattr(split, k))}" for k in KEYS)
