/** One funnel for unexpected errors: log for the developer, a Chinese toast for the clerk. */
import { t } from '../i18n/zh-CN';
import { toasts } from '../state/toasts.svelte';

export function errorMessage(e: unknown): string {
  const name = e instanceof Error ? e.name : '';
  const inner =
    e instanceof Error && 'inner' in e ? (e as { inner?: { name?: string } }).inner?.name : undefined;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return t.errors.quota;
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'MissingAPIError')
    return t.errors.storageBlocked;
  return t.errors.generic;
}

export function handleError(e: unknown): void {
  if (e instanceof DOMException && e.name === 'AbortError') return;
  console.error(e);
  toasts.error(errorMessage(e));
}
