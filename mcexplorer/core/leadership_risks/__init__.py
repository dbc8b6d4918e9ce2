"""Leadership and risks: the paper's second and fifth key questions (Brown, McGreal & Peters
2023): what leadership is required, and what could possibly go wrong.

Modules: ``content`` (resources/leadership-risks.json, validated and cached), ``models`` (the
scenario sections ``leadership`` and ``risks``), ``rules`` (coverage, gaps, culture gap, risk
order, plan B sentence, leadership check), ``edits`` (undoable Edits), ``report`` (check and
the ``score --json`` entry) and ``summary`` (the five key questions answered).

No Qt here.
"""

FRAMEWORK_ID = "leadership-risks"
