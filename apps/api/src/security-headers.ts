import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Angular's build inlines the critical CSS and loads the rest with `<link media="print" onload="this.media='all'">`:
 * that one handler, by its hash, is the only inline script the dashboard runs.
 */
const STYLESHEET_SWAP = "this.media='all'";
const STYLESHEET_SWAP_HASH = `'sha256-${createHash('sha256').update(STYLESHEET_SWAP).digest('base64')}'`;

/**
 * helmet's headers for the admin listener, with a CSP the dashboard passes: our own scripts and one known handler,
 * Angular's inline component styles, images and fonts from ourselves or `data:`, requests to ourselves (tRPC and its
 * event stream), never framed. No `upgrade-insecure-requests` and no HSTS: the dashboard is served over plain HTTP on
 * 127.0.0.1 by default, and a TLS proxy in front sets HSTS for its own name.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-hashes'", STYLESHEET_SWAP_HASH],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
