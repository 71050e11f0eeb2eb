// The article page's "copy the link" button. A file rather than an inline handler: the pages' Content-Security-Policy
// allows scripts from this site only (NewsPageHeaders).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button.share-copy').forEach(function (button) {
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.dataset.url).then(function () {
        button.textContent = 'Đã sao chép';
      }, function () {
        button.textContent = 'Không sao chép được';
      });
    });
  });
});
