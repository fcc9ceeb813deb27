"""The turns a worker process gives out: pushes wait on the event loop (any loop: a test client may start one per
request), password checks run one at a time in a thread of lower CPU priority."""

from __future__ import annotations

import asyncio
import os
import sys
import threading

import pytest

from server.core.gates import LOW_PRIORITY, Gates, LowPriorityThread


def test_a_gate_lets_so_many_in_at_once_in_every_loop():
    gates = Gates({"push": 2})
    inside, most = 0, 0

    async def one():
        nonlocal inside, most
        async with gates["push"]:
            inside += 1
            most = max(most, inside)
            await asyncio.sleep(0.01)
            inside -= 1

    async def crowd():
        await asyncio.gather(*(one() for _ in range(6)))

    asyncio.run(crowd())
    asyncio.run(crowd())  # a second loop: a semaphore bound to the first would refuse to wait here
    assert most == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a nice value per thread is Linux's")
def test_password_checks_run_below_the_sync_in_one_thread():
    thread = LowPriorityThread("password")
    own = os.getpriority(os.PRIO_PROCESS, 0)

    def where():
        return threading.get_ident(), os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    answers = [thread.executor().submit(where).result() for _ in range(3)]
    assert len({ident for ident, _ in answers}) == 1
    assert all(nice == min(19, own + LOW_PRIORITY) for _, nice in answers)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own  # the caller's is left alone
