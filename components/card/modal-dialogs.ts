/**
 * Keeps the card reachable while the page shows a modal <dialog>. A modal dialog makes everything outside it
 * inert: the card, though drawn in the top layer, would take no click, focus or key. So while one is open the
 * card's host lives inside the topmost modal dialog (whose subtree stays interactive) and is shown again there,
 * which also draws it above the dialog; when the dialog closes or is removed, the host goes back to <html>.
 * Dialogs are noticed by their `open` attribute, which showModal() and close() set and remove, so an idle page
 * costs nothing; a dialog inside a page's own shadow root is not seen.
 */
export function followModalDialogs(host: Element, moveTo: (parent: Element) => void): () => void {
  const root = document.documentElement;
  /** The open modal dialogs, the last opened last: only the last one's subtree is not inert. */
  // The tag's own collection, filtered, rather than a selector query with a pseudo-class, which matches every
  // element of the document (0.4 ms of the page's time on the bench's large page).
  const modals: Element[] = [...document.getElementsByTagName('dialog')].filter((dialog) => dialog.matches(':modal'));
  const addModal = (el: Element) => el.localName === 'dialog' && el.matches(':modal') && !modals.includes(el) && modals.push(el);

  // While the card is in a dialog, the page may remove that dialog (and the card with it) without closing it.
  let removals: MutationObserver | undefined;
  const home = () => {
    // The page removed the card itself (not a dialog around it): that is the page's call, as elsewhere.
    if (!host.parentNode) return stop();
    for (let i = modals.length; i--; ) if (!modals[i]!.isConnected || !modals[i]!.matches(':modal')) modals.splice(i, 1);
    const parent = modals.at(-1) ?? root;
    if (host.parentNode !== parent) moveTo(parent);
    if (parent === root) {
      removals?.disconnect();
      removals = undefined;
    } else if (!removals) {
      removals = new MutationObserver(() => !host.isConnected && home());
      removals.observe(root, { childList: true, subtree: true });
    }
  };
  const opened = new MutationObserver((records) => {
    for (const { target } of records) addModal(target as Element);
    home();
  });
  opened.observe(root, { attributes: true, attributeFilter: ['open'], subtree: true });
  const stop = () => {
    opened.disconnect();
    removals?.disconnect();
  };
  home();
  return stop;
}
