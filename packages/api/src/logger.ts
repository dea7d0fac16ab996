import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Credentials, and the parameters of failed SQL (TypeORM attaches them to its
 * errors), never reach the logs: parameters can hold detail values, which
 * must not travel anywhere their field's audience does not reach.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'err.parameters', 'err.driverError.parameters'],
    },
    destination ?? pino.destination(1),
  );
}
