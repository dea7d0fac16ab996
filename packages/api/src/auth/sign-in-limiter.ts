import { problem } from '@cp/shared';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../common/domain-error';

/**
 * Counts failed sign-ins per email and per client address in PostgreSQL, so
 * the limit holds across any number of API processes. A success clears the
 * email's count; the address limit is wider so one office is not locked out.
 */
export class SignInLimiter {
  private readonly byEmail: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(pool: Pool, maxFailures: number, windowSeconds: number) {
    const common = { storeClient: pool, tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false, duration: windowSeconds };
    this.byEmail = new RateLimiterPostgres({ ...common, keyPrefix: 'sign-in-email', points: maxFailures });
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'sign-in-address', points: maxFailures * 10 });
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const [byEmail, byAddress] = await Promise.all([this.byEmail.get(key(email)), this.byAddress.get(address)]);
    const blocked = [
      { res: byEmail, limit: this.byEmail.points },
      { res: byAddress, limit: this.byAddress.points },
    ].find(({ res, limit }) => res !== null && res.consumedPoints >= limit);
    if (blocked) throw tooMany(blocked.res as RateLimiterRes);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.byEmail.penalty(key(email), 1),
      this.byAddress.penalty(address, 1),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(key(email));
  }
}

const key = (email: string) => email.trim().toLowerCase();

function tooMany(res: RateLimiterRes): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new DomainError('TOO_MANY_REQUESTS', problem('TOO_MANY_SIGN_INS', { retryAfterSeconds }), { retryAfterSeconds });
}
