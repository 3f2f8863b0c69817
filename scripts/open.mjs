// Open the built single file in the system's default browser, as a clerk's double-click would.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../dist/台账看板.html', import.meta.url));
if (!existsSync(file)) {
  console.error('dist/台账看板.html 不存在,请先运行 npm run build');
  process.exit(1);
}
const [cmd, args] =
  process.platform === 'win32'
    ? ['cmd', ['/c', 'start', '', file]]
    : process.platform === 'darwin'
      ? ['open', [file]]
      : ['xdg-open', [file]];
const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
child.on('error', () => console.log(`请用浏览器打开:${file}`));
child.unref();
console.log(file);
