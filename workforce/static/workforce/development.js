// The development panel's charts (workforce/_agent_development.html). Progressive enhancement: the
// tables beside the charts carry the same figures. Data comes from json_script blocks (strict CSP).
(function () {
  "use strict";

  var PALETTE = ["31, 94, 153", "180, 68, 122", "46, 125, 50", "230, 126, 34", "106, 27, 154",
    "0, 131, 143", "121, 85, 72", "96, 125, 139", "198, 40, 40", "85, 139, 47"];

  function series(label, values, colour, options) {
    return Object.assign({
      label: label,
      data: values,
      backgroundColor: "rgba(" + colour + ", 0.15)",
      borderColor: "rgb(" + colour + ")",
      pointBackgroundColor: "rgb(" + colour + ")",
      spanGaps: true
    }, options || {});
  }

  function radar(canvas, data) {
    return {
      type: "radar",
      data: {
        labels: data.labels,
        datasets: [
          series(canvas.dataset.labelNow || "", data.values, PALETTE[0]),
          series(canvas.dataset.labelTarget || "", data.target, PALETTE[1], { borderDash: [6, 4], fill: false })
        ]
      },
      options: { animation: false, scales: { r: { min: 0, max: 5, ticks: { stepSize: 1 } } } }
    };
  }

  function line(canvas, data) {
    var datasets = [series(canvas.dataset.labelMean || "", data.mean, PALETTE[0], { borderWidth: 3, fill: false })];
    data.competencies.forEach(function (competency, index) {
      datasets.push(series(competency.name, competency.values, PALETTE[(index + 1) % PALETTE.length], {
        borderWidth: 1, fill: false, hidden: data.competencies.length > 6
      }));
    });
    return {
      type: "line",
      data: { labels: data.dates, datasets: datasets },
      options: { animation: false, scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } } }
    };
  }

  function draw() {
    if (typeof window.Chart === "undefined") return;
    document.querySelectorAll("canvas[data-development-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.chartSource);
      if (!source || canvas.dataset.drawn) return;
      var data = JSON.parse(source.textContent);
      canvas.dataset.drawn = "1";
      var config = canvas.dataset.developmentChart === "radar" ? radar(canvas, data) : line(canvas, data);
      // Numbers as the page's language writes them (149,3 in Danish), not the browser's.
      window.Chart.defaults.locale = document.documentElement.lang || window.Chart.defaults.locale;
      new window.Chart(canvas, config);
    });
  }

  window.addEventListener("load", draw);
  document.addEventListener("htmx:afterSwap", draw);
})();
