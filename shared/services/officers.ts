import * as z from 'zod';
import type { Actor } from './decisions.js';

const Claims = z.object({
  sub: z.string().min(1),
  'custom:landlordId': z.string().min(1),
  /** A verified token carries a list; API Gateway passes an array claim to a function as "[a b]". */
  'cognito:groups': z.union([z.array(z.string()), z.string()]).optional(),
});

/**
 * The officer behind verified ID-token claims (Cognito's shape, also issued by the local identity provider):
 * who they are, their landlord and their roles. Undefined when the claims are not an officer's token;
 * `no-role` when the account has no officer role.
 */
export function actorFromClaims(
  claims: unknown,
): Extract<Actor, { kind: 'officer' }> | 'no-role' | undefined {
  const parsed = Claims.safeParse(claims);
  if (!parsed.success) return undefined;
  const raw = parsed.data['cognito:groups'] ?? [];
  const groups = Array.isArray(raw) ? raw : raw.replace(/^\[|\]$/g, '').split(/[\s,]+/);
  const roles = groups.filter(
    (group): group is 'officer' | 'senior-officer' => group === 'officer' || group === 'senior-officer',
  );
  if (roles.length === 0) return 'no-role';
  return { kind: 'officer', officerId: parsed.data.sub, landlordId: parsed.data['custom:landlordId'], roles };
}
