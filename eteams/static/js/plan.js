// The planning screen: every list on the map in its own colour-blind-safe colour and number,
// doors dragged within or between lists (saved through the API with the list's version),
// and a busy indicator while the solver plans. The buttons beside each door do the same
// without a mouse.
(function () {
  "use strict";
  const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
  const en = document.documentElement.lang === "en";

  const planForm = document.querySelector(".js-plan");
  if (planForm) {
    planForm.addEventListener("submit", function () {
      planForm.querySelector("button[type=submit]").disabled = true;
      planForm.querySelector(".js-plan-progress").hidden = false;
      planForm.querySelector(".js-plan-status").textContent = en
        ? "Planning… this takes up to a minute for a large neighbourhood."
        : "Bezig met plannen… bij een grote wijk duurt dit tot een minuut.";
    });
  }

  const mapElement = document.getElementById("plan-map");
  if (mapElement && window.L) {
    const center = (mapElement.dataset.center || "52.09,5.12").split(",").map(Number);
    const map = L.map(mapElement, { scrollWheelZoom: false }).setView(center, 15);
    if (mapElement.dataset.tiles) {
      L.tileLayer(mapElement.dataset.tiles, { maxZoom: 19, attribution: mapElement.dataset.attribution }).addTo(map);
    }
    const labels = JSON.parse(mapElement.dataset.labels || "{}");
    const doors = L.layerGroup().addTo(map);
    let fitted = false;
    // Visits arrive as the tablets sync: redraw every 30 seconds and tick the doors done.
    const draw = function () {
      fetch(mapElement.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        doors.clearLayers();
        const bounds = [];
        data.lists.forEach(function (list) {
          const colour = COLOURS[(list.number - 1) % COLOURS.length];
          const line = list.stops.map(function (s) { return [s.lat, s.lon]; });
          if (list.start[0] !== null) line.unshift(list.start);
          doors.addLayer(L.polyline(line, { color: colour, weight: 3, opacity: 0.8 }));
          list.stops.forEach(function (stop) {
            const icon = L.divIcon({
              className: "wl-marker wl-c" + ((list.number - 1) % COLOURS.length) + (stop.outcome ? " wl-done" : ""),
              html: stop.outcome ? "✓" : String(list.number), iconSize: [20, 20],
            });
            doors.addLayer(L.marker([stop.lat, stop.lon], { icon: icon, title: list.team + " " + stop.seq + ": " + stop.label, keyboard: false }));
            bounds.push([stop.lat, stop.lon]);
            const tag = document.querySelector("#list-" + list.id + " li[data-address='" + stop.address_id + "'] .js-outcome");
            if (tag && stop.outcome) { tag.textContent = "✓ " + (labels[stop.outcome] || stop.outcome); tag.hidden = false; }
          });
        });
        if (bounds.length && !fitted) { map.fitBounds(bounds, { padding: [20, 20] }); fitted = true; }
        mapElement.dataset.lists = String(data.lists.length);
      });
    };
    draw();
    setInterval(draw, 30000);
  }

  // Drag and drop: reorder within a list, or drop onto another list to move the door there.
  let dragged = null;
  document.querySelectorAll(".js-stops li[draggable=true]").forEach(function (item) {
    item.addEventListener("dragstart", function (e) {
      dragged = item;
      e.dataTransfer.effectAllowed = "move";
      item.classList.add("dragging");
    });
    item.addEventListener("dragend", function () { item.classList.remove("dragging"); });
  });
  document.querySelectorAll(".js-stops").forEach(function (list) {
    list.addEventListener("dragover", function (e) {
      if (!dragged) return;
      e.preventDefault();
      const after = Array.from(list.children).find(function (li) {
        const box = li.getBoundingClientRect();
        return e.clientY < box.top + box.height / 2;
      });
      list.insertBefore(dragged, after || null);
    });
    list.addEventListener("drop", function (e) {
      e.preventDefault();
      if (!dragged) return;
      const section = list.closest(".walk-list");
      const order = Array.from(list.children).map(function (li) { return Number(li.dataset.address); });
      dragged = null;
      const token = document.querySelector("input[name=csrf_token]").value;
      fetch(section.dataset.api, {
        method: "PATCH",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token, Accept: "application/json" },
        body: JSON.stringify({ version: Number(section.dataset.version), stops: order }),
      }).then(function (response) {
        if (response.status === 409) {
          window.alert(en ? "Someone else changed this list. The page reloads with the latest version."
                          : "Iemand anders heeft deze looproute gewijzigd. De pagina laadt de nieuwste versie.");
        } else if (!response.ok) {
          return response.json().then(function (body) { window.alert(body.message + " " + Object.values(body.fields || {}).join(" ")); });
        }
      }).finally(function () { window.location.reload(); });
    });
  });
})();
