// Runs the pinned pnpm without a global install: corepack needs signatures this
// registry does not serve, so we go through npx (cached after the first run).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager;

/**
 * Build tools that phone home stay quiet: turbo's telemetry and update check
 * (DO_NOT_TRACK is the cross-tool convention turbo also honours) and pnpm's
 * update check. Every project script runs pnpm and turbo through here, and
 * child processes (bench, turbo tasks) inherit it.
 */
const quietTools = {
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
  npm_config_update_notifier: 'false',
};

export function pnpm(args, options = {}) {
  const result = spawnSync('npx', ['--yes', pinned, ...args], {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, COREPACK_ENABLE_STRICT: '0', ...quietTools, ...options.env },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(pnpm(process.argv.slice(2)));
}
