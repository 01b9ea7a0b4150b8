// The Content-Security-Policy, defined once. The web host sends it as a header, the desktop shell sets
// it on every response of its session, and the build writes it into index.html's meta tag (vite.config.mts),
// because Chromium does not always pass file:// loads through the session's header hook.
// Only our own bundled files may run; 'unsafe-inline' styles are allowed because React sets style
// attributes; scripts stay strict.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
