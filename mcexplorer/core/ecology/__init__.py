"""The credential ecology: offerings placed on the bundled x credit plane, lenses, the
portfolio's mix and fit (Brown et al. 2020; Brown, McGreal & Peters 2023, Figure 3).

Modules: ``models`` (the scenario section), ``lenses``, ``mix`` (membership, mix,
classification, fit), ``edits``, ``report`` (checks and ``score --json``), ``extension``
(registers the ``ecology-map`` extension). No Qt here.
"""
