"""Fetching threads, and results handed back in the order the work was asked for.

Written by hand: concurrent.futures joins its threads when the interpreter exits, so after Ctrl-C a
read stuck until its timeout would hold the exit; these threads are daemons. Results come back in
order so a run ingests pages in the same order whatever the network does (deterministic ledgers).
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


class DaemonPool:
    def __init__(self, size: int) -> None:
        self._tasks: queue.SimpleQueue[tuple[Future, Callable[[], object]] | None] = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._work, daemon=True, name=f"fetch-{n}") for n in range(size)]
        for thread in self._threads:
            thread.start()

    def submit(self, call: Callable[[], Result]) -> Future[Result]:
        future: Future[Result] = Future()
        self._tasks.put((future, call))
        return future

    def _work(self) -> None:
        while (task := self._tasks.get()) is not None:
            future, call = task
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(call())
                except BaseException as exc:  # handed to the caller, who re-raises it
                    future.set_exception(exc)

    def shutdown(self) -> None:
        """Threads end after their current task; nothing waits for them."""
        for _ in self._threads:
            self._tasks.put(None)


def in_order(pool: DaemonPool, jobs: deque[Job], start: Callable[[Job], Callable[[], Result]],
             window: int) -> Iterator[tuple[Job, Result]]:
    """Run up to ``window`` jobs at once and yield them in order. ``start`` runs in the caller's
    thread (so it may read state); ``jobs`` may grow while this runs (a sitemap index's children)."""
    running: deque[tuple[Job, Future[Result]]] = deque()
    try:
        while jobs or running:
            while jobs and len(running) < window:
                job = jobs.popleft()
                running.append((job, pool.submit(start(job))))
            job, future = running.popleft()
            yield job, future.result()
    finally:
        for _job, future in running:
            future.cancel()
