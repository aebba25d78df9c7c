// "Since your last visit": the browser remembers, per link, when it last showed the report and each order's
// expected date (localStorage only; nothing goes to the server). On the next visit, orders that are new or whose
// date moved since then are marked, orders that became ready are counted (readiness is the server's order model,
// read from the page), and a line above the orders says how many.
(function () {
  "use strict";
  var main = document.getElementById("orders");
  var note = document.getElementById("last-visit");
  if (!main || !note || !main.dataset.customerId) { return; }
  var KEY = "eta-report.last-visit." + main.dataset.customerId;
  var orders = Array.prototype.slice.call(document.querySelectorAll("section.order[data-key]"));

  var previous = null;
  try { previous = JSON.parse(window.localStorage.getItem(KEY) || "null"); } catch (e) { previous = null; }

  function isReady(order) {
    return (" " + (order.dataset.states || "") + " ").indexOf(" ready ") !== -1;
  }

  function mark(order, text, kind) {
    var where = order.querySelectorAll(".order-header dd")[1];
    if (!where) { return; }
    var badge = document.createElement("span");
    badge.className = "badge badge-" + kind;
    badge.textContent = text;
    where.appendChild(document.createTextNode(" "));
    where.appendChild(badge);
  }

  if (previous && previous.orders && typeof previous.at === "number") {
    var added = 0, moved = 0, ready = 0;
    orders.forEach(function (order) {
      var key = order.dataset.key, expected = order.dataset.expected || "";
      var before = previous.orders[key];
      // Visits recorded before readiness was kept stored the date alone.
      var beforeDate = before && typeof before === "object" ? before.expected : before;
      var wasReady = before && typeof before === "object" ? before.ready === true : true;
      if (isReady(order) && !wasReady) { ready += 1; }
      if (!Object.prototype.hasOwnProperty.call(previous.orders, key)) {
        added += 1;
        order.classList.add("since-new");
        mark(order, "New since your last visit", "new");
      } else if (beforeDate !== expected) {
        moved += 1;
        order.classList.add("since-moved");
        mark(order, "Date moved since your last visit", "moved");
      }
    });
    var when = new Date(previous.at).toLocaleString("en-AU", {
      day: "numeric", month: "short", hour: "numeric", minute: "2-digit"
    });
    note.textContent = "Since your last visit (" + when + "): " + added + " new "
      + (added === 1 ? "order" : "orders") + ", " + moved + " " + (moved === 1 ? "date" : "dates") + " moved, "
      + ready + " " + (ready === 1 ? "order" : "orders") + " now ready.";
    note.hidden = false;
  }

  var current = {};
  orders.forEach(function (order) {
    current[order.dataset.key] = { expected: order.dataset.expected || "", ready: isReady(order) };
  });
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ at: Date.now(), orders: current }));
  } catch (e) { /* storage may be off or full: the page works without it */ }
})();
