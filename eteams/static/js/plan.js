// The planning screen: every list on the map in its own colour and number, doors dragged
// within or between lists (posted through the page's own door form), and a busy indicator
// while the solver plans. The checkboxes and buttons do the same without a mouse.
(function () {
  "use strict";
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

  // A day's action that takes lists off the teams' tablets asks first (the form posts
  // without this where scripts do not run).
  document.querySelectorAll("button[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });

  // The map: every list in its own colour with its number at its meeting point, doors as
  // dots drawn on a canvas (a day of 1,000 doors adds no page elements), done doors hollow,
  // the doors not planned in grey.
  const mapElement = document.getElementById("plan-map");
  if (mapElement && window.L) {
    const center = (mapElement.dataset.center || "52.09,5.12").split(",").map(Number);
    const map = L.map(mapElement, { scrollWheelZoom: false, preferCanvas: true }).setView(center, 15);
    if (mapElement.dataset.tiles) {
      L.tileLayer(mapElement.dataset.tiles, { maxZoom: 19, attribution: mapElement.dataset.attribution }).addTo(map);
    }
    const layer = L.layerGroup().addTo(map);
    // A tooltip takes markup; addresses and team names are text, so they go in as text.
    const asText = function (text) {
      const span = document.createElement("span");
      span.textContent = text;
      return span;
    };
    let fitted = false;
    const number = function (list, at) {
      const icon = L.divIcon({ className: "wl-marker", html: "", iconSize: [22, 22] });
      const marker = L.marker(at, { icon: icon, keyboard: false,
        title: list.number + " · " + list.team + (list.meeting_point ? " · " + mapElement.dataset.meetingLabel + ": " + list.meeting_point : "") });
      marker.on("add", function () {
        const el = marker.getElement();
        el.textContent = String(list.number);
        el.style.background = list.colour;  // set through the DOM: the page's CSP allows no inline style
        el.style.color = list.ink;
      });
      return marker;
    };
    // Visits arrive as the tablets sync: redraw every 30 seconds and tick the doors done.
    const draw = function () {
      fetch(mapElement.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        layer.clearLayers();
        const bounds = [];
        data.unplanned.forEach(function (door) {
          layer.addLayer(L.circleMarker([door.lat, door.lon], { radius: 4, color: "#555", weight: 1, fillColor: "#bbb", fillOpacity: 1 })
            .bindTooltip(asText(mapElement.dataset.unplannedLabel + ": " + door.label)));
          bounds.push([door.lat, door.lon]);
        });
        let doors = 0;
        data.lists.forEach(function (list) {
          const line = list.stops.map(function (s) { return [s.lat, s.lon]; });
          const start = list.start[0] !== null ? list.start : line[0];
          if (list.start[0] !== null) line.unshift(list.start);
          layer.addLayer(L.polyline(line, { color: list.colour, weight: 3, opacity: 0.8 }));
          list.stops.forEach(function (stop) {
            layer.addLayer(L.circleMarker([stop.lat, stop.lon], {
              radius: 5, color: list.colour, weight: 2, fillColor: stop.outcome ? "#fff" : list.colour, fillOpacity: 1,
            }).bindTooltip(asText(list.number + " · " + stop.seq + ": " + stop.label)));
            bounds.push([stop.lat, stop.lon]);
            doors += 1;
          });
          if (start) layer.addLayer(number(list, start));
        });
        if (bounds.length && !fitted) { map.fitBounds(bounds, { padding: [20, 20] }); fitted = true; }
        mapElement.dataset.lists = String(data.lists.length);
        mapElement.dataset.doors = String(doors);
        mapElement.dataset.unplanned = String(data.unplanned.length);
      });
    };
    draw();
    setInterval(draw, 30000);
  }

  // The door actions: a count of the ticked doors, a list opened from the overview, and drag
  // and drop, which ticks the dragged door and posts the same form the buttons post (so a
  // refusal comes back beside the list it concerns, as it does from the keyboard).
  const form = document.querySelector(".js-doors");
  if (!form) return;
  const count = form.querySelector(".js-ticked");
  const ticked = function () { return form.querySelectorAll("input[name=door]:checked"); };
  const showCount = function () {
    const n = ticked().length;
    count.textContent = n ? (n === 1 ? count.dataset.one : count.dataset.many.replace("%(n)s", String(n))) : "";
  };
  form.addEventListener("change", showCount);
  showCount();
  // A refusal comes back beside the list it concerns: bring it into view and read it out.
  // After a change, the list it changed comes into view below the door bar, and the bar
  // repeats what happened (the message at the top of the page is out of sight by then).
  const bar = form.querySelector(".door-bar");
  const below = function (element) {
    const top = element.getBoundingClientRect().top + window.scrollY - bar.offsetHeight - 8;
    window.scrollTo({ top: Math.max(0, top) });
  };
  const problem = form.querySelector(".form-errors");
  const changed = window.location.hash && document.querySelector(window.location.hash);
  if (problem) {
    problem.tabIndex = -1;
    problem.scrollIntoView({ block: "center" });
    problem.focus({ preventScroll: true });
  } else if (changed && changed.tagName === "DETAILS") {
    changed.open = true;
    const flash = document.querySelector(".flashes");
    const last = form.querySelector(".js-last-change");
    if (flash && last) { last.textContent = flash.textContent.trim(); last.hidden = false; }
    below(changed);
  }
  document.querySelectorAll(".js-open-list").forEach(function (link) {
    link.addEventListener("click", function (event) {
      const target = document.querySelector(link.getAttribute("href"));
      if (!target) return;
      event.preventDefault();  // open the list, show it below the door bar, focus its title
      target.open = true;
      below(target);
      target.querySelector("summary").focus({ preventScroll: true });
    });
  });
  // From the doors of a long list back to the actions in one step (keyboard users).
  document.querySelectorAll(".js-to-bar").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      form.querySelector("#to-list").focus();
    });
  });
  if (changed && changed.tagName === "DETAILS" && !problem) {
    // The browser's own jump to #list-N may come after this script: place it again.
    window.addEventListener("load", function () { below(changed); });
  }
  const submit = function (action, extra) {
    Object.keys(extra).forEach(function (name) {
      const input = document.createElement("input");
      input.type = "hidden"; input.name = name; input.value = extra[name];
      form.appendChild(input);
    });
    const hidden = document.createElement("input");
    hidden.type = "hidden"; hidden.name = "action"; hidden.value = action;
    form.appendChild(hidden);
    form.submit();
  };
  let dragged = null;
  form.querySelectorAll(".js-stops li[draggable=true]").forEach(function (item) {
    item.addEventListener("dragstart", function (e) {
      dragged = item;
      e.dataTransfer.effectAllowed = "move";
      item.classList.add("dragging");
    });
    item.addEventListener("dragend", function () { item.classList.remove("dragging"); });
  });
  form.querySelectorAll(".walk-list").forEach(function (section) {
    const stops = section.querySelector(".js-stops");
    const accepts = section.id === "unplanned" || (stops && stops.hasAttribute("data-droppable"));
    if (!accepts) return;
    section.addEventListener("dragover", function (e) {
      if (!dragged) return;
      e.preventDefault();
      if (stops && dragged.closest(".walk-list") === section && section.id !== "unplanned") {
        const after = Array.from(stops.children).find(function (li) {
          const box = li.getBoundingClientRect();
          return e.clientY < box.top + box.height / 2;
        });
        stops.insertBefore(dragged, after || null);
      }
    });
    section.addEventListener("drop", function (e) {
      e.preventDefault();
      if (!dragged) return;
      const box = dragged.querySelector("input[name=door]");
      const from = dragged.closest(".walk-list");
      dragged = null;
      ticked().forEach(function (input) { input.checked = false; });
      box.checked = true;
      if (from === section) {
        if (section.id === "unplanned") return;
        const order = Array.from(stops.querySelectorAll("input[name=door]")).map(function (input) { return input.value.split(":")[1]; });
        submit("order", { order: order.join(",") });
      } else if (section.id === "unplanned") {
        submit("remove", {});
      } else {
        form.querySelector("select[name=to_list]").value = section.dataset.id;
        submit("move", {});
      }
    });
  });
})();
