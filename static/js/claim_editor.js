/* The article page's in-text claim editor. Editors select words (mouse, or
   Shift + arrow keys in the focused text) to add a claim or to set a claim's
   content, source, cue or channel; they split, merge, and mark extraction
   errors. Every action is a call to the JSON API (/api/claims/...), and the
   highlighted text is then reloaded from the server, so what is shown is
   always what is stored. */
(function () {
  "use strict";

  var editor = document.getElementById("claim-editor");
  if (!editor) return;

  var state = { claims: [], current: null, selection: null, words: null };

  function msg(name) { return editor.getAttribute("data-msg-" + name) || name; }
  function textBox() { return document.getElementById("article-text"); }
  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (e) { return ""; }
  }

  function loadClaims() {
    var data = document.getElementById("claims-data");
    state.claims = data ? JSON.parse(data.textContent) : [];
    state.words = null;
    var box = textBox();
    if (box && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("aria-describedby", "editor-help");
    }
  }

  function claimById(id) {
    for (var i = 0; i < state.claims.length; i++) if (state.claims[i].id === id) return state.claims[i];
    return null;
  }

  // --- Offsets: the article's characters, leaving out what the page added (claim numbers, labels).

  function countedTexts(box) {
    return document.createTreeWalker(box, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement && node.parentElement.closest("[data-nontext]")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
  }

  function plainText(box) {
    var walker = countedTexts(box), out = "", node;
    while ((node = walker.nextNode())) out += node.data;
    return out;
  }

  function offsetOf(box, node, offset) {
    var probe = document.createRange();
    probe.setStart(node, offset);
    var walker = countedTexts(box), total = 0, text;
    while ((text = walker.nextNode())) {
      if (text === node) return total + offset;
      if (probe.comparePoint(text, 0) >= 0) return total;
      total += text.data.length;
    }
    return total;
  }

  function pointAt(box, offset, preferNext) {
    var walker = countedTexts(box), total = 0, text, last = null;
    while ((text = walker.nextNode())) {
      var length = text.data.length;
      if (offset < total + length || (!preferNext && offset === total + length)) {
        return { node: text, offset: offset - total };
      }
      total += length;
      last = text;
    }
    return last ? { node: last, offset: last.data.length } : { node: box, offset: 0 };
  }

  function selectOffsets(start, end) {
    var box = textBox();
    if (!box) return;
    var range = document.createRange();
    var a = pointAt(box, start, true), b = pointAt(box, end, false);
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    remember(start, end);
  }

  function remember(start, end) {
    state.selection = { start: Math.min(start, end), end: Math.max(start, end), anchor: start, focus: end };
    var shown = editor.querySelector("[data-selection]");
    if (!shown) return;
    if (start === end) shown.textContent = msg("none") + " (" + start + ")";
    else {
      var text = plainText(textBox()).slice(state.selection.start, state.selection.end);
      shown.textContent = "“" + (text.length > 120 ? text.slice(0, 117) + "…" : text) + "” [" +
        state.selection.start + ", " + state.selection.end + ")";
    }
  }

  document.addEventListener("selectionchange", function () {
    var box = textBox(), selection = window.getSelection();
    if (!box || !selection.rangeCount) return;
    var range = selection.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    remember(offsetOf(box, range.startContainer, range.startOffset),
             offsetOf(box, range.endContainer, range.endOffset));
  });

  // --- Keyboard selection, word by word, in the focused text.

  function wordEdges() {
    if (state.words) return state.words;
    // Words without the punctuation around them: "milioni." selects "milioni".
    var text = plainText(textBox()), starts = [], ends = [], m;
    var re = /[0-9A-Za-z\u00C0-\u024F'’%€$]+(?:[.,][0-9]+)*/g;
    while ((m = re.exec(text))) { starts.push(m.index); ends.push(m.index + m[0].length); }
    state.words = { starts: starts, ends: ends, length: text.length };
    return state.words;
  }

  function nextEdge(list, from) {
    for (var i = 0; i < list.length; i++) if (list[i] > from) return list[i];
    return wordEdges().length;
  }

  function prevEdge(list, from) {
    for (var i = list.length - 1; i >= 0; i--) if (list[i] < from) return list[i];
    return 0;
  }

  document.addEventListener("keydown", function (event) {
    var box = textBox();
    if (!box || event.target !== box) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      var edge = event.key === "Home" ? 0 : wordEdges().length;
      selectOffsets(edge, edge);
      return;
    }
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    var edges = wordEdges();
    var current = state.selection || { anchor: 0, focus: 0 };
    var forward = event.key === "ArrowRight";
    if (event.shiftKey) {
      var focus = forward ? nextEdge(edges.ends, current.focus) : prevEdge(edges.starts, current.focus);
      selectOffsets(current.anchor, focus);
      state.selection.anchor = current.anchor;
      state.selection.focus = focus;
    } else {
      var at = forward ? nextEdge(edges.starts, current.focus) : prevEdge(edges.starts, current.focus);
      selectOffsets(at, at);
    }
  });

  // --- Showing a claim in the panel.

  function spanWords(span) {
    return span ? "“" + span.text + "” [" + span.start + ", " + span.end + ")" : "—";
  }

  function openClaim(id, focus) {
    var claim = claimById(id);
    var box = document.getElementById("editor-claim");
    state.current = claim;
    if (!claim) { box.hidden = true; return; }
    box.hidden = false;
    box.querySelector("[data-claim-title]").textContent = msg("claim") + " " + claim.number;
    ["content", "source", "cue", "channel"].forEach(function (kind) {
      box.querySelector("[data-show=" + kind + "]").textContent =
        kind === "source" && !claim.source && claim.source_text ? claim.source_text : spanWords(claim[kind]);
    });
    document.getElementById("editor-source-text").value = claim.source_text || "";
    document.getElementById("editor-cue-text").value = claim.cue ? claim.cue.text : (claim.cue_text || "");
    document.getElementById("editor-channel-text").value = claim.channel ? claim.channel.text : (claim.channel_text || "");
    document.getElementById("editor-kind").value = claim.source_kind;
    document.getElementById("editor-quote").value = claim.quote_type;
    document.getElementById("editor-hedged").checked = !!claim.hedged;
    var rejected = claim.status === "not_a_claim";
    document.getElementById("editor-not-claim").hidden = rejected;
    document.getElementById("editor-restore").hidden = !rejected;
    document.getElementById("editor-claim-link").href = "/claims/" + claim.id + "/";
    document.querySelectorAll(".article-text .editing").forEach(function (el) { el.classList.remove("editing"); });
    document.querySelectorAll('.article-text [data-claim="' + claim.id + '"]').forEach(function (el) {
      el.classList.add("editing");
    });
    if (focus) box.querySelector("legend").scrollIntoView({ block: "nearest" });
    if (focus) document.querySelector("#editor-claim [data-set=content]").focus();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    var edit = target.closest("[data-edit-claim]");
    if (edit) { openClaim(parseInt(edit.getAttribute("data-edit-claim"), 10), true); return; }
    var mark = target.closest(".article-text mark.claim, .article-text .att");
    if (mark && !target.closest("a")) {
      var selection = window.getSelection();
      if (selection && !selection.isCollapsed) return; // selecting words, not choosing a claim
      openClaim(parseInt(mark.getAttribute("data-claim"), 10), false);
    }
  });

  // --- Talking to the API, then showing the stored result.

  function say(text, isError) {
    document.getElementById("editor-status").textContent = isError ? "" : text;
    document.getElementById("editor-error").textContent = isError ? text : "";
  }

  function problem(body) {
    if (!body) return "";
    if (body.errors) {
      var lines = [];
      Object.keys(body.errors).forEach(function (field) {
        var value = body.errors[field];
        lines.push(field + ": " + (Array.isArray(value) ? value.join(" ") : value));
      });
      if (lines.length) return lines.join("; ");
    }
    return body.detail || "";
  }

  function call(method, url, payload) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRFToken": csrfToken()
      },
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw new Error(problem(body) || response.status + " " + response.statusText);
        return body;
      });
    });
  }

  function refresh(openId, message) {
    return fetch(window.location.pathname, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("article-body");
        var body = document.getElementById("article-body");
        if (fresh && body) body.innerHTML = fresh.innerHTML;
        loadClaims();
        openClaim(openId, false);
        say(message, false);
      });
  }

  function act(promise, openId, message) {
    say("", false);
    return promise
      .then(function (body) {
        var id = typeof openId === "function" ? openId(body) : openId;
        return refresh(id, message);
      })
      .catch(function (error) { say(msg("failed") + " " + error.message, true); });
  }

  function needSelection() {
    if (!state.selection || state.selection.start === state.selection.end) {
      say(msg("select-first"), true);
      return false;
    }
    return true;
  }

  function claimUrl(claim, action) {
    return "/api/claims/" + claim.id + "/" + (action ? action + "/" : "");
  }

  document.getElementById("editor-add").addEventListener("click", function () {
    if (!needSelection()) return;
    act(call("POST", "/api/claims/", {
      article: parseInt(editor.getAttribute("data-article"), 10),
      content_start: state.selection.start,
      content_end: state.selection.end
    }), function (body) { return body.id; }, msg("added"));
  });

  editor.addEventListener("click", function (event) {
    var claim = state.current;
    if (!claim || !event.target.closest) return;
    var set = event.target.closest("[data-set]");
    var clear = event.target.closest("[data-clear]");
    var payload = { version: claim.version };
    if (set) {
      if (!needSelection()) return;
      var kind = set.getAttribute("data-set");
      payload[kind + "_start"] = state.selection.start;
      payload[kind + "_end"] = state.selection.end;
    } else if (clear) {
      var gone = clear.getAttribute("data-clear");
      payload[gone + "_start"] = null;
      payload[gone + "_end"] = null;
    } else {
      return;
    }
    act(call("PATCH", claimUrl(claim), payload), claim.id, msg("saved"));
  });

  var suggested = {};
  var typed = document.getElementById("editor-source-text");
  var lastQuery = "";
  typed.addEventListener("input", function () {
    var query = typed.value.trim();
    if (query.length < 2 || query === lastQuery) return;
    lastQuery = query;
    fetch("/sources/suggest/?q=" + encodeURIComponent(query), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { sources: [] }; })
      .then(function (body) {
        var list = document.getElementById("editor-source-suggestions");
        list.textContent = "";
        suggested = {};
        body.sources.forEach(function (source) {
          var option = document.createElement("option");
          option.value = source.name;
          list.appendChild(option);
          suggested[source.name] = source;
        });
      });
  });

  document.getElementById("editor-attribution").addEventListener("submit", function (event) {
    event.preventDefault();
    var claim = state.current;
    if (!claim) return;
    var payload = {
      version: claim.version,
      source_kind: document.getElementById("editor-kind").value,
      quote_type: document.getElementById("editor-quote").value,
      hedged: document.getElementById("editor-hedged").checked
    };
    var name = typed.value.trim();
    if (name !== (claim.source_text || "")) {
      payload.source_text = name;
      if (suggested[name]) payload.source = suggested[name].id;
    }
    // Typed cue and channel words are found in the text near the claim by the server.
    ["cue", "channel"].forEach(function (kind) {
      var words = document.getElementById("editor-" + kind + "-text").value.trim();
      if (words !== (claim[kind + "_text"] || "")) payload[kind + "_text"] = words;
    });
    act(call("PATCH", claimUrl(claim), payload), claim.id, msg("saved"));
  });

  document.getElementById("editor-split").addEventListener("click", function () {
    var claim = state.current;
    if (!claim) return;
    if (!state.selection) { say(msg("point-first"), true); return; }
    act(call("POST", claimUrl(claim, "split"), { version: claim.version, at: state.selection.start }),
      function (body) { return body.second.id; }, msg("split"));
  });

  document.getElementById("editor-merge").addEventListener("click", function () {
    var claim = state.current;
    if (!claim) return;
    var live = state.claims.filter(function (c) { return c.status !== "not_a_claim"; });
    live.sort(function (a, b) { return a.content.start - b.content.start || a.content.end - b.content.end || a.id - b.id; });
    var index = live.indexOf(claim);
    var next = index >= 0 ? live[index + 1] : null;
    if (!next) { say(msg("no-next"), true); return; }
    act(call("POST", claimUrl(claim, "merge"), { version: claim.version, other: next.id }),
      function (body) { return body.id; }, msg("merged"));
  });

  document.getElementById("editor-not-claim").addEventListener("click", function () {
    var claim = state.current;
    if (!claim) return;
    act(call("PATCH", claimUrl(claim), { version: claim.version, status: "not_a_claim" }), claim.id, msg("not-claim"));
  });

  document.getElementById("editor-restore").addEventListener("click", function () {
    var claim = state.current;
    if (!claim) return;
    act(call("PATCH", claimUrl(claim), { version: claim.version, status: "unverified" }), claim.id, msg("restored"));
  });

  // The extraction finishing swaps the body in (htmx): read the new claims.
  document.body.addEventListener("htmx:afterSettle", loadClaims);
  loadClaims();
})();
