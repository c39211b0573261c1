import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

const PAGES = ['/', '/model', '/model/tables', '/model/conceptual', '/model/ddl', '/model/etl', '/model/synthetic', '/glossary'];

test.describe('security headers on the production server', () => {
  for (const path of [...PAGES, '/api/metrics/peak-hours', '/api/metrics/nope']) {
    test(`${path} sends a CSP without eval, nosniff, a referrer policy and no framing`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBeLessThan(500);
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toContain("'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-powered-by']).toBeUndefined();
    });
  }
});

test.describe('pages under the CSP', () => {
  for (const path of PAGES) {
    test(`${path} renders without a CSP violation`, async ({ page }) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) violations.push(message.text());
      });
      page.on('pageerror', (error) => {
        if (/Content.Security.Policy|EvalError/i.test(error.message)) violations.push(error.message);
      });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
    });
  }

  test('the policy is enforced: eval in the page is refused', async ({ page }) => {
    await page.goto('/');
    // From a script of the page's own, run after Playwright's evaluation has returned: code that the
    // DevTools protocol evaluates is let past the page's CSP, and so is anything it runs synchronously.
    await page.evaluate(() => {
      setTimeout(() => {
        const script = document.createElement('script');
        script.textContent = "try { window.__evalOutcome = String(eval('6 * 7')); } catch (e) { window.__evalOutcome = e.name; }";
        document.head.append(script);
      }, 0);
    });
    const outcome = await page.waitForFunction(() => (window as unknown as { __evalOutcome?: string }).__evalOutcome);
    expect(await outcome.jsonValue()).toBe('EvalError');
  });
});

/**
 * Things that must never reach a browser: a connection string, a credential in any URL, or code that reads
 * the warehouse's variables (inlined by the bundler, that would be their value). The variables' names
 * alone may appear: help texts tell the user to set DATABASE_URL.
 */
const SECRET_PATTERNS = [
  /postgres(?:ql)?:\/\/[^\s"'`]*/i,
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"'`]+:[^\s:/@"'`]+@[^\s/"'`]+/i,
  /\benv(?:\.|\[\s*["'`])(?:(?:TEST_|BENCH_)?DATABASE_URL|DUCKDB_(?:PATH|MEMORY_LIMIT|THREADS)|STATEMENT_TIMEOUT_MS|DB_[A-Z_]+)\b/,
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every match of a secret pattern, or of a secret value given, in the files under dir. */
function findSecrets(dir: string, values: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, 'latin1');
    for (const pattern of SECRET_PATTERNS) {
      const match = pattern.exec(text);
      if (match) found.push(`${file}: ${match[0].slice(0, 80)}`);
    }
    for (const value of values) if (text.includes(value)) found.push(`${file}: the value of a secret variable`);
  }
  return found;
}

/** The connection settings of the environment the build ran in, when they are long enough to be telling. */
const secretValues = ['DATABASE_URL', 'TEST_DATABASE_URL', 'BENCH_DATABASE_URL'].flatMap((name) => {
  const value = process.env[name];
  return value && value.length >= 12 ? [value] : [];
});

test.describe('the client bundle', () => {
  test('the scanner finds a connection string planted in a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamflix-bundle-'));
    try {
      writeFileSync(join(dir, 'chunk.js'), 'var a=1;const u="postgresql://app:s3cret@db.internal:5432/warehouse";');
      writeFileSync(join(dir, 'other.js'), 'fetch("https://analyst:hunter2@example.com/")');
      writeFileSync(join(dir, 'env.js'), 'process.env.DATABASE_URL');
      writeFileSync(join(dir, 'env2.js'), 'const d=process.env["DUCKDB_PATH"]');
      writeFileSync(join(dir, 'env3.js'), 'const m=process.env.DUCKDB_MEMORY_LIMIT,t=process.env[`DUCKDB_THREADS`]');
      writeFileSync(join(dir, 'clean.js'), 'console.log("hello");x={children:"DATABASE_URL"}," points at it"');
      const found = findSecrets(dir, ['s3cret-value-planted']);
      expect(found.some((f) => f.includes('chunk.js') && f.includes('postgresql://app:s3cret@'))).toBe(true);
      expect(found.some((f) => f.includes('other.js'))).toBe(true);
      expect(found.some((f) => f.includes('env.js'))).toBe(true);
      expect(found.some((f) => f.includes('env2.js'))).toBe(true);
      expect(found.some((f) => f.includes('env3.js'))).toBe(true);
      expect(found.some((f) => f.includes('clean.js'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('holds no connection string, credential or warehouse variable', () => {
    const files = filesUnder('.next/static');
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(5);
    expect(findSecrets('.next/static', secretValues)).toEqual([]);
  });

  test('nor does the HTML and data the server sends with each page', async ({ request }) => {
    for (const path of PAGES) {
      const html = await (await request.get(path)).text();
      for (const pattern of SECRET_PATTERNS) expect(pattern.exec(html)?.[0], path).toBeUndefined();
    }
  });
});

test.describe('hostile input through the real route', () => {
  test('a NUL, an injection and a huge number are answered 400 or 200, never 500', async ({ request }) => {
    const cases: [string, number][] = [
      ['/api/metrics/peak-hours?genre=Drama%00', 400],
      [`/api/metrics/peak-hours?genre=${encodeURIComponent("Drama' OR '1'='1")}`, 200],
      [`/api/metrics/completion?limit=${'9'.repeat(400)}`, 400],
      ['/api/metrics/session-duration?from=2026-10-01&from=2026-10-02&to=2026-10-31', 400],
      [`/api/metrics/rating-popularity?${encodeURIComponent('名前')}=%F0%9F%98%80`, 400],
    ];
    for (const [path, status] of cases) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      if (status === 400) expect(await response.json(), path).toMatchObject({ error: { code: 'invalid_parameter' } });
    }
  });
});
