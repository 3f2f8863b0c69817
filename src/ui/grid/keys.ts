/**
 * The grid's keys, as Excel and WPS use them. Pure mapping from a key press to what it means; the
 * grid carries the action out. Keys that mean nothing here (letters, Ctrl+C/V/X) return null and
 * keep their browser behaviour: typing goes into the hidden text field, copy and paste fire their
 * clipboard events.
 */
import type { Direction } from '../../core/grid/selection';

export type KeyAction =
  | { kind: 'move'; dir: Direction; extend: boolean; jump: boolean }
  | { kind: 'page'; dir: 'up' | 'down'; extend: boolean }
  | { kind: 'home' | 'end'; extend: boolean; sheet: boolean }
  | { kind: 'tab'; back: boolean }
  | { kind: 'enter'; back: boolean }
  | { kind: 'edit' }
  | { kind: 'escape' }
  | { kind: 'clear' }
  | { kind: 'backspace' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'selectAll' }
  | { kind: 'deleteRows' }
  /** While editing: store the cell, then move (or stay). */
  | { kind: 'commit'; then: Direction | null }
  | { kind: 'cancel' }
  | { kind: 'newline' }
  | { kind: 'toggleMode' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const ARROWS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** A key pressed on a selected cell, not editing. */
export function navigationKey(e: KeyLike): KeyAction | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const extend = e.shiftKey;
  const dir = ARROWS[e.key];
  if (dir) return { kind: 'move', dir, extend, jump: ctrl };
  if (ctrl) {
    switch (e.key.toLowerCase()) {
      case 'z':
        return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
      case 'y':
        return { kind: 'redo' };
      case 'a':
        return { kind: 'selectAll' };
      case '-':
        return { kind: 'deleteRows' };
    }
  }
  switch (e.key) {
    case 'PageUp':
      return { kind: 'page', dir: 'up', extend };
    case 'PageDown':
      return { kind: 'page', dir: 'down', extend };
    case 'Home':
      return { kind: 'home', extend, sheet: ctrl };
    case 'End':
      return { kind: 'end', extend, sheet: ctrl };
    case 'Tab':
      return { kind: 'tab', back: e.shiftKey };
    case 'Enter':
      return ctrl || e.altKey ? null : { kind: 'enter', back: e.shiftKey };
    case 'F2':
      return { kind: 'edit' };
    case 'Escape':
      return { kind: 'escape' };
    case 'Delete':
      return { kind: 'clear' };
    case 'Backspace':
      return { kind: 'backspace' };
  }
  return null;
}

/**
 * A key pressed while editing a cell. Started by typing ('enter' mode) the arrows store the cell and
 * move, as in Excel; started by F2 or a double click ('edit' mode) they move the caret.
 */
export function editingKey(e: KeyLike, mode: 'enter' | 'edit'): KeyAction | null {
  switch (e.key) {
    case 'Enter':
      if (e.altKey) return { kind: 'newline' };
      return { kind: 'commit', then: e.shiftKey ? 'up' : 'down' };
    case 'Tab':
      return { kind: 'commit', then: e.shiftKey ? 'left' : 'right' };
    case 'Escape':
      return { kind: 'cancel' };
    case 'F2':
      return { kind: 'toggleMode' };
  }
  const dir = ARROWS[e.key];
  if (dir && mode === 'enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey)
    return { kind: 'commit', then: dir };
  return null;
}
