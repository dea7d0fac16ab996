// `pnpm bench:web`: how much JavaScript the web app's first screens load, from
// the existing build (run `turbo run build` first; this builds nothing).
// Writes bench/results/web-bundle.json and merges `web initial JS gzip` into
// bench/results/summary.json. See bench/README.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { mergeSummary } from './summary.mjs';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.resolve(benchDir, '../packages/web');
const dist = path.join(web, 'dist');

const TARGET_KB = 250;

/**
 * Chunks loaded lazily that the first render waits for (src/main.tsx renders once
 * i18next has them): English, the fallback of every language, so always. A
 * Japanese session loads ja.json too; that is reported beside, not counted.
 */
const STARTUP = ['src/app/i18n/locales/en.json'];
const OTHER_LOCALES = ['src/app/i18n/locales/ja.json'];

/**
 * The screens a visitor can land on first, by the module that draws them. A
 * page loaded lazily (React.lazy in src/app/router.tsx) is a chunk of its own
 * that its first visit loads on top of the entry.
 */
const FIRST_SCREENS = {
  'sign-in': 'src/features/auth/SignInPage.tsx',
  customers: 'src/features/customers/CustomersPage.tsx',
};

/** Sizes of one built file: bytes as served, and gzipped at Node zlib's default level (6); 1 kB = 1,000 bytes. */
function sizeOf(file) {
  const bytes = readFileSync(path.join(dist, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes).length };
}

const kB = (bytes) => Math.round(bytes / 100) / 10;

function total(files) {
  return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

/** The entry script and the chunks index.html preloads for it (Vite lists every static import as a modulepreload link). */
function entryFiles(html) {
  const entry = [...html.matchAll(/<script type="module"[^>]*\ssrc="\/([^"]+)"/g)].map((m) => m[1]);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="\/([^"]+)"/g)].map((m) => m[1]);
  if (entry.length !== 1) throw new Error(`expected one module script in dist/index.html, found ${entry.length}`);
  return [...entry, ...preloaded];
}

/** A chunk and every chunk it imports statically, from Vite's manifest (dist/.vite/manifest.json, build.manifest). */
function staticClosure(manifest, key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function main() {
  const htmlFile = path.join(dist, 'index.html');
  const manifestFile = path.join(dist, '.vite/manifest.json');
  if (!existsSync(htmlFile) || !existsSync(manifestFile)) {
    throw new Error('packages/web/dist has no index.html or .vite/manifest.json: run `turbo run build` first');
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const entry = entryFiles(readFileSync(htmlFile, 'utf8')).map(sizeOf);
  const entrySet = new Set(entry.map((f) => f.file));
  const ownFiles = (source) => [...staticClosure(manifest, source)].filter((file) => !entrySet.has(file));
  const startup = STARTUP.flatMap((source) => {
    if (!manifest[source]) throw new Error(`${source} is not a chunk of the build: update STARTUP`);
    return ownFiles(source);
  });
  const startupSet = new Set(startup);
  const startupFiles = startup.map(sizeOf);

  const screens = Object.fromEntries(
    Object.entries(FIRST_SCREENS).map(([name, source]) => {
      if (!existsSync(path.join(web, source))) throw new Error(`${source} (screen ${name}) does not exist: update FIRST_SCREENS`);
      // A page imported statically has no manifest entry of its own: it is part of the entry's files.
      const own = ownFiles(source).filter((file) => !startupSet.has(file)).map(sizeOf);
      const all = total([...entry, ...startupFiles, ...own]);
      return [name, { source, lazyFiles: own, lazyGzip: total(own).gzip, totalBytes: all.bytes, totalGzip: all.gzip }];
    }),
  );

  const loadedFirst = new Set([...entrySet, ...startupSet, ...Object.values(screens).flatMap((s) => s.lazyFiles.map((f) => f.file))]);
  const later = Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith('.js') && !loadedFirst.has(chunk.file))
    .map((chunk) => sizeOf(chunk.file))
    .sort((a, b) => b.gzip - a.gzip);
  const otherLocales = OTHER_LOCALES.flatMap((source) => ownFiles(source)).map(sizeOf);
  const css = [...new Set(Object.values(manifest).flatMap((chunk) => chunk.css ?? []))].map(sizeOf);

  // The heaviest first screen: a visitor lands on one of them, and must not wait for more than the target.
  const initialGzip = Math.max(...Object.values(screens).map((s) => s.totalGzip));
  const report = {
    date: new Date().toISOString(),
    note: "gzip at Node zlib's default level (6), 1 kB = 1,000 bytes; initial = entry + preloaded chunks + the English locale + the heaviest first screen's own chunks",
    entryGzipKb: kB(total(entry).gzip),
    initialGzipKb: kB(initialGzip),
    targetKb: TARGET_KB,
    entry: { files: entry, ...total(entry) },
    startup: { files: startupFiles, ...total(startupFiles) },
    otherLocales: { files: otherLocales, ...total(otherLocales) },
    firstScreens: screens,
    lazy: { files: later, ...total(later) },
    css: { files: css, ...total(css) },
  };
  writeFileSync(path.join(benchDir, 'results/web-bundle.json'), `${JSON.stringify(report, null, 2)}\n`);
  mergeSummary([{ name: 'web initial JS gzip', value: kB(initialGzip), unit: 'kB', target: `<= ${TARGET_KB}`, met: kB(initialGzip) <= TARGET_KB }]);

  const row = (label, bytes, gzip) => console.log(`${label.padEnd(48)} ${String(kB(bytes)).padStart(8)} kB ${String(kB(gzip)).padStart(8)} kB gzip`);
  for (const f of entry) row(`entry  ${f.file}`, f.bytes, f.gzip);
  row('entry total', report.entry.bytes, report.entry.gzip);
  for (const f of startupFiles) row(`startup  ${f.file}`, f.bytes, f.gzip);
  for (const [name, s] of Object.entries(screens)) {
    for (const f of s.lazyFiles) row(`${name}  ${f.file}`, f.bytes, f.gzip);
    row(`${name}: entry + startup + own chunks`, s.totalBytes, s.totalGzip);
  }
  row('Japanese sessions also load', report.otherLocales.bytes, report.otherLocales.gzip);
  row(`loaded later (${later.length} chunks)`, report.lazy.bytes, report.lazy.gzip);
  row('CSS (all, up front; not counted)', report.css.bytes, report.css.gzip);
  console.log(`web initial JS gzip: ${report.initialGzipKb} kB (target <= ${TARGET_KB}) ${report.initialGzipKb <= TARGET_KB ? 'met' : 'NOT met'}`);
  console.log('wrote bench/results/web-bundle.json and summary.json');
}

main();
