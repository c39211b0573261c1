import type { NextConfig } from 'next';

const isProduction = process.env.NODE_ENV === 'production';

/**
 * Without nonces, so pages stay static: Next.js inlines its bootstrap scripts, hence 'unsafe-inline' for
 * scripts, and charts and the diagram set style attributes, hence for styles. eval is allowed only in
 * development, where React's refresh and debugging need it; the production build runs without it.
 * Images may be data: or blob: URLs (the ERD's PNG export draws through them).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  // A CSV or JSON answer is never sniffed into HTML or script.
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Query strings carry filters; other sites learn the origin at most.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // frame-ancestors for current browsers, X-Frame-Options for older ones: no clickjacking through a frame.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

const nextConfig: NextConfig = {
  // DuckDB is a native addon (its binary ships in a platform package): loaded from node_modules, not bundled.
  serverExternalPackages: ['@duckdb/node-api', 'pg'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
