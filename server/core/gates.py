"""How many requests of a kind run at once in this process (server.api.deps.gated): asyncio semaphores, one set
per event loop. Uvicorn runs one loop per process; a test client may start a loop per request, and a semaphore that
once waited in one loop cannot wait in another."""

from __future__ import annotations

import asyncio
import threading
import weakref


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
