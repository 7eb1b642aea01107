// Item-rest correlations as horizontal bars with the .20 line. The data comes from a json_script
// block beside each canvas (no inline script: strict CSP); the table beside the chart holds the same
// figures, so without scripts nothing is lost.
(function () {
  "use strict";

  var BAR = "rgb(31, 94, 153)";
  var FLAGGED = "rgb(164, 38, 44)";
  var ROW_HEIGHT = 26;

  // Draws the threshold as a dashed vertical line across the chart area, labelled at the top.
  var thresholdLine = {
    id: "thresholdLine",
    afterDatasetsDraw: function (chart, _args, options) {
      var x = chart.scales.x.getPixelForValue(options.value);
      var area = chart.chartArea;
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = "#1b2430";
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, area.top);
      ctx.lineTo(x, area.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = "#1b2430";
      ctx.font = "12px system-ui, sans-serif";
      ctx.textAlign = x > area.right - 60 ? "right" : "left";
      ctx.fillText(options.label, x + (ctx.textAlign === "left" ? 4 : -4), area.top + 10);
      ctx.restore();
    }
  };

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.itemRest);
    if (!source || canvas.dataset.drawn) return;
    var data = JSON.parse(source.textContent);
    var values = data.values;
    var lowest = Math.min.apply(null, values.filter(function (v) { return v !== null; }).concat([0]));
    // CSSOM, not a style attribute: allowed under the strict CSP.
    canvas.parentElement.style.height = (values.length * ROW_HEIGHT + 70) + "px";
    canvas.dataset.drawn = "1";
    // Numbers as the page's language writes them (149,3 in Danish), not the browser's.
    window.Chart.defaults.locale = document.documentElement.lang || window.Chart.defaults.locale;
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{
          label: canvas.dataset.axisLabel,
          data: values,
          backgroundColor: data.flagged.map(function (f) { return f ? FLAGGED : BAR; }),
          barPercentage: 0.8
        }]
      },
      options: {
        indexAxis: "y",
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: {
            min: Math.min(-0.2, Math.floor(lowest * 10) / 10),
            max: 1,
            title: { display: true, text: canvas.dataset.axisLabel }
          },
          y: { ticks: { autoSkip: false } }
        },
        plugins: {
          legend: { display: false },
          thresholdLine: { value: data.threshold, label: canvas.dataset.lineLabel },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? items[0].label + ". " + data.texts[items[0].dataIndex] : ""; }
            }
          }
        }
      },
      plugins: [thresholdLine]
    });
  }

  window.addEventListener("load", function () {
    if (typeof window.Chart === "undefined") return;
    document.querySelectorAll("canvas[data-item-rest]").forEach(draw);
  });
})();
