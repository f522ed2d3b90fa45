// The paper sheet typed in: small helps on top of a page that works without them.
// A door given the outcome "Conversation" opens its household form; a dwelling type hides the
// measures that never fit it (as on the tablet) and clears what was chosen for them.
(function () {
  "use strict";
  document.querySelectorAll(".paper-door").forEach((door) => {
    const outcome = door.querySelector("select[name$='-outcome']");
    const dwelling = door.querySelector("select[name$='-dwelling_type']");
    const details = door.querySelector("details");
    if (outcome && details) {
      outcome.addEventListener("change", () => { if (outcome.value === "conversation") details.open = true; });
    }
    if (!dwelling) return;
    dwelling.addEventListener("change", () => {
      door.querySelectorAll(".interest[data-never-for]").forEach((row) => {
        const never = dwelling.value !== "" && row.dataset.neverFor.split(" ").includes(dwelling.value);
        row.hidden = never;
        if (never) row.querySelector("select").value = "";
      });
    });
  });
})();
