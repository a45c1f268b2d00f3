"""Embed texts on a worker thread while the caller goes on reading and storing articles.

onnxruntime releases the GIL while the model runs, so a single worker thread embeds one batch while the main
thread parses and stores the next: on two cores ingest and embedding overlap instead of adding up.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

import numpy as np

# Batches waiting or being embedded before `submit` waits for the oldest: bounds the memory held.
MAX_IN_FLIGHT = 8


class TextEmbedder(Protocol):
    """Anything that turns texts into unit vectors, one row per text."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class BackgroundEmbedder:
    """Embed batches of (key, text) on one worker thread; results come back in submission order.

    The embedder is made on the worker too, so loading the model overlaps with the caller's work. A batch
    that fails (a missing model) is left out of the results: whoever needs its vectors embeds the texts
    again and meets the error there, where it can be reported.
    """

    def __init__(self, make_embedder: Callable[[], TextEmbedder], max_in_flight: int = MAX_IN_FLIGHT) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-embed")
        self._embedder = self._pool.submit(make_embedder)
        self._in_flight: deque[tuple[list[int], Future[np.ndarray]]] = deque()
        self._max_in_flight = max_in_flight

    def submit(self, keys: Sequence[int], texts: Sequence[str]) -> list[tuple[int, np.ndarray]]:
        """Queue one batch; return the batches finished meanwhile (waiting for one if too many are queued)."""
        if keys:
            self._in_flight.append((list(keys), self._pool.submit(self._embed, list(texts))))
        finished = self.ready()
        if len(self._in_flight) > self._max_in_flight:
            finished.extend(self._collect())
        return finished

    def ready(self) -> list[tuple[int, np.ndarray]]:
        """(key, vector) of every batch finished so far, oldest first, without waiting."""
        finished: list[tuple[int, np.ndarray]] = []
        while self._in_flight and self._in_flight[0][1].done():
            finished.extend(self._collect())
        return finished

    def finish(self) -> list[tuple[int, np.ndarray]]:
        """Wait for every queued batch and return its (key, vector) pairs."""
        finished: list[tuple[int, np.ndarray]] = []
        while self._in_flight:
            finished.extend(self._collect())
        return finished

    def close(self) -> None:
        """Drop what is still queued and let the worker go."""
        for _, future in self._in_flight:
            future.cancel()
        self._in_flight.clear()
        self._pool.shutdown(wait=True)

    def _collect(self) -> list[tuple[int, np.ndarray]]:
        keys, future = self._in_flight.popleft()
        if future.exception() is not None:
            return []
        return list(zip(keys, future.result(), strict=True))

    def _embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._embedder.result().embed(texts), dtype=np.float32)
