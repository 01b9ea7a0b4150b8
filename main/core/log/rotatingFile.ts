// The desktop app's log file: lines appended to <folder>/shipdesk.log; past `maxBytes` the file moves
// to shipdesk.log.1 (older ones to .2, ...) and only `files` files are kept, so the log never fills
// the disk. Written synchronously, a line at a time: the lines just before a crash are the ones that
// matter, and a packing station logs a few lines a minute. (A library such as rotating-file-stream
// writes through an async stream, which loses its buffer when the process dies; these few lines do not.)
import fs from 'node:fs';
import path from 'node:path';
import type { LogSink } from './logger';

export interface RotatingFileOptions {
  /** The live file, e.g. <userData>/logs/shipdesk.log. */
  file: string;
  /** A file is rotated before it would pass this size. Default 1 MiB. */
  maxBytes?: number;
  /** Files kept, the live one included. Default 5. */
  files?: number;
}

export interface RotatingFileSink extends LogSink {
  close(): void;
}

export function rotatingFileSink(options: RotatingFileOptions): RotatingFileSink {
  const { file } = options;
  const maxBytes = Math.max(1024, options.maxBytes ?? 1024 * 1024);
  const files = Math.max(1, options.files ?? 5);
  let fd: number | null = null;
  let size = 0;
  let broken = false;

  const open = () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fd = fs.openSync(file, 'a', 0o600);
    size = fs.fstatSync(fd).size;
  };

  const rotate = () => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    fs.rmSync(`${file}.${files - 1}`, { force: true });
    for (let i = files - 2; i >= 1; i--) {
      if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    if (files > 1) fs.renameSync(file, `${file}.1`);
    else fs.rmSync(file, { force: true });
    open();
  };

  return {
    write(line) {
      if (broken) return;
      try {
        if (fd === null) open();
        const bytes = Buffer.from(line + '\n', 'utf8');
        if (size > 0 && size + bytes.length > maxBytes) rotate();
        if (fd === null) return;
        fs.writeSync(fd, bytes);
        size += bytes.length;
      } catch (err) {
        // A full disk or a locked file must not stop the app; say so once, where a developer looks.
        broken = true;
        process.stderr.write(`shipdesk: the log file ${file} cannot be written: ${String(err)}\n`);
      }
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}
