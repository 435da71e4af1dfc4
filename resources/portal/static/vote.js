// The cast list narrows as the producer types (the search form works without this too),
// and a double tap on "Give votes" sends the form once.
(function () {
  "use strict";
  var search = document.getElementById("q");
  var rows = document.querySelectorAll("#cast-list li");
  function fold(text) {
    return text.normalize("NFKC").toLowerCase();
  }
  if (search && rows.length) {
    search.addEventListener("input", function () {
      var wanted = fold(search.value.trim());
      rows.forEach(function (row) {
        row.hidden = wanted !== "" && row.dataset.search.indexOf(wanted) === -1;
      });
    });
  }
  var form = document.getElementById("vote-form");
  if (form) {
    form.addEventListener("submit", function () {
      var button = document.getElementById("give-votes");
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  }
})();
