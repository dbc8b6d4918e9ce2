"""Where the radar writes "weights": the fast search (all candidate boxes against all boxes
to avoid at once, for 40-spoke frameworks) picks exactly the spot the plain search picks."""

from __future__ import annotations

import math

from fuzzing import examples
from hypothesis import given, settings, strategies as st

from mcexplorer.qt.charts.radar_marks import text_box, weights_label_spot


def plain_spot(xs, ys, avoid, size):
    """The search written out edge by edge, side by side (the definition)."""
    n = len(xs)
    best, best_score = ((0.0, 0.0), (0.0, 0.5)), -math.inf
    for k in range(n):
        mx, my = (xs[k] + xs[(k + 1) % n]) / 2, (ys[k] + ys[(k + 1) % n]) / 2
        r = math.hypot(mx, my)
        d = r or 1.0
        ux, uy = mx / d, my / d
        for side in (1.0, -1.0):
            score = r + (0.2 if mx > 0.05 else 0.0) - (0.3 if side < 0 else 0.0)
            if r > 1e-9 and my / r > 0.7:
                score -= 1.0
            sx, sy = side * ux, side * uy
            anchor = (0.0 if sx >= -0.2 else 1.0, 0.5 - 0.5 * max(-1.0, min(1.0, sy * 1.4)))
            spot = (mx + 0.04 * sx, my + 0.04 * sy)
            box = text_box(*spot, anchor, size)
            if size[0] > 0 and any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3]
                                   and b[1] < box[3] for b in avoid):
                score -= 10.0
            if score > best_score:
                best, best_score = (spot, anchor), score
    return best


def profile(weights):
    n = len(weights)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    return ([w * math.cos(a) for w, a in zip(weights, angles)],
            [w * math.sin(a) for w, a in zip(weights, angles)])


unit = st.floats(0.0, 1.0, allow_nan=False)
box = st.tuples(st.floats(-1.5, 1.5), st.floats(-1.5, 1.5), st.floats(0.0, 0.6),
                st.floats(0.0, 0.3)).map(lambda b: (b[0], b[1], b[0] + b[2], b[1] + b[3]))


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(unit, min_size=3, max_size=40), st.lists(box, max_size=45),
       st.tuples(st.floats(0.0, 0.5), st.floats(0.0, 0.2)))
def test_the_fast_search_picks_the_plain_searchs_spot(weights, avoid, size):
    xs, ys = profile(weights)
    assert weights_label_spot(xs, ys, avoid, size) == plain_spot(xs, ys, avoid, size)


def test_the_label_moves_off_a_name_it_would_cover():
    xs, ys = profile([0.8] * 8)
    free = weights_label_spot(xs, ys, [], (0.2, 0.08))
    covered = text_box(*free[0], free[1], (0.2, 0.08))
    moved = weights_label_spot(xs, ys, [covered], (0.2, 0.08))
    assert moved != free
