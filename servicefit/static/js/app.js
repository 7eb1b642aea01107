// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  var COLOURS = { actual: "31, 94, 153", target: "180, 68, 122" };

  function dataset(label, values, colour, dashed) {
    return {
      label: label,
      data: values.map(function (v) { return Math.round(v * 1000) / 10; }),
      backgroundColor: "rgba(" + colour + ", 0.15)",
      borderColor: "rgb(" + colour + ")",
      pointBackgroundColor: "rgb(" + colour + ")",
      borderDash: dashed ? [6, 4] : []
    };
  }

  // Charts read their data from a json_script block, so no inline script is needed (strict CSP).
  function drawCharts() {
    if (typeof window.Chart === "undefined") return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.chartSource);
      if (!source || canvas.dataset.drawn) return;
      var data = JSON.parse(source.textContent);
      var datasets = [dataset(canvas.dataset.chartLabel || "", data.values || data.actual, COLOURS.actual, false)];
      if (data.target) {
        datasets.push(dataset(canvas.dataset.chartTargetLabel || "", data.target, COLOURS.target, true));
      }
      canvas.dataset.drawn = "1";
      // Numbers as the page's language writes them (149,3 in Danish), not the browser's.
      window.Chart.defaults.locale = document.documentElement.lang || window.Chart.defaults.locale;
      new window.Chart(canvas, {
        type: canvas.dataset.chart,
        data: { labels: data.labels, datasets: datasets },
        options: {
          animation: false,
          scales: canvas.dataset.chart === "radar" ? { r: { beginAtZero: true, suggestedMax: 50 } } : {},
          plugins: { legend: { display: datasets.length > 1 } }
        }
      });
    });
  }
  window.addEventListener("load", drawCharts);
  document.addEventListener("htmx:afterSwap", drawCharts);

  document.addEventListener("submit", function (event) {
    var form = event.target;
    // Forms that act on the text being edited carry it along (hidden inputs with data-copy-from).
    form.querySelectorAll("input[data-copy-from]").forEach(function (input) {
      var source = document.querySelector(input.dataset.copyFrom);
      if (source) input.value = source.value;
    });
    var confirmButton = form.querySelector("[data-confirm]");
    if (confirmButton && !window.confirm(confirmButton.dataset.confirm)) event.preventDefault();
  });

  // htmx sends the CSRF token with every request, read from the form's hidden input.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) event.detail.headers["X-CSRFToken"] = token.value;
  });
})();
