// Follows a report job: Server-Sent Events from /jobs/<id>/events when the browser and the network allow them,
// polling /jobs/<id> otherwise (or once the stream breaks). Calls onState with every state, onDone with the last.
window.etaFollowJob = function (jobId, pollMillis, onState, onDone) {
  "use strict";
  var finished = false;
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

  if (typeof window.EventSource === "function") {
    var source = new EventSource("/jobs/" + encodeURIComponent(jobId) + "/events");
    source.addEventListener("job", function (event) {
      try { handle(JSON.parse(event.data)); } catch (e) { /* a malformed event: the next one or polling will do */ }
      if (finished) { source.close(); }
    });
    source.onerror = function () {
      source.close();
      if (!finished) { window.setTimeout(poll, 300); }
    };
  } else {
    window.setTimeout(poll, 300);
  }
};
