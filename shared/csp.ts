// The Content-Security-Policy, defined once. The web host sends it as a header, the desktop shell sets
// it on every response of its session, and the build writes it into index.html's meta tag (vite.config.mts),
// because Chromium does not always pass file:// loads through the session's header hook.
// Only our own bundled files may run; 'unsafe-inline' styles are allowed because React sets style
// attributes; scripts stay strict.
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as an HTTP header (web host, desktop session): the page's rules plus who may frame it. */
export const CONTENT_SECURITY_POLICY = [...PAGE_POLICY, "frame-ancestors 'none'"].join('; ');

/**
 * The policy for index.html's meta tag. A browser ignores frame-ancestors there and warns on every
 * load, so the tag leaves it out; framing is refused by the header (and X-Frame-Options).
 */
export const META_CONTENT_SECURITY_POLICY = PAGE_POLICY.join('; ');
