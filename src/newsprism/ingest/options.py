"""How inputs are read: size limit and field mapping, apart so the CLI imports them without the readers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    field_map: Mapping[str, str] = field(default_factory=dict)
