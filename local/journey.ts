import { checkLet } from './journey-checks.js';
import { demoPassport, JourneyClient, runJourney } from './journey-client.js';

/**
 * `npm run journey`: drives a scripted applicant and officer through the HTTP API of a running `npm start`,
 * from the first answer to a let, printing each step with its time. Exits non-zero if any step fails.
 */
async function main(): Promise<void> {
  const baseUrl = process.env.DOORSTEP_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const health = await fetch(`${baseUrl}/health`).catch(() => undefined);
  if (!health?.ok)
    throw new Error(
      `Doorstep is not answering at ${baseUrl}. Start it with \`npm start\` in another terminal.`,
    );

  const client = new JourneyClient(baseUrl);
  client.onTiming = (timing) =>
    console.log(
      `${timing.stage.padEnd(18)} ${timing.step.padEnd(52)} ${timing.ms.toFixed(0).padStart(6)} ms`,
    );
  const started = performance.now();
  const { applicationId, view } = await runJourney(client, { passport: demoPassport() });
  console.log(
    `\n${applicationId}: ${view?.status} — ${view?.offer?.home.address}, key ${view?.key?.credentialId} from ${view?.key?.validFrom}`,
  );
  console.log(`whole journey ${(performance.now() - started).toFixed(0)} ms`);

  const checks = await checkLet(client, applicationId);
  const door = (answer: { opened: boolean; reason?: string }) =>
    answer.opened ? 'opens' : `stays shut (${answer.reason})`;
  console.log(`key credential verifies against the JWKS: ${checks.keyVerifies ? 'yes' : 'NO'}`);
  console.log(
    `the door today: ${door(checks.doorToday)}; on ${view?.key?.validFrom}: ${door(checks.doorOnStartDate)}`,
  );
  console.log(`signed agreement (pdfsig): ${checks.pdfSignatures.join('; ')}`);
  const signaturesValid =
    checks.pdfSignatures.length === 2 &&
    checks.pdfSignatures.every((verdict) => verdict === 'Signature is Valid.');
  if (!checks.keyVerifies || !checks.doorOnStartDate.opened || !signaturesValid) {
    throw new Error('the let did not check out: see the lines above');
  }
}

main().catch((error: unknown) => {
  console.error(`journey failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
