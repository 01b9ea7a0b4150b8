// What each folder of main/, renderer/ and shared/ may import: the allow-lists that
// .dependency-cruiser.cjs turns into rules (docs/ARCHITECTURE.md "Layers"). A folder imports its own
// files freely; anything not listed here fails `npm run lint`. A new folder adds its entry.

/** What each folder may import besides its own files: folders, npm packages, Node modules. */
module.exports = {
  // The shared vocabulary of every process: pure TypeScript, zod only.
  shared: { packages: ['zod'] },
  'shared/api': { folders: ['shared'], packages: ['zod'] },

  // Entry points (docs/ARCHITECTURE.md "Layers"): nothing imports them but the build.
  'main/args': { node: ['util'] },
  'main/electron': {
    folders: [
      'main/core/db',
      'main/core/log',
      'main/core/recovery',
      'main/core/rpc',
      'main/core/runtime',
      'main/core/sync',
      'shared',
      'shared/api',
    ],
    packages: ['electron'],
    node: ['path', 'url'],
  },
  'main/web': {
    folders: [
      'main/args',
      'main/core',
      'main/core/db',
      'main/core/log',
      'main/core/recovery',
      'main/core/runtime',
      'main/demoCarrier', // `npm run web -- --demo` starts the demo carrier beside the desk
      'shared',
      'shared/api',
    ],
    packages: ['ws'],
    node: ['crypto', 'fs', 'fs/promises', 'http', 'os', 'path', 'stream'],
  },
  'main/cli': {
    folders: [
      'main/args',
      'main/core',
      'main/core/backup',
      'main/core/db',
      'main/core/demo',
      'main/core/files',
      'main/core/log',
      'main/core/runtime',
      'main/core/sheets',
      'main/hub', // `shipdesk hub ...` is the hub's own command (main/hub/cli.ts)
      'shared',
      'shared/api',
    ],
    files: ['package.json'],
    packages: ['zod'],
    node: ['events', 'fs', 'path'],
  },
  // The pool's server: its rules, feed and command. It shares the core's domain rules and readers.
  'main/hub': {
    folders: [
      'main/args',
      'main/core/db',
      'main/core/demo',
      'main/core/domain',
      'main/core/log',
      'main/core/poolLink',
      'main/core/runtime',
      'main/core/sync',
      'main/hub/db',
      'shared',
      'shared/api',
    ],
    packages: ['pg', 'ws', 'zod'],
    node: ['crypto', 'fs', 'http', 'https', 'os', 'path', 'stream', 'util'],
  },
  'main/hub/db': { packages: ['pg'] },
  // The demo carrier: a local stand-in for the carrier's service.
  'main/demoCarrier': { folders: ['main/core/sync', 'shared'], packages: ['zod'], node: ['http', 'net'] },

  // The core: runs under Electron, the web host, the CLI and tests alike.
  'main/core': {
    folders: [
      'main/core/backup',
      'main/core/commitWorker',
      'main/core/db',
      'main/core/exports',
      'main/core/imports',
      'main/core/log',
      'main/core/orders',
      'main/core/poolLink',
      'main/core/push',
      'main/core/rpc',
      'main/core/services',
      'main/core/sync',
      'shared',
    ],
  },
  // Opens a desk (createCore) or says why it cannot: above the core's own entry.
  'main/core/recovery': {
    folders: [
      'main/core',
      'main/core/backup',
      'main/core/db',
      'main/core/log',
      'main/core/push',
      'main/core/rpc',
      'shared',
      'shared/api',
    ],
    node: ['path'],
  },
  'main/core/commitWorker': {
    folders: [
      'main/core/db',
      'main/core/imports',
      'main/core/log',
      'main/core/orders',
      'main/core/poolLink',
      'main/core/push',
      'main/core/services',
      'main/core/sheets',
      'shared',
      'shared/api',
    ],
    packages: ['zod'],
    node: ['path', 'timers/promises', 'worker_threads'],
  },
  'main/core/poolLink': {
    folders: [
      'main/core/db',
      'main/core/domain',
      'main/core/orders',
      'main/core/push',
      'main/core/runtime',
      'main/core/services',
      'main/core/sync',
      'shared',
      'shared/api',
    ],
    packages: ['ws', 'zod'],
    node: ['crypto', 'path'],
  },
  'main/core/exports': {
    folders: [
      'main/core/db',
      'main/core/domain',
      'main/core/orders',
      'main/core/services',
      'main/core/sheets',
      'shared',
      'shared/api',
    ],
    packages: ['exceljs', 'zod'],
    node: ['events', 'stream', 'stream/promises'],
  },
  'main/core/imports': {
    folders: ['main/core/db', 'main/core/domain', 'main/core/services', 'main/core/sheets', 'shared', 'shared/api'],
    packages: ['zod'],
    node: ['crypto'],
  },
  'main/core/orders': {
    folders: ['main/core/db', 'main/core/domain', 'main/core/services', 'main/core/sheets', 'shared', 'shared/api'],
    packages: ['exceljs', 'zod'],
    node: ['crypto'],
  },
  'main/core/sync': {
    folders: [
      'main/core/db',
      'main/core/domain',
      'main/core/files',
      'main/core/log',
      'main/core/rpc',
      'main/core/services',
      'shared',
      'shared/api',
    ],
    packages: ['zod'],
    node: ['crypto', 'events', 'fs', 'os', 'path', 'timers/promises'],
  },
  'main/core/backup': {
    folders: [
      'main/core/db',
      'main/core/files',
      'main/core/log',
      'main/core/rpc',
      'main/core/services',
      'shared',
      'shared/api',
    ],
    packages: ['better-sqlite3', 'zod'],
    node: ['fs', 'module', 'path', 'perf_hooks', 'worker_threads'],
  },
  'main/core/demo': {
    folders: ['main/core/db', 'main/core/domain', 'shared'],
    packages: ['zod'],
    node: ['fs', 'module', 'path', 'worker_threads'],
  },
  'main/core/services': {
    folders: ['main/core/db', 'main/core/domain', 'main/core/push', 'shared', 'shared/api'],
    packages: ['better-sqlite3', 'zod'],
    node: ['crypto'],
  },
  // Spreadsheet reading and writing both imports share, and the parse worker.
  'main/core/sheets': {
    folders: ['main/core/files', 'shared', 'shared/api'],
    packages: ['exceljs', 'officecrypto-tool', 'zod'],
    node: ['crypto', 'fs', 'module', 'path', 'worker_threads', 'zlib'],
  },
  'main/core/files': { folders: ['main/core/db', 'shared'], node: ['fs', 'path'] },
  'main/core/rpc': {
    folders: ['main/core/db', 'main/core/log', 'shared', 'shared/api'],
    packages: ['zod'],
    node: ['stream'],
  },
  'main/core/push': { folders: ['main/core/log', 'shared/api'] },
  'main/core/db': { folders: ['shared'], packages: ['better-sqlite3', 'zod'], node: ['fs', 'path'] },
  'main/core/domain': { folders: ['shared', 'shared/api'] },
  'main/core/log': { node: ['fs', 'path'] },
  'main/core/runtime': { files: ['package.json'], node: ['os'] },

  // The screen: a browser page. It reaches the core only through its client (renderer/src/api).
  'renderer/src': {
    folders: [
      'renderer/src/api',
      'renderer/src/features/recovery',
      'renderer/src/features/shipments',
      'renderer/src/i18n',
      'renderer/src/stores',
    ],
    packages: ['react', 'react-dom'],
  },
  'renderer/src/api': { folders: ['shared', 'shared/api'], packages: ['react'] },
  'renderer/src/i18n': { folders: ['renderer/src/i18n/messages', 'shared', 'shared/api'], packages: ['zustand'] },
  'renderer/src/i18n/messages': {},
  'renderer/src/domain': { folders: ['shared'] },
  'renderer/src/stores': {
    folders: ['renderer/src/api', 'renderer/src/domain', 'renderer/src/i18n', 'shared', 'shared/api'],
    packages: ['react', 'zustand'],
  },
  'renderer/src/components': {
    folders: ['renderer/src/api', 'renderer/src/i18n', 'renderer/src/stores', 'shared'],
    packages: ['react', 'react-dom'],
  },
  'renderer/src/features/conflicts': {
    folders: ['renderer/src/api', 'renderer/src/components', 'renderer/src/i18n', 'shared/api'],
    packages: ['react'],
  },
  'renderer/src/features/details': {
    folders: ['renderer/src/api', 'renderer/src/components', 'renderer/src/i18n', 'renderer/src/stores'],
    packages: ['react'],
  },
  'renderer/src/features/grid': {
    folders: [
      'renderer/src/components',
      'renderer/src/features/sync',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
      'shared/api',
    ],
    packages: ['react'],
  },
  'renderer/src/features/history': {
    folders: ['renderer/src/api', 'renderer/src/components', 'renderer/src/i18n', 'shared/api'],
    packages: ['react'],
  },
  'renderer/src/features/import': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
      'shared/api',
    ],
    packages: ['react', 'zustand'],
  },
  'renderer/src/features/invoices': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/features/orders',
      'renderer/src/features/scanner',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
      'shared/api',
    ],
    packages: ['react', 'zod'],
  },
  'renderer/src/features/orders': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/features/import',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
      'shared/api',
    ],
    packages: ['react', 'zustand'],
  },
  'renderer/src/features/recovery': {
    folders: ['renderer/src/api', 'renderer/src/i18n', 'shared/api'],
    packages: ['react'],
  },
  'renderer/src/features/scanner': {
    folders: ['renderer/src/domain', 'renderer/src/i18n', 'renderer/src/stores', 'shared'],
    packages: ['react'],
  },
  'renderer/src/features/search': {
    folders: ['renderer/src/components', 'renderer/src/i18n', 'renderer/src/stores', 'shared'],
    packages: ['react'],
  },
  'renderer/src/features/settings': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/features/scanner',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
      'shared/api',
    ],
    packages: ['react', 'zod'],
  },
  // The shipping desk's screen: puts the features together.
  'renderer/src/features/shipments': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/features/details',
      'renderer/src/features/grid',
      'renderer/src/features/history',
      'renderer/src/features/import',
      'renderer/src/features/invoices',
      'renderer/src/features/orders',
      'renderer/src/features/scanner',
      'renderer/src/features/search',
      'renderer/src/features/settings',
      'renderer/src/features/sync',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
    ],
    packages: ['react'],
  },
  'renderer/src/features/sync': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/features/conflicts',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared/api',
    ],
    packages: ['react'],
  },
};
