// Drag a card to another column: sets the card's own Move form to that stage and submits it, so
// the page does exactly what the button does without JavaScript (POST, redirect, message).
(function () {
  "use strict";
  let dragged = null;

  function allowedStages(card) {
    return (card.dataset.moves || "").split(" ").filter(Boolean);
  }

  function moveCard(card, stage) {
    const form = card.querySelector(".move-form");
    const select = form && form.querySelector("select[name=stage]");
    if (!select) return;
    select.value = stage;
    const option = select.selectedOptions[0];
    const reasonInput = form.querySelector("input[name=reason]");
    if (option && option.dataset.needsReason && !reasonInput.value.trim()) {
      const reason = window.prompt(reasonInput.placeholder || "");
      if (!reason || !reason.trim()) return;
      reasonInput.value = reason.trim();
    }
    form.requestSubmit();
  }

  document.addEventListener("dragstart", function (event) {
    const card = event.target.closest && event.target.closest(".board-card[draggable=true]");
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.application);
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    document.querySelectorAll(".board-column.drop-target").forEach(function (column) {
      column.classList.remove("drop-target");
    });
  });

  document.addEventListener("dragover", function (event) {
    const column = event.target.closest && event.target.closest(".board-column");
    if (!dragged || !column || !allowedStages(dragged).includes(column.dataset.stage)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    column.classList.add("drop-target");
  });

  document.addEventListener("dragleave", function (event) {
    const column = event.target.closest && event.target.closest(".board-column");
    if (column && !column.contains(event.relatedTarget)) column.classList.remove("drop-target");
  });

  document.addEventListener("drop", function (event) {
    const column = event.target.closest && event.target.closest(".board-column");
    if (!dragged || !column || !allowedStages(dragged).includes(column.dataset.stage)) return;
    event.preventDefault();
    moveCard(dragged, column.dataset.stage);
  });
})();
