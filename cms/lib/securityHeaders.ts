/**
 * The security headers of the CMS (the Payload admin and the REST API) that depend on the request
 * or on the running environment, set by cms/proxy.ts. The fixed ones (X-Frame-Options,
 * X-Content-Type-Options, Referrer-Policy) are in cms/next.config.mjs `headers()`, for every path.
 */

/** A fresh, unguessable nonce for one admin page (base64 of 16 random bytes). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}

/**
 * The admin's Content-Security-Policy, per page view.
 *
 * Scripts: only those Next.js marks with this request's nonce (it reads the nonce from this header
 * on the request, and stamps its framework scripts, chunks and inline data with it), and what those
 * load (`'strict-dynamic'`). An injected `<script>` or inline handler does not run: the admin shows
 * text typed by the public (complaints), so this is the part that matters. `'self'` is only a
 * fallback for browsers without CSP level 3. `next dev` also needs `'unsafe-eval'` (React's
 * debugging); a production build does not.
 *
 * Why not stricter:
 * - `style-src 'unsafe-inline'`: Payload's admin (React `style` props, rendered into the HTML as
 *   style attributes, and its drag-and-drop, popups and editors) sets inline styles everywhere; a
 *   nonce cannot cover style attributes. Styles cannot run code.
 * - `img-src data: blob:`: Payload shows a file chosen for upload as a blob: preview, and its
 *   icons and placeholders as data: URLs. `worker-src blob:` likewise for its editors.
 * - `default-src 'self'` rather than 'none': Payload's admin fetches its own API and loads its own
 *   fonts, manifests and workers; nothing from elsewhere.
 * Not allowed, on purpose: Payload's code and JSON fields (outbox → HTML, timeline → data) load the
 * Monaco editor from cdn.jsdelivr.net. Third-party code in an admin with personal data (and the
 * staff's addresses sent to a CDN) is refused; those two read-only fields show without the editor.
 */
export function adminContentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** HSTS when the CMS is served over https (CMS_URL): over plain http browsers ignore it anyway. */
export function strictTransportSecurity(cmsUrl: string): string | undefined {
  return cmsUrl.startsWith('https:') ? 'max-age=31536000' : undefined
}
