import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { type Language, languageOf, translate, welshMonths } from '../shared/i18n/index.js';

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

/**
 * The language of the page being rendered, for the `t` filter. Rendering is synchronous, so the page being
 * rendered is the only one that can read it; it reaches GOV.UK's macros and our own, which do not see the page's
 * context.
 */
let rendering: Language = 'en';

/**
 * `{{ "English text" | t }}`: the text in the page's language (shared/i18n). With values, `{name}` placeholders
 * are filled after translating: `{{ "Band {band}" | t({ band: registration.band }) }}`.
 */
export function t(text: unknown, values?: Record<string, unknown>): unknown {
  if (typeof text !== 'string') return text;
  const translated = translate(rendering, text);
  return values
    ? translated.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
        values[name] === undefined ? whole : String(values[name]),
      )
    : translated;
}

/**
 * GOV.UK's character count says how many characters are left as you type, in the plural forms of the page's
 * language (Intl.PluralRules: Welsh has six; a number is followed by the singular noun in Welsh, so all read alike).
 */
const CHARACTER_COUNTS: Record<Language, { under: Record<string, string>; over: Record<string, string> }> = {
  en: {
    under: { one: 'You have %{count} character remaining', other: 'You have %{count} characters remaining' },
    over: { one: 'You have %{count} character too many', other: 'You have %{count} characters too many' },
  },
  cy: {
    under: Object.fromEntries(
      ['zero', 'one', 'two', 'few', 'many', 'other'].map((form) => [form, 'Mae gennych %{count} nod ar ôl']),
    ),
    over: Object.fromEntries(
      ['zero', 'one', 'two', 'few', 'many', 'other'].map((form) => [
        form,
        'Mae gennych %{count} nod yn ormod',
      ]),
    ),
  },
};

/** What the page's scripts say (web/static/doorstep-texts.js), written on each page in its language. */
const SCRIPT_TEXTS = [
  'No answer',
  'Your answers so far',
  'Saved. Next question: {question}',
  'This is taking longer than usual. Press Check again in a minute.',
];
/** As JSON, for a data attribute (the page escapes it as any attribute). */
const scriptTexts = (language: Language) =>
  JSON.stringify(Object.fromEntries(SCRIPT_TEXTS.map((english) => [english, translate(language, english)])));

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
  environment.addFilter('t', t);
  environment.addGlobal('t', t);
  environment.addFilter('longDate', (iso: unknown) =>
    rendering === 'cy' ? welshMonths(longDate(iso)) : longDate(iso),
  );
  environment.addFilter('dateTime', (iso: unknown) => {
    if (typeof iso !== 'string') return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    // In Welsh, the month's whole name (the short English ones have no Welsh match).
    return rendering === 'cy'
      ? `${welshMonths(longDate(iso))}, ${date.toLocaleTimeString('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' })}`
      : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
  });
  return (template, context) => {
    const previous = rendering;
    rendering = languageOf(context.language) ?? 'en';
    try {
      return environment.render(template, {
        characterCounts: CHARACTER_COUNTS[rendering],
        scriptTexts: scriptTexts(rendering),
        ...context,
      });
    } finally {
      rendering = previous;
    }
  };
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
