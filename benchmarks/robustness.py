"""How sure is the ranking (issue 14): the cost of the rank acceptability and of the slider
bands.

The acceptability (SMAA-style draws) runs once a slider has been let go; its target is 10,000
draws on the default business-model matrix in under 100 ms. The stability intervals behind the
slider bands run on every step of a drag, so they are reported per step.
"""

from __future__ import annotations

import statistics
import time

from .report import Row, ms, p

ACCEPTABILITY_TARGET_S = 0.100


BUSINESS_MODELS = "business-models"


def measure_robustness() -> list[Row]:
    from mcexplorer.core.document import Document
    from mcexplorer.core.robustness import stability, time_acceptability

    doc, fid = Document(), BUSINESS_MODELS
    fw, s = doc.framework(fid), doc.settings(fid)
    times = time_acceptability(fw, s.weights, s.targets, draws=10_000, repeats=20)
    median = statistics.median(times)
    rows = [Row("10,000 acceptability draws (business models, median)", ms(median),
                f"< {ACCEPTABILITY_TARGET_S * 1000:.0f} ms", median < ACCEPTABILITY_TARGET_S,
                f"p95 {ms(p(times, 0.95))}; ranged ratings drawn")]
    table = doc.utility_table(fid)
    steps = []
    for k in range(200):
        weights = {**s.weights, "risk": float(k % 101)}
        t0 = time.perf_counter()
        stability(fw, weights, s.targets, s.rating_overrides, table=table)
        steps.append(time.perf_counter() - t0)
    rows.append(Row("Stability of every weight, per drag step (business models, median)",
                    ms(statistics.median(steps)), "-", None,
                    "cached utility table; runs on every slider step"))
    return rows
