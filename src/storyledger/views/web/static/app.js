// Light behaviour only: filters submit on change; the claim or quote named in the URL hash is
// highlighted (every piece of it) and scrolled to the middle of the screen.
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
  });
})();
