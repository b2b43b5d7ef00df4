// Inside an embedded highlight: tells the page around the iframe how tall the highlight is, so it needs no scrollbar.
// Only the height is sent; the embedding page's script checks that the message comes from this site.
function sendHeight() {
  window.parent.postMessage({ type: 'rounds-highlight-height', height: document.documentElement.scrollHeight }, '*');
}
window.addEventListener('load', sendHeight);
new ResizeObserver(sendHeight).observe(document.body);
