// Which measures cannot fit a home, looked up in the table the server worked out with the
// advice's own check (advice.form_suitability): the coach's form and the paper sheet offer
// only the rest. A building year from the walk list counts when it lies in the period chosen
// (or none was chosen), as the advice counts it; else the period decides.
(function () {
  "use strict";
  const LIMITS = [[1945, "before_1945"], [1965, "1945_1964"], [1975, "1965_1974"], [1992, "1975_1991"], [2006, "1992_2005"]];
  function yearClass(year) {
    const found = LIMITS.find(([limit]) => year < limit);
    return found ? found[1] : "2006_later";
  }
  function unfit(table, dwelling, period, buildingYear) {
    const type = dwelling || "";
    if (buildingYear && (!period || yearClass(buildingYear) === period)) {
      const steps = table.years[type] || [];
      let found = steps.length ? steps[0][1] : [];
      steps.forEach(([from, keys]) => { if (buildingYear >= from) found = keys; });
      return found;
    }
    return (table.classes[type] || {})[period || ""] || [];
  }
  window.eteamsSuitability = { unfit: unfit, yearClass: yearClass };
})();
