// Shows each slider's value beside its name as it moves. The page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var sliders = document.querySelectorAll("input[type=range]");
  for (var i = 0; i < sliders.length; i++) {
    (function (slider) {
      var out = document.getElementById("o-" + slider.id.slice(2));
      if (!out) { return; }
      slider.addEventListener("input", function () { out.textContent = slider.value; });
    })(sliders[i]);
  }
});
