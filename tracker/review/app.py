"""The review web app: server-rendered pages (Starlette, Jinja2 with autoescape on for every template).

Safe by default, because statement text is untrusted and a verdict is published under a name:
- every response carries a strict Content-Security-Policy (scripts, styles and images only from this
  app; no inline script or style, no framing, forms post only here), nosniff, and a referrer policy
  that tells other sites nothing (a source link does not reveal the queue);
- every POST needs a CSRF token: an HMAC, under a per-process secret, of a random SameSite=Strict
  cookie, and a foreign Origin / Sec-Fetch-Site is refused outright;
- bound to loopback, a request must name a loopback Host (no DNS rebinding); with a token, every
  request must carry it (`?token=` once, then an HttpOnly cookie; or `Authorization: Bearer`);
- each verdict is one append-only row written in its own write transaction, and a form sent twice
  (a double press, a retry) is stored once by its one-time action id.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from pathlib import Path
from typing import Callable
from urllib.parse import quote, unquote, urlencode, urlparse

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from tracker.errors import UsageError
from tracker.review.queue import CANDIDATES, CandidateCache, Filters, QueuePage, build_queue, item_view, side
from tracker.store import Store
from tracker.store_reviews import VERDICTS

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"), (b"cross-origin-resource-policy", b"same-origin")]
CSRF_COOKIE, TOKEN_COOKIE, REVIEWER_COOKIE = "tracker_csrf", "tracker_token", "tracker_reviewer"
PAGE = 50  # queue rows per page
MAX_FORM = 64 * 1024
HERE = Path(__file__).resolve().parent


class JudgeInfo:
    """The judge's key and threshold, loaded on first need; a judge that cannot load leaves the queue
    to the flagged changes and says why, instead of failing every page."""

    def __init__(self, load: Callable[[], object] | None):
        self._load, self._lock = load, threading.Lock()
        self.key = self.threshold = self.error = None
        self._done = load is None

    def get(self) -> tuple[str | None, float | None, str | None]:
        with self._lock:
            if not self._done:
                try:
                    judge = self._load()
                    self.key, self.threshold = judge.key, float(judge.threshold)
                except Exception as exc:  # noqa: BLE001 - shown on the page; flagged changes still work
                    self.error = f"the judge could not be loaded ({exc})"
                self._done = True
        return self.key, self.threshold, self.error


class Stores:
    """One store connection per worker thread (an SQLite connection stays in the thread that opened it)."""

    def __init__(self, path: Path):
        self.path, self._local = Path(path), threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store.open(self.path)
        return store


def template_env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda x: "" if x is None else f"{100 * float(x):.0f}%"
    return env


def create_app(db: str | Path, *, judge: Callable[[], object] | None = None, token: str | None = None,
               allowed_hosts: list[str] | None = None, candidates: int = CANDIDATES, warm: bool = False) -> Starlette:
    """The app over the store at `db`. `judge` returns an object with `key` and `threshold` (loaded on
    the first queue page); `allowed_hosts` None accepts any Host header (then a token should guard).
    `warm` loads the judge and the candidate cache on a background thread now, not on the first page."""
    ctx = Context(Stores(db), JudgeInfo(judge), CandidateCache(), template_env(), secrets.token_bytes(32), candidates)
    if warm:
        threading.Thread(target=ctx.warm, name="review-warm-up", daemon=True).start()
    routes = [Route("/", ctx.queue_page), Route("/item", ctx.item_page), Route("/reviews", ctx.reviews_page),
              Route("/review", ctx.review_action, methods=["POST"]),
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    middleware = [Middleware(SecurityHeaders), Middleware(Guard, token=token, allowed_hosts=allowed_hosts)]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.review = ctx
    return app


class Context:
    """The app's pages and its one action; what they share (stores, judge, caches, CSRF secret)."""

    def __init__(self, stores: Stores, judge: JudgeInfo, cache: CandidateCache, env: jinja2.Environment,
                 secret: bytes, candidates: int):
        self.stores, self.judge, self.cache, self.env = stores, judge, cache, env
        self.secret, self.candidates = secret, candidates

    # -- rendering ----------------------------------------------------------------------------
    def page(self, request: Request, template: str, *, status: int = 200, **context) -> HTMLResponse:
        cookie = request.cookies.get(CSRF_COOKIE, "")
        fresh = not (20 <= len(cookie) <= 100 and cookie.replace("-", "").replace("_", "").isalnum())
        if fresh:
            cookie = secrets.token_urlsafe(32)
        html = self.env.get_template(template).render(csrf=self.csrf(cookie), **context)
        response = HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})
        if fresh:
            response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")
        return response

    def error(self, request: Request, status: int, message: str, back: str = "/") -> HTMLResponse:
        return self.page(request, "error.html.j2", status=status, status_code=status, message=message, back=back)

    def csrf(self, cookie: str) -> str:
        return hmac.new(self.secret, cookie.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, request: Request, form) -> bool:
        """The form's token matches this browser's cookie, and the request does not come from another site."""
        origin = request.headers.get("origin")
        if origin is not None and (origin == "null" or urlparse(origin).netloc != request.headers.get("host")):
            return False
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return False
        cookie, given = request.cookies.get(CSRF_COOKIE, ""), str(form.get("csrf", ""))
        return bool(cookie) and hmac.compare_digest(given.encode(), self.csrf(cookie).encode())

    def warm(self) -> None:
        try:
            self.queue(Filters(), 0, 1)
        except Exception:  # noqa: BLE001 - only a head start: the first page reports any real problem
            pass

    def queue(self, filters: Filters, offset: int, limit: int) -> QueuePage:
        key, threshold, _ = self.judge.get()
        return build_queue(self.stores.get(), filters, judge_key=key, threshold=threshold, cache=self.cache,
                           candidates=self.candidates, offset=offset, limit=limit)

    # -- pages (plain functions: Starlette runs them on worker threads) -----------------------------
    def queue_page(self, request: Request) -> HTMLResponse:
        q = request.query_params
        filters = Filters.from_mapping(q)
        error, offset = None, max(0, _int(q.get("offset"), 0))
        try:
            page = self.queue(filters, offset, PAGE)
            if not page.items and page.total:  # past the end (the queue shrank): its last page
                offset = (page.total - 1) // PAGE * PAGE
                page = self.queue(filters, offset, PAGE)
        except UsageError as exc:
            error, page = str(exc), QueuePage(0, 0, 0, [])
        shown = page.items
        details = self.stores.get().statement_details([i for it in shown for i in (it.earlier_id, it.later_id)])
        rows = [{"n": offset + k + 1, "item": it, "earlier": side(details[it.earlier_id]),
                 "later": side(details[it.later_id]), "url": item_url(filters, offset + k, it)}
                for k, it in enumerate(shown) if it.earlier_id in details and it.later_id in details]
        pages = {"prev": max(0, offset - PAGE) if offset > 0 else None,
                 "next": offset + PAGE if offset + PAGE < page.total else None}
        return self.page(request, "queue.html.j2", rows=rows, total=page.total, filters=filters, error=error,
                         n_flagged=page.n_flagged, judge_error=self.judge.get()[2],
                         done=q.get("done") == "1", start=item_url(filters, 0) if page.total else None,
                         pages={k: None if v is None else with_query("/", {**filters.params(), "offset": v})
                                for k, v in pages.items()})

    def item_page(self, request: Request):
        q = request.query_params
        filters = Filters.from_mapping(q)
        pos = max(0, _int(q.get("pos"), 0))
        earlier, later, total, kind = q.get("earlier", ""), q.get("later", ""), None, ""
        if not (earlier and later):
            try:
                page = self.queue(filters, pos, 1)
            except UsageError as exc:
                return self.error(request, 400, str(exc))
            if not page.items:
                return RedirectResponse(with_query("/", {**filters.params(), "done": "1"}), status_code=303)
            it = page.items[0]
            earlier, later, total, kind = it.earlier_id, it.later_id, page.total, it.kind
        key, threshold, _ = self.judge.get()
        store = self.stores.get()
        view = item_view(store, earlier, later, judge_key=key, threshold=threshold)
        if view is None:
            return self.error(request, 404, "No such pair of statements.")
        saved = store.review_by_id(_int(q.get("saved"), 0))
        conflict = store.review_by_id(_int(q.get("conflict"), 0))
        return self.page(request, "item.html.j2", v=view, pos=pos, total=total, kind=kind, filters=filters,
                         action_id=secrets.token_urlsafe(16),
                         reviewer=unquote(request.cookies.get(REVIEWER_COOKIE, "")),
                         saved=saved, conflict=conflict,
                         queue_url=with_query("/", filters.params()))

    def reviews_page(self, request: Request) -> HTMLResponse:
        df = self.stores.get().reviews()
        rows = df.iloc[::-1].head(500).to_dict("records")
        return self.page(request, "reviews.html.j2", rows=rows, total=len(df),
                         pairs=int(df["latest"].sum()) if len(df) else 0)

    # -- the one action -------------------------------------------------------------------------
    async def review_action(self, request: Request):
        if _int(request.headers.get("content-length"), 0) > MAX_FORM:
            return self.error(request, 413, "That form is too large.")
        form = await request.form(max_files=0, max_fields=20)
        if not self.csrf_ok(request, form):
            return self.error(request, 403, "The form's security token is missing or out of date (the server may "
                                            "have restarted): reload the page and try again.")
        filters = Filters.from_mapping(form)
        pos, action = max(0, _int(form.get("pos"), 0)), str(form.get("action", ""))
        if action == "skip":
            return RedirectResponse(with_query("/item", {**filters.params(), "pos": pos + 1}), status_code=303)
        if action not in VERDICTS:
            return self.error(request, 400, "Unknown action: use confirm, dismiss or skip.")
        try:  # the judge's key, when a page has loaded it, scores a confirmed candidate by that judge
            review = await run_in_threadpool(
                self._add, str(form.get("earlier", "")), str(form.get("later", "")), action,
                str(form.get("reviewer", "")), str(form.get("note", "")), str(form.get("action_id", ""))[:64] or None,
                self.judge.key)
        except UsageError as exc:
            back = with_query("/item", {**filters.params(), "earlier": form.get("earlier", ""),
                                        "later": form.get("later", ""), "pos": pos})
            return self.error(request, 400, str(exc).replace("--reviewer", "Reviewer").replace("--note", "Note"),
                              back=back)
        params = {**filters.params(), "pos": pos, "saved": review.review_id}
        if review.previous is not None and review.previous.review_id > _int(form.get("seen"), 0):
            params["conflict"] = review.previous.review_id
        response = RedirectResponse(with_query("/item", params), status_code=303)
        response.set_cookie(REVIEWER_COOKIE, quote(review.reviewer), max_age=365 * 86400, httponly=True,
                            samesite="strict", path="/")
        return response

    def _add(self, earlier, later, verdict, reviewer, note, action_id, judge_key):
        return self.stores.get().add_review(earlier, later, verdict, reviewer=reviewer, note=note,
                                            action_id=action_id, judge_key=judge_key)


def item_url(filters: Filters, pos: int, item=None) -> str:
    pair = {"earlier": item.earlier_id, "later": item.later_id} if item is not None else {}
    return with_query("/item", {**filters.params(), **pair, "pos": pos})


def with_query(path: str, params: dict) -> str:
    return path + ("?" + urlencode(params) if params else "")


def _int(value, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default


def host_name(host: str) -> str:
    """The Host header without its port ('[::1]:8765' -> '::1')."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityHeaders:
    """Adds the CSP and its companions to every response, errors and static files included."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS
                                                                          if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Guard:
    """Host check (loopback binds) and token check (when a token is set), before any page runs."""

    def __init__(self, app, *, token: str | None, allowed_hosts: list[str] | None):
        self.app, self.token = app, token
        self.allowed = None if allowed_hosts is None else {host_name(h) for h in allowed_hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        if self.allowed is not None and host_name(headers.get("host", "")) not in self.allowed:
            return await _plain(400, "Unexpected Host header: open the address `tracker serve` printed.")(
                scope, receive, send)
        if self.token:
            request = Request(scope)
            given = request.query_params.get("token")
            if given is not None and request.method == "GET" and self._matches(given):
                rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
                response = RedirectResponse(scope["path"] + ("?" + rest if rest else ""), status_code=303)
                response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict", path="/")
                return await response(scope, receive, send)
            auth = headers.get("authorization", "")
            bearer = auth[7:] if auth.lower().startswith("bearer ") else ""
            if not (self._matches(request.cookies.get(TOKEN_COOKIE, "")) or self._matches(bearer)):
                return await _plain(401, "This review queue needs its token: open the link `tracker serve` "
                                         "printed (it ends in ?token=…).")(scope, receive, send)
        await self.app(scope, receive, send)

    def _matches(self, value: str) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), self.token.encode())


def _plain(status: int, message: str) -> HTMLResponse:
    body = jinja2.Environment(autoescape=True).from_string(
        "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>{{ s }}</title><p>{{ m }}</p></html>")
    return HTMLResponse(body.render(s=status, m=message), status_code=status, headers={"cache-control": "no-store"})
