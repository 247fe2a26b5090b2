// The claim page has several forms; saving one reloads the page. What was
// typed in the others (and not saved yet) is kept in sessionStorage when one
// is sent, and put back when the page comes back, with the values it was
// typed against, so the server still sees a conflict if someone else changed
// the same field meanwhile.
(function () {
  "use strict";
  var KEY = "claim-drafts:" + window.location.pathname;

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.type !== "hidden" && el.type !== "submit" && !el.disabled;
    });
  }

  function isDirty(el) {
    if (el.type === "checkbox" || el.type === "radio") return el.checked !== el.defaultChecked;
    if (el.tagName === "SELECT") {
      return Array.prototype.some.call(el.options, function (o) {
        return o.selected !== o.defaultSelected;
      });
    }
    return el.value !== el.defaultValue;
  }

  function valueOf(el) {
    if (el.type === "checkbox" || el.type === "radio") return el.checked ? "1" : "";
    return el.value;
  }

  function save(sentForm) {
    var drafts = [];
    document.querySelectorAll("main form[method=post][id]").forEach(function (form) {
      if (form === sentForm) return;
      fieldsOf(form).forEach(function (el) {
        if (!isDirty(el)) return;
        var base = form.querySelector('input[type=hidden][name="base_' + el.name + '"]');
        drafts.push({
          form: form.id,
          name: el.name,
          value: valueOf(el),
          base: base ? base.value : null,
        });
      });
    });
    try {
      if (drafts.length) sessionStorage.setItem(KEY, JSON.stringify(drafts));
      else sessionStorage.removeItem(KEY);
    } catch (e) {
      /* storage full or disabled: nothing kept, as before */
    }
  }

  function restore() {
    var raw;
    try {
      raw = sessionStorage.getItem(KEY);
      sessionStorage.removeItem(KEY);
    } catch (e) {
      return;
    }
    if (!raw) return;
    JSON.parse(raw).forEach(function (draft) {
      var form = document.getElementById(draft.form);
      if (!form || !form.elements[draft.name]) return;
      var el = form.elements[draft.name];
      if (el.type === "checkbox" || el.type === "radio") el.checked = draft.value === "1";
      else el.value = draft.value;
      el.classList.add("kept-draft");
      var base = form.querySelector('input[type=hidden][name="base_' + draft.name + '"]');
      if (base && draft.base !== null) base.value = draft.base;
    });
  }

  document.addEventListener("submit", function (event) {
    if (event.target.matches("main form[method=post]")) save(event.target);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", restore);
  else restore();
})();
