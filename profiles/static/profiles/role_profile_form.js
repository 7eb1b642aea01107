// The role-profile form: the radar and the running total follow the weights as they are typed.
// A static file reading its data from json_script blocks, so the strict CSP needs no inline script;
// without it the form still works and the server checks the sum.
(function () {
  "use strict";

  var COLOUR = "31, 94, 153";

  function weight(input) {
    var value = parseFloat(String(input.value).replace(",", "."));
    return isFinite(value) && value > 0 ? value : 0;
  }

  function init() {
    var canvas = document.querySelector("canvas[data-live-radar]");
    if (!canvas) return;
    var inputs = Array.prototype.slice.call(document.querySelectorAll("input[data-weight]"));
    var output = document.getElementById("mix-total");
    var data = JSON.parse(document.getElementById(canvas.dataset.chartSource).textContent);
    var words = JSON.parse(document.getElementById(canvas.dataset.sumSource).textContent);
    var language = document.documentElement.lang || undefined;
    var chart = null;
    if (typeof window.Chart !== "undefined") {
      chart = new window.Chart(canvas, {
        type: "radar",
        data: {
          labels: data.labels,
          datasets: [{
            label: canvas.dataset.chartLabel || "",
            data: inputs.map(weight),
            backgroundColor: "rgba(" + COLOUR + ", 0.15)",
            borderColor: "rgb(" + COLOUR + ")",
            pointBackgroundColor: "rgb(" + COLOUR + ")"
          }]
        },
        options: {
          locale: language,  // numbers as the page's language writes them, not the browser's
          animation: false,
          scales: { r: { beginAtZero: true, suggestedMax: 50 } },
          plugins: { legend: { display: false } }
        }
      });
    }

    function update() {
      var values = inputs.map(weight);
      var total = values.reduce(function (sum, value) { return sum + value; }, 0);
      var left = Math.round((100 - total) * 10) / 10;
      var exact = Math.abs(left) <= data.tolerance;
      var points = Math.abs(left).toLocaleString(language);
      output.textContent = exact ? words.exact : (left > 0 ? words.under : words.over).replace("{points}", points);
      output.classList.toggle("off", !exact);
      if (chart) {
        chart.data.datasets[0].data = values;
        chart.update("none");
      }
    }

    inputs.forEach(function (input) { input.addEventListener("input", update); });
    update();
  }

  window.addEventListener("load", init);
})();
