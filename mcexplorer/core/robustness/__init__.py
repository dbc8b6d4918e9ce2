"""How sure is the ranking: stability intervals, one-way sensitivity and rank acceptability.

Qt-free arithmetic over the scoring engine's utility table (``fit = 100 * sum(w u) / sum(w)``):

- ``stability`` / ``target_stability``: exact intervals of one weight (or the target) in which the
  current winner stays first, and who takes over beyond each end;
- ``sweep`` / ``crossings``: every option's fit as one weight goes 0-100, exact crossings and
  changes of first place;
- ``acceptability``: seeded SMAA-style shares of each rank under jittered (or uniform) weights,
  with ranged ratings drawn inside their range;
- ``verdict``, ``robustness_report``, ``sensitivity_report``: the sentence and the JSON.
"""

from .acceptability import (
                            Acceptability,
                            RangedCell,
                            acceptability,
                            ranged_cells,
                            time_acceptability,
)
from .report import draws_note, robustness_report, varied, verdict
from .sensitivity import (
                            Crossing,
                            Crossings,
                            Sweep,
                            crossings,
                            format_sensitivity,
                            sensitivity_report,
                            sweep,
)
from .stability import Interval, describe, scale_label, stability, target_stability

__all__ = [
    "Acceptability", "Crossing", "Crossings", "Interval", "RangedCell", "Sweep", "acceptability",
    "crossings", "describe", "draws_note", "format_sensitivity", "ranged_cells",
    "robustness_report", "scale_label", "sensitivity_report", "stability", "sweep",
    "target_stability", "time_acceptability", "varied", "verdict",
]
