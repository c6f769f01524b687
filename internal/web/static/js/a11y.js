// The 无障碍 toolbar, enhanced. Without this script every setting is still a
// form button that the server applies (POST /prefs, then back to the page).
// With it, the same form is posted in the background and the answer — the
// new classes of <html> and each setting's value — is applied in place,
// the buttons' aria-pressed updated and the change announced in the live
// region. It also binds the Alt+Shift shortcuts listed on
// /help/accessibility, and draws the crosshair guides and the caption bar.
(function () {
  'use strict';
  var html = document.documentElement;
  var base = html.getAttribute('data-base') || '';
  var tools = document.getElementById('a11y-tools');
  var panel = document.getElementById('a11y-panel');
  var status = document.getElementById('a11y-status');
  if (!tools || !panel || !status) return;

  // state mirrors the settings: name → value, read from the buttons.
  var state = {};
  document.querySelectorAll('.a11y-form button[name][aria-pressed]').forEach(function (b) {
    var pressed = b.getAttribute('aria-pressed') === 'true';
    if (b.hasAttribute('data-toggle')) state[b.name] = pressed ? '1' : '0';
    else if (pressed) state[b.name] = b.value;
  });
  state.panel = panel.open ? '1' : '0';
  document.querySelectorAll('[data-needs-script]').forEach(function (e) { e.hidden = false; });

  function announce(msg) {
    status.textContent = '';
    // A new text node after a pause is announced even when it repeats.
    window.setTimeout(function () { status.textContent = msg; }, 60);
  }
  window.gkAnnounce = announce;

  function apply(res) {
    html.className = res.classes;
    html.setAttribute('data-rate', String(res.rate));
    state = res.values;
    document.querySelectorAll('.a11y-form button[name][aria-pressed]').forEach(function (b) {
      var cur = res.values[b.name];
      if (cur === undefined) return;
      if (b.hasAttribute('data-toggle')) {
        b.setAttribute('aria-pressed', String(cur === '1'));
        b.value = cur === '1' ? '0' : '1';
      } else {
        b.setAttribute('aria-pressed', String(cur === b.value));
      }
    });
    guides.sync();
    caption.sync();
    document.dispatchEvent(new CustomEvent('gk:prefs', { detail: res }));
    if (res.message) announce(res.message);
  }

  // save posts name=value pairs like the forms do and applies the answer.
  function save(pairs, quiet) {
    var body = new URLSearchParams();
    body.append('back', location.pathname + location.search);
    Object.keys(pairs).forEach(function (k) { body.append(k, pairs[k]); });
    return fetch(base + '/prefs', {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (res) {
      if (quiet) res.message = '';
      apply(res);
    }).catch(function () { announce('设置未能保存，请稍后再试'); });
  }

  document.querySelectorAll('.a11y-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      var b = e.submitter;
      if (!b || !b.name) return; // an unknown submitter: let the browser post it
      e.preventDefault();
      var pairs = {};
      pairs[b.name] = b.value;
      if (form === tools && b.name !== 'panel') pairs.from = 'panel';
      save(pairs);
      if (b.name === 'panel' && b.value === '0') { panel.open = false; panel.querySelector('summary').focus(); }
    });
  });

  // The panel's open state is a setting too, so it stays as left.
  panel.addEventListener('toggle', function () {
    var open = panel.open ? '1' : '0';
    if (state.panel !== open) save({ panel: open }, true);
  });

  function cycle(name, values) {
    var i = values.indexOf(state[name]);
    var pairs = {};
    pairs[name] = values[(i + 1) % values.length];
    save(pairs);
  }
  function flip(name) {
    var pairs = {};
    pairs[name] = state[name] === '1' ? '0' : '1';
    save(pairs);
  }
  function read(what) { document.dispatchEvent(new CustomEvent('gk:read', { detail: what })); }

  // Alt+Shift+key, matched on the physical key (event.code) so Chinese
  // input methods and keyboard layouts do not change them.
  var keys = {
    KeyA: function () { panel.open = !panel.open; if (panel.open) panel.querySelector('summary').focus(); },
    KeyE: function () { flip('elder'); },
    Equal: function () { save({ size: 'up' }); },
    NumpadAdd: function () { save({ size: 'up' }); },
    Minus: function () { save({ size: 'down' }); },
    NumpadSubtract: function () { save({ size: 'down' }); },
    KeyL: function () { cycle('spacing', ['1', '2', '3']); },
    KeyC: function () { cycle('theme', ['auto', 'light', 'contrast', 'dark', 'lowsat']); },
    KeyZ: function () { cycle('zoom', ['100', '125', '150', '200']); },
    KeyM: function () { flip('cursor'); },
    KeyX: function () { flip('guides'); },
    KeyB: function () { flip('caption'); },
    KeyT: function () { flip('textonly'); },
    KeyP: function () { flip('point'); },
    KeyR: function () { read('start'); },
    KeyS: function () { read('stop'); },
    KeyV: function () {
      var mic = document.querySelector('button[data-voice-for]:not([hidden])');
      if (mic) mic.click(); else announce('本站未开启语音输入');
    },
    Digit0: function () { save({ reset: '1' }); },
    KeyH: function () { location.href = base + '/help/accessibility'; }
  };
  document.addEventListener('keydown', function (e) {
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    var f = keys[e.code];
    if (!f) return;
    e.preventDefault();
    f();
  });

  // Crosshair guide lines following the pointer. Positions are divided by
  // the page zoom, which CSS zoom on <body> applies to them again.
  var guides = (function () {
    var h, v;
    function zoom() { return parseFloat(getComputedStyle(document.body).zoom) || 1; }
    function move(e) {
      var z = zoom();
      h.style.top = (e.clientY / z) + 'px';
      v.style.left = (e.clientX / z) + 'px';
    }
    function sync() {
      var on = html.classList.contains('guides');
      if (on && !h) {
        h = document.createElement('div');
        v = document.createElement('div');
        h.className = 'a11y-guide a11y-guide-h';
        v.className = 'a11y-guide a11y-guide-v';
        h.setAttribute('aria-hidden', 'true');
        v.setAttribute('aria-hidden', 'true');
        document.body.append(h, v);
        document.addEventListener('mousemove', move);
      } else if (!on && h) {
        document.removeEventListener('mousemove', move);
        h.remove(); v.remove(); h = v = null;
      }
    }
    return { sync: sync };
  })();

  // The caption bar: the text under the pointer, or of the focused
  // element, shown large at the bottom of the screen. It repeats visible
  // text, so it is hidden from screen readers.
  var caption = (function () {
    var bar;
    var TEXT = 'a,button,summary,label,legend,h1,h2,h3,h4,h5,h6,p,li,td,th,dt,dd,caption,figcaption,blockquote';
    function show(e) {
      var el = e.target && e.target.closest ? e.target.closest(TEXT) : null;
      if (!el || el.closest('.a11y-caption-bar')) return;
      var text = (el.getAttribute('aria-label') || el.innerText || el.value || '').replace(/\s+/g, ' ').trim();
      if (text) bar.textContent = text.length > 200 ? text.slice(0, 200) + '…' : text;
    }
    function sync() {
      var on = html.classList.contains('caption');
      if (on && !bar) {
        bar = document.createElement('p');
        bar.className = 'a11y-caption-bar';
        bar.setAttribute('aria-hidden', 'true');
        document.body.append(bar);
        document.addEventListener('mouseover', show);
        document.addEventListener('focusin', show);
      } else if (!on && bar) {
        document.removeEventListener('mouseover', show);
        document.removeEventListener('focusin', show);
        bar.remove(); bar = null;
      }
    }
    return { sync: sync };
  })();

  guides.sync();
  caption.sync();
})();
