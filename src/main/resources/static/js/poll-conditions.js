// A poll's form: hides a question asked only when an earlier one has a given option chosen (or an
// earlier scale at least a given value), while it is not. Without this script every question is shown with a line saying when it is asked, and the
// server ignores the answer to a question whose condition is not met.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form.poll-form');
  for (var f = 0; f < forms.length; f++) {
    (function (form) {
      var conditional = form.querySelectorAll('fieldset[data-show-if-question]');
      if (conditional.length === 0) {
        return;
      }
      function shown(fieldset) {
        return !fieldset || !fieldset.hidden;
      }
      function update() {
        for (var i = 0; i < conditional.length; i++) {
          var q = conditional[i].getAttribute('data-show-if-question');
          var o = conditional[i].getAttribute('data-show-if-option');
          var least = conditional[i].getAttribute('data-show-if-at-least');
          var controlling = document.getElementById('q' + q);
          var met;
          if (least !== null) {
            var value = form.querySelector('input[name="q' + q + '-scale"]:checked');
            met = value !== null && parseInt(value.value, 10) >= parseInt(least, 10);
          } else {
            var input = form.querySelector('input[name="q' + q + '"][value="' + o + '"]');
            met = input !== null && input.checked;
          }
          conditional[i].hidden = !(met && shown(controlling));
        }
      }
      form.addEventListener('change', update);
      update();
    })(forms[f]);
  }
})();
