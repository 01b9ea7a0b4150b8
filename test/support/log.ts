// A logger whose lines a test can read back: the product's logger with a sink that keeps each line
// parsed, so a test sees exactly what would have reached stderr or the log file (redacted).
import { createLogger, stderrSink, type LogLevel, type Logger } from '../../main/core/log/logger';

export interface LoggedLine {
  time: string;
  level: LogLevel;
  message: string;
  [field: string]: unknown;
}

export interface CapturedLog {
  log: Logger;
  lines: LoggedLine[];
  /** "message {fields}" per line, for matching with a regular expression. */
  text(): string[];
}

export function captureLog(level: LogLevel = 'debug'): CapturedLog {
  const lines: LoggedLine[] = [];
  const log = createLogger({
    level,
    sinks: [{ write: (line) => void lines.push(JSON.parse(line) as LoggedLine) }],
  });
  return {
    log,
    lines,
    text: () =>
      lines.map(({ time: _time, level: _level, message, ...fields }) => `${message} ${JSON.stringify(fields)}`),
  };
}

/** Only errors, on stderr: what a test run should show of a host it starts. */
export const errorsOnly: Logger = createLogger({ level: 'error', sinks: [stderrSink()] });
