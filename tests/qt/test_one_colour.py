"""One colour per option in every view, the exports and the report (issue 25, point 5): the
ranking, radar, options table, Three Horizons and Strategy on a page give a business model
or a structure the same colour, in the window and in the tabs the exports and the report
draw (truth's drawn_charts: the chart widgets alone, from data)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from mcexplorer.core import view
from mcexplorer.core.structures import edits as hz_edits  # noqa: F401 - the feature's edits
from mcexplorer.qt.export.charts import by_kind, drawn_charts

BM, ST, LR = "business-models", "structures", "leadership-risks"


def _resolver(fw):
    """A name as a chart shows it ("3 New PACE unit", "New PACE unit (scenario 3)", elided
    "3 Ne...unit") -> the option's full name."""
    def full(shown: str) -> str:
        text = re.sub(r"^\d+ ", "", re.sub(r" \(scenario \d+\)$", "", shown))
        head = re.split(r"\.\.\.|\u2026", text)[0]
        found = [o.name for o in fw.options
                 if any(n and (n.startswith(head) or re.sub(r"^\d+ ", "", n).startswith(head))
                        for n in (o.name, o.short_name, o.label))]
        assert len(found) == 1, (shown, found)
        return found[0]
    return full


def _colours_in(tabs) -> dict[tuple[str, str], set[str]]:
    """(framework, option name) -> every colour it is drawn in across the views."""
    seen: dict[tuple[str, str], set[str]] = {}

    def note(fid: str, name: str, colour: str) -> None:
        seen.setdefault((fid, name), set()).add(QColor(colour).name().lower())

    for fid in (BM, ST):
        tab = tabs[fid]
        names = {o.id: o.name for o in tab.framework.options}
        labels = _resolver(tab.framework)
        for oid, name in names.items():
            note(fid, name, tab.option_colour(oid))
        for row in tab.ranking_data().rows:
            if row.colour:  # grey ("" here) means "not on the radar"
                note(fid, labels(row.name), row.colour)
        for series in tab.radar_data().series:
            note(fid, labels(series.name), series.colour)
        model = tab.options_model
        for r in range(model.rowCount()):
            swatch = model.data(model.index(r, 0), Qt.ItemDataRole.DecorationRole)
            note(fid, tab.framework.options[r].name, swatch.name())
    hz = tabs[ST].horizons_data()
    for m in hz.fixed:
        if m.kind == "structure":
            name = next(o.name for o in tabs[ST].framework.options if o.id == m.id)
            note(ST, name, m.colour)
    strategy = tabs[LR].strategy_page
    s = tabs[LR].strategy
    for bar in strategy.bars["business-models"].data.bars:
        name = next((n for n, _fit in s.model.top if bar.label == n), None)
        if name is not None:
            note(BM, name, bar.colour)
        elif bar.label.startswith(s.model.name):  # the leader's "first as weights vary"
            note(BM, s.model.name, bar.colour)
    for bar in strategy.bars["structures"].data.bars:
        if bar.label.startswith("Best structure"):
            note(ST, s.structure["name"], bar.colour)
    return seen


def _colours_drawn(doc, charts) -> dict[tuple[str, str], set[str]]:
    """(framework, option name) -> its colours in the charts an export draws."""
    seen: dict[tuple[str, str], set[str]] = {}

    def note(fid: str, name: str, colour: str) -> None:
        seen.setdefault((fid, name), set()).add(QColor(colour).name().lower())

    for fid in (BM, ST):
        fw = doc.framework(fid)
        labels = _resolver(fw)
        for row in charts[(fid, "ranking")].data.rows:
            if row.colour:
                note(fid, labels(row.name), row.colour)
        for series in charts[(fid, "radar")].data.series:
            note(fid, labels(series.name), series.colour)
    for m in charts[(ST, "horizons")].data.fixed:
        if m.kind == "structure":
            note(ST, next(o.name for o in doc.framework(ST).options if o.id == m.id), m.colour)
    return seen


def test_every_option_has_one_colour_across_tabs_exports_and_the_report(open_window, qtbot):
    window = open_window(LR)
    window.framework_tabs[LR].refresh()
    on_screen = _colours_in(window.framework_tabs)
    several = {key: c for key, c in on_screen.items() if len(c) > 1}
    assert not several, several
    # Strategy on a page names the leading model and structure: they were checked above.
    s = window.framework_tabs[LR].strategy
    assert (BM, s.model.name) in on_screen and (ST, s.structure["name"]) in on_screen
    # What Export all and the report draw: the charts built from data under the weighting in
    # view, no tab among them.
    with drawn_charts(window.document, view.in_view(window.document)) as items:
        printed = _colours_drawn(window.document, by_kind(items))
    assert printed, "the exports draw no option"
    for key, colours in printed.items():
        assert colours == on_screen[key], (key, colours, on_screen[key])
    # Different options, different colours (eight business models, four structures).
    for fid in (BM, ST):
        colours = [next(iter(c)) for (f, _n), c in on_screen.items() if f == fid]
        assert len(colours) == len(set(colours)), sorted(k for k in on_screen if k[0] == fid)
