"""The local web app of `newsprism serve`: the report's pages from the live database, search, upload, API."""
