/*
 * Small page behaviours, classic script on purpose (Chromium refuses module scripts from
 * file://), no inline handlers (strict CSP):
 *  - the article's table of contents is open beside the text on a wide screen and folded on a phone;
 *  - "copy" buttons copy the text of the element they name (the citation);
 *  - opened from disk (file://), folder links and the search form's action get index.html added,
 *    because a link to a folder shows a directory listing instead of its index.html.
 */
(function () {
  'use strict';
  var WIDE = '(min-width: 64rem)';

  function openTocWhenWide() {
    var toc = document.getElementById('article-toc');
    if (!toc || !window.matchMedia) return;
    var wide = window.matchMedia(WIDE);
    toc.open = wide.matches;
    if (wide.addEventListener) wide.addEventListener('change', function () { toc.open = wide.matches; });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      area.remove();
      if (ok) resolve(); else reject(new Error('copy refused'));
    });
  }

  function enableCopyButtons() {
    var buttons = document.querySelectorAll('button[data-copy]');
    for (var i = 0; i < buttons.length; i++) {
      (function (button) {
        var source = document.getElementById(button.getAttribute('data-copy'));
        if (!source) return;
        var label = button.textContent;
        button.hidden = false; // without this script there is nothing to click
        button.addEventListener('click', function () {
          copyText(source.textContent.trim()).then(
            function () { button.textContent = '已复制'; },
            function () { button.textContent = '复制失败，请手动选择文字'; },
          );
          setTimeout(function () { button.textContent = label; }, 2500);
        });
      })(buttons[i]);
    }
  }

  function toIndex(url) {
    var match = /^([^?#]*\/)([?#].*)?$/.exec(url);
    return match ? match[1] + 'index.html' + (match[2] || '') : url;
  }

  function isLocal(url) {
    return url !== null && !/^[a-z][a-z0-9+.-]*:/i.test(url) && url.charAt(0) !== '#';
  }

  function rewriteForDisk() {
    if (location.protocol !== 'file:') return;
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

  function start() {
    rewriteForDisk();
    openTocWhenWide();
    enableCopyButtons();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
