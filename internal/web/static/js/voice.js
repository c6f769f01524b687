// Voice input: a microphone button beside a text box records with
// MediaRecorder and sends the recording to /api/v1/speech/transcribe,
// which passes it to the speech-recognition service the administrator
// configured; the text it hears is put in the box. The server renders the
// button only when a service is configured, hidden until this script finds
// the browser can record.
(function () {
  'use strict';
  var html = document.documentElement;
  var base = html.getAttribute('data-base') || '';
  var buttons = document.querySelectorAll('button[data-voice-for]');
  if (!buttons.length || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.MediaRecorder) return;

  var LIMIT = 30000; // ms; the server accepts about 30 s of speech per request
  var rec = null, timer = 0;

  function say(msg) { if (window.gkAnnounce) window.gkAnnounce(msg); }

  function idle(b) {
    b.setAttribute('aria-pressed', 'false');
    b.textContent = '语音输入';
  }

  function stop() {
    window.clearTimeout(timer);
    if (rec && rec.state !== 'inactive') rec.stop();
  }

  function send(b, blob) {
    var fd = new FormData();
    var ext = /ogg/.test(blob.type) ? '.ogg' : /mp4/.test(blob.type) ? '.m4a' : '.webm';
    fd.append('file', blob, 'recording' + ext);
    say('正在识别，请稍候');
    b.disabled = true;
    fetch(base + '/api/v1/speech/transcribe', { method: 'POST', body: fd, credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        if (!res.ok || !res.j.text) { say(res.j.error || '语音识别暂时无法使用，请直接输入文字'); return; }
        var input = document.getElementById(b.getAttribute('data-voice-for'));
        if (!input) return;
        input.value = res.j.text;
        input.focus();
        say('识别结果：' + res.j.text + '。按回车键搜索');
      })
      .catch(function () { say('语音识别暂时无法使用，请直接输入文字'); })
      .then(function () { b.disabled = false; });
  }

  function start(b) {
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      var types = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
      var type = types.filter(function (t) { return MediaRecorder.isTypeSupported(t); })[0];
      var chunks = [];
      rec = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      rec.ondataavailable = function (e) { if (e.data && e.data.size) chunks.push(e.data); };
      rec.onstop = function () {
        stream.getTracks().forEach(function (t) { t.stop(); });
        var blob = new Blob(chunks, { type: rec.mimeType || type || 'audio/webm' });
        rec = null;
        idle(b);
        if (blob.size) send(b, blob); else say('没有录到声音，请重试');
      };
      rec.start();
      b.setAttribute('aria-pressed', 'true');
      b.textContent = '停止录音';
      say('正在录音，说完后请再按一次“停止录音”');
      timer = window.setTimeout(stop, LIMIT);
    }).catch(function () {
      say('无法使用麦克风，请在浏览器中允许本网站使用麦克风，或直接输入文字');
    });
  }

  buttons.forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { if (rec) stop(); else start(b); });
  });
})();
