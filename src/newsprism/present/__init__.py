"""Everything that renders results for people or machines."""
