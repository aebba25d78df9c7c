// Follows a report job (job-events.js) and moves to the report when it is ready, or shows why it failed.
// Every word comes from the server (link/JobJson); this script only counts: the seconds of the waiting line, every
// second, and the moment the usual hint ("a few seconds") gives way to the later one.
(function () {
  "use strict";
  var root = document.getElementById("loading");
  if (!root) { return; }
  var jobId = root.dataset.jobId;
  var customerId = root.dataset.customerId;
  var query = root.dataset.query ? "?" + root.dataset.query : "";
  var poll = parseInt(root.dataset.poll, 10) || 1200;
  var stage = document.getElementById("stage");
  var announce = document.getElementById("announce");
  var progress = document.getElementById("progress");
  var log = document.getElementById("log");
  var hint = document.getElementById("hint");
  var failure = document.getElementById("failure");
  var errorMessage = document.getElementById("error-message");
  var last = null;     // the job's last state
  var seenAt = 0;      // when it arrived (performance.now())
  var ticker = null;
  var announced = "";

  function showFailure(message) {
    stopTicking();
    errorMessage.textContent = message;
    failure.hidden = false;
    stage.textContent = "Your report could not be prepared";
    progress.hidden = true;
  }

  function stopTicking() {
    if (ticker !== null) { window.clearInterval(ticker); ticker = null; }
  }

  // Screen readers hear the headline when it changes in kind (another stage, another factory), not every second.
  function say(kind, text) {
    if (kind !== announced) {
      announced = kind;
      announce.textContent = text;
    }
  }

  // The page as of now: the last state, moved on by the time since it arrived.
  function tick() {
    if (!last) { return; }
    var since = window.performance.now() - seenAt;
    if (last.waitingLine) {
      var seconds = Math.floor(((last.waitedMs || 0) + since) / 1000);
      var line = last.waitingLine.replace("{s}", String(seconds));
      stage.textContent = line;
      say(last.waitingLine, line);
    } else {
      stage.textContent = last.headline || last.stage || "Working";
      say(stage.textContent, stage.textContent);
    }
    var patient = (last.patienceLeftMs || 0) > since;
    hint.textContent = patient ? (last.hint || "") : (last.laterHint || last.hint || "");
  }

  function render(job) {
    last = job;
    seenAt = window.performance.now();
    // While the supplier keeps us waiting nobody knows how far along we are: a moving bar, not one stuck at 10 %.
    if (job.slow) { progress.removeAttribute("value"); } else { progress.value = job.pct || 0; }
    log.replaceChildren.apply(log, (job.log || []).map(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      return item;
    }));
    tick();
    if (ticker === null && job.status === "running") { ticker = window.setInterval(tick, 1000); }
  }

  function follow() {
    // Events when the browser can (the page moves on the moment the job finishes), polling otherwise.
    window.etaFollowJob(jobId, poll, render, function (job, problem) {
      stopTicking();
      if (problem === "gone") {
        showFailure("This report is no longer available. Please try again.");
      } else if (problem === "lost") {
        showFailure("We lost contact with the server. Please check your connection and try again.");
      } else if (job.status === "completed") {
        window.location.replace("/" + encodeURIComponent(customerId) + "/report/" + encodeURIComponent(jobId) + query);
      } else {
        showFailure(job.error || "Something went wrong while preparing your report. Please try again in a few minutes.");
      }
    }, true);
  }

  if (failure.hidden) {
    follow();
  }
})();
