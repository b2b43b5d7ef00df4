// The embed widget, for a hospital's site: turns each
//   <blockquote class="rounds-highlight"><a href="https://rounds.example.org/highlights/ID">Title</a></blockquote>
// into an iframe of the highlight's embeddable page, served by Rounds, sized to its content. Without this script the
// blockquote stays a plain link. Load it once: <script async src="https://rounds.example.org/js/embed.js"></script>
(() => {
  const origin = new URL(document.currentScript ? document.currentScript.src : location.href).origin;
  const pattern = /\/highlights\/[0-9a-f-]{36}$/;
  const frames = [];
  for (const quote of document.querySelectorAll('blockquote.rounds-highlight')) {
    const link = quote.querySelector('a[href]');
    if (!link) continue;
    const url = new URL(link.href);
    if (url.origin !== origin || !pattern.test(url.pathname)) continue;
    const frame = document.createElement('iframe');
    frame.src = `${url.origin}${url.pathname}/embed`;
    frame.title = link.textContent || 'Training highlight';
    frame.loading = 'lazy';
    frame.referrerPolicy = 'no-referrer';
    frame.style.cssText = 'border:0;width:100%;max-width:600px;height:480px;display:block';
    quote.replaceWith(frame);
    frames.push(frame);
  }
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.data?.type !== 'rounds-highlight-height') return;
    const frame = frames.find((f) => f.contentWindow === event.source);
    const height = Number(event.data.height);
    if (frame && height > 0 && height < 10000) frame.style.height = `${Math.ceil(height)}px`;
  });
})();
