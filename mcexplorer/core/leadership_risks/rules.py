"""The rules of the leadership-and-risks feature: pure functions over the scenario sections.

* ``team_coverage``: the share (0-1) of the content's team roles with someone named in them.
* ``gaps``: the vacant roles, key roles first (the ones the paper stresses), each with the
  paper's warning ("no CFO around the table").
* ``needed_profile`` / ``culture_gap``: per principle, needed minus current, where needed is
  the room's value or else the tool's default profile for the positioning (our reading).
* ``sorted_risks``: by likelihood x impact, highest first; ties keep the register's order.
* ``plan_b_sentence``: the plan B as one sentence for a board, whatever is still missing.
* ``leadership_check``: our reading of the paper's link between positioning and leadership.

``content`` defaults to the bundled file; tests may pass their own. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .content import Content, content as bundled
from .models import Leadership, PlanB, Risk

VACANT_WORDS = frozenset({"", "vacant"})
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _c(c: Content | None) -> Content:
    return bundled() if c is None else c


# --------------------------------------------------------------------------------------------
# The team
# --------------------------------------------------------------------------------------------


def is_vacant(name: str | None) -> bool:
    """A seat is empty when no one is named (blank, or the word "vacant")."""
    return name is None or " ".join(name.split()).lower() in VACANT_WORDS


def filled_roles(leadership: Leadership) -> dict[str, str]:
    """Role id -> the name of who holds it, for the roles with someone named."""
    return {m.role: " ".join(m.name.split()) for m in leadership.team if not is_vacant(m.name)}


def team_coverage(leadership: Leadership, content: Content | None = None) -> float:
    """Share (0-1) of the content's roles that have someone named."""
    roles = [r.id for r in _c(content).team_roles]
    filled = filled_roles(leadership)
    return sum(1 for r in roles if r in filled) / len(roles)


@dataclass(frozen=True)
class Gap:
    role: str
    name: str
    """The role's name ("Chief Financial Officer")."""
    gap: str
    """What is missing, in a few words ("no CFO around the table")."""
    warning: str
    key: bool
    source: str


def gaps(leadership: Leadership, content: Content | None = None) -> list[Gap]:
    """The vacant roles: those the paper stresses first, then the rest, each in content order."""
    filled = filled_roles(leadership)
    vacant = [r for r in _c(content).team_roles if r.id not in filled]
    vacant.sort(key=lambda r: not r.key)  # stable: content order within each group
    return [Gap(r.id, r.name, r.gap, r.warning, r.key, r.source) for r in vacant]


# --------------------------------------------------------------------------------------------
# Culture
# --------------------------------------------------------------------------------------------


def default_needed(positioning: str, content: Content | None = None) -> dict[str, int]:
    """The tool's needed profile for a positioning (our reading); {} for "none" or unknown."""
    c = _c(content)
    try:
        return dict(c.profile(positioning).ratings)
    except KeyError:
        return {}


def needed_profile(leadership: Leadership, positioning: str,
                   content: Content | None = None) -> dict[str, int | None]:
    """Per principle: the room's needed value, else the default for the positioning, else None."""
    c = _c(content)
    defaults = default_needed(positioning, c)
    return {p.id: leadership.needed.get(p.id, defaults.get(p.id)) for p in c.principles}


def current_profile(leadership: Leadership,
                    content: Content | None = None) -> dict[str, int | None]:
    """Per principle: the room's rating of where the institution is, None while unrated."""
    return {p.id: leadership.culture.get(p.id) for p in _c(content).principles}


def culture_gap(leadership: Leadership, positioning: str,
                content: Content | None = None) -> dict[str, int | None]:
    """Per principle: needed - current (positive: short of what is needed). None while either
    side is unknown (the principle is unrated, or no positioning and no needed value set)."""
    needed = needed_profile(leadership, positioning, content)
    current = current_profile(leadership, content)
    return {pid: (None if (n := needed[pid]) is None or (c := current[pid]) is None
                  else n - c) for pid in needed}


# --------------------------------------------------------------------------------------------
# Risks
# --------------------------------------------------------------------------------------------


def risk_score(risk: Risk) -> int:
    """Likelihood x impact, 1-25: the heat map's ordering."""
    return risk.likelihood * risk.impact


def sorted_risks(items: Iterable[Risk]) -> list[Risk]:
    """Highest likelihood x impact first; equal scores keep the register's order."""
    return sorted(items, key=lambda r: -risk_score(r))


def top_risks(items: Iterable[Risk], n: int = 3) -> list[Risk]:
    return sorted_risks(items)[:n]


# --------------------------------------------------------------------------------------------
# Plan B
# --------------------------------------------------------------------------------------------


def format_date(day: dt.date) -> str:
    """30 June 2026 (English month names, whatever the system locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_amount(value: float) -> str:
    """250,000 or 1,234.50: thousands separated, pence only when there are some."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def format_pct(value: float) -> str:
    return f"{value:g}%"


def plan_b_sentence(plan_b: PlanB) -> str:
    """The plan B as one sentence that can go to a board; says what is missing if it is not set.
    Either target missed triggers it (our reading of "fail to achieve the income and
    recruitment targets")."""
    income, learners = plan_b.income_target, plan_b.recruitment_target
    date = format_date(plan_b.review_date) if plan_b.review_date else None
    pct = None if plan_b.threshold_pct is None else format_pct(plan_b.threshold_pct)
    if income is None and learners is None:
        missing = ["an income or a recruitment target"]
        missing += [] if date else ["a review date"]
        missing += [] if pct else ["the share of target below which the fallback or exit starts"]
        settled = ([f"review on {date}"] if date else []) + ([f"threshold {pct}"] if pct else [])
        extra = f" (already set: {', '.join(settled)})" if settled else ""
        listed = missing[0] if len(missing) == 1 else \
            f"{', '.join(missing[:-1])} and {missing[-1]}"
        return f"No plan B yet: set {listed}{extra}."
    below = f"is below {pct} of" if pct else "falls short of"
    shortfalls = []
    if income is not None:
        shortfalls.append(f"income {below} its {format_amount(income)} target")
    if learners is not None:
        shortfalls.append(f"recruitment {below} its target of {learners:,} {_learners(learners)}")
    when = f"at the review on {date}" if date else "at a review still to be dated"
    return (f"If, {when}, {' or '.join(shortfalls)}, the institution moves to its plan B: "
            "the agreed fallback or an orderly exit from micro-credentials.")


def _learners(n: int) -> str:
    return "learner" if n == 1 else "learners"


# --------------------------------------------------------------------------------------------
# Leadership and positioning
# --------------------------------------------------------------------------------------------

CheckStatus = Literal["open", "fits", "beyond", "short"]


@dataclass(frozen=True)
class LeadershipCheck:
    """How the chosen approach compares with what the positioning calls for.

    status: "open" (no positioning or no approach yet), "fits", "beyond" (more than needed:
    no problem), "short" (less than the positioning calls for, or laissez-faire)."""

    status: CheckStatus
    message: str
    source: str
    needs: str | None = None
    """The family of leadership the positioning calls for (None while open)."""


POSITIONING_WORDS = {"supplementary": "supplementary", "credit-bearing": "credit-bearing",
                     "integrated": "integrated, stackable"}


def leadership_check(positioning: str, approach: str | None,
                     content: Content | None = None) -> LeadershipCheck:
    """The paper's link: a modest, supplementary positioning may need only a transactional
    leader; an ambitious, integrated one calls for a transformative leader and new structures.
    ``positioning`` is the ecology reading: supplementary, credit-bearing, integrated or none."""
    c = _c(content)
    chosen = None
    if approach is not None:
        try:
            chosen = c.approach(approach)
        except KeyError:
            chosen = None
    if chosen is not None and chosen.family == "laissez-faire":
        return LeadershipCheck(
            "short", "A laissez-faire approach is the least effective, the paper finds, and is "
            "unlikely to engage key stakeholders, whatever the positioning.", chosen.source)
    try:
        link = c.link(positioning)
    except KeyError:
        return LeadershipCheck(
            "open", "Place offerings on the credential-ecology map: the leadership a strategy "
            "needs depends on how its portfolio is positioned.", c.positioning_links[0].source)
    needs = c.family(link.needs)
    if chosen is None:
        return LeadershipCheck(
            "open", f"Choose a leadership approach. {link.message}", link.source, needs.id)
    have = c.family(chosen.family)
    words = POSITIONING_WORDS[link.positioning]
    article = "an" if words[0] in "aeiou" else "a"
    chosen_text = f"The chosen approach ({chosen.name})"
    if have.level < needs.level:
        return LeadershipCheck(
            "short", f"{chosen_text} may fall short for {article} {words} positioning. "
            f"{link.message}", link.source, needs.id)
    if have.level > needs.level:
        return LeadershipCheck(
            "beyond", f"{chosen_text} is more than {article} {words} positioning needs; it "
            "leaves room to grow towards stackable pathways.", link.source, needs.id)
    return LeadershipCheck(
        "fits", f"{chosen_text} matches {article} {words} positioning. {link.message}",
        link.source, needs.id)


def approach_name(approach: str | None, content: Content | None = None) -> str | None:
    if approach is None:
        return None
    try:
        return _c(content).approach(approach).name
    except KeyError:
        return approach


def gap_labels(items: Sequence[Gap]) -> list[str]:
    return [g.gap for g in items]
