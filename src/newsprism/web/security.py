"""Who may talk to `newsprism serve`: the Host and Origin checks, the upload form's CSRF token, the opt-in
access token, the headers every response carries, and error messages with no server paths in them.

The app has no accounts. On 127.0.0.1 the threat is another web page open in the user's browser: it can
post a form to the local server (refused by the Origin check and the form's token) or point a DNS name it
controls at 127.0.0.1 to read the pages as if they were its own (DNS rebinding, refused by the Host check).
Listening beyond this machine is the user's choice; `--token` (or NEWSPRISM_TOKEN) then keeps strangers out.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import secrets
import socket
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

TOKEN_ENV_VAR = "NEWSPRISM_TOKEN"
SECURITY_HEADERS = {
    # No scripts at all; the pages' own CSS is inline; forms post only here.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    # "same-origin", not "no-referrer": under no-referrer a browser sends `Origin: null` with the app's own
    # form posts, which the Origin check could not tell from a sandboxed attacker's. Nothing leaves the site.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
CSRF_FIELD = "csrf"
# Methods that change nothing; every other one must come from the app's own pages or from a program.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


@dataclass(frozen=True)
class ServeOptions:
    """How the app is exposed: the host it listens on, and the access token every request needs if set."""

    host: str = "127.0.0.1"
    token: str | None = None
    # The upload form's CSRF token: a random value drawn when the app starts (a restart voids open forms).
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)


def is_loopback(host: str) -> bool:
    """Whether listening on `host` keeps the app to this machine."""
    name = host.strip("[]").lower()
    if name in _LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class HostCheck:
    """Which Host headers the app answers: IP addresses, loopback names, and this machine's own names.

    DNS rebinding needs a name the attacker controls that resolves to this machine, so names other than
    these are refused; a request by address cannot be rebound.
    """

    def __init__(self, served_host: str, extra_names: Iterable[str] = ()) -> None:
        names = {served_host, *extra_names}
        for lookup in (socket.gethostname, socket.getfqdn):
            try:
                names.add(lookup())
            except OSError:  # pragma: no cover - a machine without a name
                pass
        self.names = frozenset(name.strip("[]").rstrip(".").lower() for name in names if name)

    def allows(self, host_header: str | None) -> bool:
        if host_header is None:  # HTTP/1.0 without Host: not a browser, so no rebinding
            return True
        name = _host_name(host_header)
        if name is None:
            return False
        if is_loopback(name) or name in self.names:
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True


def _host_name(host_header: str) -> str | None:
    """The name in a Host header ("example.org:8765", "[::1]:8765"), lower case; None when malformed."""
    try:
        parts = urlsplit(f"//{host_header.strip()}")
        name = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is no port
    except ValueError:
        return None
    return name.rstrip(".") if name else None


def cross_origin(method: str, headers: dict[str, str], host_header: str | None) -> bool:
    """Whether a request that may change something was sent by another site's page.

    Browsers say where a request comes from (Origin, Sec-Fetch-Site); programs such as curl say nothing and
    pass. `Origin: null` (a sandboxed frame, a file:// page) is refused: it could be anyone.
    """
    if method.upper() in SAFE_METHODS:
        return False
    origin = headers.get("origin")
    if origin is not None:
        if origin == "null" or host_header is None:
            return True
        return urlsplit(origin).netloc.lower() != host_header.strip().lower()
    return headers.get("sec-fetch-site", "same-origin").lower() not in ("same-origin", "none")


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so the secret cannot be guessed from response times."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` header."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def token_cookie_name(port: int | None) -> str:
    """Cookies are shared by every port of a host: each server keeps its own."""
    return f"newsprism_token_{port or 80}"


class PathScrubber:
    """Removes the server's folders from messages: a response never tells where the files live."""

    def __init__(self, db: Path) -> None:
        folders = {str(db.parent), str(db.resolve().parent), tempfile.gettempdir(), str(Path.home())}
        # Longest first, so a folder inside another is replaced whole.
        self.folders = sorted((folder for folder in folders if len(folder) > 1), key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(folder) + r"[^\s'\",:;)]*" for folder in self.folders))

    def __call__(self, message: str) -> str:
        return self._pattern.sub(lambda found: Path(found.group()).name or "…", message)
