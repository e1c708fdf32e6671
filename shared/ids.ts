import { createHash, randomBytes } from 'node:crypto';

/** A random, unguessable id with a type prefix (app_, off_, ten_, key_, prop_): 128 bits of entropy. */
export function newId(prefix: 'app' | 'off' | 'ten' | 'key' | 'doc' | 'prop' | 'nom'): string {
  return `${prefix}_${randomBytes(16).toString('hex')}`;
}

/**
 * The opaque id people use for a human wait. Derived from the task token by a one-way hash, so parking the
 * same wait twice gives the same id (idempotent) while the id reveals nothing of the token.
 */
export function decisionIdFor(taskToken: string): string {
  return `dec_${createHash('sha256').update(taskToken).digest('base64url').slice(0, 32)}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
