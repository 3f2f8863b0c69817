/**
 * Hooks for `npm run bench`, installed only when the page is opened with `?bench`: the benchmark
 * measures in the page what no user action can show (SheetJS alone, in the same kind of worker).
 */
import { LedgerFileReader } from '../adapters/reader';

interface BenchHook {
  parse(bytes: Uint8Array): Promise<number>;
}

export function installBenchHook(): void {
  if (!/[?&]bench\b/.test(location.search)) return;
  const hook: BenchHook = {
    async parse(bytes) {
      const reader = new LedgerFileReader();
      try {
        return await reader.timeParse(bytes);
      } finally {
        reader.dispose();
      }
    },
  };
  (window as unknown as { __ledgerBench: BenchHook }).__ledgerBench = hook;
}
