// The report page's disclosures and instant filtering. The server renders every order (a long report's orders as
// one line each, their lines fetched when opened) and applies the same filters for links opened without this
// script; here we open and close, show and hide, and keep the URL and the download links in step, so a filtered
// view can be bookmarked, shared and downloaded as seen.
(function () {
  "use strict";
  var main = document.getElementById("orders");
  if (!main) { return; }
  var phone = window.matchMedia("(max-width: 600px)");
  var customerId = main.dataset.customerId;
  var jobId = main.dataset.jobId;

  function shownNow(element) {
    return !!element && window.getComputedStyle(element).display !== "none";
  }

  // "Filter / download": one control on phones, open when a filter is active (the server says so).
  var toolsToggle = document.getElementById("tools-toggle");
  var tools = document.getElementById("tools");
  if (toolsToggle && tools) {
    toolsToggle.addEventListener("click", function () {
      var open = !tools.classList.contains("open");
      tools.classList.toggle("open", open);
      toolsToggle.setAttribute("aria-expanded", String(open));
      if (open) {
        var search = document.getElementById("q");
        if (search) { search.focus(); }
      }
    });
  }

  // A disclosure's aria-expanded says whether what it controls is shown now (phones start collapsed).
  // All reads first, then only the writes that change something: an attribute write between two style reads would
  // make the browser work out the page's styles once per order.
  function syncExpanded() {
    var buttons = Array.prototype.slice.call(main.querySelectorAll(".order-toggle, .week-toggle"));
    var states = buttons.map(function (button) {
      var target = document.getElementById(button.getAttribute("aria-controls"));
      return String(!!(target && !target.classList.contains("order-more") && shownNow(target)));
    });
    buttons.forEach(function (button, i) {
      if (button.getAttribute("aria-expanded") !== states[i]) { button.setAttribute("aria-expanded", states[i]); }
    });
  }

  function setOpen(element, open) {
    element.classList.toggle("open", open);
    element.classList.toggle("closed", !open);
  }

  // A long report's order: its lines come from the server the first time it is opened.
  function load(order, placeholder, button) {
    if (!jobId) {
      window.location.href = placeholder.getAttribute("href");
      return;
    }
    button.setAttribute("aria-busy", "true");
    fetch("/" + encodeURIComponent(customerId) + "/report/" + encodeURIComponent(jobId) + "/order?key=" + encodeURIComponent(order.dataset.key),
      {cache: "no-store"})
      .then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var body = new DOMParser().parseFromString(html, "text/html").querySelector(".order-body");
        if (!body) { throw new Error("no order"); }
        placeholder.replaceWith(document.adoptNode(body));
        order.dataset.full = "1";
        setOpen(order, true);
        filterLines(order);
        button.setAttribute("aria-expanded", "true");
      })
      .catch(function () { window.location.href = placeholder.getAttribute("href"); })
      .finally(function () { button.removeAttribute("aria-busy"); });
  }

  main.addEventListener("click", function (event) {
    var button = event.target.closest(".order-toggle, .week-toggle");
    if (!button) { return; }
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) { return; }
    if (button.classList.contains("week-toggle")) {
      var week = button.closest("section.week");
      var open = !shownNow(target);
      setOpen(week, open);
      week.classList.remove("found");
      button.setAttribute("aria-expanded", String(open));
      return;
    }
    var order = button.closest("section.order");
    if (target.classList.contains("order-more")) {
      load(order, target, button);
      return;
    }
    var openOrder = !shownNow(target);
    setOpen(order, openOrder);
    button.setAttribute("aria-expanded", String(openOrder));
  });

  syncExpanded();
  if (phone.addEventListener) { phone.addEventListener("change", syncExpanded); }

  var form = document.getElementById("filters");
  if (!form) { return; }
  var orders = Array.prototype.slice.call(main.querySelectorAll("section.order"));
  var shown = document.getElementById("shown");
  var noMatch = document.getElementById("no-match");
  var csv = document.getElementById("download-csv");
  var xlsx = document.getElementById("download-xlsx");
  var apply = document.getElementById("apply");
  var clear = document.getElementById("clear");
  if (apply) { apply.hidden = true; }

  // A filter's key exactly as the server rendered it (statuses.Spelling): a choice's data-key, the state's value.
  // Rows carry keys too, so values are compared as they are, never folded here.
  function value(name) {
    var field = form.elements[name];
    if (!field) { return ""; }
    if (field.tagName === "SELECT") {
      var chosen = field.options[field.selectedIndex];
      return chosen ? chosen.getAttribute("data-key") || "" : "";
    }
    return field.value;
  }

  // What the person types in the search box is the one value the server cannot key beforehand.
  function typed(name) {
    var field = form.elements[name];
    return field ? field.value.trim().replace(/\s+/g, " ").toLowerCase() : "";
  }

  function filterLines(order) {
    var status = value("status"), group = value("group");
    Array.prototype.forEach.call(order.querySelectorAll("tbody tr"), function (line) {
      line.hidden = !((!status || line.dataset.status === status) && (!group || line.dataset.group === group));
    });
  }

  function has(list, wanted) {
    return !wanted || (list || "").split("|").indexOf(wanted) !== -1;
  }

  function update() {
    var status = value("status"), group = value("group"), supplier = value("supplier"), search = typed("q");
    var member = value("member"), state = value("state");
    var changedOnly = form.elements.changed ? form.elements.changed.checked : false;
    var narrowed = !!(status || group || supplier || search || member || state || changedOnly);
    var visible = 0;
    orders.forEach(function (order) {
      var matches = (!supplier || order.dataset.supplier === supplier)
        && (!search || order.dataset.search.indexOf(search) !== -1)
        && (!changedOnly || order.dataset.changed === "1")
        && (!member || order.dataset.member === member)
        && (!state || (" " + order.dataset.states + " ").indexOf(" " + state + " ") !== -1)
        && has(order.dataset.statuses, status) && has(order.dataset.groups, group);
      order.hidden = !matches;
      if (matches) {
        visible += 1;
        filterLines(order);
      }
    });
    // A week's heading goes with its last shown order; a collapsed week opens while a filter finds orders in it.
    Array.prototype.forEach.call(main.querySelectorAll("section.week"), function (week) {
      week.hidden = !week.querySelector("section.order:not([hidden])");
      week.classList.toggle("found", narrowed);
    });
    syncExpanded();
    shown.textContent = String(visible);
    noMatch.hidden = visible > 0;

    var params = new URLSearchParams();
    ["q", "status", "group", "supplier", "member", "state"].forEach(function (name) {
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
      if (field.tagName === "SELECT" || field.type === "search" || field.type === "hidden") { field.value = ""; }
      if (field.type === "checkbox") { field.checked = false; }
    });
    update();
  });

  // Calendar: a webcal: link opens the calendar app's "subscribe"; the copy button puts the link on the clipboard.
  var calendar = document.getElementById("calendar");
  var copy = document.getElementById("calendar-copy");
  var copied = document.getElementById("calendar-copied");
  if (calendar) {
    var httpLink = window.location.origin + calendar.dataset.webcalPath;
    calendar.href = httpLink.replace(/^https?:/, "webcal:");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(httpLink).then(function () {
          copied.textContent = "Link copied. Paste it into your calendar app as a calendar from a URL.";
        }, function () {
          copied.textContent = "Could not copy: the link is " + httpLink;
        });
      });
    }
  }
})();
