// What a shared tablet keeps, and for whom. Coaches of a team share tablets: what one coach
// kept for working offline (the coach page, the walk lists with addresses, what was logged
// per door) is removed when they sign out, and whenever the login page shows, so the next
// coach can never be shown it.
// Only visits the server has not yet accepted stay behind (field data is never thrown
// away): they stay in the coach's own database, are shown to nobody else, and are sent as
// soon as that coach signs in again.
// Offline the tablet keeps the server's session limits itself: the page is served only while
// the session could still be alive (idle and absolute timeout), so a tablet left on a bench
// does not keep showing a coach's households to whoever picks it up.
(function () {
  "use strict";
  const DB_PREFIX = "eteams-coach-";
  const USER_CACHE = "eteams-user-";
  const STATE_CACHE = "eteams-state";
  const CURRENT_USER = "/coach/__current-user"; // JSON: user, started, seen, idle, absolute (ms)
  const SHELL_PREFIX = "eteams-shell-"; // static files only: kept
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("eteams-tablet") : null;

  function request(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error("blocked"));
    });
  }

  // Empty a user's database of everything but unsent visits, in one transaction, so a visit
  // recorded at that moment (in another tab) is either kept by it or lands after it: never
  // lost. The empty database itself stays: removing it could race with such a tap.
  // `db` is the open connection of the coach page, or null to open it here.
  async function emptyDatabase(name, db) {
    const own = db || (await request(indexedDB.open(name)));
    let unsent = 0;
    try {
      if (!own.objectStoreNames.contains("outbox")) return 0;
      await new Promise((resolve, reject) => {
        const t = own.transaction(own.objectStoreNames, "readwrite");
        if (own.objectStoreNames.contains("lists")) t.objectStore("lists").clear();
        const kept = t.objectStore("outbox").getAllKeys();
        kept.onsuccess = () => {
          unsent = kept.result.length;
          if (!own.objectStoreNames.contains("logged")) return;
          // What this tablet logged per door goes with the lists; an unsent visit keeps its own.
          const uuids = new Set(kept.result);
          const logged = t.objectStore("logged");
          const all = logged.getAll();
          all.onsuccess = () => all.result.filter((l) => !uuids.has(l.uuid)).forEach((l) => logged.delete(l.key));
        };
        t.oncomplete = resolve;
        t.onerror = () => reject(t.error);
      });
    } finally {
      if (!db) own.close();
    }
    return unsent;
  }

  // Every cache but the static files and `keep`: users' pages, and whatever an earlier
  // release of the service worker kept (it kept pages and lists in one shared cache).
  async function dropCaches(keep) {
    if (!("caches" in window)) return;
    const keys = await caches.keys();
    const dropped = (k) => !k.startsWith(SHELL_PREFIX) && k !== STATE_CACHE && k !== keep;
    await Promise.all(keys.filter(dropped).map((k) => caches.delete(k)));
  }

  async function readState() {
    if (!("caches" in window)) return null;
    const hit = await (await caches.open(STATE_CACHE)).match(CURRENT_USER);
    return hit ? hit.json().catch(() => null) : null;
  }
  async function writeState(state) {
    await (await caches.open(STATE_CACHE)).put(CURRENT_USER, new Response(JSON.stringify(state)));
  }
  function alive(state, now) {
    return Boolean(state) && now - state.seen <= state.idle && now - state.started <= state.absolute;
  }

  async function otherDatabases(user) {
    if (!indexedDB.databases) return []; // cannot be listed here: each coach's page tidies its own
    const own = user === null ? null : DB_PREFIX + user;
    return (await indexedDB.databases()).map((d) => d.name).filter((n) => n && n.startsWith(DB_PREFIX) && n !== own);
  }

  const tablet = {
    // This user is the one signed in: the service worker may serve their page offline, and
    // what earlier coaches left on the tablet goes (their unsent visits excepted).
    // `limits`: the session's age and the server's idle and absolute timeouts, in ms.
    async claim(user, limits) {
      if ("caches" in window) {
        const now = Date.now();
        // A page served offline from the cache carries the session's age from when it was
        // kept: the start already known for this user's live session stays.
        const known = await readState();
        const started = known && known.user === String(user) && alive(known, now)
          ? Math.min(known.started, now - limits.age) : now - limits.age;
        await writeState({ user: String(user), started: started, seen: now,
                           idle: limits.idle, absolute: limits.absolute });
        await dropCaches(USER_CACHE + user);
        // Kept for the next time there is no network (the worker refreshes it on each visit).
        const mine = await caches.open(USER_CACHE + user);
        mine.match("/coach/").then((hit) => hit || mine.add(new Request("/coach/", { credentials: "same-origin" }))).catch(() => {});
      }
      for (const name of await otherDatabases(user)) await emptyDatabase(name, null).catch(() => {});
      if (channel) channel.postMessage({ claimed: String(user) });
    },
    // The coach is at work: the idle timeout starts again (written at most once a minute).
    async touch(user) {
      const state = await readState();
      const now = Date.now();
      if (!state || state.user !== String(user) || !alive(state, now)) return false;
      // Written at most once a minute, and well within a short idle limit too.
      if (now - state.seen > Math.min(60000, state.idle / 4)) await writeState(Object.assign(state, { seen: now }));
      return true;
    },
    // Whether the tablet still counts `user` as signed in (see alive()).
    async signedIn(user) {
      const state = await readState();
      return Boolean(state) && state.user === String(user) && alive(state, Date.now());
    },
    // Another page of this tablet signed this user out, or another coach in: `then` runs.
    onLeave(user, then) {
      if (channel) channel.onmessage = (event) => {
        const data = event.data || {};
        if (data.forgotten === String(user) || data.forgotten === "*" || (data.claimed && data.claimed !== String(user))) then();
      };
    },
    // Nobody is signed in (sign-out, or the login page): nobody's page is served offline.
    async forget(user, db) {
      if ("caches" in window) {
        await caches.delete(STATE_CACHE);
        await dropCaches(null);
      }
      let unsent = 0; // visits still waiting on this tablet, whoever recorded them
      if (user !== null) unsent += await emptyDatabase(DB_PREFIX + user, db).catch(() => 0);
      for (const name of await otherDatabases(user)) unsent += await emptyDatabase(name, null).catch(() => 0);
      if (channel) channel.postMessage({ forgotten: user === null ? "*" : String(user) });
      return unsent;
    },
  };
  window.eteamsTablet = tablet;
  const marker = document.querySelector("[data-tablet-forget]");
  if (marker) {
    // A service worker of an earlier release is replaced now, not at the next coach page.
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.getRegistration("/coach/").then((r) => r && r.update()).catch(() => {});
    }
    // Visits of a coach whose session ended here without a sign-out (a timeout, or the
    // account was made inactive) wait on the tablet: say so, so nobody clears it unaware.
    tablet.forget(null, null).then((unsent) => {
      const notice = document.querySelector("[data-tablet-unsent]");
      if (notice && unsent) {
        notice.textContent = unsent === 1 ? notice.dataset.one : notice.dataset.many.replace("{n}", unsent);
        notice.hidden = false;
      }
    }).finally(() => { marker.dataset.tabletForgotten = "true"; });
  }
})();
