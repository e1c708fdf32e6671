import { letterText } from '../shared/i18n/letters.js';
import type { Deps } from '../shared/services/deps.js';
import { letterForApplicant, letterPdfForApplicant, parseLetterNumber } from '../shared/services/letters.js';
import { applicantOf } from './applicant.js';
import { idParam, pdfResult, WebError } from './http.js';
import { pageLanguage } from './language.js';
import type { Route } from './routes.js';

/**
 * The applicant's decision letters (issue 6): `/applications/{id}/letters/{n}` is the letter as a page, and
 * `/applications/{id}/letters/{n}.pdf` the PDF a workflow step wrote. Only the applicant who owns the
 * application sees either; anyone else gets the same 404 as for a letter that does not exist.
 */

export function letterRoutes(deps: () => Deps): Route[] {
  return [
    {
      method: 'GET',
      path: '/applications/{applicationId}/letters/{letter}',
      handler: async (event, page) => {
        const context = deps();
        const who = await applicantOf(context, event);
        const applicationId = idParam(event, 'applicationId');
        const [, digits, pdf] = /^(\d{1,3})(\.pdf)?$/.exec(event.pathParameters?.letter ?? '') ?? [];
        if (!digits) throw new WebError(404, 'Page not found');
        const number = parseLetterNumber(digits);
        if (pdf) {
          const letter = await letterPdfForApplicant(context, { applicant: who, applicationId, number });
          return pdfResult(letter.pdf, letter.filename);
        }
        const { letter, pdf: hasPdf } = await letterForApplicant(context, {
          applicant: who,
          applicationId,
          number,
        });
        const text = letterText(letter, pageLanguage(event));
        return page('letter.njk', {
          title: text.title,
          applicationId,
          letter: text,
          pdfHref: hasPdf ? `/applications/${applicationId}/letters/${number}.pdf` : undefined,
          backLink: `/applications/${applicationId}/status`,
        });
      },
    },
  ];
}
