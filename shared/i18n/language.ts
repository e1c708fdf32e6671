import * as z from 'zod';

/**
 * The languages Doorstep speaks (issue 9): English and Welsh. On its own, without the catalogue, so the
 * application's schema can name it without carrying every Welsh text into every function's bundle.
 */
export const Language = z.enum(['en', 'cy']);
export type Language = z.infer<typeof Language>;

/** The language of a value that may be one (a query string, a cookie), or undefined. */
export const languageOf = (value: unknown): Language | undefined => {
  const parsed = Language.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
