import { join } from 'node:path';
import { DEMO_OFFICERS } from './identity.js';

/**
 * `npm start`: the whole service on 127.0.0.1 with no AWS account, docker or network (DESIGN.md §3). Data stays
 * in `.doorstep/` between runs; Ctrl-C stops everything and a waiting execution is still waiting next time.
 */
async function main(): Promise<void> {
  // Before any handler module loads its logger: the terminal shows the outbox and the journey, not every step.
  process.env.LOG_LEVEL ??= 'WARN';
  const { startRuntime } = await import('./runtime.js');
  const started = performance.now();
  const port = Number(process.env.PORT ?? 3000);
  const runtime = await startRuntime({
    // DOORSTEP_DATA_DIR keeps a second copy apart (the browser tests use their own).
    dataDir: process.env.DOORSTEP_DATA_DIR ?? join(process.cwd(), '.doorstep'),
    port,
    log: (line) => console.log(`  ${line}`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const t = runtime.timings;
  // The senior officer's authenticator app key, to add to an app by hand or from its otpauth:// URI.
  const appKeys = runtime.authenticators
    .map(
      (app) =>
        `  app key        ${app.email}: ${app.key.replace(/(.{4})(?=.)/g, '$1 ')} (keys/officer-totp.json)\n                 ${app.uri}`,
    )
    .join('\n');
  console.log(`
Doorstep is running (started in ${seconds} s: DynamoDB Local ${t.dynamodbLocal} ms, ASL ${t.aslFromCache ? 'from cache' : 'synthesised'} ${t.asl} ms)

  Apply          ${runtime.url}/                 (the applicant's journey, phone-first)
  Console        ${runtime.url}/officer          (lettings officers)
  API            ${runtime.url}/v1
  officer sign-in ${runtime.url}/local/idp/token   (${DEMO_OFFICERS.map((officer) => `${officer.email} / ${officer.password}${officer.authenticator ? ' + app code' : ''}`).join(', ')})
${appKeys}
  outbox         ${runtime.url}/local/outbox       (one-time codes and notifications; also printed below)
  health         ${runtime.url}/health

  Data: .doorstep/ (delete it to start afresh). Ctrl-C to stop.
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping: executions stay recorded and resume on the next start.');
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Doorstep could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
