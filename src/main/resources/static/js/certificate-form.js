// The certificate order form: shows only the groups of facts the chosen topic needs. Without this
// script every group is shown, with hints saying which topic each is for.
(function () {
  'use strict';
  var form = document.getElementById('certificate-form');
  if (!form) {
    return;
  }
  var groups = form.querySelectorAll('fieldset[data-topics]');
  function update() {
    var chosen = form.querySelector('input[name="topic"]:checked');
    for (var i = 0; i < groups.length; i++) {
      var topics = groups[i].getAttribute('data-topics').split(' ');
      groups[i].hidden = chosen !== null && topics.indexOf(chosen.value) < 0 && !groups[i].querySelector('.has-error');
    }
  }
  var radios = form.querySelectorAll('input[name="topic"]');
  for (var i = 0; i < radios.length; i++) {
    radios[i].addEventListener('change', update);
  }
  update();
})();
