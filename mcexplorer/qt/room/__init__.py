"""The room's views in the window: participants, the group, snapshots, compare, presenting,
phones joining.

state.py         RoomState: who the sliders show (the one place every tab asks), anonymising
weighting.py     a participant's and the group's weighting, as the tabs' ``weighting``
people.py        add, rename, remove and import participants (each one undo step)
picker.py        the participant picker above each tab's sliders
(the spread chart's and the top-options table's data: core.room.chart_data)
room_view.py     each tab's "Where the room disagrees" page: spread chart, top options
snapshots.py     the Snapshots dock: take, rename, delete, restore
compare_view.py  the Compare dialog (core.room.compare_data builds its data)
presentation.py  presentation mode (F5; Esc leaves)
phones.py        PhoneRoom: the room's web server on its thread, each phone's form an edit
invite.py        the invite screen (QR code, address, joined count, network, lock, new code)
invitation.py    Room > Invite the room..., Close the room, Merge participants...
actions.py       RoomViews: the window's Room and View menu entries, in one object

The window owns one RoomViews; nothing here imports the window.
"""
