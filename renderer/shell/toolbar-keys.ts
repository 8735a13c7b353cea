// Keyboard behaviour of an ARIA toolbar: one Tab stop, arrow keys (and Home/End) move
// between its enabled buttons, and the button last used keeps the Tab stop.

/** Makes `toolbar`'s buttons a single Tab stop with arrow-key movement. */
export function installToolbarKeys(toolbar: HTMLElement): void {
  const buttons = () => [...toolbar.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled && !b.hidden);
  const setStop = (stop: HTMLButtonElement | undefined) => {
    for (const b of toolbar.querySelectorAll<HTMLButtonElement>('button')) b.tabIndex = b === stop ? 0 : -1;
  };
  // Keep exactly one enabled button tabbable, also when buttons are enabled or disabled later.
  const repair = () => {
    const enabled = buttons();
    if (!enabled.some((b) => b.tabIndex === 0)) setStop(enabled[0]);
  };
  new MutationObserver(repair).observe(toolbar, { subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
  repair();

  toolbar.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLButtonElement) setStop(event.target);
  });
  toolbar.addEventListener('keydown', (event) => {
    const list = buttons();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      event.key === 'ArrowRight' ? list[(at + 1) % list.length]
      : event.key === 'ArrowLeft' ? list[(at - 1 + list.length) % list.length]
      : event.key === 'Home' ? list[0]
      : event.key === 'End' ? list[list.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
}
