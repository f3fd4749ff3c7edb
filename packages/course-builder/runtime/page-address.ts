/**
 * Page addresses: `index.html#<page id>` (for example `#who-decides/software-that-decides`)
 * opens that page, so a link in an email, a slide or the docs lands where it points. The
 * address bar follows the page on show, so the address can be copied from it and a reload
 * stays on the page. Only the fragment changes (`history.replaceState`): no request, no
 * history entry, nothing an LMS sees.
 */

interface PageIndex {
  indexOf(pageId: string): number;
}

/** The index of the page the address names, or -1 for none (or a heading anchor). */
export function linkedPage(shell: PageIndex, hash: string): number {
  if (hash.length < 2) return -1;
  try {
    return shell.indexOf(decodeURIComponent(hash.slice(1)));
  } catch {
    return -1; // a malformed %-escape
  }
}

/** Shows the page's address in the address bar without navigating. */
export function showAddress(win: Window, pageId: string): void {
  const hash = `#${pageId}`;
  if (win.location.hash === hash) return;
  try {
    win.history.replaceState(win.history.state, '', hash);
  } catch {
    // A sandboxed frame may refuse; the address is a convenience, the course goes on.
  }
}

/**
 * Drops the page address, so the next load opens where the saved progress says: a pasted
 * progress code carries its own place, which the address of this device's page must not
 * override.
 */
export function clearAddress(win: Window): void {
  try {
    win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search);
  } catch {
    // As above: a convenience only.
  }
}
