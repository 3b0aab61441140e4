/*
 * Dayfinder chat widget. Add one tag to any page:
 *   <script src="https://dayfinder.example.org/widget.js" defer></script>
 *
 * Plain JavaScript, no build step. Everything lives in a shadow root so the host page's CSS
 * cannot break it, and it talks only to the origin it was loaded from. Its words come from the
 * server (GET /widget/strings), so they are reviewed and have an easy-read form like every other
 * sentence. The session token is kept in sessionStorage: it ends when the tab closes, and the widget
 * clears it (with the messages it kept) when the answer says the person's data was deleted.
 * Each reply can be read aloud by the browser's own speech synthesis (nothing leaves the browser),
 * and the text can be made larger; that choice is a display preference, kept in localStorage.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src || window.dayfinderWidget) {
    return;
  }
  window.dayfinderWidget = true;

  var ORIGIN = new URL(script.src, document.baseURI).origin;
  var KEY = "dayfinder:" + ORIGIN + ":";
  // What the buttons say to the conversation; these are commands, not words shown to anyone.
  var SAY = { start: "hello", person: "talk to a person", easy: "easy read", plain: "plain" };
  var KEEP = 40; // messages kept for when the person moves to another page of the site
  var LOADING_DELAY_MS = 400;
  var SIZES = ["normal", "large", "larger"]; // 100%, 125% and 150% of the browser's own text size
  var SPEECH_RATE = 0.9; // a little slower than the voice's usual pace, easier to follow
  // Pictographs and dingbats (emoji, arrows, ticks) are shown, not read out.
  var UNSPOKEN = /[\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\ufe0f]|[\ud83c-\ud83e][\udc00-\udfff]/g;

  var CSS = [
    ":host { all: initial !important; display: block !important; }",
    ".root { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;",
    "  font-size: medium; line-height: 1.5; color: #0b0c0c; text-align: left; }",
    ".root *, .root *::before, .root *::after { box-sizing: border-box; }",
    "[hidden] { display: none !important; }",
    "button { font: inherit; line-height: 1.25; min-height: 44px; min-width: 44px; margin: 0;",
    "  padding: 0.5em 1em; border-radius: 0.25em; cursor: pointer; }",
    ".launcher { position: fixed; right: 1em; bottom: 1em; z-index: 2147483000; max-width: calc(100vw - 2em);",
    "  background: #1d70b8; color: #ffffff; border: 2px solid #ffffff; font-weight: 700;",
    "  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.35); }",
    ".launcher:hover, .primary:hover { background: #003078; }",
    ".panel { position: fixed; right: 1em; bottom: 1em; z-index: 2147483000; display: flex;",
    "  flex-direction: column; width: min(26em, calc(100vw - 2em)); height: min(40em, calc(100vh - 2em));",
    "  overflow: auto; background: #ffffff; border: 2px solid #0b0c0c; border-radius: 0.5em;",
    "  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.35); }",
    ".head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5em;",
    "  padding: 0.5em 0.75em; background: #0b0c0c; color: #ffffff; }",
    ".head h2 { flex: 1 1 10em; margin: 0; font-size: 1.125em; line-height: 1.3; font-weight: 700; }",
    ".close { background: #ffffff; color: #0b0c0c; border: 2px solid #ffffff; flex: none; }",
    ".tools { display: flex; flex-wrap: wrap; gap: 0.5em; padding: 0.5em 0.75em; border-bottom: 1px solid #626a6e; }",
    ".tools button { padding: 0.5em 0.75em; }",
    ".secondary, .toggle { background: #ffffff; color: #0b0c0c; border: 2px solid #0b0c0c; }",
    ".secondary:hover, .toggle:hover { background: #f3f2f1; }",
    ".toggle::before { content: ''; display: inline-block; width: 1em; height: 1em; margin-right: 0.5em;",
    "  vertical-align: -0.15em; border: 2px solid #0b0c0c; border-radius: 0.2em; background: #ffffff; }",
    ".toggle[aria-pressed='true']::before { background: #0b0c0c; box-shadow: inset 0 0 0 2px #ffffff; }",
    ".log { position: relative; flex: 1 1 auto; min-height: 8em; overflow-y: auto; padding: 0.75em; }",
    ".msg { margin: 0 0 0.75em; padding: 0.5em 0.75em; border-radius: 0.5em; }",
    ".msg p { margin: 0 0 0.4em; white-space: pre-line; overflow-wrap: anywhere; }",
    ".msg.bot { background: #f3f2f1; }",
    ".msg.you { background: #e8f1f8; border-left: 4px solid #1d70b8; margin-left: 1.5em; }",
    ".msg.error { background: #fff4f4; border-left: 4px solid #b10e1e; }",
    ".options { display: flex; flex-wrap: wrap; gap: 0.5em; margin-top: 0.5em; }",
    ".cards { list-style: none; margin: 0.5em 0; padding: 0; }",
    ".card { background: #ffffff; border: 1px solid #626a6e; border-radius: 0.5em; padding: 0.6em 0.75em;",
    "  margin: 0 0 0.5em; }",
    ".card h3 { margin: 0 0 0.25em; font-size: 1.0625em; line-height: 1.3; }",
    ".card a { display: inline-flex; align-items: center; min-height: 44px; }",
    "a { color: #1d4f91; text-decoration: underline; text-underline-offset: 0.15em; }",
    "a:visited { color: #4c2c92; }",
    ".status { margin: 0; padding: 0 0.75em; font-style: italic; }",
    ".form { margin: 0; padding: 0.5em 0.75em 0.75em; border-top: 1px solid #626a6e; }",
    ".form label { display: block; font-weight: 700; margin-bottom: 0.25em; }",
    ".row { display: flex; flex-wrap: wrap; gap: 0.5em; }",
    "input { flex: 1 1 8em; min-width: 0; min-height: 44px; font: inherit; color: #0b0c0c; background: #ffffff;",
    "  padding: 0.4em 0.5em; border: 2px solid #0b0c0c; border-radius: 0.25em; margin: 0; }",
    ".primary { background: #1d70b8; color: #ffffff; border: 2px solid #1d70b8; font-weight: 700; }",
    ":focus-visible { outline: 3px solid #0b0c0c; outline-offset: 2px; box-shadow: 0 0 0 6px #ffdd00; }",
    "a:focus-visible { background: #ffdd00; color: #0b0c0c; text-decoration: none; }",
    ".head :focus-visible { outline-color: #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }",
    ".vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;",
    "  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }",
    "@media (max-width: 30em), (max-height: 30em) {",
    "  .panel { top: 0; right: 0; bottom: 0; left: 0; width: auto; height: auto; border: 0; border-radius: 0; } }",
    "@media (prefers-reduced-motion: no-preference) {",
    "  .panel { animation: dayfinder-in 0.15s ease-out; }",
    "  @keyframes dayfinder-in { from { opacity: 0; transform: translateY(0.5em); } to { opacity: 1; } } }",
    ".root.size-large { font-size: 125%; }",
    ".root.size-larger { font-size: 150%; }",
    ".sizes { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em; }",
    ".sizes span { margin-right: 0.25em; }",
    ".speak { display: block; margin: 0 0 0.4em auto; padding: 0.25em 0.6em; }",
    ".speak::before { content: ''; display: inline-block; margin-right: 0.4em; vertical-align: -0.05em;",
    "  border-style: solid; border-width: 0.4em 0 0.4em 0.65em; border-color: transparent transparent transparent currentColor; }",
    ".speak[aria-pressed='true']::before { width: 0.7em; height: 0.7em; border: 0; background: currentColor; }",
    ".size, .speak { background: #ffffff; color: #0b0c0c; border: 2px solid #0b0c0c; }",
    ".size:hover, .speak:hover { background: #f3f2f1; }",
    ".size[aria-pressed='true'], .speak[aria-pressed='true'] { background: #0b0c0c; color: #ffffff; }",
    "@media (forced-colors: active) { .toggle[aria-pressed='true']::before { background: CanvasText; }",
    "  .size[aria-pressed='true'], .speak[aria-pressed='true'] { forced-color-adjust: none; background: Highlight;",
    "    color: HighlightText; border-color: HighlightText; } }"
  ].join("\n");

  // Values kept in the first of the browser's storage areas that the page allows (private modes and
  // blocked third-party storage throw); with none, the widget still works and simply forgets.
  function storage(areas) {
    function each(action) {
      for (var i = 0; i < areas.length; i += 1) {
        try { return { value: action(window[areas[i]]) }; } catch (e) { /* not allowed here: try the next */ }
      }
      return null;
    }
    return {
      get: function (name) {
        var found = each(function (area) {
          var value = JSON.parse(area.getItem(KEY + name));
          if (value === null) { throw new Error("not kept here"); }
          return value;
        });
        return found ? found.value : null;
      },
      set: function (name, value) {
        each(function (area) { area.setItem(KEY + name, JSON.stringify(value)); });
      },
      clear: function () {
        areas.forEach(function (name) {
          try {
            var area = window[name];
            Object.keys(area).forEach(function (key) { if (key.indexOf(KEY) === 0) { area.removeItem(key); } });
          } catch (e) { /* private mode */ }
        });
      }
    };
  }

  var store = storage(["sessionStorage"]); // the conversation: gone when the tab closes
  var prefs = storage(["localStorage", "sessionStorage"]); // how the widget looks, for next time too

  var keptSize = prefs.get("size");
  var state = {
    session: store.get("session"),
    mode: store.get("mode") === "easy" ? "easy" : "plain",
    size: SIZES.indexOf(keptSize) >= 0 ? keptSize : SIZES[0],
    transcript: store.get("log") || [],
    busy: false
  };
  var reading = null; // the reply being read aloud: { button }
  var strings = {};
  var cache = {};
  var ui = {};

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function say(key, params) {
    return (strings[key] || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }

  function loadStrings(mode) {
    if (cache[mode]) { return Promise.resolve(cache[mode]); }
    return fetch(ORIGIN + "/widget/strings?mode=" + mode, { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) { throw new Error("strings " + response.status); }
        return response.json();
      })
      .then(function (body) { cache[mode] = body.strings; return body.strings; });
  }

  function useMode(mode) {
    state.mode = mode === "easy" ? "easy" : "plain";
    store.set("mode", state.mode);
    ui.easy.setAttribute("aria-pressed", String(state.mode === "easy"));
    return loadStrings(state.mode).then(function (loaded) { strings = loaded; label(); }, function () {});
  }

  function label() {
    ui.launcher.textContent = say("launcher");
    ui.title.textContent = say("title");
    ui.close.textContent = say("close");
    ui.easy.textContent = say("easy_read");
    ui.person.textContent = say("person");
    ui.log.setAttribute("aria-label", say("log_label"));
    ui.inputLabel.textContent = say("input_label");
    ui.send.textContent = say("send");
    ui.sizeLabel.textContent = say("text_size");
    ui.sizes.forEach(function (button) { button.textContent = say("size_" + button.getAttribute("data-size")); });
    Array.prototype.forEach.call(ui.log.querySelectorAll(".speak"), function (button) {
      button.textContent = say("read_aloud");
    });
    if (ui.status.textContent) { ui.status.textContent = say("loading"); }
  }

  function useSize(size) {
    state.size = size;
    prefs.set("size", size);
    ui.root.className = "root size-" + size;
    ui.sizes.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-size") === size));
    });
  }

  // Speech is the browser's own (window.speechSynthesis): no outside service hears the reply.
  function canSpeak() {
    try {
      return Boolean(window.speechSynthesis && typeof window.speechSynthesis.speak === "function" &&
        typeof window.SpeechSynthesisUtterance === "function");
    } catch (e) {
      return false;
    }
  }

  function spokenLines(text) {
    return String(text || "").split("\n").map(function (line) {
      return line.replace(UNSPOKEN, " ").replace(/\s+/g, " ").trim();
    }).filter(Boolean);
  }

  function britishVoice() {
    var voices = typeof window.speechSynthesis.getVoices === "function" ? window.speechSynthesis.getVoices() : [];
    return (voices || []).filter(function (voice) { return /^en[-_]GB$/i.test(voice.lang); })[0] || null;
  }

  function stopReading() {
    if (!reading) { return; }
    reading.button.setAttribute("aria-pressed", "false");
    reading = null;
    window.speechSynthesis.cancel();
  }

  // One line at a time: the voice pauses between results, and some browsers cut long utterances short.
  function readAloud(button, text) {
    var again = reading && reading.button === button;
    stopReading();
    if (again) { return; }
    var lines = spokenLines(text);
    if (!lines.length) { return; }
    var current = { button: button };
    var finished = function () {
      if (reading === current) { button.setAttribute("aria-pressed", "false"); reading = null; }
    };
    reading = current;
    button.setAttribute("aria-pressed", "true");
    window.speechSynthesis.cancel(); // anything else the page was saying
    var voice = britishVoice();
    lines.forEach(function (line, i) {
      var utterance = new window.SpeechSynthesisUtterance(line);
      utterance.lang = "en-GB";
      utterance.rate = SPEECH_RATE;
      if (voice) { utterance.voice = voice; }
      utterance.addEventListener("error", finished);
      if (i === lines.length - 1) { utterance.addEventListener("end", finished); }
      window.speechSynthesis.speak(utterance);
    });
  }

  function build() {
    ui.speaks = canSpeak(); // without it the read-aloud buttons are left out, not shown broken
    var host = el("div", { "data-dayfinder": "" });
    var shadow = host.attachShadow({ mode: "open" });
    shadow.appendChild(el("style", {}, CSS));
    var root = el("div", { "class": "root size-" + state.size, lang: "en-GB" });
    ui.root = root;
    ui.launcher = el("button", { type: "button", "class": "launcher", "aria-expanded": "false", "aria-controls": "panel" });
    ui.panel = el("section", { id: "panel", "class": "panel", role: "dialog", "aria-labelledby": "title" });
    ui.panel.hidden = true;
    var head = el("div", { "class": "head" });
    ui.title = el("h2", { id: "title" });
    ui.close = el("button", { type: "button", "class": "close" });
    head.append(ui.title, ui.close);
    var tools = el("div", { "class": "tools" });
    ui.easy = el("button", { type: "button", "class": "toggle", "aria-pressed": String(state.mode === "easy") });
    ui.person = el("button", { type: "button", "class": "secondary" });
    ui.sizeLabel = el("span", { id: "size-label" });
    var sizes = el("div", { "class": "sizes", role: "group", "aria-labelledby": "size-label" });
    sizes.appendChild(ui.sizeLabel);
    ui.sizes = SIZES.map(function (size) {
      var button = el("button", { type: "button", "class": "size", "data-size": size, "aria-pressed": String(size === state.size) });
      button.addEventListener("click", function () { useSize(size); });
      sizes.appendChild(button);
      return button;
    });
    tools.append(ui.easy, ui.person, sizes);
    ui.log = el("div", { "class": "log", role: "log", "aria-live": "polite", tabindex: "0" });
    ui.status = el("p", { "class": "status", role: "status" });
    ui.form = el("form", { "class": "form" });
    ui.inputLabel = el("label", { "for": "message" });
    ui.input = el("input", { id: "message", type: "text", autocomplete: "off", maxlength: "1000", enterkeyhint: "send" });
    ui.send = el("button", { type: "submit", "class": "primary" });
    var row = el("div", { "class": "row" });
    row.append(ui.input, ui.send);
    ui.form.append(ui.inputLabel, row);
    ui.panel.append(head, tools, ui.log, ui.status, ui.form);
    root.append(ui.launcher, ui.panel);
    shadow.appendChild(root);

    ui.launcher.addEventListener("click", open);
    ui.close.addEventListener("click", close);
    ui.panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") { event.preventDefault(); close(); }
    });
    ui.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = ui.input.value.trim();
      if (!text || state.busy) { return; }
      ui.input.value = "";
      send(text, text);
    });
    ui.easy.addEventListener("click", function () {
      var mode = state.mode === "easy" ? "plain" : "easy";
      ui.easy.setAttribute("aria-pressed", String(mode === "easy"));
      send(SAY[mode], null, mode);
    });
    ui.person.addEventListener("click", function () { send(SAY.person, say("person")); });
    state.transcript.forEach(function (entry) { show(entry, !entry.done); });
    label();
    document.body.appendChild(host);
  }

  function open() {
    ui.panel.hidden = false;
    ui.launcher.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.input.focus();
    ui.log.scrollTop = ui.log.scrollHeight;
    if (!state.session && !state.transcript.length) { send(SAY.start, null); }
  }

  function close() {
    stopReading();
    ui.panel.hidden = true;
    ui.launcher.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.focus();
  }

  function distance(miles) {
    if (miles === null || miles === undefined) { return ""; }
    if (miles < 0.5) { return say("distance_near"); }
    var rounded = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
    return rounded === 1 ? say("distance_one") : say("distance", { miles: String(rounded) });
  }

  function card(result, number, latest) {
    var id = "card-" + Math.random().toString(36).slice(2);
    var item = el("li", { "class": "card" });
    item.appendChild(el("h3", { id: id }, result.name));
    var forWhom = result.for_whom ? result.for_whom.charAt(0).toUpperCase() + result.for_whom.slice(1) : "";
    var facts = [result.summary, forWhom, result.when && say("when", { when: result.when }),
      result.cost && say("cost", { cost: result.cost }),
      result.distance_miles !== null && result.distance_miles !== undefined && say("where", { where: distance(result.distance_miles) })];
    facts.forEach(function (fact) { if (fact) { item.appendChild(el("p", {}, fact)); } });
    if (result.phone) {
      var phone = el("p");
      phone.appendChild(el("a", { href: "tel:" + result.phone.replace(/[^0-9+]/g, "") }, say("phone", { phone: result.phone })));
      item.appendChild(phone);
    }
    var more = el("p");
    var href = ORIGIN + "/listing/" + encodeURIComponent(result.id) + "?mode=" + state.mode;
    more.appendChild(el("a", { href: href }, say("more_about", { name: result.name })));
    item.appendChild(more);
    var report = el("p");
    report.appendChild(el("a", { href: href + "&from=widget#report" }, say("report_problem")));
    item.appendChild(report);
    if (latest) {
      var button = el("button", { type: "button", "class": "secondary action", "aria-describedby": id }, say("tell_me_more"));
      button.addEventListener("click", function () {
        send(String(number), say("tell_me_more") + ": " + result.name);
      });
      item.appendChild(button);
    }
    return item;
  }

  function show(entry, latest) {
    var item = el("div", { "class": "msg " + entry.who });
    var results = entry.results || [];
    var numbered = results.map(function (result, i) { return (i + 1) + ". " + result.name; });
    // The results' numbered lines become cards; the lines after them (what to do next) follow the cards.
    var before = [];
    var after = [];
    String(entry.text || "").split("\n").forEach(function (line) {
      if (!line) { return; }
      if (numbered.some(function (prefix) { return line.indexOf(prefix) === 0; })) {
        before = before.concat(after);
        after = [];
      } else {
        after.push(line);
      }
    });
    if (!results.length) { before = after; after = []; }
    // The button comes before the hidden "who said this", so a screen reader never takes it for the reply.
    if (entry.who !== "you" && ui.speaks) {
      var speak = el("button", { type: "button", "class": "speak", "aria-pressed": "false" }, say("read_aloud"));
      speak.addEventListener("click", function () { readAloud(speak, entry.text); });
      item.appendChild(speak);
    }
    item.appendChild(el("span", { "class": "vh" }, say(entry.who === "you" ? "you_said" : "dayfinder_said")));
    before.forEach(function (line) { item.appendChild(el("p", {}, line)); });
    if (results.length) {
      var list = el("ol", { "class": "cards", "aria-label": say("results_label") });
      results.forEach(function (result, i) { list.appendChild(card(result, i + 1, latest)); });
      item.appendChild(list);
      after.forEach(function (line) { item.appendChild(el("p", {}, line)); });
    }
    if (latest && entry.options && entry.options.length) {
      var options = el("div", { "class": "options action" });
      entry.options.forEach(function (option) {
        var button = el("button", { type: "button", "class": "secondary" }, option.label);
        button.addEventListener("click", function () { send(option.value, option.label); });
        options.appendChild(button);
      });
      item.appendChild(options);
    }
    ui.log.appendChild(item);
    return item;
  }

  function remember(entry) {
    state.transcript.push(entry);
    state.transcript = state.transcript.slice(-KEEP);
    store.set("log", state.transcript);
    return show(entry, true);
  }

  // After "delete my data" nothing of the conversation stays in this browser either: the session,
  // the kept messages and the log on screen all go; only the reply saying so is shown (not kept).
  function forget() {
    stopReading();
    store.clear();
    store.set("mode", state.mode); // a wording preference, not something the person said
    prefs.set("size", state.size); // the same for the text size, if it had to be kept in the tab
    state.session = null;
    state.transcript = [];
    while (ui.log.firstChild) { ui.log.removeChild(ui.log.firstChild); }
  }

  function send(text, shown, mode) {
    if (state.busy) { return; }
    state.busy = true;
    // Answers offered before this message no longer apply; focus stays in the message box.
    Array.prototype.forEach.call(ui.log.querySelectorAll(".action"), function (node) { node.remove(); });
    state.transcript.forEach(function (old) { old.done = true; });
    ui.input.focus();
    if (shown) { remember({ who: "you", text: shown }); }
    ui.log.setAttribute("aria-busy", "true");
    var timer = window.setTimeout(function () { ui.status.textContent = say("loading"); }, LOADING_DELAY_MS);
    var first = null;
    var body = { session: state.session, text: text, mode: mode || state.mode };
    fetch(ORIGIN + "/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit"
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.deleted) {
          forget();
        } else if (data.session) {
          state.session = data.session;
          store.set("session", data.session);
        }
        var switched = data.mode && data.mode !== state.mode ? useMode(data.mode) : Promise.resolve();
        return switched.then(function () {
          (data.replies || []).forEach(function (reply) {
            var entry = { who: data.error ? "error" : "bot", text: reply.text, options: reply.options, results: reply.results };
            var item = data.deleted ? show(entry, true) : remember(entry);
            first = first || item;
          });
          if (!first) { throw new Error("no reply"); }
        });
      })
      .catch(function () { first = remember({ who: "error", text: say("error") }); })
      .then(function () {
        window.clearTimeout(timer);
        ui.status.textContent = "";
        ui.log.setAttribute("aria-busy", "false");
        ui.easy.setAttribute("aria-pressed", String(state.mode === "easy"));
        state.busy = false;
        var reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        ui.log.scrollTo({ top: Math.max(0, first.offsetTop - 8), behavior: reduce ? "auto" : "smooth" });
      });
  }

  function start() {
    loadStrings(state.mode).then(function (loaded) { strings = loaded; build(); }, function () {
      // Without its words (say, this page is not on the allowlist) the widget stays out of the way.
      if (window.console) { window.console.warn("Dayfinder widget: could not load from " + ORIGIN); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
