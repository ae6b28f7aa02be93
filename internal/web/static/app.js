// Amélioration progressive : un champ pour filtrer la liste des
// destinataires. Sans JavaScript, la liste entière reste utilisable.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var box = document.querySelector(".filter");
  var input = document.getElementById("dest-filtre");
  var list = document.getElementById("dest-liste");
  if (!box || !input || !list) {
    return;
  }
  var items = list.querySelectorAll(".choices li");
  if (items.length < 8) {
    return; // a short list needs no filter
  }
  box.hidden = false;
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase();
    items.forEach(function (li) {
      var box = li.querySelector("input");
      // Ticked recipients stay visible, so nothing chosen is hidden.
      li.hidden = q !== "" && !box.checked && li.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
});
