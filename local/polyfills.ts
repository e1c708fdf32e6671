/**
 * aws-local-stepfunctions 3 declares Node 22 and uses `Promise.withResolvers` (Node 22+); this project runs on
 * Node 20 locally (DESIGN.md §5), so the runtime adds it before the engine loads.
 */
type Resolvers<T> = {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
};

const PromiseWithResolvers = Promise as PromiseConstructor & { withResolvers?: <T>() => Resolvers<T> };
if (typeof PromiseWithResolvers.withResolvers !== 'function') {
  PromiseWithResolvers.withResolvers = <T>(): Resolvers<T> => {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    return { promise, resolve, reject };
  };
}

/** A promise with its resolvers, for the engine's own use. */
export function deferred<T>(): Resolvers<T> {
  return (PromiseWithResolvers.withResolvers as <U>() => Resolvers<U>)<T>();
}
