// Print buttons of the application receipt: shown only when scripts run
// (without them the page says to use the browser's own 打印).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
});
