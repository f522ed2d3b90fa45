// The coach's tablet. Offline first: every visit goes into a durable outbox (IndexedDB)
// before anything else and stays there until the server has acknowledged it; the outbox is
// sent with PUT /api/v1/visits/<uuid>, retried with back-off. The walk lists are kept in
// IndexedDB too, and a service worker keeps the page itself, so a reload without network
// loses nothing. No framework: plain DOM, small enough for a cheap tablet on 3G.
(function () {
  "use strict";
  const app = document.getElementById("coach-app");
  if (!app) return;
  const T = JSON.parse(document.getElementById("coach-texts").textContent);
  const csrf = document.querySelector("meta[name=csrf-token]").content;
  const visitUrl = (uuid) => app.dataset.visitUrl.replace("00000000-0000-0000-0000-000000000000", uuid);
  const $ = (selector) => app.querySelector(selector);
  const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (_, k) => values[k]);

  // --- IndexedDB: lists, outbox (unsent visits), logged (what this tablet did per door) ---
  const DB_NAME = "eteams-coach-" + app.dataset.user;
  function openDb() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore("lists", { keyPath: "id" });
        db.createObjectStore("outbox", { keyPath: "uuid" });
        db.createObjectStore("logged", { keyPath: "key" });
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another page of this tablet signed this coach out and removes the database: this
        // page shows nothing more of it (and takes no taps it could not keep).
        db.onversionchange = () => { db.close(); leave(false); };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
    });
  }
  const dbPromise = openDb();
  async function tx(store, mode, work) {
    const db = await dbPromise;
    return new Promise((resolve, reject) => {
      const t = db.transaction(store, mode);
      const result = work(Array.isArray(store) ? t : t.objectStore(store)); // several: the transaction
      t.oncomplete = () => resolve(result && "result" in result ? result.result : result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  }
  const all = (store) => tx(store, "readonly", (s) => s.getAll());
  const put = (store, value) => tx(store, "readwrite", (s) => s.put(value));
  const remove = (store, key) => tx(store, "readwrite", (s) => s.delete(key));

  // --- state ---
  let list = null;
  let current = null; // index of the door shown as "next"

  // The tablet's own day (YYYY-MM-DD) of a moment, by default now.
  function localDay(ms) {
    const d = new Date(ms === undefined ? Date.now() : ms);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }
  const today = () => localDay();
  function nowWithOffset() {
    const d = new Date();
    const offset = -d.getTimezoneOffset();
    const sign = offset >= 0 ? "+" : "-";
    const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
    const local = new Date(d.getTime() + offset * 60000).toISOString().slice(0, 19);
    return local + sign + pad(offset / 60) + ":" + pad(offset % 60);
  }
  function newUuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  async function loadLists() {
    try {
      const response = await fetch(app.dataset.listsUrl + "?per_page=50", { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.status === 401) { await leave(true); return null; }
      if (response.ok) {
        // The server's answer is the whole truth: a list the lead re-planned or took away
        // is gone from the tablet too (one transaction; the outbox is another store).
        const lists = await response.json();
        await tx("lists", "readwrite", (s) => { s.clear(); lists.forEach((item) => s.put(item)); });
      }
    } catch (error) { /* offline: the lists kept on the tablet are used */ }
    await pruneOldLists();
    // Today's list first; otherwise the next one, so the coach can look ahead.
    // A list the lead closed is shown only when nothing open is left for the day.
    const lists = (await all("lists")).filter((l) => l.date >= today());
    const rank = (l) => l.date + (l.status === "done" ? "1" : "0") + l.start;
    lists.sort((a, b) => rank(a).localeCompare(rank(b)));
    return lists[0] || null;
  }

  // Addresses are kept on the tablet no longer than needed: a list from before yesterday
  // (the server gives none older than today) goes even without network, with what this
  // tablet logged on it, except visits still waiting in the outbox.
  const KEEP_DAYS = 2;
  async function pruneOldLists() {
    const cutoff = localDay(Date.now() - KEEP_DAYS * 86400000);
    const unsent = new Set((await all("outbox")).map((i) => i.uuid));
    const stale = (await all("lists")).filter((l) => l.date < cutoff).map((l) => l.id);
    for (const id of stale) await remove("lists", id);
    const kept = new Set((await all("lists")).map((l) => String(l.id)));
    for (const entry of await all("logged")) {
      if (!kept.has(entry.key.split(":")[0]) && !unsent.has(entry.uuid)) await remove("logged", entry.key);
    }
  }

  async function outcomeOf(stop) {
    return stop._logged || stop.outcome || null;
  }

  async function render() {
    // What this tablet logged shows while it is unsent, or while the server knows nothing of
    // the door yet; once the server has the visit, its outcome is the truth (a correction
    // made on another tablet shows here too).
    const unsent = new Set((await all("outbox")).map((i) => i.uuid));
    const logged = Object.fromEntries((await all("logged")).map((l) => [l.key, l]));
    if (!list) { $(".js-no-list").hidden = false; $(".js-today").hidden = true; return; }
    $(".js-no-list").hidden = true;
    $(".js-today").hidden = false;
    $(".js-list-done").hidden = list.status !== "done";
    const day = new Date(list.date + "T12:00:00").toLocaleDateString(document.documentElement.lang, { weekday: "long", day: "numeric", month: "long" });
    $(".js-list-title").textContent = fill(T.listTitle, list) + (list.date === today() ? "" : " · " + day);
    list.stops.forEach((s) => {
      const mine = logged[list.id + ":" + s.address_id];
      s._logged = mine && (unsent.has(mine.uuid) || !s.outcome) ? mine.outcome : null;
    });
    const done = list.stops.filter((s) => s._logged || s.outcome).length;
    $(".js-done").textContent = done;
    $(".js-to-go").textContent = list.stops.length - done;
    $(".js-progress").max = list.stops.length || 1;
    $(".js-progress").value = done;
    const doors = $(".js-doors");
    doors.replaceChildren();
    list.stops.forEach((stop, index) => {
      const li = document.createElement("li");
      const outcome = stop._logged || stop.outcome;
      const previous = list.stops[index - 1];
      const sameEntrance = stop.entrance_key && previous && previous.entrance_key === stop.entrance_key;
      li.className = (outcome ? "done" : "") + (sameEntrance ? " same-entrance" : "");
      if (stop.entrance_key && !sameEntrance) li.dataset.entrance = T.entrance + " " + stop.entrance_key;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "door-button";
      button.textContent = stop.label + (outcome ? " — " + T.outcomeLabels[outcome] : "");
      button.addEventListener("click", () => { current = index; showNext(); window.scrollTo(0, $(".js-next").offsetTop - 10); });
      li.append(button);
      doors.append(li);
    });
    // The next door moves on only after recording (current = null): a render from a sync
    // answer must never swap the door the coach has chosen for another.
    if (current === null || !list.stops[current]) {
      current = list.stops.findIndex((s) => !(s._logged || s.outcome));
    }
    showNext();
    drawMap();
  }

  // A small map of the doors: numbered in walking order, done ones grey, the next one ringed.
  let map = null;
  let markers = null;
  function drawMap() {
    const element = document.getElementById("coach-map");
    if (!window.L || !element || !list) return;
    if (!map) {
      map = L.map(element, { scrollWheelZoom: false, zoomControl: true });
      if (element.dataset.tiles) L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution }).addTo(map);
      markers = L.layerGroup().addTo(map);
    }
    markers.clearLayers();
    const points = [];
    list.stops.forEach((stop, index) => {
      if (stop.lat === null || stop.lon === null) return;
      const state = (stop._logged || stop.outcome) ? " door-done" : index === current ? " door-next" : "";
      const icon = L.divIcon({ className: "door-marker" + state, html: String(stop.seq), iconSize: [22, 22] });
      markers.addLayer(L.marker([stop.lat, stop.lon], { icon: icon, title: stop.label, keyboard: false }));
      points.push([stop.lat, stop.lon]);
    });
    if (points.length && !map._fitted) { map.fitBounds(points, { padding: [16, 16] }); map._fitted = true; }
  }

  function showNext() {
    const next = $(".js-next");
    if (current < 0 || !list.stops[current]) {
      $(".js-next-label").textContent = T.allDone;
      $(".js-next-meta").textContent = "";
      next.querySelectorAll(".outcome, .js-skip, .js-entrance-not-home").forEach((b) => { b.hidden = true; });
      return;
    }
    next.querySelectorAll(".outcome, .js-skip").forEach((b) => { b.hidden = false; });
    const stop = list.stops[current];
    $(".js-next-label").textContent = stop.label;
    const meta = [stop.postcode];
    if (stop.not_home_before) meta.push(fill(T.notHomeBefore, { n: stop.not_home_before }));
    const logged = stop._logged || stop.outcome;
    // Logged by the partner (on their tablet): another outcome here is a visit of this coach's
    // own, not a correction of theirs — say so.
    const theirs = !stop._logged && !stop.visit_uuid;
    if (logged) meta.push(fill(theirs ? T.loggedByOther : T.loggedOutcome, { outcome: T.outcomeLabels[logged] }));
    $(".js-next-meta").textContent = meta.join(" · ");
    const entrance = stop.entrance_key && list.stops.filter((s) => s.entrance_key === stop.entrance_key && !(s._logged || s.outcome)).length > 1;
    $(".js-entrance-not-home").hidden = !entrance;
  }

  // --- recording ---
  // This coach is no longer signed in on this tablet (signed out in another tab, another
  // coach signed in, the session timed out, or the server ended it): the page goes, and with
  // `forget` what it kept too (unsent visits stay for the coach's next sign-in).
  // A conversation form the coach is filling in is never thrown away: the page waits until
  // it is saved (into the outbox) or cancelled, saying why.
  let leaving = false;
  let leaveAfterForm = null;
  async function leave(forget) {
    if (leaving) return;
    if (!$(".js-conversation").hidden) {
      leaveAfterForm = leaveAfterForm || forget;
      showError(T.sessionEndedForm);
      return;
    }
    leaving = true;
    app.hidden = true;
    if (forget) await window.eteamsTablet.forget(app.dataset.user, await dbPromise).catch(() => {});
    window.location.replace(app.dataset.homeUrl);
  }
  window.eteamsTablet.onLeave(app.dataset.user, () => leave(false));
  async function stillSignedIn() {
    if (!(await window.eteamsTablet.touch(app.dataset.user))) { await leave(true); return false; }
    return true;
  }
  document.addEventListener("click", () => { stillSignedIn(); }, { capture: true });
  document.addEventListener("visibilitychange", () => { if (!document.hidden) stillSignedIn(); });
  // A tablet whose screen stays on does not keep showing the list past the idle limit either.
  setInterval(async () => {
    if (!(await window.eteamsTablet.signedIn(app.dataset.user))) leave(true);
  }, 30000);

  async function record(stop, body) {
    // Tapping a door again within the day corrects the visit this tablet logged there.
    // The server names the coach's own visit there too, for a door logged on another tablet.
    // A correction keeps the time the coach was at the door; only updated_at is new.
    const earlier = (await all("logged")).find((l) => l.key === list.id + ":" + stop.address_id);
    const visit = {
      uuid: (earlier && earlier.uuid) || stop.visit_uuid || newUuid(),
      body: Object.assign({
        address_id: stop.address_id,
        walklist_id: list.id,
        visited_at: (earlier && earlier.visited_at) || (stop.visit_uuid && stop.visit_visited_at) || nowWithOffset(),
        updated_at: nowWithOffset(),
      }, body.fields),
      queued_at: Date.now(),
      tries: 0,
    };
    // Durable first, the visit and what the door shows in one transaction (a reload in
    // between must not offer the door again): only then does the screen move on.
    const door = { key: list.id + ":" + stop.address_id, outcome: visit.body.outcome, uuid: visit.uuid, visited_at: visit.body.visited_at };
    try {
      await tx(["outbox", "logged"], "readwrite", (t) => { t.objectStore("outbox").put(visit); t.objectStore("logged").put(door); });
    } catch (error) {
      showError(T.notSaved); // never a tap that is silently lost
      throw error;
    }
    await refreshCount();
    sync();
    return visit;
  }

  app.querySelectorAll(".outcome").forEach((button) => {
    button.addEventListener("click", async () => {
      const stop = list.stops[current];
      if (!stop) return;
      if (button.dataset.outcome === "conversation") { openForm(stop); return; }
      // "Do not visit" keeps the address out of every later list: ask first.
      if (button.dataset.outcome === "do_not_visit" &&
          !(await ask(T.doNotVisitTitle, fill(T.doNotVisitText, { door: stop.label }), T.doNotVisitYes))) return;
      button.disabled = true;
      try {
        await record(stop, { fields: { outcome: button.dataset.outcome } });
      } catch (error) { return; } finally { button.disabled = false; }
      current = null;
      await render();
    });
  });
  $(".js-skip").addEventListener("click", () => {
    const rest = list.stops.map((s, i) => i).filter((i) => i > current && !(list.stops[i]._logged || list.stops[i].outcome));
    current = rest.length ? rest[0] : list.stops.findIndex((s) => !(s._logged || s.outcome));
    showNext();
  });
  $(".js-entrance-not-home").addEventListener("click", async () => {
    const key = list.stops[current].entrance_key;
    try {
      for (const stop of list.stops.filter((s) => s.entrance_key === key && !(s._logged || s.outcome))) {
        await record(stop, { fields: { outcome: "not_home" } });
      }
    } catch (error) { return; }
    current = null;
    await render();
  });

  // --- the conversation form ---
  const form = $(".js-conversation");
  let formStop = null;
  function openForm(stop) {
    formStop = stop;
    form.reset();
    form.querySelectorAll("[data-number]").forEach((el) => { el.removeAttribute("aria-invalid"); checkNumber(el); });
    $(".js-form-door").textContent = stop.label;
    $(".js-form-errors").hidden = true;
    $(".js-contact").hidden = true;
    // What the walk list already knows of the house, so the coach only checks it.
    const f = form.elements;
    if (stop.dwelling_type) f.dwelling_type.value = stop.dwelling_type;
    if (stop.energy_label) f.energy_label.value = stop.energy_label;
    if (stop.building_year) f.building_year_class.value = window.eteamsSuitability.yearClass(stop.building_year);
    fitInterests();
    form.hidden = false;
    $(".js-next").hidden = true;
    form.querySelector("select, input").focus();
  }
  // Only the measures that can fit this home, by the advice's own check (suitability.js): no
  // roof for a ground-floor flat, no cavity wall for a house built before 1920.
  const SUITABILITY = JSON.parse(document.getElementById("coach-suitability").textContent);
  function fitInterests() {
    const f = form.elements;
    const unfit = window.eteamsSuitability.unfit(SUITABILITY, f.dwelling_type.value, f.building_year_class.value,
                                                 formStop && formStop.building_year);
    form.querySelectorAll(".interest[data-measure]").forEach((row) => {
      const never = unfit.includes(row.dataset.measure);
      row.hidden = never;
      if (never) row.querySelector("select").value = "";
    });
  }
  form.elements.dwelling_type.addEventListener("change", fitInterests);
  form.elements.building_year_class.addEventListener("change", fitInterests);
  function closeForm() {
    form.hidden = true;
    $(".js-next").hidden = false;
    formStop = null;
    if (leaveAfterForm !== null) leave(leaveAfterForm);
  }
  form.querySelector(".js-cancel").addEventListener("click", closeForm);
  form.elements.consent_follow_up_contact.addEventListener("change", (e) => { $(".js-contact").hidden = !e.target.checked; });

  // A number as a Dutch coach types it: "1200" or "1.200" (a dot that groups by three is a
  // thousands separator) and, only where a field allows decimals (data-decimals), "1,5" or
  // "1.200,5". Returns { value } (null when empty) or { error } with the text for beside it.
  function readNumber(el) {
    const raw = el.value.trim();
    if (raw === "") return { value: null };
    const match = /^(\d+|\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(raw);
    if (!match) return { error: T.notANumber };
    if (match[2] !== undefined && !("decimals" in el.dataset)) return { error: T.wholeNumber };
    const value = Number(match[1].replaceAll(".", "") + (match[2] ? "." + match[2] : ""));
    const min = Number(el.dataset.min), max = Number(el.dataset.max);
    if (value < min || value > max) {
      const shown = (n) => n.toLocaleString(document.documentElement.lang || "nl");
      return { error: fill(T.numberRange, { min: shown(min), max: shown(max) }) };
    }
    return { value: value };
  }
  // The message beside a number field, or none; true when the field holds a number.
  function checkNumber(el) {
    const id = el.id + "-error";
    let note = document.getElementById(id);
    const { error } = readNumber(el);
    if (!error) {
      if (note) note.remove();
      el.removeAttribute("aria-describedby");
      return true;
    }
    if (!note) {
      note = document.createElement("p");
      note.className = "error";
      note.id = id;
      el.after(note);
    }
    note.textContent = error;
    el.setAttribute("aria-describedby", id);
    return false;
  }
  form.querySelectorAll("[data-number]").forEach((el) => el.addEventListener("change", () => {
    if (checkNumber(el)) el.removeAttribute("aria-invalid");
    else el.setAttribute("aria-invalid", "true");
  }));

  function formBody() {
    const f = form.elements;
    const number = (el) => readNumber(el).value;
    const text = (el) => el.value.trim() || null;
    const yesNo = (el) => (el.value === "" ? null : el.value === "yes");
    const household = {
      tenure: text(f.tenure), landlord: text(f.landlord), dwelling_type: text(f.dwelling_type),
      building_year_class: text(f.building_year_class), occupants: number(f.occupants),
      energy_label: text(f.energy_label), gas_m3_per_year: number(f.gas_m3_per_year),
      kwh_per_year: number(f.kwh_per_year), heating: text(f.heating),
      heating_age_years: number(f.heating_age_years), language: text(f.language),
      letter_language: text(f.letter_language), glazing: text(f.glazing),
      wall_insulated: yesNo(f.wall_insulated), roof_insulated: yesNo(f.roof_insulated),
      floor_insulated: yesNo(f.floor_insulated),
    };
    const interests = {};
    form.querySelectorAll("[data-interest]").forEach((el) => { if (el.value) interests[el.dataset.interest] = el.value; });
    const small = {};
    form.querySelectorAll("[data-small]").forEach((el) => { if (number(el) > 0) small[el.dataset.small] = number(el); });
    const wording = app.dataset.wording;
    const followUp = f.consent_follow_up_contact.checked;
    const body = {
      outcome: "conversation", household: household, interests: interests, small_measures: small,
      consents: {
        advice_letter: { given: f.consent_advice_letter.checked, wording_version: wording },
        follow_up_contact: { given: followUp, wording_version: wording },
      },
      contact: followUp ? { name: f.contact_name.value.trim(), phone: f.contact_phone.value.trim(), email: f.contact_email.value.trim() } : {},
      follow_up_on: f.follow_up_on.value || null,
      notes: f.notes.value.trim() || null,
    };
    if (f.appointment_at.value) {
      const at = new Date(f.appointment_at.value);
      const offset = -at.getTimezoneOffset();
      const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
      body.appointment_at = f.appointment_at.value + ":00" + (offset >= 0 ? "+" : "-") + pad(offset / 60) + ":" + pad(offset % 60);
    }
    return body;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const errors = $(".js-form-errors");
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    const numbers = Array.from(form.querySelectorAll("[data-number]"));
    const wrong = numbers.filter((el) => !checkNumber(el));
    const invalid = Array.from(form.elements).filter(
      (el) => wrong.includes(el) || (el.willValidate && !el.checkValidity()));
    if (invalid.length) {
      invalid.forEach((el) => el.setAttribute("aria-invalid", "true"));
      errors.textContent = T.required;
      errors.hidden = false;
      invalid[0].focus();
      return;
    }
    const stop = formStop;
    try {
      await record(stop, { fields: formBody() });
    } catch (error) { return; } // the form stays, with what the coach typed
    closeForm();
    current = null;
    await render();
  });

  // --- sync: the outbox to the server, with back-off ---
  let syncing = false;
  let delay = 1000;
  let timer = null;
  async function refreshCount() {
    const count = (await all("outbox")).length;
    const counter = $(".js-unsent-count");
    counter.textContent = count;
    counter.dataset.count = count;
  }
  function schedule(ms) { clearTimeout(timer); timer = setTimeout(sync, ms); }

  // Settle an outbox item only while it is still the version that was sent: a correction
  // the coach queued while the request was under way must stay (one transaction).
  function settle(item, changes) {
    return tx("outbox", "readwrite", (s) => {
      const request = s.get(item.uuid);
      request.onsuccess = () => {
        const stored = request.result;
        if (!stored || stored.queued_at !== item.queued_at) return;
        if (changes === null) s.delete(item.uuid);
        else s.put(Object.assign(stored, changes));
      };
    });
  }

  let again = false;
  async function sync() {
    if (syncing) { again = true; return; } // a visit saved mid-sync goes in the next round
    syncing = true;
    again = false;
    let retry = false;
    try {
      const items = (await all("outbox")).sort((a, b) => a.queued_at - b.queued_at);
      for (const item of items) {
        let response;
        try {
          response = await fetch(visitUrl(item.uuid), {
            method: "PUT", credentials: "same-origin",
            headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
            body: JSON.stringify(item.body),
          });
        } catch (error) {
          retry = true; break; // offline: keep everything
        }
        if (response.ok) {
          await settle(item, null);
          // The server's answer is the visit as stored: an older version from this tablet
          // ("stale") shows what the other tablet sent.
          const stored = await response.json().catch(() => null);
          if (stored && stored.outcome) await storedOutcome(item.body, stored.outcome);
        } else if (response.status === 422 || response.status === 404) {
          const body = await response.json().catch(() => ({}));
          // Kept and shown with the reason; only the coach can take it off the tablet.
          // The field messages are written for people; the field names are not.
          const error = Object.values(body.fields || {}).flat().join(" ") || body.message || String(response.status);
          await settle(item, { error: error });
        } else if (response.status === 401) {
          await leave(true); return; // the session ended: sign in again, the outbox waits
        } else if (response.status === 400) {
          showError(T.signIn); return;
        } else {
          // The server failed on this visit: keep it for the next round, send the others.
          await settle(item, { tries: (item.tries || 0) + 1 });
          retry = true;
        }
      }
      await showRejected();
      if (retry) { schedule(delay); delay = Math.min(delay * 2, 60000); } else { delay = 1000; }
    } finally {
      syncing = false;
      await refreshCount();
      if (again) sync();
    }
  }

  async function storedOutcome(sent, outcome) {
    await tx("lists", "readwrite", (s) => {
      const request = s.get(sent.walklist_id);
      request.onsuccess = () => {
        const stored = request.result;
        const stop = stored && stored.stops.find((st) => st.address_id === sent.address_id);
        if (!stop) return;
        stop.outcome = outcome;
        s.put(stored);
      };
    });
    const shown = list && list.id === sent.walklist_id && list.stops.find((st) => st.address_id === sent.address_id);
    if (shown) { shown.outcome = outcome; await render(); }
  }

  async function showRejected() {
    const rejected = (await all("outbox")).filter((i) => i.error);
    const box = $(".js-sync-errors");
    box.replaceChildren();
    if (!rejected.length) { box.hidden = true; return; }
    const p = document.createElement("p");
    p.textContent = rejected.length === 1 ? T.rejectedOne : T.rejected;
    box.append(p);
    const labels = Object.fromEntries((list ? list.stops : []).map((s) => [s.address_id, s.label]));
    rejected.forEach((item) => {
      const line = document.createElement("p");
      line.textContent = (labels[item.body.address_id] || item.body.address_id) + ": " + item.error + " ";
      const discard = document.createElement("button");
      discard.type = "button";
      discard.className = "button button-small";
      discard.textContent = T.discard;
      discard.addEventListener("click", async () => {
        if (!window.confirm(T.discardConfirm)) return;
        await remove("outbox", item.uuid);
        await remove("logged", item.body.walklist_id + ":" + item.body.address_id); // the list may be gone
        await refreshCount();
        await showRejected();
        await render();
      });
      // A door still on the list shown can be corrected: it becomes the next door, and what
      // the coach records there replaces the refused visit (same visit, same UUID).
      const index = list && list.id === item.body.walklist_id ? list.stops.findIndex((s) => s.address_id === item.body.address_id) : -1;
      if (index >= 0) {
        const correct = document.createElement("button");
        correct.type = "button";
        correct.className = "button button-small";
        correct.textContent = T.correct;
        correct.addEventListener("click", () => {
          current = index;
          showNext();
          $(".js-next").scrollIntoView();
          $(".js-next .outcome").focus();
        });
        line.append(correct, " ");
      }
      line.append(discard);
      box.append(line);
    });
    box.hidden = false;
  }
  function showError(message) {
    const box = $(".js-sync-errors");
    box.textContent = message;
    box.hidden = false;
  }
  function showOnline() { $(".js-online-state").textContent = navigator.onLine ? "· " + T.online : "· " + T.offline; }
  window.addEventListener("online", () => { showOnline(); delay = 1000; sync(); });
  window.addEventListener("offline", showOnline);
  setInterval(() => { if (navigator.onLine) sync(); }, 30000);

  // An in-page question (a modal <dialog>: focus stays inside, Escape answers "no").
  function ask(title, text, yes) {
    const dialog = $(".js-confirm");
    const before = document.activeElement;
    $(".js-confirm-title").textContent = title;
    $(".js-confirm-text").textContent = text;
    $(".js-confirm-yes").textContent = yes;
    return new Promise((resolve) => {
      const answer = (value) => {
        dialog.onclose = null;
        if (dialog.open) dialog.close();
        if (before && before.focus) before.focus();
        resolve(value);
      };
      $(".js-confirm-yes").onclick = () => answer(true);
      $(".js-confirm-no").onclick = () => answer(false);
      dialog.onclose = () => answer(false);
      dialog.showModal();
      $(".js-confirm-no").focus();
    });
  }

  // Signing out with visits still on the tablet would strand them: ask first. The form is
  // held back at once (a handler that waits cannot stop it any more) and sent only once
  // decided; without network signing out is refused, never a browser error page.
  document.querySelectorAll("form[action$='/logout']").forEach((logout) => {
    logout.addEventListener("submit", (event) => {
      event.preventDefault();
      signOut(logout);
    });
  });
  async function signOut(logout) {
    const notice = $(".js-logout-notice");
    notice.hidden = true;
    if ((await all("outbox")).length && navigator.onLine) await syncedNow(); // a last try
    const unsent = (await all("outbox")).length;
    if (unsent && !(await ask(T.unsentLogoutTitle, (unsent === 1 ? T.unsentLogoutOne : fill(T.unsentLogout, { n: unsent })), T.signOutAnyway))) return;
    if (!(await serverReachable())) {
      notice.textContent = T.offlineLogout;
      notice.hidden = false;
      return;
    }
    // The next coach on this tablet sees nothing of this one: the kept page, the lists and
    // the database go (unsent visits stay, in this coach's database only, until they sign
    // in here again).
    await window.eteamsTablet.forget(app.dataset.user, await dbPromise).catch(() => {});
    HTMLFormElement.prototype.submit.call(logout); // does not fire "submit" again
  }
  async function syncedNow() {
    await sync();
    while (syncing) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  async function serverReachable() {
    if (!navigator.onLine) return false;
    try {
      const response = await fetch(app.dataset.meUrl, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
      return response.status < 500;
    } catch (error) { return false; }
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(app.dataset.swUrl, { scope: app.dataset.swUrl.replace("sw.js", "") }).catch(() => {});
  }

  (async function start() {
    await window.eteamsTablet.claim(app.dataset.user, JSON.parse(app.dataset.sessionLimits)).catch(() => {});
    showOnline();
    list = await loadLists();
    await render();
    await refreshCount();
    await showRejected();
    sync();
    app.dataset.ready = "true";
  })();
})();
