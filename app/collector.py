"""The garbage collector's settings for a process that runs for hours: the desktop app once its first window is up,
a serving server once its app is built.

What start-up made (modules, mappers, widgets, the app's objects) lives as long as the process, so it is frozen
and the collector no longer walks it; and young collections come less often, as a sync or a push allocates some
hundred small objects a record. Measured on a 10,000-record push (bench/sync.py, runs alternated): the server's
server_cpu_us_per_record 338 -> 306, the laptop's client_cpu_us_per_record 329-388 -> 315-322. Reference counting still frees nearly everything at once; the collector is only for
cycles, which still get collected, just later.

Not for test processes or library code: a test process builds many apps, and freezing would keep the cycles of
every earlier test.

The desktop app also takes the collector off its worker threads (``on_one_thread`` and ``collect_due``, driven by
ui/common/main_thread_collector.py). Python collects in whichever thread happens to allocate when a threshold is
crossed: a database task or a sync on a worker could then free a cycle that holds a widget, and Qt would delete that
widget, and stop its timers, from the wrong thread, which crashes the app (Anki collects on its main thread for the
same reason).
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 20_000  # the standard 700 ran a young collection every few records of a push


def settle() -> None:
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)


def on_one_thread() -> None:
    """No automatic collections: from now on only ``collect_due``, called on one thread, collects cycles."""
    gc.disable()


def collect_due() -> int | None:
    """The collection Python's own policy would have made by now, if any, on the calling thread: the oldest
    generation whose count passed its threshold (``gc.collect`` resets the counts as an automatic one does).
    Returns the generation collected, or None."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return None
    generation = 0
    for older in (1, 2):
        if counts[older] > thresholds[older]:
            generation = older
    gc.collect(generation)
    return generation
