import { z } from 'zod';
import { StartupError } from './start-up/start-up-error';

/** Every setting the API reads, from the environment, validated once at start. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL is not a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  ADMIN_EMAIL: z.email('ADMIN_EMAIL is not an email address').optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must have at least 8 characters').optional(),
  SEED_DEMO: z.enum(['0', '1']).optional(),
  DEMO_PASSWORD: z.string().min(8).default('demo-password'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  WEB_DIST: z.string().optional(),
  /** How long one step of an import job runs before it hands over (a crashed step is retried after IMPORT_STEP_EXPIRE_SECONDS). */
  IMPORT_STEP_SECONDS: z.coerce.number().positive().default(20),
  IMPORT_STEP_EXPIRE_SECONDS: z.coerce.number().int().min(1).default(300),
  /** `eager`: this process runs import jobs from its start; `lazy` (tests): from its first import, or at start when jobs are unfinished. */
  IMPORT_WORKER: z.enum(['eager', 'lazy']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Names of the settings whose default may be replaced by a free port when it is taken. */
export type PortVariable = 'PORT' | 'EMBEDDED_PG_PORT';

/**
 * The validated settings, plus which port variables were set by the user
 * (a taken default is replaced by a free port; a taken explicit port stops
 * the start and names the variable).
 */
export type Config = z.infer<typeof schema> & { explicitPorts: Record<PortVariable, boolean> };

/** A bad setting; its message lists every bad variable, one per line. */
export class ConfigError extends StartupError {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const isSet = (name: PortVariable) => (env[name] ?? '').trim() !== '';
  return { ...parsed.data, explicitPorts: { PORT: isSet('PORT'), EMBEDDED_PG_PORT: isSet('EMBEDDED_PG_PORT') } };
}
