import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe; the prefix tells a leaked token's kind at a glance. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
