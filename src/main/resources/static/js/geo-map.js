// The geoportal's map: an enhancement of the list twin (every page works without it). It marks the
// listed objects (#geo-list li[data-lat]) with their layer's shape, label and colour, offers other
// modules' layers (read-only GeoJSON) in a layer control, draws an object's geometry on its page,
// and says so when the base map's tiles cannot load. Markers are focusable and open with Enter. A
// click on the map lists the objects nearest to the place clicked.
(function () {
  // layer colours (the symbols carry shape and label without them)
  var symbols = document.querySelectorAll('.geo-symbol[data-colour]');
  for (var k = 0; k < symbols.length; k++) {
    symbols[k].style.backgroundColor = symbols[k].getAttribute('data-colour');
  }
  var el = document.getElementById('geo-map');
  if (!el || !window.L) {
    return;
  }
  el.hidden = false;
  var status = document.getElementById('geo-map-status');
  var a = el.getAttribute('data-area').split(',').map(Number);
  var map = L.map(el, {zoomControl: false, attributionControl: false}).fitBounds([[a[0], a[1]], [a[2], a[3]]]);
  L.control.zoom({zoomInTitle: el.getAttribute('data-zoom-in'), zoomOutTitle: el.getAttribute('data-zoom-out')}).addTo(map);
  L.control.attribution({prefix: false}).addTo(map);
  var failed = 0;
  var tiles = L.tileLayer(el.getAttribute('data-tiles'), {maxZoom: 19, attribution: '&copy; ' + el.getAttribute('data-attribution')
    .replace(/[<>&]/g, '')});
  tiles.on('tileerror', function () {
    failed++;
    if (failed === 3 && status) {
      status.textContent = el.getAttribute('data-tiles-failed');
    }
  });
  tiles.addTo(map);

  function icon(shape, label, colour) {
    var span = document.createElement('span');
    span.className = 'geo-symbol geo-' + shape;
    span.style.backgroundColor = colour;
    span.textContent = label;
    return L.divIcon({className: 'geo-marker', html: span, iconSize: [32, 32], iconAnchor: [16, 16], popupAnchor: [0, -16]});
  }

  // an object's geometry (a route's line, with its numbered stops listed below it)
  var geometry = el.getAttribute('data-geometry');
  var items = document.querySelectorAll('#geo-list li[data-lat]');
  if (geometry) {
    var shape = L.geoJSON(JSON.parse(geometry), {style: {color: el.getAttribute('data-colour'), weight: 4}}).addTo(map);
    map.fitBounds(shape.getBounds(), {maxZoom: 16, padding: [24, 24]});
    if (items.length === 0) {
      return;
    }
  }

  var bounds = [];
  var featureLayers = document.querySelectorAll('#geo-feature-layers li[data-url]');
  if (featureLayers.length > 0 && L.markerClusterGroup && window.fetch) {
    // every object the filters find, clustered; a cluster and a marker are keyboard-operable (Tab, then Enter)
    var clusterLabel = document.getElementById('geo-feature-layers').getAttribute('data-cluster-label');
    var clusters = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 50,
      iconCreateFunction: function (c) {
        var n = c.getChildCount();
        return L.divIcon({html: '<span>' + n + '</span>', className: 'marker-cluster marker-cluster-' + (n < 10 ? 'small' : n < 100 ? 'medium' : 'large'),
          iconSize: [40, 40]});
      }});
    clusters.on('animationend', function () { labelClusters(); });
    map.on('zoomend moveend', function () { labelClusters(); });
    function labelClusters() {
      var icons = el.querySelectorAll('.marker-cluster');
      Array.prototype.forEach.call(icons, function (icon) {
        var n = icon.textContent;
        icon.setAttribute('role', 'button');
        icon.setAttribute('aria-label', clusterLabel.replace('{0}', n));
        icon.setAttribute('title', clusterLabel.replace('{0}', n));
      });
    }
    map.addLayer(clusters);
    var pending = featureLayers.length;
    Array.prototype.forEach.call(featureLayers, function (fl) {
      fetch(fl.getAttribute('data-url'), {headers: {Accept: 'application/geo+json'}})
        .then(function (r) { return r.json(); })
        .then(function (data) {
          (data.features || []).forEach(function (f) {
            var p = f.properties || {};
            var ll = f.geometry.type === 'Point' ? [f.geometry.coordinates[1], f.geometry.coordinates[0]]
              : L.geoJSON(f).getBounds().getCenter();
            var popup = document.createElement('a');
            popup.href = p.url;
            popup.textContent = p.name;
            clusters.addLayer(L.marker(ll, {title: p.name, alt: p.name, keyboard: true,
              icon: icon(fl.getAttribute('data-shape'), fl.getAttribute('data-label'), fl.getAttribute('data-colour'))}).bindPopup(popup));
          });
        })
        .catch(function () {})
        .then(function () {
          pending--;
          if (pending === 0) {
            el.setAttribute('data-loaded', 'true');
            labelClusters();
          }
        });
    });
    for (var j = 0; j < items.length; j++) {
      bounds.push([+items[j].getAttribute('data-lat'), +items[j].getAttribute('data-lon')]);
    }
  } else {
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var link = li.querySelector('h3 a');
      var label = li.getAttribute('data-label');
      var popup = document.createElement('a');
      popup.href = link.getAttribute('href');
      popup.textContent = link.textContent;
      var ll = [+li.getAttribute('data-lat'), +li.getAttribute('data-lon')];
      bounds.push(ll);
      var title = /^[0-9]+$/.test(label) ? label + '. ' + link.textContent : link.textContent;
      L.marker(ll, {title: title, alt: title, keyboard: true,
        icon: icon(li.getAttribute('data-shape'), label, li.getAttribute('data-colour'))})
        .addTo(map).bindPopup(popup);
    }
    el.setAttribute('data-loaded', 'true');
  }
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  if (lat && lon && lat.value && lon.value) {
    L.circleMarker([+lat.value, +lon.value], {radius: 8, color: '#000'}).addTo(map).bindTooltip(el.getAttribute('data-here'));
    bounds.push([+lat.value, +lon.value]);
  }
  if (bounds.length > 0 && !geometry) {
    map.fitBounds(bounds, {maxZoom: 16, padding: [24, 24]});
  }

  var overlays = {};
  var others = document.querySelectorAll('#geo-other-layers li');
  Array.prototype.forEach.call(others, function (o) {
    var group = L.geoJSON(null, {
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, {radius: 6, color: '#444'}); },
      onEachFeature: function (f, layer) {
        var p = f.properties || {};
        var text = p.title || p.name || '';
        if (p.url) {
          var link = document.createElement('a');
          link.href = p.url;
          link.textContent = text || p.url;
          layer.bindPopup(link);
        }
      }
    });
    var loaded = false;
    group.on('add', function () {
      if (loaded) { return; }
      loaded = true;
      fetch(o.getAttribute('data-url'), {headers: {Accept: 'application/geo+json, application/json'}})
        .then(function (r) { return r.json(); }).then(function (data) { group.addData(data); });
    });
    overlays[o.textContent] = group;
  });
  if (others.length > 0) {
    L.control.layers(null, overlays, {collapsed: false}).addTo(map);
  }

  var locate = document.getElementById('geo-locate');
  var form = document.getElementById('geo-filters');

  // measure from a point: the form is sent again with its latitude and longitude (and no address)
  function measureFrom(latitude, longitude) {
    [['lat', latitude], ['lon', longitude]].forEach(function (p) {
      var input = document.getElementById(p[0]);
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = p[0];
        input.id = p[0];
        form.appendChild(input);
      }
      input.value = p[1].toFixed(6);
    });
    var address = document.getElementById('address');
    if (address) { address.value = ''; }
    form.submit();
  }

  if (locate && form && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        measureFrom(pos.coords.latitude, pos.coords.longitude);
      }, function () {
        if (status) { status.textContent = el.getAttribute('data-locate-failed'); }
      });
    });
  }

  // a click on the map itself (not on a marker or a cluster) lists the objects nearest to that place
  var hint = document.getElementById('geo-map-hint');
  if (form && hint) {
    hint.hidden = false;
    map.on('click', function (e) {
      measureFrom(e.latlng.lat, e.latlng.lng);
    });
  }
})();
