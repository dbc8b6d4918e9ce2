"""Issue 24 item 18: placing names on the ecology map and the Three Horizons chart is linear
in the number of names at a given density (it compared every candidate place with every name
and marker placed: 500 offerings took 9.5 s, 500 initiatives 15 s at the first showing).
The property is asserted as a count of box comparisons, never as a time (speed is in
`make bench`, group "crowded")."""

from __future__ import annotations

import math

import pytest

from mcexplorer.core.ecology.chart_data import MapMarker
from mcexplorer.qt.ecology.charts import map_layout
from mcexplorer.qt.ecology.charts.map_markers import Spot
from mcexplorer.qt.structures.charts import horizons_labels
from mcexplorer.qt.structures.charts.horizons_labels import LabelRequest


class Counter:
    """Counts box comparisons, one pair at a time or a batch of candidates x boxes."""

    def __init__(self, monkeypatch, module) -> None:
        self.pairs = 0
        one, batch = getattr(module, "overlap", None), getattr(module, "overlap_sums", None)

        def overlap(a, b):
            self.pairs += 1
            return one(a, b)

        def overlap_sums(candidates, others):
            self.pairs += len(candidates) * len(others)
            return batch(candidates, others)

        if one is not None:  # a module that compares pairs one at a time
            monkeypatch.setattr(module, "overlap", overlap)
        if batch is not None:
            monkeypatch.setattr(module, "overlap_sums", overlap_sums)


def _lattice(n: int):
    side = math.ceil(math.sqrt(n))
    return [(i % side, i // side) for i in range(n)]


def _horizons_pairs(monkeypatch, n: int) -> int:
    """n initiatives on a lattice whose area grows with n: the same crowding at any n."""
    horizons_labels._placed.cache_clear()
    counter = Counter(monkeypatch, horizons_labels)
    requests = [LabelRequest(x=0.2 * i, y=0.1 * j, rx=0.01, ry=0.01, w=0.12, h=0.03,
                             kind="initiative", short_w=0.06) for i, j in _lattice(n)]
    side = math.ceil(math.sqrt(n))
    places = horizons_labels.place_labels(requests, [], (-1, 0.2 * side + 1, -1, 0.1 * side + 1),
                                          (0.005, 0.005))
    assert len(places) == n
    monkeypatch.undo()
    return counter.pairs


def _map_pairs(monkeypatch, qapp, n: int) -> int:
    """n offerings on the plane, the chart's pixels growing with n: the same crowding."""
    counter = Counter(monkeypatch, map_layout)
    side = math.ceil(math.sqrt(n))
    unit = 2.0 / side
    spots = [Spot(MapMarker(f"o{k}", f"Offering {k}", -1 + unit * (i + 0.5),
                            -1 + unit * (j + 0.5), 10.0, k + 1), unit * 0.15, k, f"Offering {k}")
             for k, (i, j) in enumerate(_lattice(n))]
    px = unit / 110  # a cell of the lattice is 110 pixels wide at any n: names meet neighbours
    left_out = map_layout.place_labels(spots, lambda t: (7.0 * len(t), 16.0), [], px, px)
    assert left_out == 0 and all(s.label is not None for s in spots)
    monkeypatch.undo()
    return counter.pairs


@pytest.mark.parametrize("where", ["horizons", "map"])
def test_placing_names_grows_linearly_with_their_number(monkeypatch, qapp, where):
    pairs = ((lambda n: _horizons_pairs(monkeypatch, n)) if where == "horizons"
             else (lambda n: _map_pairs(monkeypatch, qapp, n)))
    small, large = pairs(64), pairs(256)
    # Four times the names: about four times the comparisons (sixteen when quadratic).
    assert large < 6 * small, (small, large)


def test_names_placed_through_the_index_match_every_pair_compared():
    """The index only skips boxes that cannot overlap: same places as comparing all."""
    requests = [LabelRequest(x=0.05 * (k % 9), y=0.04 * (k // 9), rx=0.01, ry=0.01, w=0.1,
                             h=0.03, kind=("structure", "model", "initiative")[k % 3],
                             short_w=0.05) for k in range(60)]
    horizons_labels._placed.cache_clear()
    indexed = horizons_labels.place_labels(requests, [(0.1, 0.2, 0.1, 0.15)],
                                           (-0.2, 0.6, -0.1, 0.4), (0.004, 0.004))
    from mcexplorer.qt.structures.charts.horizons_data import overlap

    placed, expected = [], []
    markers = [horizons_labels.marker_box(r) for r in requests]
    for i, r in enumerate(requests):
        best = None
        tries = [r] + ([LabelRequest(**{**r.__dict__, "w": r.short_w})]
                       if 0 < r.short_w < r.w else [])
        for shortened, req in enumerate(tries):
            if shortened and best is not None and best[0] < horizons_labels.CLEAR_AND_NEAR:
                break
            for ring, rank, p in horizons_labels.candidates(req, (0.004, 0.004),
                                                            bool(shortened)):
                cost = horizons_labels.place_cost(
                    horizons_labels._outside(p.box, (-0.2, 0.6, -0.1, 0.4)),
                    sum(overlap(p.box, o) for o in placed),
                    sum(overlap(p.box, m) for j, m in enumerate(markers) if j != i),
                    overlap(p.box, (0.1, 0.2, 0.1, 0.15)), req.w * req.h, ring, rank,
                    bool(shortened))
                if best is None or cost < best[0] - 1e-9:
                    best = (cost, p)
        placed.append(best[1].box)
        expected.append(best[1])
    assert [(p.anchor, p.short) for p in indexed] == [(p.anchor, p.short) for p in expected]
    assert all(p.box == pytest.approx(q.box) for p, q in zip(indexed, expected))
