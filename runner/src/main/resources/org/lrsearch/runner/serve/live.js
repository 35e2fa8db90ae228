// lrsearch serve: keeps the page current as runs commit. Polls status.json; when the server has rendered the
// report again, fetches the page and swaps its body in, keeping the reader's place (the section at the top of
// the window stays where it was) and which <details> are open. No framework: the report is static HTML and SVG.
(function () {
  'use strict';
  var live = document.getElementById('live');
  var version = live.getAttribute('data-version');
  var updates = 0;

  function key(d) {
    var section = d.closest('section');
    var scope = section || document;
    return (section ? section.id : '') + '#' + Array.prototype.indexOf.call(scope.querySelectorAll('details'), d);
  }

  function swap(doc) {
    var open = {};
    document.querySelectorAll('details').forEach(function (d) { open[key(d)] = d.open; });
    var anchor = null;
    var offset = 0;
    document.querySelectorAll('section[id]').forEach(function (s) {
      var r = s.getBoundingClientRect();
      if (anchor === null && r.bottom > 0) {
        anchor = s.id;
        offset = r.top;
      }
    });
    if (document.head.innerHTML !== doc.head.innerHTML) {
      document.head.innerHTML = doc.head.innerHTML;
    }
    Array.prototype.slice.call(document.body.children).forEach(function (n) {
      if (n.id !== 'live' && n.id !== 'live-script') {
        n.remove();
      }
    });
    var script = document.getElementById('live-script');
    Array.prototype.slice.call(doc.body.children).forEach(function (n) {
      if (n.id !== 'live' && n.id !== 'live-script') {
        document.body.insertBefore(document.importNode(n, true), script);
      }
    });
    document.querySelectorAll('details').forEach(function (d) {
      var k = key(d);
      if (k in open) {
        d.open = open[k];
      }
    });
    var a = anchor === null ? null : document.getElementById(anchor);
    if (a) {
      window.scrollBy(0, a.getBoundingClientRect().top - offset);
    }
  }

  function tick() {
    var finished = false;
    fetch('status.json', {cache: 'no-store'}).then(function (r) { return r.json(); }).then(function (s) {
      finished = s.finished;
      document.getElementById('live-progress').textContent = s.progress;
      if (!s.version || s.version === version) {
        return null;
      }
      return fetch('./', {cache: 'no-store'}).then(function (r) { return r.text(); }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var next = doc.getElementById('live');
        swap(doc);
        version = next.getAttribute('data-version');
        live.setAttribute('data-version', version);
        live.setAttribute('data-updates', String(++updates));
      });
    }).then(function () {
      document.getElementById('live-state').textContent = finished ? 'study finished' : 'updates as runs commit';
    }, function () {
      document.getElementById('live-state').textContent = 'server not reachable; retrying';
    }).then(function () {
      setTimeout(tick, finished ? 10000 : 2000);
    });
  }

  // The swap alone, for a test that checks it keeps the reader's place.
  window.lrsearchLive = {swap: swap};
  setTimeout(tick, 2000);
})();
