/** Which view is shown; kept in the URL hash so a reload (F5) stays on the same view. */
export const VIEWS = ['import', 'ledger', 'dashboard', 'summary', 'report', 'data'] as const;
export type View = (typeof VIEWS)[number];

function fromHash(hash: string): View | null {
  const v = hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(v) ? (v as View) : null;
}

class Navigation {
  view = $state<View>(fromHash(location.hash) ?? 'dashboard');

  constructor() {
    window.addEventListener('hashchange', () => {
      const v = fromHash(location.hash);
      if (v) this.view = v;
    });
  }

  go(view: View): void {
    this.view = view;
    // At once, though it takes 2 ms on file://: a reload right after must open this view.
    if (location.hash !== `#${view}`) history.replaceState(null, '', `#${view}`);
  }
}

export const nav = new Navigation();
