// Rendered highlights carry the public page's headings (an h1 title): shown inside a staff page, under its own
// section heading, they are re-levelled to continue that page's outline (axe's heading-order; screen reader users
// navigate by headings).

/** Re-levels the headings inside `container` so that its top heading becomes an h`level`, the rest following. */
export function nestHeadings(container, level) {
  const headings = [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  if (headings.length === 0) return;
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  for (const heading of headings) {
    const nested = document.createElement(`h${Math.min(6, Number(heading.tagName[1]) - top + level)}`);
    for (const { name, value } of heading.attributes) nested.setAttribute(name, value);
    nested.replaceChildren(...heading.childNodes);
    heading.replaceWith(nested);
  }
}
