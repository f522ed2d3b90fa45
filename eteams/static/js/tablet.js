// What a shared tablet keeps, and for whom. Coaches of a team share tablets: what one coach
// kept for working offline (the coach page, the walk lists with addresses) is removed when
// they sign out, and whenever the login page shows, so the next coach can never be shown it.
// Only visits the server has not yet accepted stay behind (field data is never thrown
// away): they stay in the coach's own database, are shown to nobody else, and are sent as
// soon as that coach signs in again.
(function () {
  "use strict";
  const DB_PREFIX = "eteams-coach-";
  const USER_CACHE = "eteams-user-";
  const STATE_CACHE = "eteams-state";
  const CURRENT_USER = "/coach/__current-user";

  function request(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error("blocked"));
    });
  }

  // Empty a user's database of everything but unsent visits; remove it when nothing is left.
  // `db` is the open connection of the coach page, or null to open it here.
  async function emptyDatabase(name, db) {
    const own = db || (await request(indexedDB.open(name)));
    let unsent = 0;
    if (own.objectStoreNames.contains("outbox")) {
      await new Promise((resolve, reject) => {
        const t = own.transaction(own.objectStoreNames, "readwrite");
        const outbox = t.objectStore("outbox");
        const count = outbox.count();
        count.onsuccess = () => {
          unsent = count.result;
          if (own.objectStoreNames.contains("lists")) t.objectStore("lists").clear();
          // What this tablet logged per door goes with the lists; an unsent visit keeps its own.
          if (unsent && own.objectStoreNames.contains("logged")) {
            const kept = outbox.getAllKeys();
            kept.onsuccess = () => {
              const uuids = new Set(kept.result);
              const logged = t.objectStore("logged");
              const all = logged.getAll();
              all.onsuccess = () => all.result.filter((l) => !uuids.has(l.uuid)).forEach((l) => logged.delete(l.key));
            };
          }
        };
        t.oncomplete = resolve;
        t.onerror = () => reject(t.error);
      });
    }
    own.close();
    if (!unsent) await request(indexedDB.deleteDatabase(name));
    return unsent;
  }

  async function dropCaches(keep) {
    if (!("caches" in window)) return;
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith(USER_CACHE) && k !== keep).map((k) => caches.delete(k)));
  }

  async function otherDatabases(user) {
    if (!indexedDB.databases) return []; // cannot be listed here: each coach's page tidies its own
    const own = user === null ? null : DB_PREFIX + user;
    return (await indexedDB.databases()).map((d) => d.name).filter((n) => n && n.startsWith(DB_PREFIX) && n !== own);
  }

  const tablet = {
    // This user is the one signed in: the service worker may serve their page offline, and
    // what earlier coaches left on the tablet goes (their unsent visits excepted).
    async claim(user) {
      if ("caches" in window) {
        const state = await caches.open(STATE_CACHE);
        await state.put(CURRENT_USER, new Response(String(user)));
        await dropCaches(USER_CACHE + user);
        // Kept for the next time there is no network (the worker refreshes it on each visit).
        const mine = await caches.open(USER_CACHE + user);
        mine.match("/coach/").then((hit) => hit || mine.add(new Request("/coach/", { credentials: "same-origin" }))).catch(() => {});
      }
      for (const name of await otherDatabases(user)) await emptyDatabase(name, null).catch(() => {});
    },
    // Nobody is signed in (sign-out, or the login page): nobody's page is served offline.
    async forget(user, db) {
      if ("caches" in window) {
        await caches.delete(STATE_CACHE);
        await dropCaches(null);
      }
      if (user !== null) await emptyDatabase(DB_PREFIX + user, db).catch(() => {});
      for (const name of await otherDatabases(user)) await emptyDatabase(name, null).catch(() => {});
    },
  };
  window.eteamsTablet = tablet;
  const marker = document.querySelector("[data-tablet-forget]");
  if (marker) tablet.forget(null, null).finally(() => { marker.dataset.tabletForgotten = "true"; });
})();
