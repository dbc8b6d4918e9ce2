"""The Three Horizons plan: initiatives, the intended balance and coherence checks.

Everything here is pure: the Qt layer reads these functions and pushes the Edits they build.

* ``rebalance`` keeps the H1/H2/H3 split at exactly 100% (in tenths of a percent).
* ``observed_split`` turns the planner's initiatives into the split they imply.
* ``curve``/``height``/``horizon_at`` are the geometry of the horizons chart (time 0-1 on x,
  value 0-1 on y), kept here so dragging is testable without a window.
* ``tensions`` runs the coherence rules (``RULES``) between this framework and the
  business-model framework; each rule is a small function returning a Tension or None.
* ``set_balance`` ... ``delete_initiative`` build Edits; nothing changes until they are applied.

No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from .errors import ScenarioError, finite_number, require_unique_ids
from .models import Initiative, Scenario, Split

FRAMEWORK_ID = "structures"
BUSINESS_MODELS = "business-models"
KEYS = ("h1", "h2", "h3")
LABELS = {"h1": "H1", "h2": "H2", "h3": "H3"}
COMMON_PRACTICE = (70.0, 20.0, 10.0)
"""The 70/20/10 budgeting rule of thumb (common practice, not from the sources)."""

# -- thresholds of the coherence rules (see docs/horizons.md) -----------------------------

MIN_SUPPORT = 15.0
"""A favoured horizon with less than this share (%) of the balance is starved of effort."""
HIGH_WEIGHT = 70.0
"""A weight at or above this (0-100) means the planner favours that criterion."""
HORIZON_GAP = 1.5
"""Top business model and top structure this many horizons apart serve different horizons."""
MAX_SPLIT_GAP = 20.0
"""Intended and observed split further apart than this (percentage points, on any horizon)."""

DEGREE_CRITERION = "degree-alignment"
COMMERCIAL_STRUCTURE = "commercial-unit"
BM_HORIZON = "horizon"

_TOTAL = 1000
"""The split in tenths of a percent: every share is a whole number of tenths summing to this."""


# --------------------------------------------------------------------------------------------
# The balance
# --------------------------------------------------------------------------------------------


def shares(split: Split) -> dict[str, float]:
    return {k: getattr(split, k) for k in KEYS}


def make_split(h1: float, h2: float, h3: float) -> Split:
    """A split from three shares that should sum to 100, rounded to tenths (sum kept at 100)."""
    return _from_tenths(_normalised([round(h1 * 10), round(h2 * 10), round(h3 * 10)]))


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
    return _normalised([round(getattr(split, k) * 10) for k in KEYS])


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
    v = min(_TOTAL, max(0, round(value * 10)))
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
        lo = min(int(math.floor(h)), 2)
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
    return round(sum(getattr(split, k) for k in support_keys(h)), 1)


def _keys_text(keys: Sequence[str]) -> str:
    return " + ".join(LABELS[k] for k in keys)


def _pct(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") + "%"


def split_text(split: Split) -> str:
    return " / ".join(f"{LABELS[k]} {_pct(getattr(split, k))}" for k in KEYS)


# --------------------------------------------------------------------------------------------
# Geometry of the horizons chart
# --------------------------------------------------------------------------------------------


def curve(k: int, t: float) -> float:
    """Value (0-1) of horizon ``k``'s curve at time ``t`` (0 now, 1 far future).

    H1 starts dominant and declines, H2 rises and falls in the middle, H3 starts low and
    becomes dominant: the usual picture of three overlapping curves.
    """
    if k == 1:
        return 0.14 + 0.74 / (1.0 + math.exp((t - 0.55) / 0.12))
    if k == 2:
        return 0.10 + 0.58 * math.exp(-(((t - 0.5) / 0.2) ** 2))
    if k == 3:
        return 0.05 + 0.82 / (1.0 + math.exp(-(t - 0.72) / 0.11))
    raise ValueError(f"no horizon {k}")


def height(t: float, h: float) -> float:
    """Where a marker at time ``t`` and horizon ``h`` sits: on its curve, or between two."""
    h = min(3.0, max(1.0, h))
    lo = min(int(math.floor(h)), 2)
    f = h - lo
    return (1.0 - f) * curve(lo, t) + f * curve(lo + 1, t)


def horizon_at(t: float, y: float, current: float = 2.0, snap: float = 0.08) -> float:
    """The horizon (1-3) of the point nearest to height ``y`` at time ``t``.

    Between two curves the horizon is interpolated. Where several positions are equally near
    (curves cross) the one nearest ``current`` wins, so a marker keeps its horizon as it is
    dragged across a crossing. Within ``snap`` of a whole horizon it snaps onto the curve.
    """
    best: tuple[float, float, float] | None = None
    for k in (1, 2):
        ya, yb = curve(k, t), curve(k + 1, t)
        if abs(yb - ya) < 1e-9:
            cand = min(k + 1.0, max(float(k), current))
        else:
            cand = k + min(1.0, max(0.0, (y - ya) / (yb - ya)))
        dist = abs(height(t, cand) - y)
        key = (round(dist, 4), abs(cand - current), cand)
        if best is None or key < best:
            best = key
    h = best[2] if best else current
    nearest = round(h)
    if abs(h - nearest) <= snap:
        h = float(nearest)
    return round(min(3.0, max(1.0, h)), 3)


# --------------------------------------------------------------------------------------------
# Coherence rules
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tension:
    """Two settings that pull against each other, and why."""

    id: str
    message: str
    settings: tuple[str, str]

    def to_dict(self) -> dict:
        return {"id": self.id, "message": self.message, "settings": list(self.settings)}


@dataclass(frozen=True)
class Pick:
    """The top-ranked option of a framework, with the horizon it serves."""

    id: str
    name: str
    horizon: float


@dataclass(frozen=True)
class Context:
    """What the rules look at, read once from the document."""

    balance: Split
    observed: Split | None = None
    top_structure: Pick | None = None
    top_model: Pick | None = None
    aim: float | None = None
    """The horizon the institution aims for (the business-model tab's target)."""
    degree_weight: float | None = None
    degree_name: str = "Alignment with degrees"


def context(doc) -> Context:
    """Read the rules' inputs from a Document (the ranking caches are reused)."""
    plan = doc.scenario.horizons
    top_structure = top_model = None
    aim = degree_weight = None
    degree_name = "Alignment with degrees"
    if FRAMEWORK_ID in doc.frameworks:
        fw = doc.framework(FRAMEWORK_ID)
        ranking = doc.ranking(FRAMEWORK_ID)
        if ranking.has_weight and ranking.results:
            opt = fw.option(ranking.results[0].option)
            h = opt.attributes.get("horizon")
            if isinstance(h, (int, float)):
                top_structure = Pick(opt.id, opt.name, float(h))
        try:
            crit = fw.criterion(DEGREE_CRITERION)
            degree_weight = doc.weight(FRAMEWORK_ID, DEGREE_CRITERION)
            degree_name = crit.name
        except KeyError:
            pass
    if BUSINESS_MODELS in doc.frameworks:
        fw = doc.framework(BUSINESS_MODELS)
        ranking = doc.ranking(BUSINESS_MODELS)
        try:
            fw.criterion(BM_HORIZON)
        except KeyError:
            pass
        else:
            if ranking.has_weight and ranking.results:
                oid = ranking.results[0].option
                top_model = Pick(oid, fw.option(oid).name,
                                 doc.rating(BUSINESS_MODELS, oid, BM_HORIZON))
            aim = doc.settings(BUSINESS_MODELS).targets.get(BM_HORIZON)
    return Context(balance=plan.balance, observed=observed_split(plan.initiatives),
                   top_structure=top_structure, top_model=top_model, aim=aim,
                   degree_weight=degree_weight, degree_name=degree_name)


def _starved(h: float, split: Split) -> tuple[str, float] | None:
    keys = support_keys(h)
    share = support(h, split)
    return (_keys_text(keys), share) if share < MIN_SUPPORT else None


def _starved_tension(tension_id: str, subject: str, option, serves: str, framework: str,
                     balance: Split) -> Tension | None:
    """``option`` (top of ``framework``) serves a horizon the balance leaves under
    MIN_SUPPORT."""
    if option is None:
        return None
    starved = _starved(option.horizon, balance)
    if starved is None:
        return None
    where, share = starved
    label = horizon_label(option.horizon)
    return Tension(
        tension_id,
        f"{subject}, {option.name}, {serves} {label}, but only {_pct(share)} of the balance "
        f"goes to {where}.",
        (f"{framework}: top-ranked {option.name} ({label})", f"Balance: {where} = {_pct(share)}"))


def rule_model_vs_balance(ctx: Context) -> Tension | None:
    """The top business model serves a horizon that gets under MIN_SUPPORT of the balance."""
    return _starved_tension("model-horizon-vs-balance", "The top-ranked business model",
                            ctx.top_model, "serves", "Business models", ctx.balance)


def rule_structure_vs_balance(ctx: Context) -> Tension | None:
    """The best-fitting structure serves a horizon that gets under MIN_SUPPORT of the balance."""
    return _starved_tension("structure-horizon-vs-balance", "The best-fitting structure",
                            ctx.top_structure, "mainly serves", "Structures", ctx.balance)


def rule_commercial_vs_degrees(ctx: Context) -> Tension | None:
    """A separate commercial unit fits best while alignment with degrees weighs HIGH_WEIGHT+."""
    s = ctx.top_structure
    if s is None or s.id != COMMERCIAL_STRUCTURE or ctx.degree_weight is None:
        return None
    if ctx.degree_weight < HIGH_WEIGHT:
        return None
    return Tension(
        "commercial-unit-vs-degree-weight",
        f"{s.name} fits best, yet alignment with degrees weighs {ctx.degree_weight:g}: a unit "
        "outside normal structures has the weakest tie to faculties and degrees.",
        (f"Structures: top-ranked {s.name}",
         f"Structures weight: {ctx.degree_name} = {ctx.degree_weight:g}"))


def rule_model_vs_structure(ctx: Context) -> Tension | None:
    """The top business model and the top structure lie HORIZON_GAP or more horizons apart."""
    m, s = ctx.top_model, ctx.top_structure
    if m is None or s is None or abs(m.horizon - s.horizon) < HORIZON_GAP - 1e-9:
        return None
    if m.horizon > s.horizon:
        why = ("a model run at arm's length from the institution sits awkwardly in a structure "
               "built for business as usual")
    else:
        why = "a business-as-usual model does not need, or feed, a structure built for new business"
    return Tension(
        "model-vs-structure-horizon",
        f"The top-ranked business model, {m.name} ({horizon_label(m.horizon)}), and the "
        f"best-fitting structure, {s.name} ({horizon_label(s.horizon)}), serve different "
        f"horizons: {why}.",
        (f"Business models: top-ranked {m.name} ({horizon_label(m.horizon)})",
         f"Structures: top-ranked {s.name} ({horizon_label(s.horizon)})"))


def rule_aim_vs_balance(ctx: Context) -> Tension | None:
    """The horizon aimed for on the business-model tab gets under MIN_SUPPORT of the balance."""
    if ctx.aim is None:
        return None
    starved = _starved(ctx.aim, ctx.balance)
    if starved is None:
        return None
    where, share = starved
    return Tension(
        "aim-vs-balance",
        f"The business-model tab aims for {horizon_label(ctx.aim)}, but only {_pct(share)} of "
        f"the balance goes to {where}.",
        (f"Business models: target horizon {horizon_label(ctx.aim)}",
         f"Balance: {where} = {_pct(share)}"))


def rule_intended_vs_observed(ctx: Context) -> Tension | None:
    """The initiatives' split differs from the intended one by more than MAX_SPLIT_GAP points."""
    if ctx.observed is None:
        return None
    gaps = {k: getattr(ctx.observed, k) - getattr(ctx.balance, k) for k in KEYS}
    key = max(KEYS, key=lambda k: abs(gaps[k]))
    gap = abs(gaps[key])
    if gap <= MAX_SPLIT_GAP + 1e-9:
        return None
    intended, observed = getattr(ctx.balance, key), getattr(ctx.observed, key)
    return Tension(
        "intended-vs-observed",
        f"Your initiatives put {_pct(observed)} on {LABELS[key]} against an intended "
        f"{_pct(intended)}: the plan and the initiatives differ by {gap:.0f} points.",
        (f"Balance (intended): {LABELS[key]} = {_pct(intended)}",
         f"Initiatives (observed): {LABELS[key]} = {_pct(observed)}"))


RULES: tuple[Callable[[Context], Tension | None], ...] = (
    rule_model_vs_balance,
    rule_structure_vs_balance,
    rule_aim_vs_balance,
    rule_model_vs_structure,
    rule_commercial_vs_degrees,
    rule_intended_vs_observed,
)


def tensions(doc) -> list[Tension]:
    """Every rule that fires for the document's current settings, in RULES order."""
    ctx = context(doc)
    return [t for t in (rule(ctx) for rule in RULES) if t is not None]


# --------------------------------------------------------------------------------------------
# Checking and reporting
# --------------------------------------------------------------------------------------------


def check(scenario: Scenario, file: str | None = None) -> None:
    """Refuse two initiatives with one id."""
    require_unique_ids(scenario.horizons.initiatives, "initiative", "horizons.initiatives", file)


def report(doc) -> dict:
    """The horizons part of the structures entry in ``score --json``."""
    h = doc.scenario.horizons
    observed = observed_split(h.initiatives)
    return {"balance": h.balance.model_dump(), "reference": h.reference.model_dump(),
            "locked": h.locked,
            "observed": observed.model_dump() if observed is not None else None,
            "initiatives": [i.model_dump() for i in h.initiatives],
            "tensions": [t.to_dict() for t in tensions(doc)]}


# --------------------------------------------------------------------------------------------
# Edits
# --------------------------------------------------------------------------------------------


def _check_key(key: str, what: str) -> str:
    if key not in KEYS:
        raise ScenarioError(f"unknown horizon {key!r} (known: {', '.join(KEYS)})", field=what)
    return key




def _gesture_key(kind: str, *parts: Hashable) -> Hashable | None:
    return None if parts[-1] is None else (kind, *parts)


def set_balance(doc, key: str, value: float, gesture: Hashable = None,
                base: Split | None = None):
    """Move one share of the intended split; the others follow ``rebalance`` and the lock.

    ``base`` is the split at the start of the gesture (default: the current one): rebalancing
    from it keeps a drag to 100% and back from losing the other two shares' proportions.
    """
    _check_key(key, "horizons.balance")
    value = finite_number(value, f"horizons.balance.{key}")
    if not 0.0 <= value <= 100.0:
        raise ScenarioError(f"{value:g} is outside 0-100", field=f"horizons.balance.{key}")
    plan = doc.scenario.horizons
    new = rebalance(plan.balance if base is None else base, key, value, plan.locked)
    return doc.make_edit(("horizons", "balance"), new, f"Balance {LABELS[key]}", FRAMEWORK_ID,
                         _gesture_key("balance", key, gesture))


def set_lock(doc, key: str | None):
    """Keep one share fixed while the others rebalance (None: no lock)."""
    if key is not None:
        _check_key(key, "horizons.locked")
    text = f"Lock {LABELS[key]}" if key else "Unlock balance"
    return doc.make_edit(("horizons", "locked"), key, text, FRAMEWORK_ID)


def set_reference(doc, split: Split | Sequence[float] | None = None):
    """Replace the reference split (None: back to 70/20/10, common practice)."""
    if split is None:
        split = make_split(*COMMON_PRACTICE)
    elif not isinstance(split, Split):
        values = [finite_number(v, "horizons.reference") for v in split]
        if len(values) != 3 or min(values) < 0 or abs(sum(values) - 100) > 0.05:
            raise ScenarioError("needs three shares from 0 to 100 that sum to 100",
                                field="horizons.reference")
        split = make_split(*values)
    return doc.make_edit(("horizons", "reference"), split, "Reference split", FRAMEWORK_ID)


def set_reference_share(doc, key: str, value: float, gesture: Hashable = None):
    """Move one share of the reference split; the others rebalance in proportion."""
    _check_key(key, "horizons.reference")
    value = finite_number(value, f"horizons.reference.{key}")
    if not 0.0 <= value <= 100.0:
        raise ScenarioError(f"{value:g} is outside 0-100", field=f"horizons.reference.{key}")
    new = rebalance(doc.scenario.horizons.reference, key, value, None)
    return doc.make_edit(("horizons", "reference"), new, f"Reference {LABELS[key]}",
                         FRAMEWORK_ID, _gesture_key("reference", key, gesture))


def _initiatives(doc) -> list[Initiative]:
    return [i.model_copy() for i in doc.scenario.horizons.initiatives]


def _index(items: list[Initiative], initiative_id: str) -> int:
    for n, i in enumerate(items):
        if i.id == initiative_id:
            return n
    raise ScenarioError(f"no initiative {initiative_id!r}", field="horizons.initiatives")


def new_initiative_id(doc) -> str:
    taken = {i.id for i in doc.scenario.horizons.initiatives}
    n = 1
    while f"initiative-{n}" in taken:
        n += 1
    return f"initiative-{n}"


def _clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise ScenarioError("a name cannot be empty", field="horizons.initiatives.name")
    return name[:200]


def add_initiative(doc, name: str | None = None, time: float = 0.5, horizon: float = 2.0,
                   size: float = 1.0):
    """A new initiative (by default on H2 mid-way along); its id is ``edit.new[-1].id``."""
    items = _initiatives(doc)
    if len(items) >= 500:
        raise ScenarioError("at most 500 initiatives", field="horizons.initiatives")
    iid = new_initiative_id(doc)
    if name is None:
        name = f"Initiative {iid.rsplit('-', 1)[1]}"
    size = finite_number(size, "horizons.initiatives.size")
    if not 0 < size <= 1e9:
        raise ScenarioError(f"{size:g} must be above 0", field="horizons.initiatives.size")
    item = Initiative(id=iid, name=_clean_name(name), size=size,
                      time=_clamp(finite_number(time, "time"), 0.0, 1.0),
                      horizon=_clamp(finite_number(horizon, "horizon"), 1.0, 3.0))
    return doc.make_edit(("horizons", "initiatives"), items + [item],
                         f"Add initiative {item.name}", FRAMEWORK_ID)


def _clamp(x: float, lo: float, hi: float) -> float:
    return round(min(hi, max(lo, x)), 3)


def move_initiative(doc, initiative_id: str, time: float, horizon: float,
                    gesture: Hashable = None):
    """Move an initiative (clamped to time 0-1, horizon 1-3); one gesture = one undo step."""
    items = _initiatives(doc)
    n = _index(items, initiative_id)
    t = _clamp(finite_number(time, "horizons.initiatives.time"), 0.0, 1.0)
    h = _clamp(finite_number(horizon, "horizons.initiatives.horizon"), 1.0, 3.0)
    items[n] = items[n].model_copy(update={"time": t, "horizon": h})
    return doc.make_edit(("horizons", "initiatives"), items, f"Move {items[n].name}",
                         FRAMEWORK_ID, _gesture_key("move-initiative", initiative_id, gesture))


def rename_initiative(doc, initiative_id: str, name: str):
    items = _initiatives(doc)
    n = _index(items, initiative_id)
    items[n] = items[n].model_copy(update={"name": _clean_name(name)})
    return doc.make_edit(("horizons", "initiatives"), items, f"Rename {items[n].name}",
                         FRAMEWORK_ID)


def set_initiative_size(doc, initiative_id: str, size: float):
    items = _initiatives(doc)
    n = _index(items, initiative_id)
    size = finite_number(size, "horizons.initiatives.size")
    if not 0 < size <= 1e9:
        raise ScenarioError(f"{size:g} must be above 0 and at most 1e9",
                            field="horizons.initiatives.size")
    items[n] = items[n].model_copy(update={"size": size})
    return doc.make_edit(("horizons", "initiatives"), items, f"Size of {items[n].name}",
                         FRAMEWORK_ID)


def delete_initiative(doc, initiative_id: str):
    items = _initiatives(doc)
    n = _index(items, initiative_id)
    gone = items.pop(n)
    return doc.make_edit(("horizons", "initiatives"), items, f"Delete {gone.name}", FRAMEWORK_ID)
