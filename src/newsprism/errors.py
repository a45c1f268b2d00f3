"""Errors written for the user to read: each becomes one line on stderr at the CLI boundary."""


class NewsprismError(Exception):
    """Base class of every error newsprism reports to the user."""


class IngestError(NewsprismError):
    """An input (file, record, feed URL) could not be turned into articles."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class StoreError(NewsprismError):
    """The database cannot be opened or is not a newsprism database."""


class NotFoundError(NewsprismError):
    """A requested article or story id does not exist."""
