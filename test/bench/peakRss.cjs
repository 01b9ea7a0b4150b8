// Loaded with --require into a process the bench starts (the built CLI): on exit it reports the
// process's peak resident memory as the kernel counted it, on stderr so stdout stays the CLI's answer.
process.on('exit', () => {
  process.stderr.write(`${JSON.stringify({ peakRssKb: process.resourceUsage().maxRSS })}\n`);
});
