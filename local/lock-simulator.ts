import type { Deps } from '../shared/services/deps.js';
import { publishedKeys } from '../shared/services/keys.js';
import { DoorAttempt, tryDoor } from '../shared/services/locks.js';

/**
 * `POST /local/locks/open` with `{doorId, credential}`: a door lock on the developer's desk. It reads the keys
 * Doorstep publishes and the runtime's clock, as a real lock reads its cached JWKS and its own clock, and
 * answers 200 `{opened: true, holder}` or 403 `{opened: false, reason, message}`. `?at=` sets the door's clock.
 * Local only: AWS has no lock.
 */
export function lockSimulator(deps: () => Pick<Deps, 'keyIssuer' | 'clock'>) {
  return async (request: {
    method: string;
    body: unknown;
    query?: URLSearchParams;
  }): Promise<{ status: number; body: unknown }> => {
    if (request.method !== 'POST') return { status: 405, body: { error: 'Use POST' } };
    const attempt = DoorAttempt.safeParse(request.body);
    if (!attempt.success) {
      return {
        status: 400,
        body: { error: 'Send {"doorId": "<the door>", "credential": "<the key from its QR code>"}' },
      };
    }
    const context = deps();
    // `?at=<ISO instant>` sets the door's clock, to try a key on its start date (a door keeps its own time).
    const at = request.query?.get('at');
    const now = at ? new Date(at) : context.clock.now();
    if (Number.isNaN(now.getTime()))
      return { status: 400, body: { error: 'at must be an ISO 8601 instant' } };
    const answer = await tryDoor({
      ...attempt.data,
      now,
      jwks: await publishedKeys(context),
    });
    return { status: answer.opened ? 200 : 403, body: answer };
  };
}
