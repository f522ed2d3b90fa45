// The paper sheet typed in: small helps on top of a page that works without them.
// A door given the outcome "Conversation" opens its household form; a dwelling type or a
// building period hides the measures that cannot fit (as on the tablet, suitability.js) and
// clears what was chosen for them.
(function () {
  "use strict";
  document.querySelectorAll(".paper-door").forEach((door) => {
    const outcome = door.querySelector("select[name$='-outcome']");
    const dwelling = door.querySelector("select[name$='-dwelling_type']");
    const details = door.querySelector("details");
    if (outcome && details) {
      outcome.addEventListener("change", () => { if (outcome.value === "conversation") details.open = true; });
    }
    const period = door.querySelector("select[name$='-building_year_class']");
    if (!dwelling) return;
    const table = JSON.parse(document.getElementById("paper-suitability").textContent);
    const year = Number(door.dataset.buildingYear) || null;
    const fit = () => {
      const unfit = window.eteamsSuitability.unfit(table, dwelling.value, period ? period.value : "", year);
      door.querySelectorAll(".interest[data-measure]").forEach((row) => {
        const never = unfit.includes(row.dataset.measure);
        row.hidden = never;
        if (never) row.querySelector("select").value = "";
      });
    };
    dwelling.addEventListener("change", fit);
    if (period) period.addEventListener("change", fit);
  });
})();
