"""The tab registry: which tab shows a framework, by the extension the framework names.

One table, as napari maps layer types to their controls: each feature's Qt twin
(qt.extension, registered from the feature's Qt package) gives its tab; a plain framework (no
extension, or one with no view of its own) gets the generic FrameworkTab. Neither framework
ids nor features appear here.
"""

from __future__ import annotations

from ..core.models import Framework
from .extension import registered
from .framework.tab import FrameworkTab


def tab_class(framework: Framework) -> type[FrameworkTab]:
    """The tab class for a framework: its extension's twin's, else the generic one."""
    twin = None if framework.extension is None else registered().get(framework.extension)
    return FrameworkTab if twin is None else twin.tab()
