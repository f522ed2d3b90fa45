// A background job's progress: ask the server every few seconds and update the bar and the
// status line; reload the page when the job's state changes (done: its result, failed: why).
// Without JavaScript the page refreshes itself while the job runs.
(function () {
  "use strict";
  document.querySelectorAll(".js-job").forEach(function (box) {
    const state = box.dataset.state;
    if (state !== "queued" && state !== "running") return;
    const bar = box.querySelector(".js-job-bar");
    const status = box.querySelector(".js-job-status");
    const poll = async function () {
      try {
        const response = await fetch(box.dataset.url, {
          headers: { Accept: "application/json" }, credentials: "same-origin",
        });
        if (response.ok) {
          const job = await response.json();
          if (job.state !== state) { window.location.reload(); return; }
          if (bar && job.total) { bar.max = job.total; bar.value = job.done; }
          status.textContent = job.status;
        }
      } catch (error) { /* offline for a moment: try again */ }
      window.setTimeout(poll, 2000);
    };
    window.setTimeout(poll, 1000);
  });
})();
