// Text cut short by its column shows whole on hover and on keyboard focus: a cut cell joins the
// tab order and carries the screen's tooltip (TooltipLayer) with its full text. Measured after each
// render of the rows on screen, so only cells that really are cut become tab stops.

const CUT = 'data-cut';

/** Marks the cut cells under `root` (and unmarks the ones that fit again). */
export function markCutText(root: ParentNode): void {
  for (const cell of root.querySelectorAll<HTMLElement>('[role="cell"].clip')) {
    const text = cell.textContent?.trim() ?? '';
    const cut = text !== '' && cell.scrollWidth > cell.clientWidth + 1;
    if (cut) {
      if (cell.getAttribute('data-tip') !== text) cell.setAttribute('data-tip', text);
      if (!cell.hasAttribute(CUT)) {
        cell.setAttribute(CUT, 'true');
        cell.tabIndex = 0;
      }
    } else if (cell.hasAttribute(CUT)) {
      cell.removeAttribute(CUT);
      cell.removeAttribute('data-tip');
      cell.removeAttribute('tabindex');
    }
  }
}
