// The layers of docs/ARCHITECTURE.md ("Layers"), checked by dependency-cruiser in `npm run lint`.
//
// Every folder of main/, renderer/ and shared/ says what it may import: other folders of the product,
// npm packages, Node's own modules. Anything else is refused, including a folder nobody declared yet
// (a new folder starts by saying what it needs). No module circles and no folder circles.
// dependency-cruiser rather than ESLint: it resolves every import to a file (so main/hub and a
// folder of the same name elsewhere are never confused) and finds cycles, module and folder wide,
// which no-restricted-imports cannot. Pinned at 17.x: 18 refuses Node 20, which Shipdesk supports.

/** What each folder may import besides its own files: folders, npm packages, Node modules. */
const ALLOWED = {
  // The shared vocabulary of every process: pure TypeScript, zod only.
  shared: { folders: ['shared/api'], packages: ['zod'] },
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
      'main/core/services',
      'main/core/sync',
      'main/hub/db',
      'shared',
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
      'main/core/runtime',
      'main/core/services',
      'main/core/sync',
      'shared',
    ],
    packages: ['ws', 'zod'],
    node: ['crypto', 'path'],
  },
  'main/core/exports': {
    folders: ['main/core/domain', 'main/core/orders', 'main/core/services', 'main/core/sheets', 'shared'],
    packages: ['exceljs', 'zod'],
    node: ['events', 'stream', 'stream/promises'],
  },
  'main/core/imports': {
    folders: ['main/core/domain', 'main/core/services', 'main/core/sheets', 'shared'],
    node: ['crypto'],
  },
  'main/core/orders': {
    folders: ['main/core/domain', 'main/core/services', 'main/core/sheets', 'shared', 'shared/api'],
    packages: ['exceljs', 'zod'],
    node: ['crypto'],
  },
  'main/core/sync': {
    folders: ['main/core/domain', 'main/core/files', 'main/core/log', 'main/core/rpc', 'main/core/services', 'shared'],
    packages: ['zod'],
    node: ['crypto', 'events', 'fs', 'os', 'path', 'timers/promises'],
  },
  'main/core/backup': {
    folders: ['main/core/db', 'main/core/files', 'main/core/log', 'main/core/rpc', 'main/core/services', 'shared'],
    packages: ['better-sqlite3', 'zod'],
    node: ['fs', 'module', 'path', 'perf_hooks', 'worker_threads'],
  },
  'main/core/demo': {
    folders: ['main/core/db', 'main/core/domain', 'shared'],
    node: ['fs', 'module', 'path', 'worker_threads'],
  },
  'main/core/services': {
    folders: ['main/core/db', 'main/core/domain', 'main/core/push', 'shared'],
    packages: ['better-sqlite3', 'zod'],
    node: ['crypto'],
  },
  // Spreadsheet reading and writing both imports share, and the parse worker.
  'main/core/sheets': {
    folders: ['main/core/files', 'shared'],
    packages: ['exceljs', 'officecrypto-tool', 'zod'],
    node: ['crypto', 'fs', 'module', 'path', 'worker_threads', 'zlib'],
  },
  'main/core/files': { folders: ['main/core/db', 'shared'], node: ['fs', 'path'] },
  'main/core/rpc': { folders: ['main/core/db', 'main/core/log', 'shared'], packages: ['zod'], node: ['stream'] },
  'main/core/push': { folders: ['main/core/log', 'shared'] },
  'main/core/db': { folders: ['shared'], packages: ['better-sqlite3', 'zod'], node: ['fs', 'path'] },
  'main/core/domain': { folders: ['shared'] },
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
  'renderer/src/api': { folders: ['shared'], packages: ['react'] },
  'renderer/src/i18n': { folders: ['renderer/src/i18n/messages', 'shared'], packages: ['zustand'] },
  'renderer/src/i18n/messages': {},
  'renderer/src/domain': { folders: ['renderer/src/i18n', 'shared'] },
  'renderer/src/stores': {
    folders: ['renderer/src/api', 'renderer/src/domain', 'renderer/src/i18n', 'shared', 'shared/api'],
    packages: ['react', 'zustand'],
  },
  'renderer/src/components': {
    folders: ['renderer/src/api', 'renderer/src/i18n', 'renderer/src/stores', 'shared'],
    packages: ['react', 'react-dom'],
  },
  'renderer/src/features/conflicts': {
    folders: ['renderer/src/api', 'renderer/src/components', 'renderer/src/domain', 'renderer/src/i18n', 'shared'],
    packages: ['react'],
  },
  'renderer/src/features/details': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/domain',
      'renderer/src/i18n',
      'renderer/src/stores',
    ],
    packages: ['react'],
  },
  'renderer/src/features/grid': {
    folders: [
      'renderer/src/components',
      'renderer/src/domain',
      'renderer/src/features/sync',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
    ],
    packages: ['react'],
  },
  'renderer/src/features/history': {
    folders: ['renderer/src/api', 'renderer/src/components', 'renderer/src/domain', 'renderer/src/i18n', 'shared'],
    packages: ['react'],
  },
  'renderer/src/features/import': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/domain',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
    ],
    packages: ['react', 'zustand'],
  },
  'renderer/src/features/invoices': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/domain',
      'renderer/src/features/orders',
      'renderer/src/features/scanner',
      'renderer/src/i18n',
      'renderer/src/stores',
      'shared',
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
    ],
    packages: ['react', 'zustand'],
  },
  'renderer/src/features/recovery': {
    folders: ['renderer/src/api', 'renderer/src/i18n', 'shared'],
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
    ],
    packages: ['react', 'zod'],
  },
  // The shipping desk's screen: puts the features together.
  'renderer/src/features/shipments': {
    folders: [
      'renderer/src/api',
      'renderer/src/components',
      'renderer/src/domain',
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
      'shared',
    ],
    packages: ['react'],
  },
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The files directly in a folder (not its subfolders: each has its own list). */
const filesIn = (folder) => `^${escape(folder)}/[^/]+$`;
/** A package, with its type definitions (import type ... from 'better-sqlite3' resolves to @types). */
const packageFiles = (name) => `^node_modules/(@types/)?${escape(name)}/`;
const nodeModule = (names) => `^(node:)?(${names.map(escape).join('|')})$`;

function allowListRule(folder, { folders = [], packages = [], node = [], files = [] }) {
  const may = [...folders, ...packages, ...node.map((n) => `node:${n}`), ...files];
  return {
    name: `allowed-imports-of:${folder}`,
    comment: `${folder} may import only its own files and: ${may.join(', ') || 'nothing else'} (see docs/ARCHITECTURE.md "Layers").`,
    severity: 'error',
    from: { path: filesIn(folder) },
    to: {
      pathNot: [
        filesIn(folder),
        ...folders.map(filesIn),
        ...packages.map(packageFiles),
        ...(node.length ? [nodeModule(node)] : []),
        ...files.map((f) => `^${escape(f)}$`),
      ],
    },
  };
}

module.exports = {
  forbidden: [
    ...Object.entries(ALLOWED).map(([folder, allowed]) => allowListRule(folder, allowed)),
    {
      name: 'folder-without-allow-list',
      comment:
        'Every folder of main/, renderer/ and shared/ declares what it may import in .dependency-cruiser.cjs (ALLOWED).',
      severity: 'error',
      from: { path: '^(main|renderer|shared)/', pathNot: Object.keys(ALLOWED).map(filesIn) },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself back through others: split what both need into a third module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-circular',
      comment: 'No folder imports itself back through other folders: the layers only point down.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports and that imports nothing is dead code (type declarations aside).',
      severity: 'error',
      from: { orphan: true, pathNot: ['\\.d\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type is part of what a folder depends on.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
