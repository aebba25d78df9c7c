// "Since your last visit": the browser remembers, per link, the report it showed last (when that report was
// built, and each order's expected date; localStorage only, nothing goes to the server). A visit (this tab's
// session) compares with the report seen on the visit before: orders new or moved since are marked, and a line
// says how many. Nothing shows on a browser's first visit; reloading or the fresh report swapping in keeps the
// same comparison; Dismiss hides it for the rest of the visit.
(function () {
  "use strict";
  var main = document.getElementById("orders");
  var note = document.getElementById("last-visit");
  var text = document.getElementById("last-visit-text");
  var dismiss = document.getElementById("last-visit-dismiss");
  if (!main || !note || !text || !main.dataset.customerId || !main.dataset.builtAt) { return; }
  var KEY = "eta-report.last-visit." + main.dataset.customerId;
  var VISIT = "eta-report.this-visit." + main.dataset.customerId;
  var orders = Array.prototype.slice.call(main.querySelectorAll("section.order[data-key]"));

  function read(storage, key) {
    try { return JSON.parse(storage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function write(storage, key, value) {
    try { storage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage may be off or full */ }
  }

  // This visit's baseline: what the last visit saw, fixed at the visit's first page.
  var visit = read(window.sessionStorage, VISIT);
  if (!visit) {
    visit = {previous: read(window.localStorage, KEY), dismissed: false};
    write(window.sessionStorage, VISIT, visit);
  }
  var previous = visit.previous;

  function mark(order, label, kind) {
    var where = order.querySelector(".order-toggle");
    if (!where) { return; }
    var badge = document.createElement("span");
    badge.className = "badge badge-" + kind;
    badge.textContent = label;
    where.insertBefore(badge, where.querySelector(".o-date"));
  }

  if (previous && previous.orders && previous.built && previous.built !== main.dataset.builtAt) {
    var added = 0, moved = 0;
    orders.forEach(function (order) {
      var key = order.dataset.key, expected = order.dataset.expected || "";
      if (!Object.prototype.hasOwnProperty.call(previous.orders, key)) {
        added += 1;
        mark(order, "New since your last visit", "new");
      } else if (previous.orders[key] !== expected) {
        moved += 1;
        mark(order, "Date moved since your last visit", "moved");
      }
    });
    var options = {day: "numeric", month: "short", hour: "numeric", minute: "2-digit"};
    if (main.dataset.zone) { options.timeZone = main.dataset.zone; }
    var when;
    try {
      when = new Date(previous.built).toLocaleString("en-AU", options);
    } catch (e) {
      delete options.timeZone;
      when = new Date(previous.built).toLocaleString("en-AU", options);
    }
    text.textContent = "Since the report you saw last (updated " + when + "): " + added + " new "
      + (added === 1 ? "order" : "orders") + ", " + moved + " " + (moved === 1 ? "date" : "dates") + " moved.";
    note.hidden = visit.dismissed;
    dismiss.addEventListener("click", function () {
      note.hidden = true;
      visit.dismissed = true;
      write(window.sessionStorage, VISIT, visit);
    });
  }

  var current = {};
  orders.forEach(function (order) { current[order.dataset.key] = order.dataset.expected || ""; });
  write(window.localStorage, KEY, {built: main.dataset.builtAt, orders: current});
})();
