// Maps with Leaflet: the campaign's doors coloured by where they stand, and a picker that
// fills in the coordinates of an address the geocoder could not find.
(function () {
  "use strict";
  if (!window.L) return;
  const COLOURS = {  // Okabe–Ito: distinguishable with every common colour-vision deficiency
    never_visited: "#0072B2", not_home_1: "#56B4E9", not_home_2: "#E69F00",
    not_home_3: "#D55E00", conversation: "#009E73", refused: "#CC79A7",
    do_not_visit: "#000000", other: "#999999",
  };

  function baseMap(element) {
    const center = (element.dataset.center || "52.09,5.12").split(",").map(Number);
    const map = L.map(element, { scrollWheelZoom: false }).setView(center, 15);
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution }).addTo(map);
    }
    return map;
  }

  const campaign = document.getElementById("campaign-map");
  if (campaign) {
    const map = baseMap(campaign);
    let layer = null;
    // Visits arrive as the coaches' tablets sync: redraw the doors every 30 seconds.
    const draw = function (first) {
      fetch(campaign.dataset.url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (layer) map.removeLayer(layer);
        layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, {
              radius: 6, weight: 1, color: "#ffffff", fillOpacity: 0.9,
              fillColor: COLOURS[feature.properties.status] || "#999999",
            });
          },
          onEachFeature: function (feature, marker) {
            const link = document.createElement("a");
            link.href = feature.properties.url;
            link.textContent = feature.properties.label;
            marker.bindPopup(link);
          },
        }).addTo(map);
        if (first && data.features.length) map.fitBounds(layer.getBounds(), { padding: [20, 20] });
        campaign.dataset.markers = String(data.features.length);
      });
    };
    draw(true);
    setInterval(function () { draw(false); }, 30000);
  }

  const picker = document.getElementById("picker-map");
  if (picker) {
    const map = baseMap(picker);
    let target = document.querySelector(".js-pick");
    let marker = null;
    document.querySelectorAll(".js-pick-button").forEach(function (button) {
      button.addEventListener("click", function () {
        target = button.closest(".js-pick");
        picker.scrollIntoView({ behavior: "smooth", block: "center" });
        picker.focus();
      });
    });
    const lat = target && target.querySelector("[name=lat]");
    const lon = target && target.querySelector("[name=lon]");
    if (lat && lat.value && lon.value) {
      marker = L.marker([Number(lat.value), Number(lon.value)]).addTo(map);
      map.setView(marker.getLatLng(), 17);
    }
    map.on("click", function (event) {
      if (!target) return;
      target.querySelector("[name=lat]").value = event.latlng.lat.toFixed(6);
      target.querySelector("[name=lon]").value = event.latlng.lng.toFixed(6);
      if (marker) marker.setLatLng(event.latlng); else marker = L.marker(event.latlng).addTo(map);
    });
  }
})();
