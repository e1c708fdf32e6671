/**
 * aws-cdk-lib is compiled without `exactOptionalPropertyTypes`, which Doorstep turns on, so a few of its
 * classes do not type-check as the interfaces they implement (an optional property typed `T | undefined`).
 * This views such a construct as its interface; it changes nothing at run time.
 */
export function asInterface<I extends object>(construct: object): I {
  return construct as I;
}
