// Address import: show upload progress for large files, and that the server is working
// while it checks and saves every row.
(function () {
  "use strict";
  const en = document.documentElement.lang === "en";

  const upload = document.querySelector(".js-upload");
  if (upload) {
    upload.addEventListener("submit", function (event) {
      if (!window.FormData || !upload.querySelector("input[type=file]").files.length) return;
      event.preventDefault();
      const bar = upload.querySelector(".js-upload-progress");
      const status = upload.querySelector(".js-upload-status");
      const request = new XMLHttpRequest();
      request.open("POST", upload.action || window.location.href);
      request.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        bar.hidden = false;
        bar.value = Math.round((100 * e.loaded) / e.total);
        status.textContent = (en ? "Uploading… " : "Uploaden… ") + bar.value + "%";
      });
      request.addEventListener("load", function () {
        if (request.responseURL && request.responseURL !== window.location.href) {
          window.location.assign(request.responseURL);
        } else {
          document.open();
          document.write(request.responseText);
          document.close();
        }
      });
      request.addEventListener("error", function () {
        status.textContent = en ? "The upload failed. Try again." : "Het uploaden is mislukt. Probeer het opnieuw.";
      });
      upload.querySelector("[type=submit]").disabled = true;
      request.send(new FormData(upload));
    });
  }

  const confirm = document.querySelector(".js-confirm");
  if (confirm) {
    confirm.addEventListener("submit", function () {
      confirm.querySelector("button[type=submit]").disabled = true;
      confirm.querySelector(".js-confirm-progress").hidden = false;
      const rows = confirm.dataset.rows;
      confirm.querySelector(".js-confirm-status").textContent = en
        ? "Checking and saving " + rows + " rows…"
        : rows + " rijen controleren en opslaan…";
    });
  }
})();
