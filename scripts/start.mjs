// `npm start`: install, build, then run the API (which also serves the web app).
// With DATABASE_URL unset the API starts an embedded PostgreSQL under DATA_DIR.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareWorkspace } from './workspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Older Node fails later with a syntax or module error; say it first, in one sentence.
const needed = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node.replace(/^>=/, '');
const older = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] < y[0] || (x[0] === y[0] && (x[1] ?? 0) < (y[1] ?? 0));
};
if (older(process.versions.node, needed)) {
  console.error(`Customer profiles needs Node ${needed} or newer and this is Node ${process.versions.node}: install Node 22 or 24 and run npm start again.`);
  process.exit(1);
}

try {
  prepareWorkspace();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const api = spawn(process.execPath, [path.join(root, 'packages/api/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
// Ctrl-C reaches the whole process group; forwarding covers a plain `kill` of this process too.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
