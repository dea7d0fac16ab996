import { createServer, type Server } from 'node:net';
import { StartupError } from './start-up-error';

/** A port setting: its value, the environment variable that sets it, and whether the user set it. */
export interface PortSetting {
  port: number;
  variable: string;
  explicit: boolean;
}

/** Resolves true when `port` on `host` can be bound right now (nothing listens there). */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
    probe.listen({ port, host }, () => probe.close(() => resolve(true)));
  });
}

/** A port the operating system reports free on `host` (it may be taken again before use; callers retry). */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host }, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The sentence for a port that is set explicitly and already taken. */
export function portTakenMessage({ port, variable }: PortSetting, what: string): string {
  return `Port ${port} for ${what} is already in use (another copy of the app?): stop whatever listens there or set ${variable} to a free port.`;
}

/**
 * The port to use for `setting`: its value when free; when taken, a free one
 * if the user left the variable unset (a second checkout on the same machine
 * must just work), else a `StartupError` naming the port and the variable.
 */
export async function choosePort(setting: PortSetting, host: string, what: string): Promise<number> {
  if (await isPortFree(setting.port, host)) return setting.port;
  if (setting.explicit) throw new StartupError(portTakenMessage(setting, what));
  return findFreePort(host);
}

/**
 * Starts listening with `listen` on the setting's port, falling back to a
 * port the OS picks when the default was taken and the variable unset (the
 * printed URL shows which). A taken explicit port, or one below 1024
 * without privileges, becomes a `StartupError` naming the variable.
 */
export async function listenOnPort<S extends Server>(listen: (port: number) => S, setting: PortSetting, what: string): Promise<S> {
  const attempt = (port: number) =>
    new Promise<S>((resolve, reject) => {
      const server = listen(port);
      server.once('listening', () => resolve(server)).once('error', reject);
    });
  try {
    return await attempt(setting.port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' && !setting.explicit) return attempt(0);
    if (code === 'EADDRINUSE') throw new StartupError(portTakenMessage(setting, what), { cause: error });
    if (code === 'EACCES') {
      throw new StartupError(`Port ${setting.port} for ${what} needs administrator rights (ports below 1024 do): set ${setting.variable} to 1024 or above.`, { cause: error });
    }
    throw error;
  }
}
