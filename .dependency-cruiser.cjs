// The layers of docs/ARCHITECTURE.md ("Layers"), checked by dependency-cruiser in `npm run lint`.
//
// Every folder of main/, renderer/ and shared/ says what it may import: other folders of the product,
// npm packages, Node's own modules. Anything else is refused, including a folder nobody declared yet
// (a new folder starts by saying what it needs). No module circles and no folder circles.
// The allow-lists themselves are in .dependency-cruiser.allowed.cjs.
// dependency-cruiser rather than ESLint: it resolves every import to a file (so main/hub and a
// folder of the same name elsewhere are never confused) and finds cycles, module and folder wide,
// which no-restricted-imports cannot. Pinned at 17.x: 18 refuses Node 20, which Shipdesk supports.

const ALLOWED = require('./.dependency-cruiser.allowed.cjs');

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
        'Every folder of main/, renderer/ and shared/ declares what it may import in .dependency-cruiser.allowed.cjs.',
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
