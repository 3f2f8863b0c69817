/** Undo and redo of grid commands, Excel's way: a new command after an undo drops what could be redone. */
export class UndoStack<T> {
  private done: T[] = [];
  private undone: T[] = [];

  constructor(private readonly limit = 200) {}

  push(command: T): void {
    this.done.push(command);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The command to undo, moved to the redo side; undefined when there is none. */
  undo(): T | undefined {
    const c = this.done.pop();
    if (c !== undefined) this.undone.push(c);
    return c;
  }

  redo(): T | undefined {
    const c = this.undone.pop();
    if (c !== undefined) this.done.push(c);
    return c;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
