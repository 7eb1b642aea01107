// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Charts read their data from a json_script block, so no inline script is needed (strict CSP).
  function drawCharts() {
    if (typeof window.Chart === "undefined") return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.chartSource);
      if (!source || canvas.dataset.drawn) return;
      var data = JSON.parse(source.textContent);
      canvas.dataset.drawn = "1";
      new window.Chart(canvas, {
        type: canvas.dataset.chart,
        data: {
          labels: data.labels,
          datasets: [{
            label: canvas.dataset.chartLabel || "",
            data: data.values.map(function (v) { return Math.round(v * 1000) / 10; }),
            backgroundColor: "rgba(31, 94, 153, 0.2)",
            borderColor: "rgb(31, 94, 153)",
            pointBackgroundColor: "rgb(31, 94, 153)"
          }]
        },
        options: {
          animation: false,
          scales: canvas.dataset.chart === "radar" ? { r: { beginAtZero: true, suggestedMax: 50 } } : {},
          plugins: { legend: { display: false } }
        }
      });
    });
  }
  window.addEventListener("load", drawCharts);
  document.addEventListener("htmx:afterSwap", drawCharts);
})();
