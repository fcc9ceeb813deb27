"""Cycles are freed on the UI thread only (app/collector.py, ui/common/main_thread_collector.py): a widget in a
cycle that a worker thread's allocations would have collected is deleted on the UI thread, by the timer."""

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from app import collector
from ui.common.main_thread_collector import MainThreadCollector


class _Cyclic(QWidget):
    def __init__(self):
        super().__init__()
        self.me = self  # a cycle: only the collector frees it
        self.ticker = QTimer(self, interval=50)  # a running timer, which Qt may stop only from its own thread
        self.ticker.start()


def _widget_in_a_cycle(deleted_on: list[int]) -> None:
    widget = _Cyclic()
    # Runs in whichever thread frees the widget (Qt's destructor runs right then, in the same thread).
    weakref.finalize(widget, lambda: deleted_on.append(threading.get_ident()))


def _allocate_on_a_worker() -> None:
    def churn():
        garbage = []
        for i in range(200_000):  # far past any generation's threshold
            garbage.append({"i": i, "l": [i]})
            if len(garbage) > 1000:
                garbage.clear()

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()


@pytest.fixture
def automatic_collection_back():
    """The rest of the suite runs with Python's automatic collection, as it always did."""
    yield
    gc.enable()


def test_a_workers_allocations_leave_the_cycles_to_the_ui_thread(qtbot, automatic_collection_back):
    holder = QObject()
    MainThreadCollector(holder)
    assert not gc.isenabled()
    deleted_on: list[int] = []
    gc.collect()
    _widget_in_a_cycle(deleted_on)
    _allocate_on_a_worker()
    assert deleted_on == []  # the worker crossed every threshold, and collected nothing
    # What this thread keeps grows past the young generation's threshold: the timer's next tick collects.
    kept = [[] for _ in range(gc.get_threshold()[0] + 10)]
    qtbot.waitUntil(lambda: bool(deleted_on), timeout=5000)
    assert len(kept) > gc.get_threshold()[0]
    assert deleted_on == [threading.get_ident()]
    holder.deleteLater()


def test_collect_due_makes_the_collection_pythons_policy_would_have_made(automatic_collection_back):
    collector.on_one_thread()
    gc.collect()
    threshold = gc.get_threshold()[0]
    assert collector.collect_due() is None  # nothing allocated since
    kept = [[] for _ in range(threshold + 10)]  # past the young generation's threshold
    assert collector.collect_due() == 0
    assert gc.get_count()[0] < 10 and len(kept) > threshold
