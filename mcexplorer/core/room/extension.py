"""Registers the room's scenario checks (participants and snapshots span every framework, so
no framework names this extension; its checks run for every scenario)."""

from __future__ import annotations

from ..extensions import Extension, register
from .checks import check

EXTENSION = register(Extension(id="room", title="the room's views", kind="scenario",
                               sections=("participants", "group", "snapshots"), check=check))
