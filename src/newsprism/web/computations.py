"""One computation per key at a time, shared by everyone who asks for it meanwhile.

A story's first comparison can take a while; without this every visitor (and every reload) would start one
more, each holding its own copy of the models' work in memory.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from starlette.concurrency import run_in_threadpool

T = TypeVar("T")


class SharedComputations(Generic[T]):
    """`await shared.run(key, function)`: runs `function()` on a worker thread unless a run for `key` is
    already going, in which case the caller waits for that one's result (or its exception).

    Used from the event loop only, so the table of running computations needs no lock. A computation
    nobody waits for any more still finishes (a thread cannot be stopped): its result is cached by the
    function itself, so the next visitor gets it at once.
    """

    def __init__(self) -> None:
        self._running: dict[Hashable, asyncio.Task[T]] = {}

    def running(self) -> int:
        return len(self._running)

    async def run(self, key: Hashable, function: Callable[[], T]) -> T:
        task = self._running.get(key)
        if task is None:
            task = asyncio.ensure_future(run_in_threadpool(function))
            self._running[key] = task
            task.add_done_callback(lambda done: self._finished(key, done))
        # A waiter that goes away (its client disconnected) must not cancel the others' computation.
        return await asyncio.shield(task)

    def _finished(self, key: Hashable, task: asyncio.Task[T]) -> None:
        if self._running.get(key) is task:
            del self._running[key]
        if not task.cancelled():
            task.exception()  # retrieved here, so a run whose waiters all left logs no "never retrieved"
