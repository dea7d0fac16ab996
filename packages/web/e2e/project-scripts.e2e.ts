import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './support/app-server';

describe('project scripts', () => {
  it('run turbo with its telemetry off even when the caller did not opt out', () => {
    const env = { ...process.env };
    for (const name of ['TURBO_TELEMETRY_DISABLED', 'DO_NOT_TRACK', 'TURBO_NO_UPDATE_NOTIFIER']) delete env[name];
    const status = spawnSync(process.execPath, ['scripts/pnpm.mjs', 'exec', 'turbo', 'telemetry', 'status'], { cwd: root, env, encoding: 'utf8' });
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('You have opted-out of Turborepo anonymous telemetry');
    expect(status.stdout).not.toContain('Status: Enabled');
  }, 60_000);

  it('start turbo only through scripts/pnpm.mjs (npm run dev, build, bench, start, test)', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const [name, command] of Object.entries(scripts)) {
      expect([name, command]).toEqual([name, expect.stringMatching(/^node scripts\/(pnpm|start|test)\.mjs\b/)]);
    }
    const bench = readFileSync(path.join(root, 'bench/src/run.mjs'), 'utf8');
    for (const call of bench.match(/.*'turbo'.*/g) ?? []) expect(call).toContain("'scripts/pnpm.mjs'");
  });
});
