// The built file must run in Chromium 87 (Windows 7 offices, 360/QQ browser cores). Vite lowers
// syntax to that target but never polyfills APIs, so a library update that starts calling a newer
// API would give those clerks a blank page. This check fails the build instead.
import { readFileSync } from 'node:fs';

const NEWER_THAN_87 = {
  'structuredClone(': 98,
  'Object.hasOwn(': 93,
  '.findLast(': 97,
  '.findLastIndex(': 97,
  '.toSorted(': 110,
  '.toReversed(': 110,
  '.toSpliced(': 110,
  'AbortSignal.timeout': 103,
  'AbortSignal.any': 116,
  'Promise.withResolvers': 119,
  'Object.groupBy': 117,
  'Map.groupBy': 117,
  'crypto.randomUUID': 92,
  '.at(': 92,
  'Array.fromAsync': 121,
  'Set.prototype.union': 122,
  '.isWellFormed(': 111,
};

const html = readFileSync(new URL('../dist/台账看板.html', import.meta.url), 'utf8');
const found = Object.entries(NEWER_THAN_87).filter(([api]) => html.includes(api));
if (found.length > 0) {
  for (const [api, version] of found) console.error(`dist/台账看板.html uses ${api} (Chromium ${version}+)`);
  process.exit(1);
}
console.log(`compat: no API newer than Chromium 87 found (${(html.length / 1024).toFixed(0)} KB)`);
