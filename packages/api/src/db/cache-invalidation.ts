import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Logger } from '../logger';

/** The channel the triggers of migration NotifyCacheChanges1764500200000 notify on. */
export const CACHE_CHANNEL = 'cp_cache';

/** What a notice names: viewers (sessions, API tokens, agents, teams) or detail field definitions with their permissions. */
export type CacheTopic = 'viewers' | 'fields';

const TOPICS: readonly CacheTopic[] = ['viewers', 'fields'];
/** The application name of every process's listening connection: a barrier counts them in pg_stat_activity. */
const LISTENER_NAME = 'customer-profiles cache';
/** A barrier's notice carries this prefix, then a random id; each listener answers it with ACK and the same id. */
const BARRIER = 'barrier:';
const ACK = 'ack:';
const RECONNECT_MS = 1_000;
/** A barrier whose answers are missing after this long gives up waiting (a listener that is connecting, or stuck). */
const BARRIER_TIMEOUT_MS = 1_000;

interface PendingBarrier {
  answers: number;
  /** How many listeners were connected when the barrier was sent: all of them answer. */
  expected: number;
  done: () => void;
}

/**
 * Keeps the caches of this API process honest across processes: one
 * dedicated PostgreSQL connection LISTENs on `cp_cache`, where triggers
 * announce, from inside the writing transaction (so only on commit), every
 * change to what a cache holds; a notice drops that topic's caches. While
 * the connection is down, notices may be lost, so caches serve nothing
 * (`active` is false) and are dropped again once listening resumes.
 */
export class CacheInvalidation {
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly droppers: Array<{ topic: CacheTopic; drop: () => void }> = [];
  private readonly barriers = new Map<string, PendingBarrier>();

  constructor(
    /** The database URL of the app's pool. */
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  /** True while notices are being heard: only then may a cache answer from memory. */
  get active(): boolean {
    return this.listening;
  }

  /** Calls `drop` on every notice of `topic`, and whenever listening starts or stops. */
  onDrop(topic: CacheTopic, drop: () => void): void {
    this.droppers.push({ topic, drop });
  }

  /**
   * Connects and LISTENs. A failure is logged and retried every second; the
   * app serves meanwhile, uncached.
   */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  /**
   * Resolves once every API process listening on this database (counted in
   * pg_stat_activity) has heard every notice committed before the call:
   * each listener answers the barrier's own notice, and PostgreSQL delivers
   * notices to a listener in commit order. Called after a mutation, so the
   * client's next request, to any process, already sees its change (a
   * revoked token, a narrowed field). Costs one statement, and gives up
   * after a second (logged) when an answer is missing; resolves at once
   * when this process is not listening (its caches are off then).
   */
  async barrier(send: (sql: string, params: unknown[]) => Promise<Array<{ listeners: number }>>): Promise<void> {
    if (!this.listening) return;
    const id = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    const pending: PendingBarrier = { answers: 0, expected: Infinity, done: () => undefined };
    const answered = new Promise<boolean>((resolve) => {
      pending.done = () => resolve(true);
      timer = setTimeout(() => resolve(false), BARRIER_TIMEOUT_MS);
    });
    this.barriers.set(id, pending);
    try {
      const [{ listeners }] = await send(
        `SELECT pg_notify($1, $2), (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND application_name = $3) AS listeners`,
        [CACHE_CHANNEL, BARRIER + id, LISTENER_NAME],
      );
      pending.expected = listeners;
      if (pending.answers >= pending.expected) pending.done();
      if (!(await answered)) this.logger.warn({ answers: pending.answers, listeners }, 'cache barrier: not every API process answered within a second');
    } finally {
      clearTimeout(timer);
      this.barriers.delete(id);
    }
  }

  /** Stops listening for good (the caches stay off). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.lost();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: LISTENER_NAME, keepAlive: true });
    client.on('notification', (message) => this.heard(message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'cache listener connection failed; caches are off until it is back');
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (error) {
      this.logger.warn({ err: error }, 'cannot listen for cache changes; serving uncached');
      this.reconnect(client);
      return;
    }
    if (this.client !== client) return;
    // Whatever changed while nobody listened is unknown: start empty.
    this.dropAll();
    this.listening = true;
  }

  private reconnect(client: Client): void {
    if (this.client !== client) return;
    this.lost();
    void client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) void this.connect();
    }, RECONNECT_MS);
  }

  private lost(): void {
    this.client = null;
    this.listening = false;
    this.dropAll();
    for (const pending of this.barriers.values()) pending.done();
  }

  private heard(payload: string): void {
    if (payload.startsWith(BARRIER)) {
      // Every notice before it has been handled (they arrive in commit order): say so. A failed answer means
      // this connection broke: its error handler reconnects, and the barrier stops waiting after its timeout.
      this.client?.query(`SELECT pg_notify($1, $2)`, [CACHE_CHANNEL, ACK + payload.slice(BARRIER.length)]).catch(() => undefined);
      return;
    }
    if (payload.startsWith(ACK)) {
      const pending = this.barriers.get(payload.slice(ACK.length));
      if (pending && ++pending.answers >= pending.expected) pending.done();
      return;
    }
    // An unknown topic (a newer process's) drops everything: safe either way.
    const topic = TOPICS.find((t) => t === payload);
    for (const dropper of this.droppers) if (!topic || dropper.topic === topic) dropper.drop();
  }

  private dropAll(): void {
    for (const dropper of this.droppers) dropper.drop();
  }
}

/**
 * A bounded in-process cache of one topic: entries live at most `ttlMs` (a
 * safety net; notices are what keep it right), at most `maxEntries` of them
 * (the oldest go first), and only while `invalidation` is listening. A value
 * read while a notice of its topic arrived is not kept: it may predate the change.
 */
export class SharedCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  /** Bumped by every drop, so a read that began before one does not store what it read. */
  private generation = 0;

  constructor(
    private readonly invalidation: CacheInvalidation,
    topic: CacheTopic,
    private readonly options: { ttlMs: number; maxEntries: number },
  ) {
    invalidation.onDrop(topic, () => this.drop());
  }

  /**
   * The value of `key`: from memory while fresh, else `load`ed (and kept,
   * unless it is null, which is never cached). `expiresAt` (ms since the
   * epoch) may end an entry before the TTL, as a session's expiry does.
   */
  async get(key: string, load: () => Promise<V | null>, expiresAt?: (value: V) => number): Promise<V | null> {
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now && this.invalidation.active) return entry.value;
    if (entry) this.entries.delete(key);
    const generation = this.generation;
    const value = await load();
    if (value === null || generation !== this.generation || !this.invalidation.active) return value;
    if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: Math.min(now + this.options.ttlMs, expiresAt?.(value) ?? Infinity) });
    return value;
  }

  /** Forgets everything (a notice of this topic, or listening started or stopped). */
  drop(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
