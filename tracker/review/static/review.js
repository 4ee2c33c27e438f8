// Keyboard shortcuts for the review pages. A key press clicks the button or link, or focuses the field,
// whose data-key attribute it matches; Esc leaves a field; "?" toggles the help. Served as a file
// from this app, because the Content-Security-Policy allows no inline script.
"use strict";
(function () {
  var sent = false;
  document.addEventListener("submit", function () { sent = true; });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) {
      if (event.key === "Escape") { target.blur(); event.preventDefault(); }
      // Enter in a one-line field would submit the form with its first button: leave the field instead.
      else if (event.key === "Enter" && tag === "INPUT") { target.blur(); event.preventDefault(); }
      return;
    }
    if (sent) { return; }  // one verdict per page: a second key press must not send another form
    if (event.key === "?") {
      var help = document.getElementById("keys");
      if (help) { help.hidden = !help.hidden; }
      event.preventDefault();
      return;
    }
    var elements = document.querySelectorAll("[data-key]");
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (el.getAttribute("data-key") !== event.key) { continue; }
      event.preventDefault();
      if (el.tagName === "INPUT" || el.tagName === "TEXTAREA") {
        el.focus();
      } else {
        el.click();
      }
      return;
    }
  });
}());
