// The one argument parser for every command (`shipdesk ...`, `shipdesk hub ...`, `npm run web`):
// node:util parseArgs, strict, plus what each command declares about itself, so `--help`, the usage
// line and the refusal of bad usage (exit 2, one line saying why, then the command's usage) come from
// one place. Its own folder, so every entry point uses it without importing another one.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** parseArgs' options: { name: { type: 'string' | 'boolean', short?, multiple? } }. */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Bad usage: the message is one line saying what is wrong. */
export class UsageError extends Error {}

export interface CommandSpec<O extends OptionsConfig> {
  /** How it is started: "shipdesk demo", "npm run web --". */
  invocation: string;
  /** Positional arguments as the usage line shows them, e.g. "METHOD ['JSON']". */
  args?: string;
  /** One line: what the command does. */
  summary: string;
  options: O;
  /** Per option: the name of its value ('' for a switch) and what it does. */
  describe: { readonly [K in keyof O]: readonly [value: string, help: string] };
  /** Options that must be given (shown without brackets). */
  required?: readonly (keyof O & string)[];
  /** What to say when a required option is missing, where "--x is required" says too little. */
  whenMissing?: { readonly [K in keyof O]?: string };
  /** Lines after the options: exit codes, examples. */
  notes?: readonly string[];
}

function parseWith<O extends OptionsConfig>(options: O, args: string[]) {
  return parseArgs({ args, options, strict: true, allowPositionals: true });
}

export type Parsed<O extends OptionsConfig> = ReturnType<typeof parseWith<O>>;

export interface Command {
  /** The usage text (what --help prints). */
  usage(): string;
  /** The synopsis line alone, for the list of commands. */
  synopsis(): string;
  run(argv: string[]): Promise<number>;
}

function synopsisOf<O extends OptionsConfig>(spec: CommandSpec<O>): string {
  const required = new Set<string>(spec.required ?? []);
  const flags = Object.keys(spec.options).map((name) => {
    const [value] = spec.describe[name] ?? [''];
    const flag = value ? `--${name} ${value}` : `--${name}`;
    return required.has(name) ? flag : `[${flag}]`;
  });
  return [spec.invocation, spec.args, ...flags].filter(Boolean).join(' ');
}

export function usageOf<O extends OptionsConfig>(spec: CommandSpec<O>): string {
  const rows = Object.keys(spec.options).map((name) => {
    const [value, help] = spec.describe[name] ?? ['', ''];
    return [`--${name}${value ? ' ' + value : ''}`, help] as const;
  });
  const width = Math.max(0, ...rows.map(([flag]) => flag.length)) + 2;
  return [
    `Usage: ${synopsisOf(spec)}`,
    spec.summary,
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`),
    ...(spec.notes ?? []),
  ].join('\n');
}

/** The command line, checked: unknown options, missing values and missing required options are UsageErrors. */
export function parseCommand<O extends OptionsConfig>(spec: CommandSpec<O>, argv: string[]): Parsed<O> {
  let parsed: Parsed<O>;
  try {
    parsed = parseWith(spec.options, argv);
  } catch (err) {
    // parseArgs says e.g. "Unknown option '--x'. To specify a positional argument starting with a '-', ...".
    const message = err instanceof Error ? err.message : String(err);
    throw new UsageError(message.split('. ')[0]?.replace(/\.$/, '') ?? message);
  }
  for (const name of spec.required ?? []) {
    if (Reflect.get(parsed.values, name) === undefined)
      throw new UsageError(spec.whenMissing?.[name] ?? `--${name} is required`);
  }
  return parsed;
}

export function defineCommand<O extends OptionsConfig>(
  spec: CommandSpec<O>,
  run: (parsed: Parsed<O>) => number | Promise<number>,
): Command {
  return {
    usage: () => usageOf(spec),
    synopsis: () => synopsisOf(spec),
    run: async (argv) => run(parseCommand(spec, argv)),
  };
}

/** True when argv asks for help (before any "--"). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

// ---- values ---------------------------------------------------------------------------------

export function wholeNumber(
  value: string | undefined,
  flag: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number, not "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${flag} must be between ${min} and ${max}`);
  return n;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An instant from an ISO 8601 text with its zone ("2026-11-20T09:00+09:00", "...Z"), or a date alone
 * (midnight UTC). A time without a zone is refused: it would mean another instant on another computer.
 */
export function isoInstant(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(`--${flag} must be an ISO time with its zone, e.g. 2026-11-20T09:00+09:00, not "${value}"`);
  }
  return ms;
}

export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length) throw new UsageError(`unexpected arguments: ${positionals.join(' ')}`);
}
