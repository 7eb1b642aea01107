// Candidate pages: save each answer the moment it is given, survive reloads and lost connections.
// Without this file the page still works: "Next" posts the whole section.
(function () {
  "use strict";

  // A timed part not started yet: its questions are not on the page. "Start this part" opens it
  // through the API (which starts its clock) and reloads the page, now with the questions. Offline,
  // the candidate stays here and is told so; without this file the button posts the form.
  var startForm = document.getElementById("section-start");
  if (startForm) {
    startForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = document.getElementById("save-status");
      if (!navigator.onLine) {
        status.textContent = status.dataset.offline;
        status.className = "save-status save-offline";
        return;
      }
      fetch(startForm.dataset.api, {
        method: "POST",
        headers: { "Accept": "application/json" },
        credentials: "omit"
      }).then(function (response) {
        if (response.ok) { window.location.reload(); return; }
        return response.json().catch(function () { return {}; }).then(function (body) {
          status.textContent = status.dataset.failed + " " + (body.message || "");
          status.className = "save-status save-failed";
        });
      }).catch(function () {
        status.textContent = status.dataset.offline;
        status.className = "save-status save-offline";
      });
    });
  }

  var form = document.getElementById("section-form");
  if (!form) return;
  var api = form.dataset.api;
  var status = document.getElementById("save-status");
  var storageKey = "servicefit:" + api;
  var pending = load();
  var busy = false;
  var goOn = false; // "Next" was pressed: move on as soon as every answer is saved
  var sent = {}; // the text last queued per written answer

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || "{}"); } catch (e) { return {}; }
  }
  function store() {
    try { window.localStorage.setItem(storageKey, JSON.stringify(pending)); } catch (e) { /* private mode */ }
  }
  function show(kind, detail) {
    status.textContent = status.dataset[kind] + (detail ? " " + detail : "");
    status.className = "save-status save-" + kind;
  }
  function itemStatus(itemId, text) {
    var fieldset = form.querySelector('fieldset[data-item="' + itemId + '"]');
    if (fieldset) fieldset.querySelector(".item-status").textContent = text;
  }

  // Answers go out one at a time; a failed network call keeps them queued.
  function flush() {
    var ids = Object.keys(pending);
    if (busy) return Promise.resolve();
    if (!ids.length) {
      show("saved");
      if (goOn) { goOn = false; form.submit(); }
      return Promise.resolve();
    }
    if (!navigator.onLine) { goOn = false; show("offline"); return Promise.resolve(); }
    busy = true;
    show("saving");
    var itemId = ids[0];
    var value = pending[itemId];
    return fetch(api + "answers/" + itemId + "/", {
      method: "PUT",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ value: value }),
      credentials: "omit"
    }).then(function (response) {
      busy = false;
      if (response.ok) {
        if (pending[itemId] === value) delete pending[itemId];
        store();
        itemStatus(itemId, "");
        return flush();
      }
      if (response.status === 429 || response.status >= 500) {
        // Busy or failing server: keep the answer and try again shortly.
        goOn = false;
        show("failed", "");
        setTimeout(flush, 3000);
        return;
      }
      return response.json().catch(function () { return {}; }).then(function (body) {
        // Refused for good (time up, submitted): tell the candidate and drop it from the queue.
        delete pending[itemId];
        store();
        goOn = false;
        itemStatus(itemId, body.message || "");
        show("failed", body.message || "");
      });
    }).catch(function () {
      busy = false;
      goOn = false;
      show("offline");
    });
  }

  function queue(fieldset, value) {
    if (fieldset.dataset.kind === "text") sent[fieldset.dataset.item] = value;
    pending[fieldset.dataset.item] = value;
    store();
    flush();
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-item]");
    if (!fieldset || event.target.type !== "radio") return;
    queue(fieldset, parseInt(event.target.value, 10));
  });

  var typing = {};
  form.addEventListener("input", function (event) {
    if (event.target.tagName !== "TEXTAREA") return;
    var fieldset = event.target.closest("fieldset[data-item]");
    clearTimeout(typing[fieldset.dataset.item]);
    typing[fieldset.dataset.item] = setTimeout(function () { queue(fieldset, event.target.value); }, 800);
  });
  form.addEventListener("focusout", function (event) {
    if (event.target.tagName !== "TEXTAREA") return;
    var fieldset = event.target.closest("fieldset[data-item]");
    clearTimeout(typing[fieldset.dataset.item]);
    // Leaving the box sends the text only if it changed since it was last queued.
    if (sent[fieldset.dataset.item] !== event.target.value) queue(fieldset, event.target.value);
  });

  // Going on only once everything is saved; offline, the candidate stays on this page. The button
  // pressed goes along ("Go on without answering" says so by its name), as a native submit would send it.
  form.addEventListener("submit", function (event) {
    if (!Object.keys(pending).length && !busy) return;
    event.preventDefault();
    if (!navigator.onLine) { show("offline"); return; }
    var pressed = form.querySelector("input[data-pressed]");
    if (pressed) pressed.remove();
    if (event.submitter && event.submitter.name) {
      pressed = document.createElement("input");
      pressed.type = "hidden";
      pressed.name = event.submitter.name;
      pressed.value = event.submitter.value;
      pressed.dataset.pressed = "";
      form.appendChild(pressed);
    }
    goOn = true;
    flush();
  });

  // Back after "Next" with questions left open: the question of going on is read out and has the focus.
  var warning = document.getElementById("unanswered");
  if (warning && window.location.hash === "#unanswered") warning.focus();

  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { show("offline"); });
  setInterval(flush, 5000);

  // Answers queued before a reload or a crash are put back on the page and sent.
  Object.keys(pending).forEach(function (itemId) {
    var fieldset = form.querySelector('fieldset[data-item="' + itemId + '"]');
    if (!fieldset) return;
    var value = pending[itemId];
    if (fieldset.dataset.kind === "text") {
      fieldset.querySelector("textarea").value = value;
    } else {
      var input = fieldset.querySelector('input[value="' + value + '"]');
      if (input) input.checked = true;
    }
  });
  flush();

  // The clock shows the server's deadline; the server alone decides when time is up. It stays in
  // sight (take.css), and screen readers hear it only at a few moments (10 and 5 minutes, 1 minute,
  // 30 seconds left, time up), never every second.
  var timer = document.getElementById("timer");
  if (timer) {
    var deadline = Date.parse(timer.dataset.deadline);
    var offset = Date.parse(timer.dataset.serverTime) - Date.now();
    var announcer = document.getElementById("timer-announcer");
    var moments = Array.prototype.map.call(
      document.querySelectorAll("#timer-announcements li"),
      function (li) { return { seconds: parseInt(li.dataset.seconds, 10), text: li.textContent }; }
    );
    var secondsLeft = function () {
      return Math.max(0, Math.round((deadline - (Date.now() + offset)) / 1000));
    };
    // Moments already past when the page opens are not read out late.
    var lastSpoken = secondsLeft();
    var announce = function (left) {
      var due = moments.filter(function (m) { return m.seconds < lastSpoken && m.seconds >= left; });
      lastSpoken = left;
      if (due.length && announcer) announcer.textContent = due[due.length - 1].text;
    };
    var tick = function () {
      var left = secondsLeft();
      if (left === 0) {
        timer.textContent = timer.dataset.over;
        timer.classList.add("over");
        if (announcer) announcer.textContent = timer.dataset.over;
        return;
      }
      announce(left);
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      timer.textContent = timer.dataset.label + ": " + minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
