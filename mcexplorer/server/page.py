"""The phone page: static/page.html filled in, every value from the scenario or the phone
escaped as HTML text (a name like ``<img onerror=...>`` shows as those characters).

One slider (``input[type=range]``, 0-100, named ``<framework-id>:<criterion-id>``) per
criterion, with its short description and which way it counts; the name field ``name``; the
button ``type=submit``. Nothing is loaded from anywhere else: the stylesheet and the small
script come from the same server, under the room's token. No Qt here.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape
from importlib import resources
from string import Template

from ..core.room.phones import MAX_PHONE_NAME, RoomSpec

RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "ha", "he", "iw", "khw", "ks",
                           "ps", "sd", "syr", "ug", "ur", "yi"})
DESCRIPTION_MAX = 160


@cache
def asset(name: str) -> str:
    """A file of static/ (page.html, page.css, page.js)."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def direction(accept_language: str | None) -> str:
    """``rtl`` when the browser's first language is written right to left, else ``ltr``."""
    first = (accept_language or "").split(",")[0].split(";")[0].strip().lower()
    return "rtl" if first.split("-")[0] in RTL_LANGUAGES else "ltr"


def short(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """The first sentence, cut at a word under ``limit`` characters ("Our reading (why):
    ..." keeps "Our reading:" and drops the why, which a phone has no room for)."""
    text = " ".join(text.split())
    text = re.sub(r"^Our reading \([^)]*\):", "Our reading:", text)
    sentence = text.split(". ")[0]
    if len(sentence) < len(text):
        sentence += "."
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:g}"


def render(spec: RoomSpec, *, phone: str, name: str = "",
           values: dict[str, float] | None = None, message: str = "", ok: bool = True,
           dir: str = "ltr") -> str:
    """The page for one phone: its token in a hidden field, its last values (else the
    framework defaults) on the sliders, and a message after a submission."""
    values = values or {}
    blocks = []
    n = 0
    for fw in spec.frameworks:
        rows = []
        for c in fw.criteria:
            n += 1
            value = values.get(c.field, c.default)
            desc = short(c.description)
            parts = [escape(desc)] if desc else []
            if c.direction:
                parts.append(f'<span class="dir">({escape(c.direction)})</span>')
            rows.append(
                f'<div class="crit"><label for="s-{n}">{escape(c.name)}</label>'
                f'<output id="o-{n}" for="s-{n}">{_number(value)}</output>'
                f'<p class="desc" id="d-{n}">{" ".join(parts)}</p>'
                f'<input type="range" id="s-{n}" name="{escape(c.field)}" min="0" max="100" '
                f'step="1" value="{_number(value)}" aria-describedby="d-{n}"></div>')
        if rows:
            blocks.append(f'<fieldset><legend>{escape(fw.name)}</legend>{"".join(rows)}'
                          '</fieldset>')
    note = ""
    if message:
        kind = "ok" if ok else "error"
        role = "status" if ok else "alert"
        note = f'<p class="message {kind}" role="{role}">{escape(message)}</p>'
    title = spec.title or "Weights for the room"
    return Template(asset("page.html")).substitute(
        dir="rtl" if dir == "rtl" else "ltr", title=escape(title), message=note,
        phone=escape(phone), name=escape(name), name_max=MAX_PHONE_NAME,
        frameworks="\n".join(blocks),
        button="Send again" if message and ok else "Send my weights")
