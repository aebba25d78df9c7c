// Follows a report job (job-events.js) and moves to the report when it is ready, or shows why it failed.
(function () {
  "use strict";
  var root = document.getElementById("loading");
  if (!root) { return; }
  var jobId = root.dataset.jobId;
  var query = root.dataset.query ? "?" + root.dataset.query : "";
  var poll = parseInt(root.dataset.poll, 10) || 1200;
  var stage = document.getElementById("stage");
  var progress = document.getElementById("progress");
  var log = document.getElementById("log");
  var hint = document.getElementById("hint");
  var usualHint = "This usually takes a few seconds. The supplier's system can be slow, so please keep this page open.";
  var failure = document.getElementById("failure");
  var errorMessage = document.getElementById("error-message");

  function showFailure(message) {
    errorMessage.textContent = message;
    failure.hidden = false;
    stage.textContent = "Your report could not be prepared";
    progress.hidden = true;
  }

  // The same words as the server's first rendering (CustomerReportController.JobJson).
  function headline(job) {
    if (job.queued) {
      if (job.queuePosition > 1) {
        var ahead = job.queuePosition - 1;
        return "Waiting for a free worker: " + ahead + " report" + (ahead === 1 ? "" : "s") + " ahead of yours";
      }
      return "Waiting for a free worker: yours is next";
    }
    return job.stage || "Working";
  }

  function render(job) {
    stage.textContent = headline(job);
    hint.textContent = job.slow
      ? "The supplier's system is slow right now, so this is taking longer than usual. We keep waiting for it; please keep this page open."
      : usualHint;
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
        window.location.replace("/report/" + encodeURIComponent(jobId) + query);
      } else {
        showFailure(job.error || "Something went wrong while preparing your report. Please try again in a few minutes.");
      }
    });
  }

  if (failure.hidden) {
    follow();
  }
})();
