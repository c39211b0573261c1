import { defineConfig, devices } from '@playwright/test';

const PORT = 3100;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  workers: isCI ? 1 : undefined,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Playwright's own browser download cannot work here; use Debian's chromium package.
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // The demo dataset, as a new user's first `npm run dev` has it, in a database of the tests' own: the
    // first run generates and loads it (about a minute), later runs reuse it.
    command: `npx tsx scripts/prepare-dev.ts && npx next start -p ${PORT}`,
    url: BASE_URL,
    // Never the developer's DATABASE_URL; the demo dataset lands beside it in .data/e2e/demo.
    env: { DUCKDB_PATH: '.data/e2e/warehouse.duckdb', DATABASE_URL: '' },
    reuseExistingServer: !isCI,
    timeout: 420_000,
  },
});
