"""The comparison of one story's coverage across outlets: claims, conflicts, quotes, entities, framing,
summary and timeline, run by pipeline.py over the sentences annotate.py reads once.

(The package is not called `compare`: a subpackage of that name would replace the public function
`newsprism.compare` as soon as it is imported.)"""
