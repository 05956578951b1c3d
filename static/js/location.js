// "Use my current location" for forms with latitude and longitude fields
// (the feedback report form): a button, added only when the browser can
// locate, fills both fields. Without script the fields are typed by hand.
(function () {
  'use strict';
  function enhance() {
    var lat = document.getElementById('field-lat');
    var lon = document.getElementById('field-lon');
    var text = document.getElementById('locate-text');
    if (!lat || !lon || !text || !navigator.geolocation) return;
    var label = text.getAttribute('data-label');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--secondary button--small';
    button.textContent = label;
    var status = document.createElement('p');
    status.className = 'field__hint';
    status.setAttribute('role', 'status');
    button.addEventListener('click', function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        lat.value = position.coords.latitude.toFixed(6);
        lon.value = position.coords.longitude.toFixed(6);
        status.textContent = '';
        button.disabled = false;
      }, function () {
        status.textContent = text.getAttribute('data-failed') || '';
        button.disabled = false;
      }, { enableHighAccuracy: true, timeout: 15000 });
    });
    var field = lon.closest('.field') || lon.parentNode;
    field.parentNode.insertBefore(status, field.nextSibling);
    field.parentNode.insertBefore(button, field.nextSibling);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', enhance);
  } else {
    enhance();
  }
})();
