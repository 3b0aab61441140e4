"""The widget, /chat and a listing page in a real browser: Debian's Chromium driven by Playwright.

The app runs under uvicorn on one port; a council-like host page with hostile CSS is served from
another port (a different origin, on the CORS allowlist) and embeds the widget with one script
tag. Everything is done with the keyboard, and axe-core checks WCAG 2.2 AA on each screen.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import uvicorn
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from assistant.app import create_app
from assistant.settings import Settings
from tests.browser import CHROMIUM

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
WCAG = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG},
    "rules": {"target-size": {"enabled": True}},  # WCAG 2.2 target size is off in axe by default
    "resultTypes": ["violations"],
}
# A host page that would break any widget not in a shadow root: tiny text, white on white.
HOSTILE = (
    "* { font-size: 3px !important; color: white; line-height: 0.5 !important } "
    "body { background: #fff }"
)
# The element focused now, looking inside shadow roots: "tag.class#id text".
FOCUSED = """() => {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a ? `${a.tagName.toLowerCase()}.${a.className}#${a.id} ${a.textContent.trim()}` : "";
}"""
IDLE = "() => document.querySelector('[data-dayfinder]').shadowRoot.querySelector('.log').ariaBusy !== 'true'"

if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def host_page(app_url: str) -> bytes:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A council page</title><style>{HOSTILE}</style></head>
<body><header><a href="#top">Council home</a></header>
<main><h1>Adult social care</h1><p>Day activities near you.</p></main>
<script src="{app_url}/widget.js" defer></script></body></html>""".encode()


@pytest.fixture(scope="module")
def servers(sample_db: str) -> Iterator[tuple[str, str]]:
    """(app URL, host page URL): two origins on loopback, stopped at the end of the module."""
    app_port = free_port()
    app_url = f"http://127.0.0.1:{app_port}"
    page = host_page(app_url)

    class Host(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            pass

    host = ThreadingHTTPServer(("127.0.0.1", 0), Host)
    host_url = f"http://127.0.0.1:{host.server_address[1]}"
    settings = Settings(database_url=sample_db, cors_origins=[host_url])
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=app_port, log_level="warning", ws="none", http="h11"
    )
    server = uvicorn.Server(config)
    threads = [threading.Thread(target=server.run, daemon=True), threading.Thread(target=host.serve_forever)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield app_url, host_url
    server.should_exit = True
    host.shutdown()
    for thread in threads:
        thread.join(10)
    host.server_close()


def focused(page: Page) -> str:
    found: str = page.evaluate(FOCUSED)
    return found


def assert_no_violations(page: Page, context: str | None = None) -> None:
    results = Axe().run(page, context=context, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def tab_to(page: Page, wanted: str, backwards: bool = False, limit: int = 15) -> None:
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if wanted in focused(page):
            return
    raise AssertionError(f"could not reach {wanted!r} with the keyboard; focus is on {focused(page)!r}")


def widget_to_results(page: Page, host_url: str) -> None:
    """Open the widget and talk to results with only Tab, Shift+Tab, Enter and typing."""
    page.goto(host_url)
    widget = page.locator("[data-dayfinder]")
    expect(widget.locator(".launcher")).to_be_visible()
    tab_to(page, "launcher")
    page.keyboard.press("Enter")
    assert focused(page).startswith("input.#message")
    expect(widget.locator(".options button").first).to_be_visible()  # the greeting and first question
    page.keyboard.type("for me near LU7 1AA")
    page.keyboard.press("Enter")
    for _ in range(10):
        page.wait_for_function(IDLE)
        assert focused(page).startswith("input.#message"), "focus left the message box"
        if widget.locator(".card").count():
            return
        expect(widget.locator(".options button").last).to_be_visible()
        tab_to(page, "secondary", backwards=True, limit=1)  # the last answer offered, just above the box
        page.keyboard.press("Enter")
    raise AssertionError("no results after ten answers")


def test_the_widget_by_keyboard_from_another_origin_to_results(page: Page, servers: tuple[str, str]) -> None:
    widget_to_results(page, servers[1])
    widget = page.locator("[data-dayfinder]")
    log = widget.locator(".log")
    expect(log).to_have_attribute("role", "log")
    expect(log).to_have_attribute("aria-live", "polite")
    card = widget.locator(".card").first
    expect(card.locator("h3")).not_to_be_empty()
    expect(card.locator("a[href^='tel:']")).to_be_visible()
    expect(card.locator(f"a[href^='{servers[0]}/listing/']:not([href*='#report'])")).to_be_visible()
    assert focused(page).startswith("input.#message")
    # the host page's 3px text does not reach inside the shadow root
    size = card.locator("h3").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 16
    session = page.evaluate("() => Object.keys(sessionStorage).find(k => k.endsWith(':session'))")
    assert session and servers[0] in session
    page.keyboard.press("Escape")
    expect(widget.locator(".panel")).to_be_hidden()
    assert "launcher" in focused(page)


def test_the_open_widget_with_results_has_no_wcag_violations(page: Page, servers: tuple[str, str]) -> None:
    widget_to_results(page, servers[1])
    assert_no_violations(page, "[data-dayfinder]")
    page.keyboard.press("Shift+Tab")
    assert_no_violations(page, "[data-dayfinder]")  # with a focus ring showing


def test_axe_sees_inside_the_widget_shadow_root(page: Page, servers: tuple[str, str]) -> None:
    """A guard on the zero-violation tests: a faint line put into the widget is caught."""
    page.goto(servers[1])
    page.locator("[data-dayfinder] .launcher").click()
    page.evaluate(
        """() => {
          const faint = document.createElement("p");
          faint.textContent = "faint";
          faint.style.color = "#dddddd";
          document.querySelector("[data-dayfinder]").shadowRoot.querySelector(".log").append(faint);
        }"""
    )
    found = Axe().run(page, context="[data-dayfinder]", options=AXE_OPTIONS).response["violations"]
    assert "color-contrast" in {violation["id"] for violation in found}


def test_tell_me_more_shows_the_details(page: Page, servers: tuple[str, str]) -> None:
    widget_to_results(page, servers[1])
    widget = page.locator("[data-dayfinder]")
    name = widget.locator(".card h3").first.inner_text()
    widget.locator(".card button").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(IDLE)
    assert focused(page).startswith("input.#message")
    expect(widget.locator(".msg.bot").last).to_contain_text(name)
    expect(widget.locator(".msg.bot").last).to_contain_text("Cost:")
    expect(widget.locator(".card button")).to_have_count(0)  # the old results' actions are gone


def test_the_widget_reflows_at_320_px_and_is_photographed(page: Page, servers: tuple[str, str]) -> None:
    widget_to_results(page, servers[1])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-1024px.png"))
    panel = page.locator("[data-dayfinder] .panel")
    assert panel.evaluate("p => getComputedStyle(p).animationName") == "none"  # reduced motion
    page.set_viewport_size({"width": 640, "height": 360})  # 1280 x 720 at 200% zoom
    box = panel.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 360
    expect(page.locator("[data-dayfinder] input")).to_be_in_viewport()
    page.set_viewport_size({"width": 320, "height": 640})
    assert panel.evaluate("p => p.scrollWidth <= p.clientWidth")
    for part in (".launcher", ".toggle", ".close", "input", ".primary"):
        box = page.locator(f"[data-dayfinder] {part}").bounding_box()
        assert part == ".launcher" or (box and box["x"] >= 0 and box["x"] + box["width"] <= 320), part
    page.locator("[data-dayfinder] .card").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "widget-320px.png"))
    assert_no_violations(page, "[data-dayfinder]")


def test_the_easy_read_switch_and_talk_to_a_person(page: Page, servers: tuple[str, str]) -> None:
    page.goto(servers[1])
    widget = page.locator("[data-dayfinder]")
    expect(widget.locator(".launcher")).to_be_visible()
    tab_to(page, "launcher")
    page.keyboard.press("Enter")
    expect(widget.locator(".options button").first).to_be_visible()
    tab_to(page, "toggle", backwards=True)
    page.keyboard.press("Enter")
    expect(widget.locator(".toggle")).to_have_attribute("aria-pressed", "true")
    expect(widget.locator(".log")).to_contain_text("I will use easy words")
    expect(widget.locator(".launcher")).to_have_text("Find things to do")
    widget.locator(".secondary", has_text="Talk to a person").first.click()
    expect(widget.locator(".msg.bot").last).to_contain_text("01632")


def test_the_no_javascript_chat_page_by_keyboard_has_no_wcag_violations(
    browser: Browser, servers: tuple[str, str]
) -> None:
    # The page has no script of its own (its CSP allows none); JavaScript stays on only for axe.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{servers[0]}/chat")
    assert_no_violations(page)
    tab_to(page, "#message")
    page.keyboard.type("for me near LU7 1AA")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(10):
        if page.locator(".card").count():
            break
        tab_to(page, "#message")
        page.keyboard.press("Shift+Tab")  # the last answer offered, just above the message box
        with page.expect_navigation():
            page.keyboard.press("Enter")
    expect(page.locator(".card").first).to_be_visible()
    assert_no_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("() => document.documentElement.scrollWidth <= 320")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-320px.png"), full_page=True)
    page.locator(".card a[href*='/listing/']").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert_no_violations(page)
    page.emulate_media(media="print")
    expect(page.locator("nav.after")).to_be_hidden()
    context.close()


def test_delete_my_data_clears_what_the_widget_kept_in_the_browser(page: Page, servers: tuple[str, str]) -> None:
    page.goto(servers[1])
    widget = page.locator("[data-dayfinder]")
    widget.locator(".launcher").click()
    expect(widget.locator(".options button").first).to_be_visible()
    widget.locator("input").fill("for me near LU7 1AA")
    widget.locator("input").press("Enter")
    page.wait_for_function(IDLE)
    kept = "() => Object.keys(sessionStorage).filter(k => k.endsWith(':log') || k.endsWith(':session'))"
    assert len(page.evaluate(kept)) == 2
    widget.locator("input").fill("delete my data")
    widget.locator("input").press("Enter")
    page.wait_for_function(IDLE)
    assert page.evaluate(kept) == []
    expect(widget.locator(".msg")).to_have_count(1)  # only the reply saying it is done
    expect(widget.locator(".log")).not_to_contain_text("LU7 1AA")
    page.reload()  # and nothing comes back on the next page of the site
    widget.locator(".launcher").click()
    expect(widget.locator(".options button").first).to_be_visible()
    expect(widget.locator(".log")).not_to_contain_text("LU7 1AA")
