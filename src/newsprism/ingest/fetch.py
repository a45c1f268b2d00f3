"""Fetching a feed over HTTP, with a size limit and a timeout."""

from __future__ import annotations

from newsprism.errors import IngestError
from newsprism.version import __version__

TIMEOUT_SECONDS = 20


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def fetch_url(url: str, max_bytes: int) -> bytes:
    """The body at `url`; an IngestError naming the URL for HTTP errors, timeouts and oversize bodies."""
    import urllib.error  # http.client costs ~40 ms to import: only for ingests that fetch
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": f"newsprism/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        raise IngestError(url, f"HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise IngestError(url, f"cannot fetch ({reason})") from None
    if len(body) > max_bytes:
        raise IngestError(url, f"response is over --max-bytes ({max_bytes:,} bytes)")
    return body
