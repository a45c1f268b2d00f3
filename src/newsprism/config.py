"""Defaults shared by the CLI and the library, in a module light enough for the CLI to import at start."""

DEFAULT_SUMMARY_LENGTH = 6  # sentences in a comparison's summary (the issue asks for 5-8 by default)
