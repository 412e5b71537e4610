// A map of places (an enhancement: every page works without it). On a list page it shows a
// marker per listed item (#place-list li[data-lat]); on a form a click fills the latitude and longitude fields.
// The controls speak the page's language (texts in the element's data-* attributes); markers are 32×32 px
// targets (WCAG 2.2 target size), drawn by CSS (.place-marker).
(function () {
  var el = document.getElementById('place-map');
  if (!el || !window.L) {
    return;
  }
  el.hidden = false;
  var a = el.getAttribute('data-area').split(',').map(Number);
  var map = L.map(el, {zoomControl: false, attributionControl: false}).fitBounds([[a[0], a[1]], [a[2], a[3]]]);
  L.control.zoom({zoomInTitle: el.getAttribute('data-zoom-in'), zoomOutTitle: el.getAttribute('data-zoom-out')}).addTo(map);
  L.control.attribution({prefix: false}).addTo(map);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">' + el.getAttribute('data-attribution') + '</a>'
  }).addTo(map);
  var icon = L.divIcon({className: 'place-marker', iconSize: [32, 32], iconAnchor: [16, 32], popupAnchor: [0, -32]});
  var lat = document.getElementById('latitude');
  var lon = document.getElementById('longitude');
  if (lat && lon) {
    var marker = null;
    var place = function (ll) {
      if (marker) { marker.setLatLng(ll); } else { marker = L.marker(ll, {keyboard: false, icon: icon, alt: el.getAttribute('data-marker')}).addTo(map); }
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
    L.marker([+li.getAttribute('data-lat'), +li.getAttribute('data-lon')], {title: link.textContent, alt: link.textContent, icon: icon})
      .addTo(map).bindPopup(popup);
  }
})();
