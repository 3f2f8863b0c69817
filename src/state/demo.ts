/** Loading and removing the 示例 data: one click each. */
import { buildDemo } from '../core/demo';
import { ledgerDb } from '../db/database';
import { addDemo, removeDemo } from '../db/repository';
import { t } from '../i18n/zh-CN';
import { handleError } from '../lib/errors';
import { toasts } from './toasts.svelte';

export async function loadDemo(): Promise<void> {
  try {
    const records = buildDemo();
    const id = await addDemo(ledgerDb(), records, new Date());
    toasts.info(id === null ? t.demo.already : t.demo.loaded(records.length));
  } catch (e) {
    handleError(e);
  }
}

export async function unloadDemo(): Promise<void> {
  try {
    await removeDemo(ledgerDb());
    toasts.info(t.demo.removed);
  } catch (e) {
    handleError(e);
  }
}
