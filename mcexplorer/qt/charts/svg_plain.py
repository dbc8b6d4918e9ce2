"""QSvgGenerator's output made plain, so every SVG renderer draws what Qt drew.

Qt writes each drawing state as a group with a ``transform`` and draws cosmetic pens (all of
pyqtgraph's) with ``vector-effect="non-scaling-stroke"``: a plot's line sits in a group scaled
by 190 with a stroke 1.5 wide that must stay 1.5. librsvg ignores the vector effect (the
line becomes 280 units wide: the grey rings over the ecology map, the Three Horizons as one
green rectangle) and Chromium applies it after the viewBox too (lines half as thick at 2x).
Here each such shape gets its coordinates multiplied out into the document's own units and
loses the vector effect, so the stroke width means the same thing to everyone. Fonts are
named with the family Qt actually used and a generic fallback (``sans-serif``), so a renderer
without the first never falls back to a serif face.

Pure text processing (no Qt), so it can be tested on its own.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_S = "{" + SVG_NS + "}"
_VE = "vector-effect"
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_MATRIX = re.compile(r"matrix\(([^)]*)\)")
GENERIC = ("serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui")

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def _fmt(v: float) -> str:
    text = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def parse_matrix(text: str | None) -> Matrix:
    if not text:
        return IDENTITY
    m = _MATRIX.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"unexpected transform {text!r}")
    values = [float(v) for v in _NUMBER.findall(m.group(1))]
    if len(values) != 6:
        raise ValueError(f"unexpected transform {text!r}")
    return tuple(values)  # type: ignore[return-value]


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _points(m: Matrix, text: str) -> str:
    nums = [float(v) for v in _NUMBER.findall(text)]
    out = []
    for i in range(0, len(nums) - 1, 2):
        x, y = apply(m, nums[i], nums[i + 1])
        out.append(f"{_fmt(x)},{_fmt(y)}")
    return " ".join(out)


def _path(m: Matrix, d: str) -> str:
    """A path of absolute commands (what QSvgGenerator writes: M, L, C, Q, Z) transformed."""
    out = []
    for command, args in re.findall(r"([A-Za-z])([^A-Za-z]*)", d):
        if command not in "MLCQZmlcqz" or (command.islower() and command != "z"):
            raise ValueError(f"path command {command!r} not handled")
        out.append(command.upper() if command in "zZ" else command)
        if command in "Zz":
            continue
        out.append(_points(m, args))
    return " ".join(out)


def _rect_path(m: Matrix, x: float, y: float, w: float, h: float) -> str:
    corners = [apply(m, px, py) for px, py in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
    return "M" + " L".join(f"{_fmt(px)},{_fmt(py)}" for px, py in corners) + " Z"


def _ellipse_path(m: Matrix, cx: float, cy: float, rx: float, ry: float) -> str:
    """An ellipse as four cubic curves (exact enough: 0.03% off a circle), transformed."""
    k = 0.5522847498
    pts = [(cx + rx, cy), (cx + rx, cy + k * ry), (cx + k * rx, cy + ry), (cx, cy + ry),
           (cx - k * rx, cy + ry), (cx - rx, cy + k * ry), (cx - rx, cy),
           (cx - rx, cy - k * ry), (cx - k * rx, cy - ry), (cx, cy - ry),
           (cx + k * rx, cy - ry), (cx + rx, cy - k * ry), (cx + rx, cy)]
    t = [apply(m, px, py) for px, py in pts]
    text = f"M{_fmt(t[0][0])},{_fmt(t[0][1])}"
    for i in range(1, 13, 3):
        text += " C" + " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in t[i:i + 3])
    return text + " Z"


def _num(el: ET.Element, name: str) -> float:
    return float(el.get(name, "0") or 0)


def _bake(el: ET.Element, m: Matrix) -> ET.Element | None:
    """``el`` with ``m`` multiplied into its coordinates (a new or the same element), or None
    when it is not a shape this knows."""
    tag = el.tag[len(_S):] if el.tag.startswith(_S) else el.tag
    if tag in ("polyline", "polygon"):
        el.set("points", _points(m, el.get("points", "")))
        return el
    if tag == "path":
        el.set("d", _path(m, el.get("d", "")))
        return el
    if tag == "line":
        x1, y1 = apply(m, _num(el, "x1"), _num(el, "y1"))
        x2, y2 = apply(m, _num(el, "x2"), _num(el, "y2"))
        for k, v in (("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)):
            el.set(k, _fmt(v))
        return el
    if tag in ("rect", "ellipse", "circle"):
        if tag == "rect":
            d = _rect_path(m, _num(el, "x"), _num(el, "y"), _num(el, "width"), _num(el, "height"))
            if el.get("rx") or el.get("ry"):
                return None
        else:
            r = _num(el, "r")
            rx, ry = (r, r) if tag == "circle" else (_num(el, "rx"), _num(el, "ry"))
            d = _ellipse_path(m, _num(el, "cx"), _num(el, "cy"), rx, ry)
        new = ET.Element(_S + "path", {k: v for k, v in el.attrib.items()
                                        if k not in ("x", "y", "width", "height", "cx", "cy",
                                                     "r", "rx", "ry")})
        new.set("d", d)
        new.tail = el.tail
        return new
    return None


def _scale_of(m: Matrix) -> float:
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0


def _flatten_group(group: ET.Element) -> None:
    """Multiply the group's transform into its non-scaling shapes; what cannot be baked (text,
    images) keeps the transform in a group of its own."""
    m = parse_matrix(group.get("transform"))
    children = list(group)
    if not any(child.get(_VE) == "non-scaling-stroke" for child in children):
        return
    if m == IDENTITY:
        for child in children:
            child.attrib.pop(_VE, None)
        return
    group.set("transform", "matrix(1,0,0,1,0,0)")
    for i, child in enumerate(children):
        baked = _bake(child, m) if child.get(_VE) == "non-scaling-stroke" else None
        if baked is None:
            # Keep it where it was drawn; a stroke that was not to scale is divided back.
            wrapper = ET.Element(_S + "g", {"transform": "matrix(" + ",".join(
                _fmt(v) for v in m) + ")"})
            if child.get(_VE) == "non-scaling-stroke":
                width = float(child.get("stroke-width") or group.get("stroke-width") or 1)
                child.set("stroke-width", _fmt(width / _scale_of(m)))
                child.attrib.pop(_VE, None)
            wrapper.tail, child.tail = child.tail, None
            wrapper.append(child)
            group.remove(child)
            group.insert(i, wrapper)
            continue
        baked.attrib.pop(_VE, None)
        if baked is not child:
            group.remove(child)
            group.insert(i, baked)


def font_family(value: str, first: str | None = None) -> str:
    """A CSS font list that ends in a generic family: ``"DejaVu Sans", "Sans Serif",
    sans-serif``. Qt's own aliases (``Sans Serif``) are kept after the real family."""
    names = [n.strip().strip("'\"") for n in value.split(",") if n.strip()]
    if first and first not in names:
        names.insert(0, first)
    generic = "sans-serif"
    lowered = [n.casefold() for n in names]
    if any(n in ("serif", "times", "times new roman") for n in lowered):
        generic = "serif"
    elif any(n in ("monospace", "mono", "courier", "courier new") for n in lowered):
        generic = "monospace"
    names = [n for n in names if n.casefold() not in GENERIC]
    return ", ".join([f"'{n}'" if " " in n else n for n in names] + [generic])


def plain_svg(data: bytes, family: str | None = None) -> bytes:
    """QSvgGenerator's document with every shape in document units (no transform-dependent
    strokes) and every font list ending in a generic family. ``family`` is the face Qt laid
    the text out with (named first)."""
    root = ET.fromstring(data)
    for group in list(root.iter(_S + "g")):
        _flatten_group(group)
    cache: dict[str, str] = {}
    for el in root.iter():
        value = el.get("font-family")
        if value is not None:
            if value not in cache:
                cache[value] = font_family(value, family)
            el.set("font-family", cache[value])
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + body + "\n").encode()
