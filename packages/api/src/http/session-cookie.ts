import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';

const SESSION_COOKIE = 'cp_session';

/** The browser session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS. */
export class SessionCookies {
  constructor(private readonly secureMode: 'auto' | 'always' | 'never') {}

  read(req: Request): string | undefined {
    const header = req.headers.cookie;
    return header ? parse(header)[SESSION_COOKIE] : undefined;
  }

  set(req: Request, res: Response, token: string, expires: Date): void {
    res.append('Set-Cookie', serialize(SESSION_COOKIE, token, this.options(req, expires)));
  }

  clear(req: Request, res: Response): void {
    res.append('Set-Cookie', serialize(SESSION_COOKIE, '', this.options(req, new Date(0))));
  }

  private options(req: Request, expires: Date) {
    // req.secure honours TRUST_PROXY, so HTTPS ended at a load balancer still counts.
    const secure = this.secureMode === 'always' || (this.secureMode === 'auto' && req.secure);
    return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', expires };
  }
}

export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
