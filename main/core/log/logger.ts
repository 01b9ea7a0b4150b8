// The one logger of the main process: the core, the web host, the desktop shell and the CLI all log
// through it. A line is one JSON object, {"time","level","message",...fields}, so a log file can be
// read by a person and by a script; fields are redacted (redact.ts) before they are written.
import { maskPhones, redactValue } from './redact';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The same logger, with these fields on every line (e.g. { scope: 'web' }). */
  child(fields: LogFields): Logger;
}

/** Where lines go: stderr, a rotating file, a test's array. A sink never throws. */
export interface LogSink {
  write(line: string): void;
}

export interface LoggerOptions {
  sinks: readonly LogSink[];
  /** Lines below this level are dropped. Default 'info'. */
  level?: LogLevel;
  /** Fields on every line. */
  fields?: LogFields;
  clock?: () => number;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/** SHIPDESK_LOG_LEVEL (or any setting) as a level; anything else falls back. */
export function logLevelFrom(value: string | undefined, fallback: LogLevel): LogLevel {
  const wanted = value?.trim().toLowerCase();
  return isLogLevel(wanted) ? wanted : fallback;
}

/** One line: time, level and message first, then the redacted fields. */
export function formatLine(time: number, level: LogLevel, message: string, fields: LogFields): string {
  const safe = redactValue(fields);
  const rest = typeof safe === 'object' && safe !== null ? safe : {};
  return JSON.stringify({ time: new Date(time).toISOString(), level, message: maskPhones(message), ...rest });
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = RANK[options.level ?? 'info'];
  const clock = options.clock ?? Date.now;
  const base = options.fields ?? {};
  const make = (fields: LogFields): Logger => {
    const log = (level: LogLevel) => (message: string, extra?: LogFields) => {
      if (RANK[level] < threshold || options.sinks.length === 0) return;
      const line = formatLine(clock(), level, message, extra ? { ...fields, ...extra } : fields);
      for (const sink of options.sinks) sink.write(line);
    };
    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (more) => make({ ...fields, ...more }),
    };
  };
  return make(base);
}

/** stderr, so stdout stays free for what scripts read (the CLI's JSON, the web host's address). */
export function stderrSink(): LogSink {
  return {
    write(line) {
      try {
        process.stderr.write(line + '\n');
      } catch {
        // a closed stderr must not take the process down
      }
    },
  };
}

/** Drops everything: for tests that check behaviour, not logs. */
export const silentLogger: Logger = createLogger({ sinks: [] });
