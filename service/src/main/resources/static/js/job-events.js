// Follows a report job: Server-Sent Events from /jobs/<id>/events when the browser and the network allow them,
// polling /jobs/<id> otherwise (or once the stream breaks). Calls onState with every state, onDone with the last.
// The stream tells only the start and the end; with withProgress, the states in between are asked for too (every
// poll interval, at least 2 s), so a page can say what the job is waiting for.
window.etaFollowJob = function (jobId, pollMillis, onState, onDone, withProgress) {
  "use strict";
  var finished = false;
  var streaming = false;
  var misses = 0;

  function handle(job) {
    if (finished) { return; }
    onState(job);
    if (job.status === "completed" || job.status === "failed") {
      finished = true;
      onDone(job, null);
    }
  }

  function poll() {
    if (finished) { return; }
    fetch("/jobs/" + encodeURIComponent(jobId), {headers: {"Accept": "application/json"}, cache: "no-store"})
      .then(function (response) {
        if (response.status === 404) { throw new Error("gone"); }
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      })
      .then(function (job) {
        misses = 0;
        handle(job);
        if (!finished) { window.setTimeout(poll, pollMillis); }
      })
      .catch(function (error) {
        if (error.message === "gone") { finished = true; onDone(null, "gone"); return; }
        misses += 1;
        if (misses > 25) { finished = true; onDone(null, "lost"); return; }
        window.setTimeout(poll, Math.min(pollMillis * misses, 10000));
      });
  }

  function progress() {
    if (finished || !streaming) { return; }
    fetch("/jobs/" + encodeURIComponent(jobId), {headers: {"Accept": "application/json"}, cache: "no-store"})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (job && streaming) {
          handle(job);
          if (finished) { source.close(); }
        }
      })
      .catch(function () { /* the stream, or polling once it breaks, carries on */ })
      .then(function () { window.setTimeout(progress, Math.max(pollMillis, 2000)); });
  }

  if (typeof window.EventSource === "function") {
    var source = new EventSource("/jobs/" + encodeURIComponent(jobId) + "/events");
    streaming = true;
    if (withProgress) { window.setTimeout(progress, Math.max(pollMillis, 2000)); }
    source.addEventListener("job", function (event) {
      try { handle(JSON.parse(event.data)); } catch (e) { /* a malformed event: the next one or polling will do */ }
      if (finished) { source.close(); }
    });
    source.onerror = function () {
      streaming = false;
      source.close();
      if (!finished) { window.setTimeout(poll, 300); }
    };
  } else {
    window.setTimeout(poll, 300);
  }
};
