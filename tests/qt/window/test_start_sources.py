"""The command's start drops the module sources PySide's import hook cached (about 20 MB of
memory), and an error's report still quotes the lines it happened on."""

from __future__ import annotations

import linecache
import traceback

import pytest

import mcexplorer.core.models as models
from mcexplorer.app import create_window, forget_sources
from mcexplorer.core.document import Document
from mcexplorer.core.errors import ScenarioError


def test_the_command_start_keeps_no_module_sources_once_the_first_frame_is_up(qtbot):
    linecache.getlines(models.__file__)  # as the import hook leaves it
    assert models.__file__ in linecache.cache
    w = create_window(lazy_tabs=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: len(w.framework_tabs) == len(w.document.frameworks), timeout=5000)
    assert models.__file__ not in linecache.cache


def test_an_error_report_still_quotes_its_source_lines_after_the_sources_are_dropped():
    forget_sources()
    with pytest.raises(ScenarioError) as caught:
        Document().framework("no-such-framework")
    text = "".join(traceback.format_exception(caught.value))
    assert 'raise ScenarioError(f"unknown framework' in text
