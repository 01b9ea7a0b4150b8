// Renders build/icon.svg (the one icon source the repo keeps) into what electron-builder packs:
//   build/icons/NxN.png  Linux (AppImage, deb), 16 to 1024 px
//   build/icon.png       1024 px, the fallback every target understands
//   build/icon.ico       Windows (NSIS, the .exe): PNG images of 16-256 px in one ICO container
//   build/icon.icns      macOS (dmg): PNG images of 16-1024 px in one ICNS container
// ICO and ICNS are small containers of PNG images (a header and a table of sizes and offsets), so
// they are written here rather than with a converter that needs native tools on the build machine.
// Run by `npm run dist` and by the packaging test; the outputs are not committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'build', 'icon.svg');

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data, by pixel size.
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

function render(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

function icns(images) {
  const elements = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + elements.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

export function buildIcons(outDir = path.join(root, 'build')) {
  const svg = fs.readFileSync(source);
  const pngs = new Map();
  const png = (size) => {
    if (!pngs.has(size)) pngs.set(size, render(svg, size));
    return pngs.get(size);
  };
  const linux = path.join(outDir, 'icons');
  fs.mkdirSync(linux, { recursive: true });
  for (const size of LINUX_SIZES) fs.writeFileSync(path.join(linux, `${size}x${size}.png`), png(size));
  fs.writeFileSync(path.join(outDir, 'icon.png'), png(1024));
  fs.writeFileSync(path.join(outDir, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  fs.writeFileSync(path.join(outDir, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));
  return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildIcons();
  console.log('icons: build/icon.png, build/icon.ico, build/icon.icns, build/icons/*.png');
}
