/* The Staffing page's chart: required against available FTE by month, the shortfall shaded. The canvas
   names the json_script element holding its data (no inline script, for the strict CSP):
   {labels: [...], series: {required, available, planned: {label, values}}, gap, y}
   The table beside the chart holds the same figures; the chart only draws them. */
(function () {
  "use strict";
  var RED = "rgba(180, 68, 122, 0.25)";

  function config(data) {
    var s = data.series;
    return {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [
          /* Filled towards the next dataset (available): shaded where the requirement is above it. */
          { label: s.required.label, data: s.required.values, borderColor: "#1f5e99", backgroundColor: "#1f5e99",
            borderWidth: 2, pointRadius: 2, fill: { target: "+1", above: RED, below: "rgba(0, 0, 0, 0)" } },
          { label: s.available.label, data: s.available.values, borderColor: "#b4447a", backgroundColor: "#b4447a",
            borderWidth: 2, pointRadius: 2, fill: false },
          { label: s.planned.label, data: s.planned.values, borderColor: "#2b7a78", backgroundColor: "#2b7a78",
            borderWidth: 2, borderDash: [6, 4], pointRadius: 2, fill: false }
        ]
      },
      options: {
        /* Numbers as the page's language writes them (149,3 in Danish), whatever the browser's language. */
        locale: document.documentElement.lang || undefined,
        responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: "index", intersect: false },
        scales: { y: { beginAtZero: true, title: { display: true, text: data.y } } },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } }
      }
    };
  }

  function draw() {
    if (typeof Chart === "undefined") { return; }
    document.querySelectorAll("canvas[data-staffing-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.staffingChart);
      if (!source) { return; }
      new Chart(canvas, config(JSON.parse(source.textContent)));
      canvas.dataset.drawn = "1";
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
