/**
 * Work that can wait (charts scrolled away), done one piece per idle moment: each piece is a task
 * of its own, so the page stays quick to answer while it catches up, and it does catch up (a chart
 * far down is drawn a moment later, not only when scrolled to, so a printout or a picture of the
 * page has it).
 */
type Job = () => void;

const queue: Job[] = [];
let scheduled = false;

const later: (f: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (f) => requestIdleCallback(f, { timeout: 500 })
    : (f) => setTimeout(f, 16);

function runOne(): void {
  scheduled = false;
  const job = queue.shift();
  job?.();
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  later(runOne);
}

/** Run `job` in an idle moment; the returned function takes it back if it has not run yet. */
export function whenIdle(job: Job): () => void {
  queue.push(job);
  schedule();
  return () => {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
  };
}
