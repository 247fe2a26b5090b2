/* Keyboard shortcuts of the review queue, and small helpers. Every action
   here is also a link or a button on the page: the screens work without it. */
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.closest) return false;
    return !!target.closest("input, textarea, select, [contenteditable=true]");
  }

  function click(selector) {
    var el = document.querySelector(selector);
    if (el && !el.disabled) { el.click(); return true; }
    return false;
  }

  function submit(formId) {
    var form = document.getElementById(formId);
    if (!form) return false;
    var button = form.querySelector("button[type=submit], button:not([type])");
    if (button && button.disabled) return false;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
    return true;
  }

  function openHelp() {
    var dialog = document.getElementById("shortcuts");
    if (dialog && !dialog.open) {
      if (dialog.showModal) dialog.showModal(); else dialog.setAttribute("open", "");
      var close = dialog.querySelector("button");
      if (close) close.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("[data-open-help]");
    if (opener) openHelp();
    var all = event.target.closest && event.target.closest("[data-select-all]");
    if (all) {
      document.querySelectorAll("#bulk-form input[name=claims]").forEach(function (box) {
        box.checked = all.checked;
      });
    }
  });

  function clickDecision(key) {
    var button = document.querySelector("#review-form [data-decision=" + key + "]");
    if (!button) return false;
    if (button.disabled) {
      // The reason is written next to the button: say it rather than do nothing.
      var why = document.getElementById(button.getAttribute("aria-describedby"));
      if (why) { why.classList.add("flash"); setTimeout(function () { why.classList.remove("flash"); }, 1200); }
      return true;
    }
    button.click();
    return true;
  }

  // Escape leaves a text field (so the letter keys are shortcuts again);
  // Ctrl+Enter saves the form being typed in.
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (!typing(t)) return;
    if (event.key === "Escape" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      t.blur();
      var heading = document.getElementById("current-heading");
      if (heading) heading.focus({ preventScroll: true });
      event.preventDefault();
      return;
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && t.form) {
      event.preventDefault();
      if (t.form.id === "review-form") clickDecision("b");
      else if (t.form.requestSubmit) t.form.requestSubmit(); else t.form.submit();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    var dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open) return;
    var inQueue = !!document.getElementById("current-claim");
    var key = event.key;
    if (key === "?") { if (document.getElementById("shortcuts")) { event.preventDefault(); openHelp(); } return; }
    if (!inQueue) return;
    var done = false;
    if (key === "j") done = click("[data-shortcut=next]");
    else if (key === "k") done = click("[data-shortcut=prev]");
    else if (/^[1-9]$/.test(key)) {
      var radio = document.getElementById("verdict-" + key);
      if (radio) { radio.checked = true; radio.focus(); done = true; }
    }
    else if (key === "a") done = submit("take-form");
    else if (key === "e") done = click("[data-shortcut=edit]");
    else if (key === "s") done = submit("decision-form");
    else if (key === "u") done = submit("undo-form");
    else if (key === "p") done = clickDecision("p");
    else if (key === "d") done = clickDecision("d");
    else if (key === "b") {
      var note = document.getElementById("review-note");
      var back = document.querySelector("#review-form [data-decision=b]");
      // Sending back needs a note: write it first, then Ctrl+Enter sends.
      if (note && back && !back.disabled && !note.value.trim()) { note.focus(); done = true; }
      else done = clickDecision("b");
    }
    else if (key === "Enter") {
      var onControl = event.target.closest && event.target.closest("a, button, input, select, textarea, summary");
      if (!onControl) done = click("[data-shortcut=open]");
    }
    if (done) event.preventDefault();
  });

  // The verdict radios take focus when chosen with 1–6; let s, u, a, j, k still work there.
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (!t || t.type !== "radio" || t.name !== "verdict") return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var map = { s: "decision-form", u: "undo-form", a: "take-form" };
    if (map[event.key]) { event.preventDefault(); submit(map[event.key]); }
    else if (event.key === "p" || event.key === "d") { event.preventDefault(); clickDecision(event.key); }
    else if (event.key === "j") { event.preventDefault(); click("[data-shortcut=next]"); }
    else if (event.key === "k") { event.preventDefault(); click("[data-shortcut=prev]"); }
    else if (/^[1-9]$/.test(event.key)) {
      var radio = document.getElementById("verdict-" + event.key);
      if (radio) { event.preventDefault(); radio.checked = true; radio.focus(); }
    }
  }, true);

  // --- The queue at speed: the claim panel is swapped in place (htmx), and
  // the list only moves its highlight, keeping the current row in view.
  // No settle delay: htmx wires a new panel's forms when it settles, and a
  // key pressed in those 20 ms would post the old-fashioned way (a reload).
  if (window.htmx) window.htmx.config.defaultSettleDelay = 0;
  function markCurrentRow() {
    var panel = document.getElementById("current-claim");
    if (!panel) return;
    var id = panel.getAttribute("data-claim");
    document.querySelectorAll("tr[data-queue-row]").forEach(function (row) {
      var isCurrent = row.getAttribute("data-claim") === id;
      row.classList.toggle("current", isCurrent);
      var link = row.querySelector("a");
      if (link) {
        if (isCurrent) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      }
      if (isCurrent && row.scrollIntoView) row.scrollIntoView({ block: "nearest" });
    });
  }

  function afterPanelSwap(event) {
    if (!document.getElementById("current-claim")) return;
    if (event.type === "htmx:afterSettle") markCurrentRow();
    // htmx gives focus back to the field of the same id in the new panel; a
    // new claim starts with the keys free (not typing in last claim's note).
    var active = document.activeElement;
    if (!active || active === document.body || !document.contains(active) || typing(active)) {
      var heading = document.getElementById("current-heading");
      if (heading) heading.focus({ preventScroll: true });
    }
  }
  document.addEventListener("htmx:afterSwap", afterPanelSwap);
  document.addEventListener("htmx:afterSettle", afterPanelSwap);

  // A row's link opens its claim in the panel without reloading the page.
  document.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("tr[data-queue-row] a[href]");
    if (!link || !window.htmx || !document.getElementById("current-claim")) return;
    event.preventDefault();
    var href = link.getAttribute("href");
    window.htmx.ajax("GET", href, { target: "#current-claim", swap: "outerHTML" }).then(function () {
      history.pushState({ htmx: true }, "", href);
    });
  });
})();
