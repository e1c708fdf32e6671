/**
 * `Idempotency-Key` on every POST of the partner councils' API (issue 10): the first answer to a client's key
 * is kept for a day; the same key with the same request gets that answer again without running the route, the
 * same key with a different request is refused. Only answers that succeeded are kept: a refused request may be
 * corrected and sent again with its key.
 */
export interface IdempotentRequests {
  /**
   * `invocation` is the Lambda's: a request whose function timed out mid-way stays "in progress" only until the
   * invocation's deadline, not for the whole day.
   */
  run<T>(
    request: IdempotentRequest,
    execute: () => Promise<T>,
    invocation?: { getRemainingTimeInMillis(): number },
  ): Promise<IdempotentOutcome<T>>;
}

export type IdempotentOutcome<T> =
  | { kind: 'answer'; value: T; replayed: boolean }
  | { kind: 'different-request' }
  | { kind: 'in-progress' };

export interface IdempotentRequest {
  clientId: string;
  /** The client's `Idempotency-Key` header. */
  key: string;
  /** What must be the same for a repeat: the route, its path parameters and its body. */
  fingerprint: unknown;
}

/** A key is what the IETF draft and Stripe allow: 1 to 255 visible ASCII characters (a UUID is typical). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** How long a first answer is kept: a day, so a council's nightly retry of a failed batch still finds it. */
export const IDEMPOTENCY_SECONDS = 24 * 60 * 60;
