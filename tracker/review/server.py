"""Runs the review app with uvicorn: on loopback by default; on any other address only with a token.

`serve` is what `tracker serve` runs (blocks until Ctrl-C); `running` starts the same server on a
background thread for tests and benchmarks and yields its address.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

from tracker.errors import UsageError
from tracker.review.app import create_app

MIN_TOKEN = 16
LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "::1"]


def is_loopback(host: str) -> bool:
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> list[str] | None:
    """The Host headers to accept (None: any, a token guards the app); refuses an exposed app without one."""
    if token is not None and len(token) < MIN_TOKEN:
        raise UsageError(f"--token must be at least {MIN_TOKEN} characters; make one with "
                         "`python -c 'import secrets; print(secrets.token_urlsafe())'`")
    if is_loopback(host):
        return sorted(set(LOOPBACK_HOSTS + [host.strip("[]")]))
    if not token:
        raise UsageError(f"--host {host} would open the review queue to other machines: give --token (or set "
                         "TRACKER_REVIEW_TOKEN) so that only people with the token can review, or keep the "
                         "default --host 127.0.0.1")
    return None


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, opened here so a taken port is one clear error before anything starts."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    return sock


def url_of(sock: socket.socket, host: str) -> str:
    port = sock.getsockname()[1]
    shown = host.strip("[]")
    return f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"


def make_server(app, sock: socket.socket):
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False,
                            proxy_headers=False, timeout_graceful_shutdown=5)
    return uvicorn.Server(config)


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8765, token: str | None = None,
          judge: Callable[[], object] | None = None, log: Callable[[str], None] = print) -> None:
    """Serve the review queue for the store at `db` until interrupted."""
    allowed = check_bind(host, token)
    app = create_app(db, judge=judge, token=token, allowed_hosts=allowed, warm=True)
    sock = bind(host, port)
    url = url_of(sock, host)
    log(f"review queue for {db} at {url}/" + (f"?token={token}" if token else "") + " (Ctrl-C stops it)")
    if not is_loopback(host):
        log("warning: plain HTTP; beyond a trusted network, put it behind a TLS proxy")
    make_server(app, sock).run(sockets=[sock])


@contextlib.contextmanager
def running(app, *, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """The app served on a background thread (tests, benchmarks); yields its base URL, stops on exit."""
    sock = bind(host, port)
    server = make_server(app, sock)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the review server did not start")
        time.sleep(0.02)
    try:
        yield url_of(sock, host)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
