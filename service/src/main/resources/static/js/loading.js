// Follows a report job (job-events.js) and moves to the report when it is ready, or shows why it failed.
(function () {
  "use strict";
  var root = document.getElementById("loading");
  if (!root) { return; }
  var jobId = root.dataset.jobId;
  var customerId = root.dataset.customerId;
  var query = root.dataset.query ? "?" + root.dataset.query : "";
  var poll = parseInt(root.dataset.poll, 10) || 1200;
  var stage = document.getElementById("stage");
  var progress = document.getElementById("progress");
  var log = document.getElementById("log");
  var hint = document.getElementById("hint");
  var failure = document.getElementById("failure");
  var errorMessage = document.getElementById("error-message");

  function showFailure(message) {
    errorMessage.textContent = message;
    failure.hidden = false;
    stage.textContent = "Your report could not be prepared";
    progress.hidden = true;
  }

  // The words come with the job's state (link/JobJson): worded once, on the server.
  function render(job) {
    stage.textContent = job.headline || job.stage || "Working";
    if (job.hint) { hint.textContent = job.hint; }
    progress.value = job.pct || 0;
    log.replaceChildren.apply(log, (job.log || []).map(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      return item;
    }));
  }

  function follow() {
    // Events when the browser can (the page moves on the moment the job finishes), polling otherwise.
    window.etaFollowJob(jobId, poll, render, function (job, problem) {
      if (problem === "gone") {
        showFailure("This report is no longer available. Please try again.");
      } else if (problem === "lost") {
        showFailure("We lost contact with the server. Please check your connection and try again.");
      } else if (job.status === "completed") {
        window.location.replace("/" + encodeURIComponent(customerId) + "/report/" + encodeURIComponent(jobId) + query);
      } else {
        showFailure(job.error || "Something went wrong while preparing your report. Please try again in a few minutes.");
      }
    });
  }

  if (failure.hidden) {
    follow();
  }
})();
