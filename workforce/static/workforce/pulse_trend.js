// The eNPS trend line; the page's table holds the same figures (strict CSP: no inline script).
(function () {
  "use strict";

  function draw() {
    var canvas = document.querySelector("canvas[data-enps-trend]");
    if (!canvas || typeof window.Chart === "undefined" || canvas.dataset.drawn) return;
    var source = document.getElementById(canvas.dataset.enpsTrend);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    canvas.dataset.drawn = "1";
    // Numbers as the page's language writes them (149,3 in Danish), not the browser's.
    window.Chart.defaults.locale = document.documentElement.lang || window.Chart.defaults.locale;
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [{
          label: canvas.dataset.label || "eNPS",
          data: data.values,  // null where a survey had fewer than five answers: a gap in the line
          borderColor: "rgb(31, 94, 153)",
          backgroundColor: "rgba(31, 94, 153, 0.15)",
          pointBackgroundColor: "rgb(31, 94, 153)",
          spanGaps: false
        }]
      },
      options: {
        animation: false,
        maintainAspectRatio: true,
        scales: { y: { suggestedMin: -100, suggestedMax: 100 } },
        plugins: { legend: { display: false } }
      }
    });
  }
  window.addEventListener("load", draw);
})();
