# The one place the version is written: pyproject.toml reads it from here (setuptools' dynamic version), so
# no command pays for importlib.metadata's scan of the installed packages (~45 ms) to print it.
__version__ = "0.1.0"
