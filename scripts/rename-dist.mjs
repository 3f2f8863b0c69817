// Vite names the page index.html; a clerk should see a name they recognise on their desktop.
import { renameSync, readdirSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
renameSync(new URL('index.html', dist), new URL('台账看板.html', dist));
const files = readdirSync(dist);
if (files.length !== 1) {
  console.error(`dist/ 应只有一个文件,实际有:${files.join(', ')}`);
  process.exit(1);
}
console.log(`dist/台账看板.html`);
