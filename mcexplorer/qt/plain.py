"""Tooltips that show names from files and users as written.

Qt renders a tooltip as rich text when its first line looks like markup, so a name such as
"<a href='...'>CLICK</a>" would turn into a link. ``plain_tip`` escapes the text into rich
text that shows every character as typed (line breaks kept, long lines wrapped by Qt).
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt


def plain_tip(text: str) -> str:
    """``text`` as a tooltip that shows literally ('' stays '')."""
    if not text or not Qt.mightBeRichText(text):
        return text
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
