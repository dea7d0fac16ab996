import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results/summary.json');

/**
 * Replaces these entries (by name) in bench/results/summary.json, keeping the
 * others; creates the file if absent. Entries: `{ name, value, unit, target, met }`,
 * target as text such as "<= 250".
 */
export function mergeSummary(entries) {
  const kept = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).filter((e) => !entries.some((n) => n.name === e.name)) : [];
  writeFileSync(file, `${JSON.stringify([...kept, ...entries], null, 2)}\n`);
}
