"""A Comparison as JSON text, for `compare --format json`."""

from __future__ import annotations

import json

from newsprism.models import Comparison
from newsprism.serialization import comparison_dict


def comparison_json(comparison: Comparison) -> str:
    return json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2)
