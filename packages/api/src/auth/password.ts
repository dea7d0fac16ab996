import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP's recommended minimum).
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

/**
 * A real hash of nothing anyone knows: verifying against it when the email is
 * unknown costs the same time as a wrong password, so timing reveals no emails.
 */
let decoy: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoy ??= hash(`decoy-${Math.random()}`));
