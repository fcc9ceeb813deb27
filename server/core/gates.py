"""How many requests of a kind run at once in this process (server.api.deps.gated): asyncio semaphores, one set
per event loop. Uvicorn runs one loop per process; a test client may start a loop per request, and a semaphore that
once waited in one loop cannot wait in another. Password checks have a thread of their own, at a lower priority."""

from __future__ import annotations

import asyncio
import os
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor


class Gates:
    def __init__(self, sizes: dict[str, int]):
        self._sizes = dict(sizes)
        self._by_loop: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def __getitem__(self, name: str) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        with self._lock:
            gates = self._by_loop.get(loop)
            if gates is None:
                gates = self._by_loop[loop] = {key: asyncio.Semaphore(n) for key, n in self._sizes.items()}
        return gates[name]


LOW_PRIORITY = 10  # nice value of the password thread: the sync's threads come first when the CPU is short


class LowPriorityThread:
    """One worker thread at a lower CPU priority, made on first use: the password checks of this process, one at
    a time, so that a crowd logging in (or guessing) gets the cores only when pushes leave them free."""

    def __init__(self, name: str):
        self._name = name
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix=self._name, initializer=_lower_priority)
            return self._executor


def _lower_priority() -> None:
    # Linux keeps a nice value per thread (setpriority of a thread id); elsewhere the thread keeps the process's.
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), LOW_PRIORITY)
    except (AttributeError, OSError):
        pass
