// `npm test`: install, build and type-check, then every suite (unit,
// integration, browser) in one Jest run, ending with one plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareWorkspace } from './workspace.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results', 'jest.json');

try {
  prepareWorkspace(['build', 'typecheck']);
} catch (error) {
  console.error(error.message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync(path.dirname(results), { recursive: true });
rmSync(results, { force: true });
const jest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { NODE_ENV: 'test', ...process.env } },
);

let summary = { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0 };
try {
  summary = JSON.parse(readFileSync(results, 'utf8'));
} catch {
  console.error('Jest wrote no results file; counting the run as one failure.');
}
// Suites that failed to load count as failures even though they ran no test.
const brokenSuites = summary.numRuntimeErrorTestSuites ?? 0;
const failed = summary.numFailedTests + brokenSuites;
const skipped = summary.numPendingTests + summary.numTodoTests;
console.log(`${summary.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
