#!/usr/bin/env node
// `npx shipdesk ...`: the CLI, built by `npm run build` (run automatically by `npm ci`).
require('../dist/main/cli.cjs');
