import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * `@aws-sdk/credential-provider-node` as Lambda bundles see it (DoorstepFunction's esbuild `--alias`). Every SDK
 * client's default credentials come from that package's chain (environment, SSO, INI profiles, web identity,
 * process, container and instance metadata), and the chain carries its own STS, SSO and SSO-OIDC clients: about
 * 90 KiB of each bundle. A Lambda function's role credentials are always in its environment
 * (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the first link of that chain, so the
 * bundles take that link alone. The local runtime and the tests do not bundle, and keep the whole chain.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
