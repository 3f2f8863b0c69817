/**
 * Work that can wait a moment (the charts, the pivot), done one piece per task: the page stays quick
 * to answer while it catches up, and it does catch up (a chart far down is drawn a moment later,
 * not only when scrolled to, so a printout or a picture of the page has it). Pieces for what is on
 * screen go first, in the next task; the others in idle moments.
 */
import { afterFrame } from '../lib/afterFrame';

type Job = () => void;

const queue: { job: Job; soon: boolean }[] = [];
/** The one runner waiting for its task; a sooner one replaces it (its token then no longer matches). */
let scheduled: { kind: 'soon' | 'idle'; token: number } | null = null;
let tokens = 0;

const idle: (f: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (f) => requestIdleCallback(f, { timeout: 500 })
    : (f) => setTimeout(f, 16);

function runOne(token: number): void {
  if (scheduled?.token !== token) return;
  const kind = scheduled.kind;
  scheduled = null;
  const next = queue[0];
  // A slot for the screen whose piece was taken back leaves the rest to an idle moment.
  if (!next || (kind === 'soon' && !next.soon)) {
    schedule(true);
    return;
  }
  queue.shift();
  try {
    next.job();
  } finally {
    // A piece that throws does not stop the others.
    schedule(true);
  }
}

/**
 * `running`: called after a piece of work. Pieces for the screen follow each other task after
 * task; the first of a new burst waits for the frame being made (a view just shown, an edit), so
 * the page shows its figures before the charts are drawn, not a few charts later.
 */
function schedule(running = false): void {
  const next = queue[0];
  if (!next || (scheduled && (scheduled.kind === 'soon' || !next.soon))) return;
  const token = ++tokens;
  scheduled = { kind: next.soon ? 'soon' : 'idle', token };
  const run = () => runOne(token);
  if (!next.soon) idle(run);
  else if (running) setTimeout(run, 0);
  else afterFrame(run);
}

/**
 * Run `job` in a task of its own: `soon` (on screen) in the next one, ahead of the rest; else in an
 * idle moment. The returned function takes it back if it has not run yet.
 */
export function whenIdle(job: Job, soon = false): () => void {
  const entry = { job, soon };
  if (soon) {
    const firstLater = queue.findIndex((e) => !e.soon);
    queue.splice(firstLater < 0 ? queue.length : firstLater, 0, entry);
  } else queue.push(entry);
  schedule();
  return () => {
    const i = queue.indexOf(entry);
    if (i >= 0) queue.splice(i, 1);
  };
}
