// Files for `pnpm bench:import`: customers with 10 detail fields, generated
// from a fixed seed and streamed to disk (never held whole in memory), once
// as the CSV a help desk would upload, as the COPY input of the same rows as
// our API stores them (for the physical-limit baseline), and as the JSON rows
// a partner tool sends to importCustomers.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseDetailCsv } from '@cp/shared';
import { DOMAINS, FIRST, LAST, ORG_A, ORG_B } from './db.mjs';
import { WORDS } from './details.mjs';

/** The 10 customer fields, one of each type and two TEXT; `cell(random, i)` is a valid cell for customer i. */
export const IMPORT_FIELDS = [
  { label: 'Notes', type: 'TEXT', cell: (r) => `${cap(pick(r, WORDS))} ${pick(r, WORDS)} ${pick(r, WORDS)} #${int(r, 1000)}` },
  { label: 'Seats', type: 'NUMBER', cell: (r) => (r() < 0.5 ? String(1 + int(r, 5000)) : (int(r, 10_000_000) / 100).toFixed(2)) },
  { label: 'Contract start', type: 'DATE', cell: (r) => new Date(Date.UTC(2018, 0, 1 + int(r, 3000))).toISOString().slice(0, 10) },
  { label: 'Plan', type: 'SELECT', options: ['Free', 'Starter', 'Team', 'Business', 'Enterprise'], cell: (r, _i, f) => pick(r, f.options) },
  { label: 'Products', type: 'MULTI_SELECT', options: ['Analytics', 'Messaging', 'Voice', 'Automation', 'Reporting'],
    cell: (r, _i, f) => { const mask = 1 + int(r, 31); return f.options.filter((_, k) => (mask >> k) & 1).join('|'); } },
  { label: 'Phone', type: 'PHONE', cell: (r) => `+1 555 ${String(int(r, 1000)).padStart(3, '0')} ${String(int(r, 10_000)).padStart(4, '0')}` },
  { label: 'Billing email', type: 'EMAIL', cell: (r, i) => `billing${i}@${pick(r, DOMAINS)}` },
  { label: 'Active', type: 'BOOLEAN', cell: (r) => (r() < 0.8 ? 'true' : 'false') },
  { label: 'Portal URL', type: 'URL', cell: (_r, i) => `https://portal.example.net/accounts/${i}` },
  { label: 'Account manager', type: 'TEXT', cell: (r) => `${pick(r, FIRST)} ${pick(r, LAST)}` },
];

/**
 * Creates IMPORT_FIELDS as customer detail fields through the API (`gql`: a
 * caller with an admin token); resolves with them as created
 * (`{ key, label, type, options }`), in IMPORT_FIELDS' order.
 */
export async function createImportFields(gql) {
  const fields = [];
  for (const spec of IMPORT_FIELDS) {
    const { createDetailField } = await gql(`mutation($input: CreateDetailFieldInput!) { createDetailField(input: $input) { key label type options } }`, {
      input: { scope: 'CUSTOMER', label: spec.label, type: spec.type, ...(spec.options ? { options: spec.options } : {}) },
    });
    fields.push(createDetailField);
  }
  return fields;
}

/** Organization names customers are spread over. */
export const ORGANIZATION_POOL = 2000;
const organization = (k) => `${ORG_A[k % ORG_A.length]} ${ORG_B[Math.floor(k / ORG_A.length) % ORG_B.length]} ${k}`;

/** mulberry32: small, fast, and the same sequence for a seed on every machine. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r, n) => Math.floor(r() * n);
const pick = (r, list) => list[int(r, list.length)];
const cap = (w) => w[0].toUpperCase() + w.slice(1);

/** A CSV cell, quoted only when it must be. */
const csvCell = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Customer i (from 1) of a seeded sequence: email (unique), display name,
 * organization, the field cells, and `details` as our API stores them (each
 * cell read by the import's own codec, parseDetailCsv). `fields` are the
 * created fields (key, label, type, options) in IMPORT_FIELDS order.
 */
function* customers(count, seed, fields) {
  const random = seeded(seed);
  for (let i = 1; i <= count; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const cells = IMPORT_FIELDS.map((spec, n) => spec.cell(random, i, fields[n]));
    const details = {};
    fields.forEach((field, n) => {
      const parsed = parseDetailCsv(field, cells[n]);
      if (!parsed.ok) throw new Error(`generated an invalid ${field.type} cell '${cells[n]}': ${JSON.stringify(parsed.problem)}`);
      details[field.key] = parsed.value;
    });
    yield {
      email: `${first}.${last}.${i}@${pick(random, DOMAINS)}`.toLowerCase(),
      displayName: `${first} ${last}`,
      organization: organization(int(random, ORGANIZATION_POOL)),
      cells,
      details,
    };
  }
}

/**
 * Writes `count` customers, streamed a megabyte at a time (waiting whenever a
 * file stream is full), to each of the files given: `csvPath` (header:
 * Email, Display name, Organization, the field labels), `copyPath` (COPY
 * CSV input for (email, display_name, details)) and `jsonPath` (one JSON
 * object a line keyed by the CSV's column names, cells as in the CSV: rows
 * for importCustomers). Resolves with `{ csvBytes, copyBytes, jsonBytes }`
 * (null for a file not asked for).
 */
export async function writeImportFiles({ count, seed, fields, csvPath, copyPath, jsonPath }) {
  const columns = ['Email', 'Display name', 'Organization', ...fields.map((f) => f.label)];
  const cellsOf = (c) => [c.email, c.displayName, c.organization, ...c.cells];
  const formats = [
    { name: 'csvBytes', path: csvPath, head: `${columns.map(csvCell).join(',')}\n`, line: (c) => `${cellsOf(c).map(csvCell).join(',')}\n` },
    { name: 'copyBytes', path: copyPath, head: '', line: (c) => `${[c.email, c.displayName, JSON.stringify(c.details)].map(csvCell).join(',')}\n` },
    { name: 'jsonBytes', path: jsonPath, head: '', line: (c) => { const cells = cellsOf(c); return `${JSON.stringify(Object.fromEntries(columns.map((column, k) => [column, cells[k]])))}\n`; } },
  ].filter((f) => f.path);
  const files = formats.map((f) => createWriteStream(f.path));
  const chunks = formats.map((f) => f.head);
  const flush = async () => {
    for (const [k, file] of files.entries()) {
      if (!file.write(chunks[k])) await once(file, 'drain');
      chunks[k] = '';
    }
  };
  for (const c of customers(count, seed, fields)) {
    formats.forEach((f, k) => (chunks[k] += f.line(c)));
    if (chunks[0].length >= 1 << 20) await flush();
  }
  await flush();
  await Promise.all(files.map((file) => new Promise((resolve, reject) => file.end((error) => (error ? reject(error) : resolve())))));
  const bytes = { csvBytes: null, copyBytes: null, jsonBytes: null };
  formats.forEach((f, k) => (bytes[f.name] = files[k].bytesWritten));
  return bytes;
}

/** The stored details of the first `count` customers of the sequence (to check what an import wrote). */
export function expectedCustomers(count, seed, fields) {
  return [...customers(count, seed, fields)].map(({ email, displayName, details }) => ({ email, displayName, details }));
}
