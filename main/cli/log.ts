// The CLI's log: stderr only, so stdout stays the one JSON answer scripts read.
export const stderrLog = {
  warn: (message: string, details?: Record<string, unknown>) =>
    process.stderr.write(`shipdesk: ${message} ${details ? JSON.stringify(details) : ''}\n`),
  error: (message: string, details?: Record<string, unknown>) =>
    process.stderr.write(`shipdesk: ${message} ${details ? JSON.stringify(details) : ''}\n`),
};
