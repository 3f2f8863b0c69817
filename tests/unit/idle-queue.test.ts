import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../src/ui/idleQueue';

describe('work that can wait (the charts, the pivot)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does the pieces for the screen first, one per task, then the others', async () => {
    const done: string[] = [];
    whenIdle(() => done.push('later 1'));
    whenIdle(() => done.push('screen 1'), true);
    whenIdle(() => done.push('later 2'));
    whenIdle(() => done.push('screen 2'), true);
    expect(done).toEqual([]);
    await vi.runAllTimersAsync();
    expect(done).toEqual(['screen 1', 'screen 2', 'later 1', 'later 2']);
  });

  it('goes on after a piece that throws', async () => {
    const done: string[] = [];
    const errors: unknown[] = [];
    whenIdle(() => {
      throw new Error('a chart could not be drawn');
    }, true);
    whenIdle(() => done.push('next chart'), true);
    whenIdle(() => done.push('pivot'));
    // The error still reaches the page's error handler; the queue does not stop with it.
    for (let i = 0; i < 10 && done.length < 2; i++) {
      try {
        await vi.advanceTimersToNextTimerAsync();
      } catch (e) {
        errors.push(e);
      }
    }
    expect(errors).toHaveLength(1);
    expect(done).toEqual(['next chart', 'pivot']);
  });

  it('runs nothing taken back, and a piece for the screen never waits behind an idle one', async () => {
    const done: string[] = [];
    whenIdle(() => done.push('later'));
    const undo = whenIdle(() => done.push('taken back'), true);
    undo();
    whenIdle(() => done.push('screen'), true);
    await vi.runAllTimersAsync();
    expect(done).toEqual(['screen', 'later']);
  });
});
