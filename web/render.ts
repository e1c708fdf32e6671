import { join } from 'node:path';
import nunjucks from 'nunjucks';

/**
 * Server-side rendering with Nunjucks and GOV.UK Frontend's own templates and macros (DESIGN.md §5: they
 * render offline). Autoescaping is on: everything an applicant typed is escaped unless a template says
 * otherwise, which none does.
 */
export interface RendererOptions {
  /** Doorstep's templates (`web/views`). */
  viewsDir: string;
  /** GOV.UK Frontend's `dist` folder, which holds `govuk/template.njk` and the component macros. */
  govukDir: string;
}

export type Render = (template: string, context: Record<string, unknown>) => string;

export function createRenderer(options: RendererOptions): Render {
  const environment = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([options.viewsDir, options.govukDir], { noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  environment.addFilter('pounds', (pence: unknown) =>
    typeof pence === 'number'
      ? `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`
      : '',
  );
  environment.addFilter('longDate', longDate);
  environment.addFilter('dateTime', (iso: unknown) => {
    if (typeof iso !== 'string') return '';
    const date = new Date(iso);
    return Number.isNaN(date.getTime())
      ? iso
      : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
  });
  return (template, context) => environment.render(template, context);
}

/** Where the templates are in this repository (the Lambda bundle copies both next to its handler). */
export const repositoryViews = (root: string): RendererOptions => ({
  viewsDir: join(root, 'web', 'views'),
  govukDir: join(root, 'node_modules', 'govuk-frontend', 'dist'),
});

/** An ISO date or instant as people write a date in the UK: 28 December 2026 (London's day); '' for nothing. */
export function longDate(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/London',
      });
}
