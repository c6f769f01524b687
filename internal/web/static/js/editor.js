/*
 * Gongkai back office: turns <textarea data-editor="quill"> into the
 * vendored Quill rich-text editor. Progressive enhancement: without this
 * script (or if Quill fails to start) the textarea stays and posts HTML
 * itself. The server sanitises the body whatever arrives (catalog.SanitizeBody).
 */
(function () {
  'use strict';
  var Quill = window.Quill;
  if (!Quill) { return; }

  // Alignment as style="text-align: …", which the server's sanitiser keeps,
  // instead of Quill's ql-align-* classes, which it drops.
  Quill.register(Quill.import('attributors/style/align'), true);

  var toolbar = [
    [{ header: [2, 3, 4, false] }],
    ['bold', 'italic', 'underline', 'strike'],
    [{ list: 'ordered' }, { list: 'bullet' }],
    [{ align: [] }],
    ['blockquote', 'link', 'image'],
    ['clean']
  ];

  // Chinese names for the toolbar controls (screen readers and tooltips).
  var labels = {
    'ql-bold': '加粗', 'ql-italic': '倾斜', 'ql-underline': '下划线', 'ql-strike': '删除线',
    'ql-list[value=ordered]': '编号列表', 'ql-list[value=bullet]': '项目符号列表',
    'ql-blockquote': '引用', 'ql-link': '插入链接', 'ql-image': '插入图片', 'ql-clean': '清除格式'
  };

  function labelToolbar(container) {
    Object.keys(labels).forEach(function (key) {
      var sel = 'button.' + key.replace(/\[value=(\w+)\]/, '[value="$1"]');
      container.querySelectorAll(sel).forEach(function (b) {
        b.setAttribute('aria-label', labels[key]);
        b.title = labels[key];
      });
    });
    container.querySelectorAll('.ql-header .ql-picker-label').forEach(function (l) { l.setAttribute('aria-label', '段落样式'); });
    container.querySelectorAll('.ql-align .ql-picker-label').forEach(function (l) { l.setAttribute('aria-label', '对齐方式'); });
  }

  // getSemanticHTML writes every space as &nbsp;. Single spaces become
  // ordinary ones again so lines can wrap; runs keep their width.
  function bodyHTML(quill) {
    if (quill.getLength() <= 1) { return ''; }
    return quill.getSemanticHTML().replace(/(&nbsp;)+/g, function (run) {
      return run.length === 6 ? ' ' : ' ' + run.slice(6);
    });
  }

  function enhance(ta) {
    var wrap = document.createElement('div');
    wrap.className = 'editor-wrap';
    var host = document.createElement('div');
    wrap.appendChild(host);
    ta.parentNode.insertBefore(wrap, ta.nextSibling);
    var quill;
    try {
      quill = new Quill(host, { theme: 'snow', modules: { toolbar: toolbar, table: true } });
      quill.setContents(quill.clipboard.convert({ html: ta.value }), 'silent');
    } catch (e) {
      wrap.parentNode.removeChild(wrap); // keep the plain textarea
      return;
    }
    ta.hidden = true;

    var root = quill.root;
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    if (ta.getAttribute('aria-describedby')) {
      root.setAttribute('aria-describedby', ta.getAttribute('aria-describedby'));
    }
    var label = ta.id && document.querySelector('label[for="' + ta.id + '"]');
    if (label) {
      if (!label.id) { label.id = ta.id + '-label'; }
      root.setAttribute('aria-labelledby', label.id);
      label.removeAttribute('for');
      label.addEventListener('click', function () { quill.focus(); });
    }
    var tb = wrap.querySelector('.ql-toolbar');
    if (tb) {
      tb.setAttribute('role', 'toolbar');
      tb.setAttribute('aria-label', '正文格式');
      labelToolbar(tb);
    }
    var link = quill.theme && quill.theme.tooltip && quill.theme.tooltip.textbox;
    if (link) { link.setAttribute('data-link', 'https://'); link.setAttribute('aria-label', '链接地址'); }

    // Only an edited body replaces the textarea's value, so the HTML the
    // server sent comes back unchanged when nobody touched it.
    var edited = false;
    quill.on('text-change', function () { edited = true; });
    if (ta.form) {
      ta.form.addEventListener('submit', function () {
        if (edited) { ta.value = bodyHTML(quill); }
      });
    }
  }

  function start() {
    document.querySelectorAll('textarea[data-editor="quill"]').forEach(enhance);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
