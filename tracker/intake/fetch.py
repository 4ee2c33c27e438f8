"""Fetching over HTTP, safely: http(s) only, no private addresses unless allowed, size and time
limits on every response, an identifying User-Agent, a polite delay per host, robots.txt obeyed.

Every host is resolved and each of its addresses checked before a connection; the connection then
goes to the checked address (so a second DNS answer cannot swap in another), and each redirect is
checked the same way. Bodies are streamed and cut off at the size limit; nothing is rendered.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlsplit

from tracker.version import __version__

USER_AGENT = f"tracker/{__version__} (statement consistency tracker; feed reader; respects robots.txt)"
ROBOTS_AGENT = "tracker"
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_S = 20.0
DELAY_S = 1.0
MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(Exception):
    """A response that cannot be used: the message is the reason, for one stderr line."""


@dataclass
class Response:
    """One final (non-redirect) response with its whole body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL; anything else is a FetchError."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http(s) URLs are fetched, not {parts.scheme or 'a relative URL'!r}: {url}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"bad port in {url}") from None
    if not parts.hostname:
        raise FetchError(f"no host in {url}")
    return parts.scheme, parts.hostname, port


def is_public(address: str) -> bool:
    """False for loopback, private, link-local, shared, reserved, multicast and unspecified addresses."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


@dataclass
class Fetcher:
    """GETs with the limits above; `delay` seconds between requests to one host (0 in tests)."""

    user_agent: str = USER_AGENT
    timeout: float = TIMEOUT_S
    max_bytes: int = MAX_BYTES
    delay: float = DELAY_S
    resolver: Resolver = resolve
    seconds: dict[str, float] = field(default_factory=lambda: {"fetch": 0.0, "wait": 0.0})
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict)

    def get(self, url: str, *, allow_private: bool = False, headers: dict[str, str] | None = None,
            robots: bool = True) -> Response:
        """Follow up to MAX_REDIRECTS redirects (a loop is an error); 304 comes back, 4xx/5xx raise."""
        seen = [url]
        if robots:  # a refused address is the reason given, not the robots.txt it cannot read
            _, host, port = check_url(url)
            self._address(host, port, allow_private)
            self.check_robots(url, allow_private=allow_private)
        while True:
            response = self._get_once(url, allow_private=allow_private, headers=headers or {})
            location = response.headers.get("location")
            if response.status not in _REDIRECTS or not location:
                break
            url = urljoin(url, location)
            if url in seen:
                raise FetchError(f"redirect loop ({' -> '.join(seen + [url])})")
            if len(seen) > MAX_REDIRECTS:
                raise FetchError(f"more than {MAX_REDIRECTS} redirects")
            seen.append(url)
        if response.status >= 400:
            raise FetchError(f"HTTP {response.status}" + (f" (after redirect to {url})" if len(seen) > 1 else ""))
        return response

    def check_robots(self, url: str, *, allow_private: bool) -> None:
        """robots.txt of the URL's origin, read once per pull: 4xx allows all, 5xx or unreachable
        allows nothing (RFC 9309)."""
        scheme, host, port = check_url(url)
        origin = f"{scheme}://{host}:{port}"
        if origin not in self._robots:
            try:
                got = self.get(f"{origin}/robots.txt", allow_private=allow_private, robots=False)
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(got.body.decode("utf-8", "replace").splitlines())
                self._robots[origin] = parser
            except FetchError as exc:
                self._robots[origin] = "allow" if str(exc).startswith("HTTP 4") else f"robots.txt unreadable ({exc})"
        rules = self._robots[origin]
        if isinstance(rules, str):
            if rules != "allow":
                raise FetchError(rules)
        elif not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(f"disallowed by {origin}/robots.txt")

    def _get_once(self, url: str, *, allow_private: bool, headers: dict[str, str]) -> Response:
        import urllib3

        scheme, host, port = check_url(url)
        address = self._address(host, port, allow_private)
        self._wait(host)
        started = time.monotonic()
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        netloc = host if ":" not in host else f"[{host}]"
        default_port = 443 if scheme == "https" else 80
        send = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate",
                "Host": netloc if port == default_port else f"{netloc}:{port}", **headers}
        timeout = urllib3.Timeout(connect=self.timeout, read=self.timeout)
        if scheme == "https":
            pool = urllib3.HTTPSConnectionPool(address, port, server_hostname=host, assert_hostname=host,
                                               cert_reqs="CERT_REQUIRED", retries=False, timeout=timeout)
        else:
            pool = urllib3.HTTPConnectionPool(address, port, retries=False, timeout=timeout)
        try:
            raw = pool.urlopen("GET", target, headers=send, redirect=False, retries=False,
                               preload_content=False, timeout=timeout)
            try:
                response = Response(url, raw.status, {k.lower(): v for k, v in raw.headers.items()})
                if response.status not in _REDIRECTS and response.status != 304:
                    response.body = self._read(raw, started)
            finally:
                raw.release_conn()
        except urllib3.exceptions.TimeoutError:
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except urllib3.exceptions.SSLError as exc:
            raise FetchError(f"TLS error: {exc}") from None
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"connection failed: {_reason(exc)}") from None
        finally:
            pool.close()
            self.seconds["fetch"] += time.monotonic() - started
            self._last[host] = time.monotonic()
        return response

    def _read(self, raw, started: float) -> bytes:
        length = raw.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(f"response of {int(length):,} bytes is over the {self.max_bytes:,}-byte limit")
        chunks, size = [], 0
        for chunk in raw.stream(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"response is over the {self.max_bytes:,}-byte limit (cut off)")
            if time.monotonic() - started > self.timeout * 3:
                raise FetchError(f"response took over {self.timeout * 3:g} s (cut off)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _address(self, host: str, port: int, allow_private: bool) -> str:
        try:
            addresses = self.resolver(host, port)
        except OSError as exc:
            raise FetchError(f"cannot resolve {host}: {exc}") from None
        if not addresses:
            raise FetchError(f"cannot resolve {host}")
        if not allow_private:
            for address in addresses:
                if not is_public(address):
                    raise FetchError(f"refused: {host} resolves to {address}, a loopback, private or link-local "
                                     "address (add the source with --allow-private to allow it)")
        return addresses[0]

    def _wait(self, host: str) -> None:
        if host in self._last and self.delay > 0:
            pause = self._last[host] + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
                self.seconds["wait"] += pause


def _reason(exc: Exception) -> str:
    inner = getattr(exc, "reason", None) or (exc.args[-1] if exc.args else exc)
    return str(inner).split(": ", 1)[-1] if "Connection" in type(exc).__name__ else str(inner)
