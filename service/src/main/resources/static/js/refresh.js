// The report shown at once from a few minutes ago: when the fresh one is ready, it replaces this page in place,
// keeping the filters (they are in the URL) and the scroll position.
(function () {
  "use strict";
  var marker = document.getElementById("refreshing");
  if (!marker || !window.etaFollowJob) { return; }
  var job = marker.dataset.refreshJob;
  var orders = document.getElementById("orders");
  var customerId = orders ? orders.dataset.customerId : "";

  function rerun(body) {
    // Scripts parsed from text never run: load the page's own scripts again, in order.
    Array.prototype.forEach.call(body.querySelectorAll("script[src]"), function (old) {
      var script = document.createElement("script");
      script.src = old.src;
      script.async = false;
      old.replaceWith(script);
    });
  }

  function swap() {
    fetch("/" + encodeURIComponent(customerId) + "/report/" + encodeURIComponent(job) + window.location.search, {cache: "no-store"})
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var y = window.scrollY;
        document.title = fresh.title;
        document.body.replaceWith(document.adoptNode(fresh.body));
        rerun(document.body);
        window.scrollTo(0, y);
      })
      .catch(function () {
        marker.textContent = marker.textContent.replace(" · refreshing…", " · could not refresh, please reload");
      });
  }

  window.etaFollowJob(job, parseInt(marker.dataset.poll, 10) || 1200, function () {}, function (state) {
    if (state && state.status === "completed") {
      swap();
    } else {
      marker.textContent = marker.textContent.replace(" · refreshing…", " · could not refresh just now");
    }
  });
})();
