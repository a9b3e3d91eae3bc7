// Light behaviour only: filters submit on change; the claim or quote named in the URL hash is
// highlighted (every piece of it) and scrolled to the middle of the screen; "/" focuses the search.
(function () {
  "use strict";
  function highlightTarget() {
    document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    var key = decodeURIComponent(window.location.hash.slice(1));
    if (!/^[A-Za-z0-9_-]+$/.test(key)) { return; }
    var pieces = document.querySelectorAll('[data-k~="' + key + '"]');
    pieces.forEach(function (el) { el.classList.add("hl"); });
    if (pieces.length) {
      pieces[0].scrollIntoView({ block: "center" });
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (sel) {
      sel.addEventListener("change", function () { sel.form.requestSubmit(); });
    });
    // Empty filters stay out of the URL.
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("select, input").forEach(function (el) { if (!el.value) { el.disabled = true; } });
      });
    });
    highlightTarget();
    window.addEventListener("hashchange", highlightTarget);
    // "/" goes to the search box, as on most sites, unless one is typing somewhere already.
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var t = ev.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
      var box = document.getElementById("site-search");
      if (box) { ev.preventDefault(); box.focus(); box.select(); }
    });
  });
})();
