// A poll's form: hides a question asked only when an earlier one has a given option chosen, while it
// is not. Without this script every question is shown with a line saying when it is asked, and the
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
          var controlling = document.getElementById('q' + q);
          var input = form.querySelector('input[name="q' + q + '"][value="' + o + '"]');
          conditional[i].hidden = !(input && input.checked && shown(controlling));
        }
      }
      form.addEventListener('change', update);
      update();
    })(forms[f]);
  }
})();
