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
    else if (event.key === "j") { event.preventDefault(); click("[data-shortcut=next]"); }
    else if (event.key === "k") { event.preventDefault(); click("[data-shortcut=prev]"); }
    else if (/^[1-9]$/.test(event.key)) {
      var radio = document.getElementById("verdict-" + event.key);
      if (radio) { event.preventDefault(); radio.checked = true; radio.focus(); }
    }
  }, true);
})();

