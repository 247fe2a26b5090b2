/* The top bar's menu is a <details>: closed on phones, and on wider screens
   shown by CSS (::details-content). Browsers without that selector get it
   opened here instead, so the navigation is never hidden on a wide screen. */
(function () {
  "use strict";
  var menu = document.getElementById("menu");
  if (!menu || !window.matchMedia) return;
  var supported = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  if (supported) return;
  var wide = window.matchMedia("(min-width: 48.01rem)");
  function sync() { if (wide.matches) menu.open = true; }
  sync();
  if (wide.addEventListener) wide.addEventListener("change", sync);
})();
