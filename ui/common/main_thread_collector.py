"""The garbage collector runs on the UI thread only, from a timer (app/collector.py says why).

Cycles are as rare in this app as anywhere: reference counting frees nearly everything at once, so a collection a
second at most, when Python's own thresholds say one is due, frees cycles as soon as they matter. A long sync on a
worker meanwhile allocates freely; its cycles wait at most a second for the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app import collector

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Made on the UI thread; from then on the collector runs only there. Lives as long as its parent (the app)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        collector.on_one_thread()
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(collector.collect_due)
        self._timer.start()
