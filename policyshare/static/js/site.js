// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Click-to-load video: no request reaches the video host until the reader asks for it.
  document.addEventListener("click", function (event) {
    var poster = event.target.closest(".video__poster");
    if (!poster) return;
    var box = poster.parentElement;
    var url = box.getAttribute("data-embed-url");
    if (!url) return; // no embeddable player: follow the link to the video site instead
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = url;
    frame.title = box.getAttribute("data-title") || "";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    box.replaceChildren(frame);
    frame.focus();
  });
  // Disclosures that wide screens show open (the menu, the search filters): the stylesheet
  // does it with ::details-content; browsers without it get the `open` attribute instead.
  var supported = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  if (!supported && window.matchMedia && matchMedia("(min-width: 48rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }
  // Request forms: the reader's time zone, so their tracking page and mails show times in it.
  document.querySelectorAll('input[type="hidden"][name="time_zone"]').forEach(function (input) {
    try {
      input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      // No Intl: the site's zone is used, and named.
    }
  });
})();
