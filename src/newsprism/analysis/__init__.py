"""Comparison of coverage across outlets (claims, conflicts, quotes, entities, framing)."""
