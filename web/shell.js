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

// Time zones for the viewer's second column. Go in the WebAssembly carries
// no time zone database; the browser's Intl API has one. Both functions
// return "" / NaN instead of throwing on an unknown zone.
// Intl formatters are costly to build and a timeline formats dozens of
// instants: keep one per zone and language.
const zoneFormatters = new Map();
window.explorerFormatInZone = function (ms, zone, lang) {
  try {
    const key = zone + "|" + lang;
    let f = zoneFormatters.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
        timeZone: zone, year: "numeric", month: "short", day: "numeric",
        hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
      });
      zoneFormatters.set(key, f);
    }
    return f.format(new Date(ms));
  } catch (e) {
    return "";
  }
};
// The offset of zone from UTC, in minutes, at the instant ms.
window.explorerZoneOffset = function (ms, zone) {
  try {
    const parts = {};
    for (const p of new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    }).formatToParts(new Date(ms))) {
      parts[p.type] = p.value;
    }
    const asUTC = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
    return Math.round((asUTC - Math.floor(ms / 1000) * 1000) / 60000);
  } catch (e) {
    return NaN;
  }
};
const knownZones = new Map();
window.explorerZoneKnown = function (zone) {
  if (!knownZones.has(zone)) {
    let ok = true;
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
    } catch (e) {
      ok = false;
    }
    knownZones.set(zone, ok);
  }
  return knownZones.get(zone);
};
// The browser's own zone, to offer as the second column.
// Asked once: building a formatter to read it costs a millisecond or two on
// every recompute.
let localZone = null;
window.explorerLocalZone = function () {
  if (localZone === null) {
    try {
      localZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      localZone = "";
    }
  }
  return localZone;
};
// The corpus's text files under data/, as bytes for the WebAssembly.
window.explorerFetchBytes = function (url) {
  return fetch(url).then(function (r) {
    if (!r.ok) {
      throw new Error(url + ": HTTP " + r.status);
    }
    return r.arrayBuffer();
  });
};
