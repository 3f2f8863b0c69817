/**
 * Run `f` in a task once the next frame is on the screen: a task posted from an animation frame runs
 * after that frame is drawn. A page in the background draws no frames, hence the timeout.
 */
export function afterFrame(f: () => void, timeout = 100): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    f();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, timeout);
}
