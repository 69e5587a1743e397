// The print view's 打印 and 关闭 buttons (the page works without them: the browser's own print).
for (const b of document.querySelectorAll('[data-action="print"]')) b.addEventListener('click', () => window.print());
for (const b of document.querySelectorAll('[data-action="close"]')) {
  // a tab the item page opened closes; one reached otherwise goes back to the item
  b.addEventListener('click', () => (window.opener ? window.close() : location.assign(b.dataset.back)));
}
for (const el of document.querySelectorAll('.print-actions[hidden]')) el.hidden = false;
