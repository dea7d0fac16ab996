// Two measurements per target: sequential single requests (latency with no
// queueing) and autocannon under concurrent load (throughput). Both bounded
// by count and time.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** One POST over a kept-alive socket; resolves with status and body text. */
export function post(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

export function percentiles(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (p) => (sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]) : null);
  return { p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

const round = (ms) => Math.round(ms * 100) / 100;

/**
 * `count` requests one after another (after up to 10 warm-ups), each phase
 * stopping early at `maxSeconds`. A request that fails or times out counts
 * as an error, with the time it took as its latency.
 */
export async function sequentialLatency(target, { count, maxSeconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const attempt = async () => {
    const start = performance.now();
    const ok = await post(agent, target.url, target.headers, target.body).then((res) => target.ok(res.status, res.text), () => false);
    return { ms: performance.now() - start, ok };
  };
  try {
    const warmUntil = performance.now() + maxSeconds * 1000;
    for (let i = 0; i < 10 && performance.now() < warmUntil; i++) await attempt();
    const samples = [];
    let errors = 0;
    const deadline = performance.now() + maxSeconds * 1000;
    while (samples.length < count && performance.now() < deadline) {
      const { ms, ok } = await attempt();
      samples.push(ms);
      if (!ok) errors++;
    }
    return { requests: samples.length, errors, ...percentiles(samples) };
  } finally {
    agent.destroy();
  }
}

/**
 * Waits until `target` answers a request within `withinMs` again (at most
 * `maxSeconds`): after load that outran a server, its backlog (requests
 * autocannon gave up on, still queued for the database) must not be charged
 * to the next measurement. Resolves with the seconds waited.
 */
export async function settle(target, { withinMs = 1000, maxSeconds = 90 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  try {
    while (performance.now() - started < maxSeconds * 1000) {
      const start = performance.now();
      const ok = await post(agent, target.url, target.headers, target.body).then((res) => res.status === 200, () => false);
      if (ok && performance.now() - start < withinMs) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    return Math.round((performance.now() - started) / 100) / 10;
  } finally {
    agent.destroy();
  }
}

/** CPU seconds used so far by a process (user + system), from /proc. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz on Linux)
  } catch {
    return NaN;
  }
}

function runAutocannon(target, { connections, duration }, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: target.headers,
        body: target.body,
        connections,
        duration,
        timeout: 10,
        // Counted as "mismatches": a 200 carrying GraphQL errors is a failure too.
        verifyBody: (body) => target.ok(200, body),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on('response', (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

/** A short unrecorded warm-up, then `duration` seconds at `connections` concurrent connections. */
export async function throughput(target, { connections, duration, warmup, pid }) {
  if (warmup > 0) await runAutocannon(target, { connections, duration: warmup });
  const samples = [];
  const cpuBefore = cpuSeconds(pid);
  const result = await runAutocannon(target, { connections, duration }, (ms) => samples.push(ms));
  const cpuUsed = cpuSeconds(pid) - cpuBefore;
  const seconds = result.duration;
  return {
    reqPerSec: Math.round(result.requests.total / seconds),
    requests: result.requests.total,
    seconds: round(seconds),
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    latency: percentiles(samples),
    // Share of one core the server process used: 1.0 = one core saturated (Node runs JS on one).
    serverCpuCores: Number.isFinite(cpuUsed) ? round(cpuUsed / seconds) : null,
  };
}

/**
 * A page that sends several GraphQL requests at once (as a browser does,
 * up to 6 sockets): `count` times (after a few warm-ups), the ms from sending
 * the first request until the last answer, stopping early at `maxSeconds`.
 * `requests`: [{ url, headers, body, ok }]. Resolves with the percentiles
 * and the number of answers `ok` refused.
 */
export async function pageLatency(requests, { count, maxSeconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  const load = () => Promise.all(requests.map((r) => post(agent, r.url, r.headers, r.body).then((res) => r.ok(res.status, res.text))));
  try {
    for (let i = 0; i < 5; i++) await load();
    const samples = [];
    let errors = 0;
    const deadline = performance.now() + maxSeconds * 1000;
    while (samples.length < count && performance.now() < deadline) {
      const start = performance.now();
      const oks = await load();
      samples.push(performance.now() - start);
      errors += oks.filter((ok) => !ok).length;
    }
    return { requests: samples.length, errors, ...percentiles(samples) };
  } finally {
    agent.destroy();
  }
}
