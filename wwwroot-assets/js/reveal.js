// @ts-check
// Brings what an action just added into view: the console's panes are fixed to the screen and
// scroll on their own, so a new evidence image or an action's answer placed at a pane's bottom
// edge would otherwise be cut off until the officer scrolls to it.

/**
 * @param {Element | null} element what was added, or the list it was added to
 * @param {boolean} last reveal the list's last item (the one just added) instead of the element
 */
export function reveal(element, last) {
  const target = last ? element?.lastElementChild : element;
  target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
