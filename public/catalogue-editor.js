// Progressive enhancement of the catalogue item form: the body's textarea becomes a rich-text
// editor (Squire, with DOMPurify cleaning what is pasted; both from npm, served by this server).
// Staff paste from Word: what the server keeps (rules/body.ts) is listed on the textarea as
// data-rich-text, so pasted content is cut to the same tags here and the editor shows what will be
// published. The server still cleans every body: this script only makes writing pleasant. Without
// JavaScript (or if a script fails to load) the textarea works as before.
(function () {
  'use strict';
  var textarea = document.getElementById('item-body');
  if (!textarea || !textarea.form || !window.Squire || !window.DOMPurify) return;

  // The server's tags, plus those it renames (h1/h2 → h3, h5/h6 → h4, div → p) and the spans
  // Squire works with; attributes as on the server.
  var allowedTags = (textarea.getAttribute('data-rich-text') || '').split(' ').filter(Boolean).concat(['div', 'span', 'h1', 'h2', 'h5', 'h6']);
  var purifyConfig = {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'colspan', 'rowspan'],
    ALLOWED_URI_REGEXP: /^(?:https?:|\/(?!\/)|#)/i,
    WHOLE_DOCUMENT: false,
    RETURN_DOM_FRAGMENT: true,
  };

  var hint = document.getElementById('item-body-hint');
  var label = document.querySelector('label[for="item-body"]');

  var wrap = document.createElement('div');
  wrap.className = 'rich-editor';
  var toolbar = document.createElement('div');
  toolbar.className = 'rich-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', '正文格式');
  var area = document.createElement('div');
  area.className = 'rich-area article';
  area.id = 'item-body-rich';
  area.setAttribute('role', 'textbox');
  area.setAttribute('aria-multiline', 'true');
  area.setAttribute('aria-label', '正文');
  if (hint) area.setAttribute('aria-describedby', hint.id);
  wrap.appendChild(toolbar);
  wrap.appendChild(area);
  textarea.parentNode.insertBefore(wrap, textarea);
  textarea.hidden = true;
  if (label) label.htmlFor = area.id;
  if (hint) hint.textContent = '可从 Word 直接复制粘贴。保存时只保留段落、加粗、斜体、下划线、小标题、列表、表格、引用和 http(s) 链接；字体、颜色、图片和样式会被去除。需要时可切换到“HTML 源码”编辑。';

  var editor = new window.Squire(area, {
    blockTag: 'P',
    sanitizeToDOMFragment: function (html) {
      var frag = window.DOMPurify.sanitize(html, purifyConfig);
      return frag ? document.importNode(frag, true) : document.createDocumentFragment();
    },
  });

  /** A plain-text body (saved before rich text): blank lines separate paragraphs. */
  function toHtml(value) {
    if (/<\/?[a-z][a-z0-9]*\b[^>]*>/i.test(value)) return value;
    return value.split(/\n\s*\n/).filter(function (p) { return p.trim(); }).map(function (p) {
      var div = document.createElement('div');
      div.textContent = p.trim();
      return '<p>' + div.innerHTML.replace(/\n/g, '<br>') + '</p>';
    }).join('');
  }
  editor.setHTML(toHtml(textarea.value));

  /** Changes the blocks of the selection (paragraphs and headings) to `tag`; lists and tables stay. */
  function setBlock(tag) {
    editor.modifyBlocks(function (frag) {
      Array.prototype.slice.call(frag.childNodes).forEach(function (node) {
        if (!/^(P|DIV|H[1-6])$/.test(node.nodeName)) return;
        var block = document.createElement(tag);
        while (node.firstChild) block.appendChild(node.firstChild);
        frag.replaceChild(block, node);
      });
      return frag;
    });
    editor.focus();
  }

  var sourceMode = false;
  var buttons = [];
  function button(text, title, run) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.title = title;
    b.addEventListener('click', function () {
      run();
    });
    toolbar.appendChild(b);
    buttons.push(b);
    return b;
  }
  button('加粗', '加粗（Ctrl+B）', function () { editor.hasFormat('B') || editor.hasFormat('STRONG') ? editor.removeBold() : editor.bold(); editor.focus(); });
  button('斜体', '斜体（Ctrl+I）', function () { editor.hasFormat('I') ? editor.removeItalic() : editor.italic(); editor.focus(); });
  button('下划线', '下划线（Ctrl+U）', function () { editor.hasFormat('U') ? editor.removeUnderline() : editor.underline(); editor.focus(); });
  button('小标题', '一级小标题', function () { setBlock('H3'); });
  button('次级标题', '二级小标题', function () { setBlock('H4'); });
  button('正文段落', '恢复为普通段落', function () { setBlock('P'); });
  button('项目列表', '无序列表', function () { editor.hasFormat('UL') ? editor.removeList() : editor.makeUnorderedList(); editor.focus(); });
  button('编号列表', '有序列表', function () { editor.hasFormat('OL') ? editor.removeList() : editor.makeOrderedList(); editor.focus(); });
  button('引用', '引用段落', function () { editor.hasFormat('BLOCKQUOTE') ? editor.decreaseQuoteLevel() : editor.increaseQuoteLevel(); editor.focus(); });
  button('链接', '为选中的文字添加链接（http:// 或 https://）', function () {
    var url = window.prompt('链接地址（以 http:// 或 https:// 开头）', 'https://');
    if (url && /^https?:\/\/\S+$/i.test(url.trim())) editor.makeLink(url.trim());
    else if (url) window.alert('链接地址应以 http:// 或 https:// 开头');
    editor.focus();
  });
  button('取消链接', '去掉选中文字的链接', function () { editor.removeLink(); editor.focus(); });
  button('清除格式', '去掉选中文字的格式', function () { editor.removeAllFormatting(); editor.focus(); });
  button('撤销', '撤销（Ctrl+Z）', function () { editor.undo(); editor.focus(); });
  button('重做', '重做（Ctrl+Y）', function () { editor.redo(); editor.focus(); });
  var sourceButton = button('HTML 源码', '切换到 HTML 源码编辑', function () {
    sourceMode = !sourceMode;
    if (sourceMode) textarea.value = editor.getHTML();
    else editor.setHTML(toHtml(textarea.value));
    textarea.hidden = !sourceMode;
    area.hidden = sourceMode;
    sourceButton.textContent = sourceMode ? '可视化编辑' : 'HTML 源码';
    sourceButton.setAttribute('aria-pressed', String(sourceMode));
    buttons.forEach(function (b) { if (b !== sourceButton) b.disabled = sourceMode; });
    (sourceMode ? textarea : area).focus();
  });
  sourceButton.setAttribute('aria-pressed', 'false');

  // What is sent is the editor's HTML (or the source the clerk edited).
  textarea.form.addEventListener('submit', function () {
    if (!sourceMode) textarea.value = editor.getHTML();
  });
})();
