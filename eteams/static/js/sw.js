// Service worker for the coach's pages: keeps the app shell so the tablet works without
// network. A tablet is shared by the coaches of a team, so nothing personal is kept in a
// place another coach could be served from:
// - static files (no personal data) sit in one shell cache;
// - the coach page is kept only when the server marks it with X-Eteams-Offline-User, in a
//   cache of that user's own, and served offline only while that user is the one signed in
//   on this tablet (the "current user" mark the coach page sets and sign-out removes);
// - API answers are never kept here: the page keeps the walk lists in the user's own
//   IndexedDB, and visits never pass through here (the page's outbox sends them).
// Any other response, and every response marked no-store, goes past this worker untouched.
const SHELL_CACHE = "eteams-shell-v7";  // v7: the form offers only measures that fit (suitability.js)
const USER_CACHE = "eteams-user-"; // + user id
const STATE_CACHE = "eteams-state"; // holds CURRENT_USER, set by the coach page
const CURRENT_USER = "/coach/__current-user"; // JSON: user, started, seen, idle, absolute (ms)
const SHELL = [
  "/static/css/app.css", "/static/js/coach.js", "/static/js/tablet.js",
  "/static/js/suitability.js",
  "/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/leaflet.css",
  "/coach/offline",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // Caches of earlier versions (one shared cache of pages and lists) go, whoever filled them.
  const kept = (key) => key === SHELL_CACHE || key === STATE_CACHE || key.startsWith(USER_CACHE);
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => !kept(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The user signed in on this tablet, while their session could still be alive on the
// server (the idle and the absolute timeout, kept by the coach page); otherwise nobody.
async function currentUser() {
  const state = await caches.open(STATE_CACHE);
  const mark = await state.match(CURRENT_USER);
  const session = mark ? await mark.json().catch(() => null) : null;
  const now = Date.now();
  if (!session || now - session.seen > session.idle || now - session.started > session.absolute) return null;
  return session.user;
}

async function offlinePage() {
  const shell = await caches.open(SHELL_CACHE);
  return (await shell.match("/coach/offline")) ||
    new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

async function coachPage(request) {
  try {
    const response = await fetch(request);
    const owner = response.headers.get("X-Eteams-Offline-User");
    if (response.ok && !response.redirected && owner && owner === (await currentUser())) {
      const cache = await caches.open(USER_CACHE + owner);
      await cache.put(new URL(request.url).pathname, response.clone());
    }
    return response;
  } catch (error) {
    // No network: the page of the coach signed in on this tablet, and nobody else's.
    const user = await currentUser();
    if (user) {
      const cache = await caches.open(USER_CACHE + user);
      const hit = await cache.match(new URL(request.url).pathname);
      if (hit) return hit;
    }
    return offlinePage();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && url.pathname === "/coach/") {
    event.respondWith(coachPage(request));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(caches.open(SHELL_CACHE).then((cache) => cache.match(request)).then((hit) => hit || fetch(request)));
  }
});
