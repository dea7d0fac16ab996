// Steps shared by `npm start` and `npm test`: install exactly the locked
// dependencies, then build every package (turbo skips what has not changed).
import { pnpm } from './pnpm.mjs';

export function prepareWorkspace(tasks = ['build']) {
  if (pnpm(['install', '--frozen-lockfile', '--reporter=append-only']) !== 0) {
    throw new Error('pnpm install failed (see above)');
  }
  if (pnpm(['exec', 'turbo', 'run', ...tasks, '--output-logs=errors-only']) !== 0) {
    throw new Error(`turbo run ${tasks.join(' ')} failed (see above)`);
  }
}
