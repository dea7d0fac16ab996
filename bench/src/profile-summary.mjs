// Summarises a V8 .cpuprofile (from BENCH_PROFILE=1, in bench/.logs/profiles/):
// self time by package and the hottest functions.
// Usage: node bench/src/profile-summary.mjs <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Each sample names the node running then; the gaps between samples are its time.
const selfMicros = new Map();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

/** node_modules/.pnpm/<name>@<version>/node_modules/<pkg>/... -> pkg; our own code -> its workspace folder. */
function owner(url) {
  if (!url) return '(native: syscalls, C++ bindings)';
  const nm = url.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node core';
  const ws = url.match(/\/(packages\/[^/]+)\//);
  return ws ? ws[1] : url;
}

const byPackage = new Map();
const byFunction = new Map();
let total = 0;
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (!micros) continue;
  total += micros;
  const { functionName, url, lineNumber } = node.callFrame;
  const pkg = ['(idle)', '(program)', '(garbage collector)'].includes(functionName) ? functionName : owner(url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
  if (functionName === '(idle)') continue;
  const key = `${functionName || '(anonymous)'}  ${url.replace(/.*node_modules\//, '')}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
}

const busy = total - (byPackage.get('(idle)') ?? 0);
const pct = (m) => `${((100 * m) / busy).toFixed(1).padStart(5)} %`;
const print = (title, map, n) => {
  console.log(`\n${title} (share of non-idle CPU, ${(busy / 1e6).toFixed(1)} s)`);
  [...map].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, m]) => console.log(`${pct(m)}  ${k}`));
};
print('Self time by package', byPackage, 20);
print('Hottest functions', byFunction, Number(top));
