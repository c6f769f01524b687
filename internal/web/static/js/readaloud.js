// Read-aloud (website-rules §3.2 语音阅读, §3.5 A6): 指读 reads what is
// hovered or focused; 连读 reads the page from the current point, block by
// block, highlighting the block being read; the speed comes from the
// toolbar; 停止 stops. The browser's own speech synthesis is used when it
// has a Chinese voice. Otherwise the server speaks (espeak-ng): a document
// paragraph by GET /api/v1/speech/tts?doc=…&p=…, which the server caches
// per paragraph, any other text by POST. Without either the toolbar says
// 朗读服务暂不可用.
(function () {
  'use strict';
  var html = document.documentElement;
  var base = html.getAttribute('data-base') || '';
  var synth = window.speechSynthesis || null;
  var note = document.querySelector('[data-tts-note]');
  // The same blocks as the server's docParagraphs (speech_paragraphs.go).
  var BLOCKS = 'p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,td,th,dt,dd,caption,figcaption,div';
  var POINT = 'a,button,summary,label,legend,' + BLOCKS;
  var voice = null;
  var run = 0; // bumped by stop(): callbacks of an older run do nothing
  var audio = null;
  var reading = null;

  function say(msg) { if (window.gkAnnounce) window.gkAnnounce(msg); }
  function norm(s) { return (s || '').replace(/\s+/g, ' ').trim(); }
  function rate() { return parseFloat(html.getAttribute('data-rate')) || 1; }
  function serverSpeaks() { return html.getAttribute('data-tts') === '1'; }

  function pickVoice() {
    var vs = synth ? synth.getVoices() : [];
    voice = null;
    for (var i = 0; i < vs.length; i++) {
      if (/^(zh|cmn)/i.test(vs[i].lang)) { voice = vs[i]; break; }
    }
    if (note) note.hidden = !!voice || serverSpeaks();
  }

  // innermost readable blocks under root, in document order.
  function blocks(root, visibleOnly) {
    return Array.prototype.filter.call(root.querySelectorAll(BLOCKS), function (e) {
      if (e.querySelector(BLOCKS) || !norm(e.textContent)) return false;
      return !visibleOnly || e.getClientRects().length > 0;
    });
  }

  // docRef returns {doc, p} when el is a paragraph the server can speak
  // from a document (the title is paragraph 0), else null.
  function docRef(el) {
    var m = location.pathname.match(/\/doc\/(\d+)$/);
    if (!m) return null;
    if (el.id === 'doc-title') return { doc: m[1], p: 0 };
    var body = el.closest('.doc-body');
    if (!body) return null;
    var i = blocks(body, false).indexOf(el);
    return i < 0 ? null : { doc: m[1], p: i + 1 };
  }

  // Sentence-sized pieces: browsers cut long utterances short, and the
  // server takes at most 500 characters at a time.
  function pieces(text) {
    var parts = text.match(/[^。！？!?；;]+[。！？!?；;]?/g) || [text];
    var out = [], cur = '';
    parts.forEach(function (p) {
      if ((cur + p).length > 200 && cur) { out.push(cur); cur = ''; }
      while (p.length > 200) { out.push(p.slice(0, 200)); p = p.slice(200); }
      cur += p;
    });
    if (cur) out.push(cur);
    return out;
  }

  function playURL(url, id, done) {
    audio = new Audio(url);
    audio.playbackRate = rate();
    audio.onended = function () { if (id === run) done(); };
    audio.onerror = function () { if (id === run) { say('朗读服务暂不可用'); stop(); } };
    var p = audio.play();
    if (p && p.catch) p.catch(function () { if (id === run) { say('朗读服务暂不可用'); stop(); } });
  }

  function playText(text, id, done) {
    fetch(base + '/api/v1/speech/tts', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: text })
    }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.blob();
    }).then(function (b) {
      if (id !== run) return;
      var url = URL.createObjectURL(b);
      playURL(url, id, function () { URL.revokeObjectURL(url); done(); });
    }).catch(function () { if (id === run) { say('朗读服务暂不可用'); stop(); } });
  }

  // speak reads el's text and calls done when it has been read.
  function speak(el, id, done) {
    var text = norm(el.getAttribute('aria-label') || el.textContent);
    if (voice && synth) {
      var list = pieces(text);
      var next = function () {
        if (id !== run) return;
        if (!list.length) { done(); return; }
        var u = new window.SpeechSynthesisUtterance(list.shift());
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = rate();
        u.onend = next;
        u.onerror = next;
        synth.speak(u);
      };
      next();
      return;
    }
    if (!serverSpeaks()) { say('朗读服务暂不可用'); stop(); return; }
    var ref = docRef(el);
    if (ref) {
      playURL(base + '/api/v1/speech/tts?doc=' + ref.doc + '&p=' + ref.p, id, done);
      return;
    }
    var rest = pieces(text);
    var more = function () {
      if (id !== run) return;
      if (!rest.length) { done(); return; }
      playText(rest.shift(), id, more);
    };
    more();
  }

  function mark(el) {
    if (reading) reading.classList.remove('a11y-reading');
    reading = el;
    if (el) {
      el.classList.add('a11y-reading');
      var still = window.matchMedia('(prefers-reduced-motion: reduce)').matches || html.classList.contains('elder');
      el.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    }
  }

  function stop() {
    run++;
    if (synth) synth.cancel();
    if (audio) { audio.pause(); audio = null; }
    mark(null);
  }

  // 连读: from the block holding the focus (or the last pointed one) to the
  // end of the main content.
  var from = null;
  function start() {
    stop();
    var main = document.getElementById('main') || document.body;
    var list = blocks(main, true);
    if (!list.length) return;
    var at = 0;
    var here = from || document.activeElement;
    for (var i = 0; i < list.length; i++) {
      if (here && (list[i] === here || list[i].contains(here))) { at = i; break; }
    }
    var id = run;
    say('开始连读，按 Alt+Shift+S 停止');
    var step = function () {
      if (id !== run) return;
      if (at >= list.length) { mark(null); say('朗读完毕'); return; }
      var el = list[at++];
      mark(el);
      speak(el, id, step);
    };
    step();
  }

  // 指读: read the hovered or focused element once the pointer rests.
  var timer = 0, last = null;
  function point(e) {
    if (!html.classList.contains('point-read')) return;
    var el = e.target && e.target.closest ? e.target.closest(POINT) : null;
    if (!el || el === last || el.closest('.a11y-caption-bar')) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      last = el;
      from = el;
      stop();
      var id = run;
      mark(el);
      speak(el, id, function () { if (id === run) mark(null); });
    }, e.type === 'focusin' ? 0 : 400);
  }

  document.addEventListener('mouseover', point);
  document.addEventListener('focusin', point);
  document.addEventListener('gk:read', function (e) { if (e.detail === 'stop') { stop(); say('已停止朗读'); } else start(); });
  document.querySelectorAll('[data-read]').forEach(function (b) {
    b.addEventListener('click', function () {
      if (b.getAttribute('data-read') === 'stop') { stop(); say('已停止朗读'); } else start();
    });
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && reading) stop(); });

  pickVoice();
  if (synth && synth.addEventListener) synth.addEventListener('voiceschanged', pickVoice);
})();
