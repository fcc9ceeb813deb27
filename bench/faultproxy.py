"""A fault-injection TCP proxy on loopback: cuts at random byte offsets, delay, throttling, and byte counts.

Stands between the sync client and a real server to play a 2G link in the tests and the benchmark. The counts are
what crossed the proxy in each direction, headers and all: the on-the-wire figures of bench/sync.py come from
here, not from the client's own estimate.

Threads, not asyncio, so that it runs beside a server and a client in one test process without sharing a loop.
Each direction of a connection has a reader and a writer thread joined by a queue: the reader stamps each block
with its arrival time and the writer releases it ``delay`` later at no more than ``bandwidth`` bits per second,
which is how latency and a thin pipe add up on a real link (blocks are pipelined, not delayed one after another).
Bounded: it listens on 127.0.0.1 only, forwards to 127.0.0.1 only, and stops by itself after ``lifetime`` seconds.
"""

from __future__ import annotations

import queue
import random
import socket
import threading
import time
from dataclasses import dataclass, field

BLOCK = 65536
THROTTLE_SLICE = 512  # bytes written at a time when throttled, so the pacing stays smooth


@dataclass
class Faults:
    """What to do to traffic; may be changed while the proxy runs (new connections take the new values)."""

    cut_range: tuple[int, int] | None = None  # a connection is cut after a random number of bytes in this range
    max_cuts: int = 0  # then no more cuts: a test must end
    delay: float = 0.0  # seconds, each direction
    bandwidth: float | None = None  # bits per second, each direction
    down_until: float = 0.0  # time.monotonic() before which new connections are dropped at once


@dataclass
class Counters:
    bytes_up: int = 0  # client -> server
    bytes_down: int = 0
    connections: int = 0
    cuts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, up: bool, n: int) -> None:
        with self.lock:
            if up:
                self.bytes_up += n
            else:
                self.bytes_down += n


class FaultProxy:
    def __init__(self, target_port: int, *, faults: Faults | None = None, seed: int = 0, lifetime: float = 600.0):
        self.target = ("127.0.0.1", target_port)
        self.faults = faults or Faults()
        self.counters = Counters()
        self.rng = random.Random(seed)
        self.lifetime = lifetime
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopped = threading.Event()
        self._conns: set[_Connection] = set()
        self._lock = threading.Lock()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> FaultProxy:
        threading.Thread(target=self._accept, daemon=True, name="faultproxy-accept").start()
        if self.lifetime:
            timer = threading.Timer(self.lifetime, self.stop)
            timer.daemon = True
            timer.start()
        return self

    def stop(self) -> None:
        if self._stopped.is_set():
            return
        self._stopped.set()
        try:
            self._listener.close()
        except OSError:
            pass
        self.cut_all()

    def cut_all(self) -> None:
        """Drops every open connection now, as a tower handover does."""
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            conn.close()

    def reset_counters(self) -> None:
        with self.counters.lock:
            self.counters.bytes_up = self.counters.bytes_down = self.counters.connections = self.counters.cuts = 0

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            faults = self.faults
            if time.monotonic() < faults.down_until:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            # The 5 s was for connecting only: left on the socket, it would end any request whose body or answer
            # takes longer than that to cross a slow link, as if the link had dropped.
            server.settimeout(None)
            # Forwarded as it arrives: with Nagle's algorithm the proxy would hold a request's last small segment
            # until the server's delayed ACK (40 ms on Linux), a stall per request that no real link adds.
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            budget = None
            with self.counters.lock:
                self.counters.connections += 1
                if faults.cut_range and self.counters.cuts < faults.max_cuts:
                    budget = self.rng.randint(*faults.cut_range)
            conn = _Connection(self, client, server, faults, budget)
            with self._lock:
                self._conns.add(conn)
            conn.start()

    def _forget(self, conn: _Connection) -> None:
        with self._lock:
            self._conns.discard(conn)


class _Connection:
    def __init__(self, proxy: FaultProxy, client: socket.socket, server: socket.socket, faults: Faults,
                 budget: int | None):
        self.proxy, self.client, self.server, self.faults = proxy, client, server, faults
        self.budget = budget  # bytes (both directions) left before the cut; None: never
        self.lock = threading.Lock()
        self.closed = threading.Event()

    def start(self) -> None:
        for src, dst, up in ((self.client, self.server, True), (self.server, self.client, False)):
            q: queue.Queue = queue.Queue()
            threading.Thread(target=self._read, args=(src, q), daemon=True).start()
            threading.Thread(target=self._write, args=(dst, q, up), daemon=True).start()

    def close(self) -> None:
        if self.closed.is_set():
            return
        self.closed.set()
        for sock in (self.client, self.server):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self.proxy._forget(self)

    def _read(self, src: socket.socket, q: queue.Queue) -> None:
        while not self.closed.is_set():
            try:
                data = src.recv(BLOCK)
            except OSError:
                data = b""
            q.put((time.monotonic(), data))
            if not data:
                return

    def _write(self, dst: socket.socket, q: queue.Queue, up: bool) -> None:
        next_free = time.monotonic()
        while not self.closed.is_set():
            try:
                arrived, data = q.get(timeout=0.5)
            except queue.Empty:
                continue
            if not data:
                # Half-close: pass the end of stream on once everything before it has been delivered.
                time.sleep(max(0.0, arrived + self.faults.delay - time.monotonic()))
                try:
                    dst.shutdown(socket.SHUT_WR)
                except OSError:
                    self.close()
                return
            data, cut = self._take(data)
            wait = arrived + self.faults.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            # max(1, ...): the other direction may have spent the budget, leaving nothing to pass before the cut.
            step = THROTTLE_SLICE if self.faults.bandwidth else max(1, len(data))
            for i in range(0, len(data), step):
                piece = data[i:i + step]
                if self.faults.bandwidth:
                    next_free = max(next_free, time.monotonic()) + len(piece) * 8 / self.faults.bandwidth
                try:
                    dst.sendall(piece)
                except OSError:
                    self.close()
                    return
                self.proxy.counters.add(up, len(piece))
                if self.faults.bandwidth:
                    time.sleep(max(0.0, next_free - time.monotonic()))
            if cut:
                with self.proxy.counters.lock:
                    self.proxy.counters.cuts += 1
                self.close()
                return

    def _take(self, data: bytes) -> tuple[bytes, bool]:
        """The part of ``data`` that passes before the cut, and whether the cut comes after it."""
        with self.lock:
            if self.budget is None:
                return data, False
            if len(data) < self.budget:
                self.budget -= len(data)
                return data, False
            passed, self.budget = data[:self.budget], 0
            return passed, True
