"""The garbage collector's settings for a process that runs for hours: the desktop app once its first window is up,
a serving server once its app is built.

What start-up made (modules, mappers, widgets, the app's objects) lives as long as the process, so it is frozen
and the collector no longer walks it; and young collections come less often, as a sync or a push allocates some
hundred small objects a record. Measured on a 10,000-record push (bench/sync.py, runs alternated): the server's
server_cpu_us_per_record 338 -> 306, the laptop's client_cpu_us_per_record 329-388 -> 315-322. Reference counting still frees nearly everything at once; the collector is only for
cycles, which still get collected, just later.

Not for test processes or library code: a test process builds many apps, and freezing would keep the cycles of
every earlier test.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 20_000  # the standard 700 ran a young collection every few records of a push


def settle() -> None:
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 10, 10)
