"""Read aloud and text size in the widget, in Debian's Chromium driven by Playwright.

The browser's speech synthesis is the boundary: an init script puts a recorder in place of
``window.speechSynthesis`` (the real ``SpeechSynthesisUtterance`` stays), so the tests see what
the widget asked the browser to say, in what language and at what rate, and when it stopped.
Everything else is the real widget against the real app on another origin, as in test_browser.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.web import test_browser
from tests.web.test_browser import ARTIFACTS, IDLE, assert_no_violations, focused, tab_to, widget_to_results

pytestmark = pytest.mark.browser
servers = test_browser.servers  # the same two origins as the widget's other browser tests, started for this module

# Records what the widget asks of the browser's speech synthesis; finish() ends what is queued.
SPEECH = """(() => {
  const queue = [];
  const calls = { spoken: [], cancels: 0 };
  window.__speech = calls;
  window.__finishSpeaking = () => queue.splice(0).forEach((u) => u.dispatchEvent(new Event("end")));
  const recorder = {
    speaking: false, pending: false, paused: false,
    speak(utterance) {
      calls.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
      queue.push(utterance);
    },
    cancel() {
      calls.cancels += 1;
      queue.splice(0).forEach((u) => u.dispatchEvent(new Event("error")));
    },
    pause() {}, resume() {}, getVoices() { return []; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: recorder, configurable: true });
})();"""
NO_SPEECH = """Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
Object.defineProperty(window, "SpeechSynthesisUtterance", { value: undefined, configurable: true });"""
NO_LOCAL_STORAGE = """Object.defineProperty(window, "localStorage", {
  configurable: true, get() { throw new DOMException("The page's settings block storage", "SecurityError"); },
});"""
# What the widget kept of the conversation: the replies' own text, as the server sent it.
KEPT = "() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage).find(k => k.endsWith(':log'))))"
FONT_SIZE = "e => parseFloat(getComputedStyle(e).fontSize)"
# The focus ring on the element focused now, looking inside shadow roots.
OUTLINE = """() => {
  let a = document.activeElement;
  while (a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return getComputedStyle(a).outlineStyle;
}"""


def open_widget(page: Page, host_url: str, init_script: str | None = None) -> tuple[Locator, list[str]]:
    """The widget opened by keyboard at its first question, and the script errors the page has had."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if init_script:
        page.add_init_script(init_script)
    page.goto(host_url)
    widget = page.locator("[data-dayfinder]")
    expect(widget.locator(".launcher")).to_be_visible()  # the script comes from another origin: wait for it
    tab_to(page, "launcher")
    page.keyboard.press("Enter")
    expect(widget.locator(".options button").first).to_be_visible()  # the greeting and first question
    page.wait_for_function(IDLE)
    return widget, errors


def speech(page: Page) -> dict[str, Any]:
    calls: dict[str, Any] = page.evaluate("() => window.__speech")
    return calls


def said(page: Page) -> list[str]:
    return [call["text"] for call in speech(page)["spoken"]]


def lines(reply: dict[str, Any]) -> list[str]:
    return [line.strip() for line in reply["text"].split("\n") if line.strip()]


def test_each_reply_has_a_read_aloud_button_and_the_keyboard_reads_and_stops_it(
    page: Page, servers: tuple[str, str]
) -> None:
    widget, errors = open_widget(page, servers[1], SPEECH)
    widget.locator("input").fill("for me near LU7 1AA")
    widget.locator("input").press("Enter")
    page.wait_for_function(IDLE)
    replies = widget.locator(".msg.bot")
    assert replies.count() >= 3
    expect(widget.locator(".msg.bot .speak")).to_have_count(replies.count())
    expect(widget.locator(".msg.you .speak")).to_have_count(0)  # what the person said is not read back
    expect(widget.locator(".speak").first).to_have_text("Read aloud")

    kept = [entry for entry in page.evaluate(KEPT) if entry["who"] == "bot"]
    tab_to(page, "button.speak", backwards=True)  # from the message box, past the answers offered
    assert page.evaluate(OUTLINE) == "solid", "no visible focus on the read-aloud button"
    last = widget.locator(".speak").last
    expect(last).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Enter")
    expect(last).to_have_attribute("aria-pressed", "true")
    assert said(page) == lines(kept[-1])  # the reply's own words, line by line
    assert not {"Read aloud", "Dayfinder said:"} & set(said(page))
    options = widget.locator(".msg.bot").last.locator(".options button").all_inner_texts()
    assert options and not set(options) & set(said(page)), "the answers' button labels were read out"
    assert {call["lang"] for call in speech(page)["spoken"]} == {"en-GB"}
    assert all(0.7 <= call["rate"] < 1 for call in speech(page)["spoken"])

    cancels = speech(page)["cancels"]
    page.keyboard.press("Enter")  # the same button again stops the reading
    expect(last).to_have_attribute("aria-pressed", "false")
    assert speech(page)["cancels"] == cancels + 1 and said(page) == lines(kept[-1])

    page.keyboard.press("Enter")  # read it again, then start another reply with Space
    tab_to(page, "button.speak", backwards=True)
    before = len(said(page))
    page.keyboard.press("Space")
    other = widget.locator(".speak").nth(widget.locator(".speak").count() - 2)
    expect(other).to_have_attribute("aria-pressed", "true")
    expect(last).to_have_attribute("aria-pressed", "false")
    assert said(page)[before:] == lines(kept[-2])
    expect(widget.locator(".speak[aria-pressed='true']")).to_have_count(1)
    assert errors == []


def test_the_button_comes_up_again_when_the_reading_ends_or_the_chat_closes(
    page: Page, servers: tuple[str, str]
) -> None:
    widget, errors = open_widget(page, servers[1], SPEECH)
    button = widget.locator(".speak").first
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.evaluate("() => window.__finishSpeaking()")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    cancels = speech(page)["cancels"]
    page.keyboard.press("Escape")  # closing the chat does not leave it talking
    expect(widget.locator(".panel")).to_be_hidden()
    assert speech(page)["cancels"] > cancels
    expect(button).to_have_attribute("aria-pressed", "false")
    assert errors == []


def test_without_speech_synthesis_there_is_no_read_aloud_button_and_the_rest_works(
    page: Page, servers: tuple[str, str]
) -> None:
    widget, errors = open_widget(page, servers[1], NO_SPEECH)
    expect(widget.locator(".msg.bot").first).to_be_visible()
    expect(widget.locator(".speak")).to_have_count(0)
    widget.locator(".options button").first.click()
    page.wait_for_function(IDLE)
    expect(widget.locator(".msg.you")).to_have_count(1)
    expect(widget.locator(".speak")).to_have_count(0)
    assert errors == []


def test_the_text_size_scales_the_widget_and_is_kept_across_pages(page: Page, servers: tuple[str, str]) -> None:
    widget, errors = open_widget(page, servers[1])
    reply = widget.locator(".msg.bot p").first
    normal = reply.evaluate(FONT_SIZE)
    expect(widget.locator(".size[aria-pressed='true']")).to_have_text("Normal")
    expect(widget.locator(".sizes")).to_have_attribute("role", "group")
    tab_to(page, "button.size# Larger", backwards=True)  # from the message box up to the tools
    page.keyboard.press("Enter")
    expect(widget.locator(".size", has_text="Larger")).to_have_attribute("aria-pressed", "true")
    expect(widget.locator(".size[aria-pressed='true']")).to_have_count(1)
    assert reply.evaluate(FONT_SIZE) == pytest.approx(normal * 1.5)
    assert widget.locator("input").evaluate(FONT_SIZE) == pytest.approx(normal * 1.5)
    panel = widget.locator(".panel")
    box = panel.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= 1024 and box["y"] + box["height"] <= 768, box
    page.set_viewport_size({"width": 320, "height": 640})
    assert panel.evaluate("p => p.scrollWidth <= p.clientWidth"), "the larger text spills sideways at 320 px"
    for part in (".toggle", ".close", "input", ".primary", ".size >> nth=2"):
        part_box = widget.locator(part).bounding_box()
        assert part_box and part_box["x"] >= 0 and part_box["x"] + part_box["width"] <= 320, part
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-larger-320px.png"))

    page.reload()  # the next page of the council's site
    launcher = widget.locator(".launcher")
    expect(launcher).to_be_visible()
    assert launcher.evaluate(FONT_SIZE) == pytest.approx(normal * 1.5)
    launcher.click()
    expect(widget.locator(".size", has_text="Larger")).to_have_attribute("aria-pressed", "true")
    assert widget.locator(".msg.bot p").first.evaluate(FONT_SIZE) == pytest.approx(normal * 1.5)
    kept = page.evaluate("() => Object.keys(localStorage).filter(k => k.endsWith(':size'))")
    assert len(kept) == 1 and servers[0] in kept[0]
    widget.locator(".size", has_text="Normal").click()
    assert widget.locator(".msg.bot p").first.evaluate(FONT_SIZE) == pytest.approx(normal)
    assert errors == []


def test_the_text_size_falls_back_to_the_tab_when_local_storage_is_blocked(
    page: Page, servers: tuple[str, str]
) -> None:
    widget, errors = open_widget(page, servers[1], NO_LOCAL_STORAGE)
    widget.locator(".size", has_text="Large").first.click()
    expect(widget.locator(".size[aria-pressed='true']")).to_have_text("Large")
    page.reload()
    widget.locator(".launcher").click()
    expect(widget.locator(".size[aria-pressed='true']")).to_have_text("Large")
    assert errors == []


def test_the_easy_read_words_reach_the_new_buttons(page: Page, servers: tuple[str, str]) -> None:
    widget, errors = open_widget(page, servers[1], SPEECH)
    widget.locator(".toggle").click()
    expect(widget.locator(".toggle")).to_have_attribute("aria-pressed", "true")
    expect(widget.locator(".log")).to_contain_text("I will use easy words")
    expect(widget.locator(".speak").first).to_have_text("Listen")  # the older replies' buttons too
    expect(widget.locator(".size")).to_have_text(["Normal", "Big", "Bigger"])
    assert errors == []


def test_results_with_larger_text_and_a_reading_have_no_wcag_violations(page: Page, servers: tuple[str, str]) -> None:
    page.add_init_script(SPEECH)
    widget_to_results(page, servers[1])
    widget = page.locator("[data-dayfinder]")
    widget.locator(".size", has_text="Larger").click()
    results = widget.locator(".msg.bot", has=page.locator(".card")).last
    results.locator(".speak").focus()
    page.keyboard.press("Enter")
    expect(results.locator(".speak")).to_have_attribute("aria-pressed", "true")
    kept = next(entry for entry in reversed(page.evaluate(KEPT)) if entry.get("results"))
    assert said(page) == lines(kept)  # the results as the reply words them, not the cards' links
    results.locator(".speak").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-reading-larger-1024px.png"))
    assert_no_violations(page, "[data-dayfinder]")
    assert "speak" in focused(page)
