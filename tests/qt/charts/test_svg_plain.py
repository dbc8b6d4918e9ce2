"""QSvgGenerator's output made plain: shapes drawn with a cosmetic pen inside a scaled group
get their coordinates in document units (so a renderer that ignores non-scaling strokes draws
the same line), text keeps its place, and every font list ends in a generic family."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mcexplorer.qt.charts.svg_plain import font_family, plain_svg

SVG = "{http://www.w3.org/2000/svg}"
DOC = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="100mm" height="50mm" viewBox="0 0 400 200" xmlns="http://www.w3.org/2000/svg"
 xmlns:xlink="http://www.w3.org/1999/xlink" version="1.2" baseProfile="tiny">
<g fill="none" stroke="black">
<g stroke="#c8c8c8" stroke-width="1.5" transform="matrix(100,0,0,-100,200,100)"
 font-family="Sans Serif">
<polyline fill="none" vector-effect="non-scaling-stroke" points="-1,-1 1,-1 " />
<rect vector-effect="non-scaling-stroke" x="0" y="0" width="1" height="0.5"/>
<path vector-effect="non-scaling-stroke" d="M0,0 L1,1 C0.5,0 0.5,0 0,1 Z "/>
<text x="0" y="0" font-family="Sans Serif">label</text>
</g>
</g>
</svg>
"""


def test_scaled_cosmetic_shapes_are_multiplied_out_and_text_keeps_its_transform():
    root = ET.fromstring(plain_svg(DOC, "DejaVu Sans"))
    line = next(root.iter(f"{SVG}polyline"))
    assert line.get("points") == "100,200 300,200"
    assert line.get("vector-effect") is None
    paths = list(root.iter(f"{SVG}path"))
    assert paths[0].get("d") == "M200,100 L300,100 L300,50 L200,50 Z"  # the rect, flipped
    assert paths[1].get("d").startswith("M 200,100 L 300,0 C 250,100")
    text = next(root.iter(f"{SVG}text"))
    parent = next(g for g in root.iter(f"{SVG}g") if text in list(g))
    assert parent.get("transform") == "matrix(100,0,0,-100,200,100)"
    assert all(el.get("font-family", "x, sans-serif").endswith(", sans-serif")
               for el in root.iter())


def test_font_lists_end_in_a_generic_family():
    assert font_family("Sans Serif", "DejaVu Sans") == "'DejaVu Sans', 'Sans Serif', sans-serif"
    assert font_family("Times New Roman") == "'Times New Roman', serif"
    assert font_family("Arial, sans-serif") == "Arial, sans-serif"
