"""The comparison of one story's coverage across outlets: claims, conflicts, quotes, entities, framing,
summary and timeline, run by pipeline.py."""
