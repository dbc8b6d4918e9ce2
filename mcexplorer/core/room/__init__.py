"""The room: a workshop's participants, the group's weighting, where the room disagrees,
snapshots of the settings, and comparisons between two states.

models.py         Participant, GroupSettings (Snapshot is in core.models: it copies the
                  scenario's framework settings)
checks.py         participants and snapshots checked against the frameworks
group.py          group weighting (median or mean), top options, spread and its reading,
                  the "group" entry of ``score --json``
edits.py          undoable edits: participants, their weights, group method, snapshots
people_import.py  people from their own scenario files (``mcexplorer participants add``)
compare.py        two states side by side (``mcexplorer compare A B``, FILE#snapshot)
compare_data.py   what the Compare view shows (paired weight bars, radar, rank changes)
chart_data.py     the spread chart's and the top options' data

No Qt here.
"""
