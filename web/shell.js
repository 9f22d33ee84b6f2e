// Browser glue that the Go side cannot do well. Loaded (same origin, CSP
// 'self') on every page, before the WebAssembly starts.
(function () {
  "use strict";

  const inFrame = window.parent !== window;
  const isEmbed = () => new URLSearchParams(location.search).get("embed") === "1";

  // Embed: links marked target=_top leave the iframe for the top window.
  // go-app's window click handler would otherwise take them over and
  // navigate inside the frame, so the event stops at the document.
  document.addEventListener("click", (event) => {
    const a = event.target instanceof Element ? event.target.closest('a[target="_top"]') : null;
    if (a) {
      event.stopPropagation();
    }
  }, true);

  // Embed: tell the parent page our height whenever it changes, so a wiki
  // can size the iframe without scroll bars.
  let lastHeight = -1;
  function postHeight() {
    if (!inFrame || !isEmbed()) {
      return;
    }
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) {
      return;
    }
    lastHeight = height;
    window.parent.postMessage({ type: "obligations-explorer:height", height: height }, "*");
  }
  if (inFrame && "ResizeObserver" in window) {
    const start = () => {
      new ResizeObserver(postHeight).observe(document.documentElement);
      postHeight();
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
  }

  // Updates: ask the browser to look for a new service worker now and then,
  // when the tab comes back, and when the network returns. go-app's
  // app.TryUpdate does the same call, but cannot catch the rejection the
  // check gives while offline, which would surface as an uncaught error.
  function checkForUpdate() {
    if (!("serviceWorker" in navigator)) {
      return Promise.resolve();
    }
    return navigator.serviceWorker.getRegistration()
      .then((reg) => (reg ? reg.update() : undefined))
      .catch(() => undefined);
  }
  window.explorerCheckForUpdate = checkForUpdate;
  setInterval(checkForUpdate, 15 * 60 * 1000);
  window.addEventListener("online", checkForUpdate);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") {
      checkForUpdate();
    }
  });
})();
