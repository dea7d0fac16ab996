import { hash, verify } from '@node-rs/argon2';
import { normalizeText } from '@cp/shared';

// argon2id with the library's defaults (OWASP's recommended minimum). Passwords
// are hashed and checked in NFC (RFC 8265's OpaqueString profile), so 'ë' typed
// on macOS and on Windows is the same password, on every path (API, ADMIN_PASSWORD).
export const hashPassword = (password: string): Promise<string> => hash(normalizeText(password));

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, normalizeText(password)).catch(() => false);

/**
 * A real hash of nothing anyone knows: verifying against it when the email is
 * unknown costs the same time as a wrong password, so timing reveals no emails.
 */
let decoy: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoy ??= hash(`decoy-${Math.random()}`));
