// Instant filtering and search on the report page. The server renders every order and applies the
// same filters for links opened without this script; here we only show, hide and keep the URL and
// the download links in step, so a filtered view can be bookmarked, shared and downloaded as seen.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var help = document.getElementById("help");
  var toggle = document.getElementById("toggle-help");
  var HELP_KEY = "eta-report.help-hidden";

  function setHelp(hidden) {
    help.hidden = hidden;
    toggle.setAttribute("aria-expanded", String(!hidden));
    toggle.textContent = hidden ? "Show help" : "Hide help";
  }
  if (help && toggle) {
    var stored = null;
    try { stored = window.localStorage.getItem(HELP_KEY); } catch (e) { /* storage may be off */ }
    setHelp(stored === "1");
    toggle.addEventListener("click", function () {
      var hidden = !help.hidden;
      setHelp(hidden);
      try { window.localStorage.setItem(HELP_KEY, hidden ? "1" : "0"); } catch (e) { /* ignore */ }
    });
  }
  if (!form) { return; }

  var orders = Array.prototype.slice.call(document.querySelectorAll("section.order"));
  var shown = document.getElementById("shown");
  var noMatch = document.getElementById("no-match");
  var csv = document.getElementById("download-csv");
  var xlsx = document.getElementById("download-xlsx");
  var apply = document.getElementById("apply");
  var clear = document.getElementById("clear");
  var customerId = document.getElementById("orders").dataset.customerId;
  var jobId = document.getElementById("orders").dataset.jobId;
  if (apply) { apply.hidden = true; }

  // Choices carry the key the server folded them to (statuses.Spelling): the script never folds a label itself.
  function choice(name) {
    var field = form.elements[name];
    if (!field || field.selectedIndex < 0) { return ""; }
    return field.options[field.selectedIndex].dataset.key || "";
  }

  // What the customer typed, compared with the server-rendered search keys: lower case, spaces squeezed.
  function typed(name) {
    var field = form.elements[name];
    return field ? field.value.trim().replace(/\s+/g, " ").toLowerCase() : "";
  }

  function update() {
    var status = choice("status"), group = choice("group"), supplier = choice("supplier"), search = typed("q");
    var state = choice("state");
    var changedOnly = form.elements.changed ? form.elements.changed.checked : false;
    var visible = 0;
    orders.forEach(function (order) {
      var orderMatches = (!supplier || order.dataset.supplier === supplier)
        && (!search || order.dataset.search.indexOf(search) !== -1)
        && (!changedOnly || order.dataset.changed === "1")
        && (!state || (" " + (order.dataset.states || "") + " ").indexOf(" " + state + " ") !== -1);
      var anyLine = false;
      Array.prototype.forEach.call(order.querySelectorAll("tbody tr"), function (line) {
        var lineMatches = orderMatches && (!status || line.dataset.status === status)
          && (!group || line.dataset.group === group);
        line.hidden = !lineMatches;
        anyLine = anyLine || lineMatches;
      });
      order.hidden = !anyLine;
      if (anyLine) { visible += 1; }
    });
    // A week's heading goes with its last shown order.
    Array.prototype.forEach.call(document.querySelectorAll("section.week"), function (week) {
      week.hidden = !week.querySelector("section.order:not([hidden])");
    });
    shown.textContent = String(visible);
    noMatch.hidden = visible > 0;

    var params = new URLSearchParams();
    ["q", "status", "group", "supplier", "state"].forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value.trim()) { params.set(name, field.value.trim()); }
    });
    if (changedOnly) { params.set("changed", "1"); }
    var query = params.toString() ? "?" + params.toString() : "";
    window.history.replaceState(null, "", window.location.pathname + query);
    // Downloads name the job whose report this page shows, so they hold exactly what is shown.
    if (jobId) { params.set("job", jobId); }
    var downloadQuery = params.toString() ? "?" + params.toString() : "";
    csv.href = "/" + customerId + "/download.csv" + downloadQuery;
    xlsx.href = "/" + customerId + "/download.xlsx" + downloadQuery;
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  clear.addEventListener("click", function (event) {
    event.preventDefault();
    form.reset();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.tagName === "SELECT" || field.type === "search") { field.value = ""; }
      if (field.type === "checkbox") { field.checked = false; }
    });
    update();
  });
})();
