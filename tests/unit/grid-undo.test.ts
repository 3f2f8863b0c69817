import { describe, expect, it } from 'vitest';
import { jumpCell, moveCell } from '../../src/core/grid/selection';
import { UndoStack } from '../../src/core/grid/undo';

describe('UndoStack', () => {
  it('undoes and redoes in order, and a new command drops the redo side', () => {
    const s = new UndoStack<string>();
    expect(s.undo()).toBeUndefined();
    s.push('a');
    s.push('b');
    expect(s.undo()).toBe('b');
    expect(s.canRedo).toBe(true);
    expect(s.redo()).toBe('b');
    expect(s.undo()).toBe('b');
    s.push('c');
    expect(s.canRedo).toBe(false);
    expect(s.undo()).toBe('c');
    expect(s.undo()).toBe('a');
    expect(s.canUndo).toBe(false);
  });

  it('keeps at most its limit', () => {
    const s = new UndoStack<number>(3);
    for (let i = 1; i <= 5; i++) s.push(i);
    expect([s.undo(), s.undo(), s.undo(), s.undo()]).toEqual([5, 4, 3, undefined]);
  });
});

describe('selection moves', () => {
  // A 5×3 sheet; X = filled.
  const sheet = ['XX.', 'X..', 'X.X', '...', 'X..'];
  const blank = (r: number, c: number) => sheet[r]?.[c] !== 'X';
  const cases: [string, [number, number], 'up' | 'down' | 'left' | 'right', [number, number]][] = [
    ['down through a block to its end', [0, 0], 'down', [2, 0]],
    ['down from the end of a block to the next filled cell', [2, 0], 'down', [4, 0]],
    ['down from the last filled cell to the edge', [4, 0], 'down', [4, 0]],
    ['down over blanks to the edge', [0, 1], 'down', [4, 1]],
    ['right to the end of a block', [0, 0], 'right', [0, 1]],
    ['right over a blank to the next filled cell', [2, 0], 'right', [2, 2]],
    ['up to the top', [3, 1], 'up', [0, 1]],
  ];
  it.each(cases)('Ctrl+arrow: %s', (_name, [row, col], dir, [er, ec]) => {
    expect(jumpCell({ row, col }, dir, 5, 3, blank)).toEqual({ row: er, col: ec });
  });

  it('arrows stop at the edges', () => {
    expect(moveCell({ row: 0, col: 0 }, 'up', 5, 3)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 4, col: 2 }, 'right', 5, 3)).toEqual({ row: 4, col: 2 });
    expect(moveCell({ row: 1, col: 1 }, 'down', 5, 3, 10)).toEqual({ row: 4, col: 1 });
  });
});
