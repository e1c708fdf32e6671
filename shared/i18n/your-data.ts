import { type CopyWording, IN_ENGLISH } from '../domain/your-data.js';
import { type Language, translate, welshMonths } from './index.js';

/**
 * The wording of "What we hold about you" in a language (issue 9): its own words from the catalogue, its dates'
 * months in Welsh. The page (web/privacy.ts) uses the page's language; the PDF copy (services/your-data-pdf.ts)
 * the language the applicant chose, as their letters do.
 */
export const wordingFor = (language: Language): CopyWording =>
  language === 'en' ? IN_ENGLISH : { t: (english) => translate(language, english), date: welshMonths };
