/**
 * Pack text is untrusted, so the built app forbids inline script, plugins and base rewriting.
 * The build carries the policy as a <meta> tag (for any host); `vite preview` and well-configured
 * hosts also send it as headers, with what a <meta> tag cannot say (frame-ancestors).
 * docs/deploy.md lists the same headers, and a test holds the two together.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  // Sync talks to the candidate's own CouchDB: any https origin, or one on this device. A deployment
  // narrows this to its own CouchDB origin with a header of its own (docs/deploy.md).
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'X-Frame-Options': 'DENY',
};
