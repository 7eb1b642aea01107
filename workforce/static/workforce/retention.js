/* Retention dashboard charts. Each canvas names the json_script element holding its data:
   {kind: "survival", series: [{label, points: [[days, survival, lower, upper], ...]}], band, x, y}
   {kind: "bars" | "line", label, labels: [...], values: [...]} */
(function () {
  "use strict";
  var PALETTE = ["#1f5e99", "#b4447a", "#5b6b3a", "#7a5c12", "#6b3fa0", "#b3541e", "#2b7a78", "#566273"];

  function percentAxis(max) {
    return { min: 0, max: max, ticks: { callback: function (v) { return Math.round(v * 100) + " %"; } } };
  }

  function survivalConfig(data) {
    var datasets = [];
    data.series.forEach(function (series, i) {
      var colour = PALETTE[i % PALETTE.length];
      var point = function (index) {
        return series.points.map(function (p) { return { x: p[0], y: p[index] }; });
      };
      if (data.band) {
        datasets.push({ label: "", data: point(3), borderWidth: 0, pointRadius: 0, stepped: true, fill: false });
        datasets.push({
          label: "", data: point(2), borderWidth: 0, pointRadius: 0, stepped: true,
          fill: "-1", backgroundColor: "rgba(31, 94, 153, 0.15)"
        });
      }
      datasets.push({ label: series.label, data: point(1), borderColor: colour, backgroundColor: colour,
        borderWidth: 2, pointRadius: 0, stepped: true, fill: false });
    });
    return {
      type: "line",
      data: { datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false, parsing: false,
        scales: { x: { type: "linear", min: 0, title: { display: true, text: data.x } }, y: percentAxis(1) },
        plugins: { legend: { labels: { filter: function (item) { return item.text !== ""; } } } }
      }
    };
  }

  function simpleConfig(data) {
    var colour = PALETTE[0];
    return {
      type: data.kind === "bars" ? "bar" : "line",
      data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, borderColor: colour, backgroundColor: colour }] },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        indexAxis: data.kind === "bars" ? "y" : "x",
        plugins: { legend: { display: false } }
      }
    };
  }

  function draw() {
    if (typeof Chart === "undefined") { return; }
    document.querySelectorAll("canvas[data-retention-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.retentionChart);
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      // Numbers as the page's language writes them (149,3 in Danish), not the browser's.
      window.Chart.defaults.locale = document.documentElement.lang || window.Chart.defaults.locale;
      new Chart(canvas, data.kind === "survival" ? survivalConfig(data) : simpleConfig(data));
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
