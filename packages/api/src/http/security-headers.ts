import helmet from 'helmet';

/**
 * helmet's headers with a content security policy the built web app runs
 * under: scripts only from our origin (Vite emits module files, no inline
 * script); inline styles allowed because Mantine writes its CSS variables
 * and some component styles as inline <style> and style attributes; no
 * framing at all (frame-ancestors 'none' and X-Frame-Options DENY); no
 * upgrade-insecure-requests, since `npm start` and the tests serve plain
 * HTTP on localhost. Referrer-Policy is helmet's no-referrer, nosniff on.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    xFrameOptions: { action: 'deny' },
  });
}
