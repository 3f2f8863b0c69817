/** Cells, ranges and moves of the grid's selection, as Excel moves them. */

export interface Cell {
  row: number;
  col: number;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

const DELTA: Record<Direction, [number, number]> = {
  up: [-1, 0],
  down: [1, 0],
  left: [0, -1],
  right: [0, 1],
};

export function rangeOf(a: Cell, b: Cell): Range {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function inRange(r: Range, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function clampCell(c: Cell, rows: number, cols: number): Cell {
  return {
    row: Math.max(0, Math.min(rows - 1, c.row)),
    col: Math.max(0, Math.min(cols - 1, c.col)),
  };
}

export function moveCell(c: Cell, dir: Direction, rows: number, cols: number, step = 1): Cell {
  const [dr, dc] = DELTA[dir];
  return clampCell({ row: c.row + dr * step, col: c.col + dc * step }, rows, cols);
}

/**
 * Ctrl+arrow: from inside a block of filled cells, to its last filled cell; otherwise on to the next
 * filled cell, or to the edge of the sheet when there is none.
 */
export function jumpCell(
  c: Cell,
  dir: Direction,
  rows: number,
  cols: number,
  isBlank: (row: number, col: number) => boolean,
): Cell {
  const [dr, dc] = DELTA[dir];
  const inside = (r: number, k: number) => r >= 0 && r < rows && k >= 0 && k < cols;
  let r = c.row;
  let k = c.col;
  if (!inside(r + dr, k + dc)) return c;
  if (!isBlank(r, k) && !isBlank(r + dr, k + dc)) {
    while (inside(r + dr, k + dc) && !isBlank(r + dr, k + dc)) {
      r += dr;
      k += dc;
    }
  } else {
    r += dr;
    k += dc;
    while (inside(r + dr, k + dc) && isBlank(r, k)) {
      r += dr;
      k += dc;
    }
  }
  return { row: r, col: k };
}
