/*
 * Opened from disk (file://), a link to a folder shows a directory listing instead of
 * its index.html, so folder links and the search form's action get index.html added.
 * Classic script on purpose: Chromium refuses module scripts from file://.
 */
(function () {
  'use strict';
  if (location.protocol !== 'file:') return;

  function toIndex(url) {
    var match = /^([^?#]*\/)([?#].*)?$/.exec(url);
    return match ? match[1] + 'index.html' + (match[2] || '') : url;
  }

  function isLocal(url) {
    return url !== null && !/^[a-z][a-z0-9+.-]*:/i.test(url) && url.charAt(0) !== '#';
  }

  function rewrite() {
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href');
      if (isLocal(href)) links[i].setAttribute('href', toIndex(href));
    }
    var forms = document.querySelectorAll('form[action]');
    for (var j = 0; j < forms.length; j++) {
      var action = forms[j].getAttribute('action');
      if (isLocal(action)) forms[j].setAttribute('action', toIndex(action));
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', rewrite);
  else rewrite();
})();
