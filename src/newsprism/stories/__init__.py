"""Stories: near-duplicate copies, the signals and words of each article, the online clusterer, the cut
of stories that hold two events, and the builder that runs them after articles are stored."""
