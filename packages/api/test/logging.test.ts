import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from '../src/logger';

describe('logs', () => {
  it('never contain the parameters of a failed SQL statement (they can hold detail values)', () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    const error = new QueryFailedError('UPDATE customers SET details = $1', ['{"secret":"marker-123"}'], new Error('boom'));
    logger.error({ err: error }, 'failed');
    expect(lines.join('')).toContain('UPDATE customers');
    expect(lines.join('')).not.toContain('marker-123');
  });
});
