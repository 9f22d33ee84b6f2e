// The explorer's service worker (replaces go-app's default, see build/site).
// - Precaches every page and asset of this version, and waits for it.
// - Answers navigations by path, ignoring the query string: every view is
//   one prerendered page whose state lives in the query.
// - Serves everything else cache-first; new versions arrive as a new worker.
const version = "{{.Version}}";
const base = "{{.Base}}";
const cacheName = "explorer-" + version;
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(cacheName)
      // cache: "reload" goes past the browser's HTTP cache: the file names
      // (app.wasm, data/*.json) stay the same from version to version, and
      // a host's cache headers must not put last version's files into
      // this version's cache.
      .then((cache) => cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((key) => key.startsWith("explorer-") && key !== cacheName)
        .map((key) => caches.delete(key))))
  );
  // No clients.claim(): the page of a first visit stays uncontrolled, so
  // go-app's update notice (which fires when an activated worker replaces
  // a controlling one) is only shown for real updates. Every later
  // navigation is served by this worker, offline included.
});

// pageFor maps a navigation's path to the prerendered file of its route.
function pageFor(pathname) {
  let route = pathname;
  if (base && route.startsWith(base)) {
    route = route.slice(base.length);
  }
  route = route.replace(/\/+$/, "").replace(/\.html$/, "");
  if (route === "" || route === "/index") {
    return base + "/index.html";
  }
  return base + route + ".html";
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(answerNavigation(url));
    return;
  }
  event.respondWith(
    caches.open(cacheName)
      .then((cache) => cache.match(request))
      .then((cached) => cached || fetch(request))
  );
});

async function answerNavigation(url) {
  const cache = await caches.open(cacheName);
  const page = await cache.match(pageFor(url.pathname));
  if (page) {
    return page;
  }
  try {
    return await fetch(url.href);
  } catch (err) {
    const notFound = await cache.match(base + "/404.html");
    if (notFound) {
      return notFound;
    }
    throw err;
  }
}
