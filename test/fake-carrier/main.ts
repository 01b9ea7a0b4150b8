// Runs the fake carrier on its own, for a demo or a manual check:
//   npx tsx test/fake-carrier/main.ts [--port N] [--scale 0.003] [--faults 0.3] [--key id:secret]
// Prints one JSON line with the URLs, then serves until Ctrl+C. Every unscripted number gets a
// timeline chosen by the number (hours stretched by --scale; 0.003 plays a parcel out in ~8 minutes).
import { parseArgs } from 'node:util';
import { FAULT_KINDS } from './faults';
import { startFakeCarrier } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      scale: { type: 'string' },
      faults: { type: 'string' },
      key: { type: 'string' },
    },
    strict: true,
  });
  const numberOf = (v: string | undefined, fallback: number) =>
    v === undefined || Number.isNaN(Number(v)) ? fallback : Number(v);
  const carrier = await startFakeCarrier({
    port: numberOf(values.port, 0),
    automatic: { scale: numberOf(values.scale, 0.003) },
    ...(values.key ? { apiKey: values.key } : {}),
  });
  const rate = numberOf(values.faults, 0);
  if (rate > 0) carrier.trackFaults.setPlan({ rate, kinds: FAULT_KINDS.filter((k) => k !== 'bad_request'), seed: 1 });
  process.stdout.write(
    JSON.stringify({ url: carrier.url, graphql: carrier.graphqlUrl, release: carrier.releaseUrl }) + '\n',
  );
  const stop = () => void carrier.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`fake carrier: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
