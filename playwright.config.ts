import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot run on our machines.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  // Half the cores: one worker on a two-core machine, where two measured no faster (each test's
  // Chromium and host keep both cores busy). Every test owns its desk, database and port, so more
  // workers are safe where there are more cores.
  workers: '50%',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
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
});
