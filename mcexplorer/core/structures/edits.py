"""Edits of the Three Horizons plan: balance, lock, reference split and initiatives.

Each function takes a Document and returns an Edit; nothing changes until it is applied.
No Qt here.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from ..edits import Edit
from ..errors import ScenarioError, finite_number
from ..values import clamp_to, clean_name, unique_id
from .balance import COMMON_PRACTICE, KEYS, LABELS, make_split, rebalance
from .models import Initiative, Split
from .rules import framework_id

if TYPE_CHECKING:
    from ..document import Document


def _check_key(key: str, what: str) -> str:
    if key not in KEYS:
        raise ScenarioError(f"unknown horizon {key!r} (known: {', '.join(KEYS)})", field=what)
    return key




def _gesture_key(kind: str, *parts: Hashable) -> Hashable | None:
    return None if parts[-1] is None else (kind, *parts)


def set_balance(doc: Document, key: str, value: float, gesture: Hashable = None,
                base: Split | None = None) -> Edit:
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
    return doc.make_edit(("horizons", "balance"), new, f"Balance {LABELS[key]}",
                         framework_id(doc) or "",
                         _gesture_key("balance", key, gesture))


def set_lock(doc: Document, key: str | None) -> Edit:
    """Keep one share fixed while the others rebalance (None: no lock)."""
    if key is not None:
        _check_key(key, "horizons.locked")
    text = f"Lock {LABELS[key]}" if key else "Unlock balance"
    return doc.make_edit(("horizons", "locked"), key, text, framework_id(doc) or "")


def set_reference(doc: Document, split: Split | Sequence[float] | None = None) -> Edit:
    """Replace the reference split (None: back to 70/20/10, common practice)."""
    if split is None:
        split = make_split(*COMMON_PRACTICE)
    elif not isinstance(split, Split):
        values = [finite_number(v, "horizons.reference") for v in split]
        if len(values) != 3 or min(values) < 0 or abs(sum(values) - 100) > 0.05:
            raise ScenarioError("needs three shares from 0 to 100 that sum to 100",
                                field="horizons.reference")
        split = make_split(*values)
    return doc.make_edit(("horizons", "reference"), split, "Reference split",
                         framework_id(doc) or "")


def set_reference_share(doc: Document, key: str, value: float, gesture: Hashable = None) -> Edit:
    """Move one share of the reference split; the others rebalance in proportion."""
    _check_key(key, "horizons.reference")
    value = finite_number(value, f"horizons.reference.{key}")
    if not 0.0 <= value <= 100.0:
        raise ScenarioError(f"{value:g} is outside 0-100", field=f"horizons.reference.{key}")
    new = rebalance(doc.scenario.horizons.reference, key, value, None)
    return doc.make_edit(("horizons", "reference"), new, f"Reference {LABELS[key]}",
                         framework_id(doc) or "", _gesture_key("reference", key, gesture))


def _initiatives(doc: Document) -> list[Initiative]:
    return [i.model_copy() for i in doc.scenario.horizons.initiatives]


def _index(items: list[Initiative], initiative_id: str) -> int:
    for n, i in enumerate(items):
        if i.id == initiative_id:
            return n
    raise ScenarioError(f"no initiative {initiative_id!r}", field="horizons.initiatives")


def new_initiative_id(doc: Document) -> str:
    return unique_id("initiative", (i.id for i in doc.scenario.horizons.initiatives),
                      always_number=True)


def _clean_name(name: str) -> str:
    return clean_name(name, "horizons.initiatives.name", truncate=True)


def add_initiative(doc: Document, name: str | None = None, time: float = 0.5, horizon: float = 2.0,
                   size: float = 1.0) -> Edit:
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
                         f"Add initiative {item.name}", framework_id(doc) or "")


def _clamp(x: float, lo: float, hi: float) -> float:
    return round(clamp_to(x, lo, hi), 3)


def move_initiative(doc: Document, initiative_id: str, time: float, horizon: float,
                    gesture: Hashable = None) -> Edit:
    """Move an initiative (clamped to time 0-1, horizon 1-3); one gesture = one undo step."""
    items = _initiatives(doc)
    n = _index(items, initiative_id)
    t = _clamp(finite_number(time, "horizons.initiatives.time"), 0.0, 1.0)
    h = _clamp(finite_number(horizon, "horizons.initiatives.horizon"), 1.0, 3.0)
    items[n] = items[n].model_copy(update={"time": t, "horizon": h})
    return doc.make_edit(("horizons", "initiatives"), items, f"Move {items[n].name}",
                         framework_id(doc) or "",
                         _gesture_key("move-initiative", initiative_id, gesture))


def rename_initiative(doc: Document, initiative_id: str, name: str) -> Edit:
    items = _initiatives(doc)
    n = _index(items, initiative_id)
    items[n] = items[n].model_copy(update={"name": _clean_name(name)})
    return doc.make_edit(("horizons", "initiatives"), items, f"Rename {items[n].name}",
                         framework_id(doc) or "")


def set_initiative_size(doc: Document, initiative_id: str, size: float) -> Edit:
    items = _initiatives(doc)
    n = _index(items, initiative_id)
    size = finite_number(size, "horizons.initiatives.size")
    if not 0 < size <= 1e9:
        raise ScenarioError(f"{size:g} must be above 0 and at most 1e9",
                            field="horizons.initiatives.size")
    items[n] = items[n].model_copy(update={"size": size})
    return doc.make_edit(("horizons", "initiatives"), items, f"Size of {items[n].name}",
                         framework_id(doc) or "")


def delete_initiative(doc: Document, initiative_id: str) -> Edit:
    items = _initiatives(doc)
    n = _index(items, initiative_id)
    gone = items.pop(n)
    return doc.make_edit(("horizons", "initiatives"), items, f"Delete {gone.name}",
                         framework_id(doc) or "")
