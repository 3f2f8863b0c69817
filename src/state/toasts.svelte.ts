/** Short messages at the bottom of the screen; errors stay until closed. */
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: { label: string; run: () => void };
}

class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  info(text: string, action?: Toast['action']): void {
    const id = this.next++;
    this.items.push(action ? { id, kind: 'info', text, action } : { id, kind: 'info', text });
    setTimeout(() => this.close(id), action ? 10_000 : 4_000);
  }

  error(text: string): void {
    this.items.push({ id: this.next++, kind: 'error', text });
  }

  close(id: number): void {
    this.items = this.items.filter((x) => x.id !== id);
  }
}

export const toasts = new Toasts();
