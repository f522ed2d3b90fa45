// "Find coordinates": ask the server for one time-boxed batch after another and show
// progress, until nothing is left. Without JavaScript the form does one batch per click.
(function () {
  "use strict";
  const form = document.querySelector(".js-geocode");
  if (!form) return;
  const bar = form.querySelector(".js-geocode-progress");
  const status = form.querySelector(".js-geocode-status");
  const button = form.querySelector("button[type=submit]");
  const total = Number(form.dataset.total);
  const texts = document.documentElement.lang === "en"
    ? { busy: "Finding coordinates…", done: "Done.", failed: "Stopped: the server did not answer. Try again later." }
    : { busy: "Coördinaten zoeken…", done: "Klaar.", failed: "Gestopt: de server antwoordde niet. Probeer het later opnieuw." };

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    button.disabled = true;
    bar.hidden = false;
    let done = 0;
    for (;;) {
      status.textContent = texts.busy + " " + done + " / " + total;
      let progress;
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (!response.ok) throw new Error(String(response.status));
        progress = await response.json();
      } catch (error) {
        status.textContent = texts.failed;
        button.disabled = false;
        return;
      }
      done += progress.done;
      bar.value = Math.min(done, total);
      if (progress.remaining === 0 || progress.done === 0) break;
    }
    status.textContent = texts.done;
    window.location.reload();
  });
})();
