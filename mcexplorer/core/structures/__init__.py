"""Internal structures and the Three Horizons: the four structures of Brown, McGreal &
Peters (2023), the planner's initiatives on the horizons, the balance of effort, and the
coherence rules that compare them with the business-model framework.

Modules: ``models`` (the scenario section), ``balance``, ``curves``, ``rules``, ``edits``,
``report``, ``extension`` (registers the ``three-horizons`` extension). No Qt here.
"""
