// A map of places (an enhancement: every page works without it). On a list page it shows a
// marker per listed item (#place-list li[data-lat]); on a form a click fills the latitude and longitude fields.
(function () {
  var el = document.getElementById('place-map');
  if (!el || !window.L) {
    return;
  }
  el.hidden = false;
  var a = el.getAttribute('data-area').split(',').map(Number);
  var map = L.map(el).fitBounds([[a[0], a[1]], [a[2], a[3]]]);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
  }).addTo(map);
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  if (lat && lon) {
    var marker = null;
    var place = function (ll) {
      if (marker) { marker.setLatLng(ll); } else { marker = L.marker(ll, {keyboard: false}).addTo(map); }
    };
    if (lat.value && lon.value && !isNaN(+lat.value) && !isNaN(+lon.value)) {
      place([+lat.value, +lon.value]);
    }
    map.on('click', function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = e.latlng.lng.toFixed(6);
      place(e.latlng);
    });
    return;
  }
  var items = document.querySelectorAll('#place-list li[data-lat]');
  for (var i = 0; i < items.length; i++) {
    var li = items[i];
    var link = li.querySelector('a');
    var popup = document.createElement('a');
    popup.href = link.getAttribute('href');
    popup.textContent = link.textContent;
    L.marker([+li.getAttribute('data-lat'), +li.getAttribute('data-lon')], {title: link.textContent, alt: link.textContent})
      .addTo(map).bindPopup(popup);
  }
})();
