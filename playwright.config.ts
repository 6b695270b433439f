// e2e: the console in Debian's Chromium (never a downloaded browser) and the gateway over plain HTTP.
// Without /usr/bin/chromium the console project is left out and the test runner says so (scripts/test.ts).
import fs from 'node:fs';
import { defineConfig } from '@playwright/test';
import { consoleUrl } from './e2e/support/ports';

export const CHROMIUM = process.env.PORTICO_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { baseURL: consoleUrl, trace: 'retain-on-failure' },
  projects: [
    { name: 'gateway', testMatch: /gateway\/.*\.spec\.ts/ },
    { name: 'management-api', testMatch: /management-api\/.*\.spec\.ts/ },
    ...(haveChromium
      ? [
          {
            name: 'console',
            testMatch: /console\/.*\.spec\.ts/,
            use: {
              browserName: 'chromium' as const,
              launchOptions: {
                executablePath: CHROMIUM,
                args: [
                  '--no-sandbox',
                  '--disable-gpu',
                  '--disable-dev-shm-usage',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                  '--no-first-run',
                  '--disable-quic',
                ],
              },
            },
          },
        ]
      : []),
  ],
});
