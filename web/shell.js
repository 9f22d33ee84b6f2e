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

// The reader's text (/docs/<doc>). The build renders each document's HTML
// per language into data/, and the prerendered page already holds one of
// them. Neither goes through the WebAssembly: copying a megabyte into Go and
// back, and re-parsing what the browser already parsed, was most of the
// reader's start-up. Instead this keeps the prerendered node (go-app replaces
// the prerendered body when it starts), starts fetching the language the link
// asks for as soon as the page is parsed, and fills the page's host element
// when the Go side asks for it.
const readerNodes = new Map(); // data file URL -> its text, parsed
const readerFetches = new Map(); // data file URL -> Promise of its HTML, while not parsed
function fetchReader(url) {
  let p = readerFetches.get(url);
  if (!p) {
    p = fetch(url).then(function (r) {
      if (!r.ok) {
        throw new Error(url + ": HTTP " + r.status);
      }
      return r.text();
    });
    p.catch(function () { readerFetches.delete(url); });
    readerFetches.set(url, p);
  }
  return p;
}
(function () {
  const host = document.querySelector(".doc-host[data-reader]");
  if (!host) {
    return;
  }
  if (host.firstElementChild) {
    readerNodes.set(host.dataset.reader, host.firstElementChild);
  }
  // The language the link asks for, as the Go side reads it (zh by default).
  const lang = new URLSearchParams(location.search).get("lang");
  if ((lang === "en" || lang === "both") && host.dataset.readerStem) {
    fetchReader(host.dataset.readerStem + lang + ".html").catch(function () {});
  }
})();
// readerNode is the parsed text of url, read first when it is not at hand.
function readerNode(url) {
  const node = readerNodes.get(url);
  if (node) {
    return Promise.resolve(node);
  }
  return fetchReader(url).then(function (html) {
    let parsed = readerNodes.get(url);
    if (!parsed) {
      const t = document.createElement("template");
      t.innerHTML = html;
      parsed = t.content.firstElementChild;
      readerNodes.set(url, parsed);
      readerFetches.delete(url);
    }
    return parsed;
  });
}
// explorerFillReader puts the reader's text into the host element whose
// data-reader is url, and resolves with whether the clause with id target
// is in it ("" for no target). It resolves with null when the host has moved
// on to another file meanwhile, and rejects when the file cannot be read.
window.explorerFillReader = function (url, target) {
  return readerNode(url).then(function (node) {
    const host = document.querySelector(".doc-host[data-reader]");
    if (!host || host.dataset.reader !== url) {
      return null;
    }
    return fillHost(host, url, node, target);
  });
};
// explorerFillReaderNow does the same at once when the text is at hand, and
// returns null when it is not or the host is not this file's.
window.explorerFillReaderNow = function (url, target) {
  const host = document.querySelector(".doc-host[data-reader]");
  const node = readerNodes.get(url);
  if (!host || !node || host.dataset.reader !== url) {
    return null;
  }
  return fillHost(host, url, node, target);
};
// explorerHasReader says whether the text of url is at hand (the prerendered
// page holds it, or it was read before), so that a fill needs no waiting.
window.explorerHasReader = function (url) {
  return readerNodes.has(url);
};
function fillHost(host, url, node, target) {
  if (host.dataset.filled !== url) {
    host.replaceChildren(node);
    host.dataset.filled = url;
  }
  // Shown at once; the Go side's next render agrees (it hides the host only
  // while its text is not there).
  host.hidden = false;
  return !target || host.querySelector("#" + CSS.escape(target)) !== null;
}
// explorerScrollToClause brings a clause to the top of the screen. Clauses
// off screen are not laid out (content-visibility: auto), so the ones above
// it take their real height only as they come near the screen, a few frames
// later, which moves it down. For half a second, while the page has not been
// scrolled by anyone else, scroll it back whenever it has moved.
window.explorerScrollToClause = function (el) {
  el.scrollIntoView({ block: "start" });
  let top = el.getBoundingClientRect().top;
  let y = window.scrollY;
  const until = performance.now() + 500;
  const check = function () {
    if (window.scrollY !== y) {
      return; // the reader scrolls: leave the page alone
    }
    if (Math.abs(el.getBoundingClientRect().top - top) > 1) {
      el.scrollIntoView({ block: "start" });
      top = el.getBoundingClientRect().top;
      y = window.scrollY;
    }
    if (performance.now() < until) {
      requestAnimationFrame(check);
    }
  };
  requestAnimationFrame(check);
};

// Start-up work done ahead. This script runs while the page waits for the
// WebAssembly to download and compile, and the page's thread is idle then;
// the same work, left to the Go side, sat on the way to the page being
// ready (page marks, cold loads, December 2026):
// - go-app's engine reads every localStorage key as it starts, to drop
//   expired states, and the first access opens the origin's storage:
//   4-18 ms between the first render and ready;
// - a link with an event shows a timeline with the viewer's zone beside
//   Beijing time (or the zone tz= names), and the first Intl calls load the
//   browser's zone data: 15-25 ms before the first render.
// What is made here is what the Go side then asks for (the local zone, the
// zone's check and its formatter are kept), so nothing is done twice.
(function () {
  try {
    void window.localStorage.length;
  } catch (e) {
    // Storage turned off: go-app does without it.
  }
  const q = new URLSearchParams(location.search);
  if (!q.get("event")) {
    return;
  }
  const zone = q.get("tz") || window.explorerLocalZone();
  if (!zone || zone.length > 64 || zone === "Asia/Shanghai" || zone === "Asia/Chongqing" || !window.explorerZoneKnown(zone)) {
    return;
  }
  window.explorerFormatInZone(Date.now(), zone, q.get("lang") === "en" ? "en" : "zh");
})();
