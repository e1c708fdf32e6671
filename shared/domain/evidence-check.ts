import type { Application, HouseholdMember } from './application.js';
import { addDays } from './dates.js';
import { normalisePostcode, type PaymentFrequency } from './document-fields.js';
import { DOCUMENT_CATALOGUE, type FormsKind } from './documents.js';
import type { ReadFields } from './identity-check.js';
import { pounds } from './money.js';
import type { Policy } from './policy.js';

/**
 * What a payslip, statement, award letter or bill read by OCR says against what the applicant told us
 * (issue 7, verification): whose it is, how recent, the income it shows against the income declared (within
 * the policy's tolerance), and the address against the current home's postcode. Pure. It never refuses: each
 * problem says what to do, and anything in doubt goes to an officer (UK GDPR Art. 22).
 *
 * The photocard driving licence is an identity document, checked like a passport (identity-check.ts); this
 * module only asks whether what it read was clear enough.
 */

/** Something read that does not agree with the answers, or could not be read well enough, in plain English. */
export interface EvidenceProblem {
  field: string;
  text: string;
}

export interface EvidenceCheck {
  /** What the document confirmed, in plain English (the verification decision's reasons). */
  confirmed: string[];
  problems: EvidenceProblem[];
}

/** Each kind's holder field: the person the document is about. */
const HOLDER: Partial<Record<FormsKind, string>> = {
  payslip: 'employeeName',
  'bank-statement': 'accountHolder',
  'universal-credit-statement': 'claimantName',
  'benefit-letter': 'claimantName',
  'utility-bill': 'accountHolder',
  'council-tax-bill': 'accountHolder',
};

/** Each kind's date: how recent the document is. */
const DATED: Partial<Record<FormsKind, string>> = {
  payslip: 'payDate',
  'bank-statement': 'periodEnd',
  'universal-credit-statement': 'assessmentPeriodEnd',
  'benefit-letter': 'letterDate',
  'utility-bill': 'billDate',
  'council-tax-bill': 'billDate',
};

/** Monthly equivalents of amounts paid at other intervals (52 weeks, 26 fortnights, 13 four-weeks a year). */
const PER_MONTH: Record<PaymentFrequency, number> = {
  weekly: 52 / 12,
  fortnightly: 26 / 12,
  'four-weekly': 13 / 12,
  monthly: 1,
};

/** Letters, digits and spaces only, lower case, without accents: for comparing names as people write them. */
function plain(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0);
}

/**
 * Whether a name printed on a document is this person's: their surname (each part of a hyphenated or double
 * surname counts), and their first name or its initial, in any order; titles and middle names are ignored.
 */
export function namesMatch(
  printed: string,
  member: Pick<HouseholdMember, 'firstName' | 'lastName'>,
): boolean {
  const words = new Set(plain(printed));
  const surnames = plain(member.lastName);
  const [first] = plain(member.firstName);
  if (!first || surnames.length === 0) return false;
  const surname = surnames.some((part) => words.has(part));
  const given = words.has(first) || words.has(first.charAt(0));
  return surname && given;
}

/** The adults a household's income and address evidence may belong to: the applicant and a partner. */
function adults(application: Application): HouseholdMember[] {
  return application.profile.household.filter(
    (member) => member.relationship === 'applicant' || member.relationship === 'partner',
  );
}

function money(fields: ReadFields, name: string): number | undefined {
  const value = fields[name]?.value;
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** A monthly amount from one payment and how often it is paid (an award letter that does not say: monthly). */
function monthly(amount: number, frequency: string | undefined): number {
  return Math.round(amount * (PER_MONTH[frequency as PaymentFrequency] ?? 1));
}

/**
 * Checks one document read as forms against the application. `today` is an ISO date. Unreadable or
 * low-confidence fields are problems first: nothing is compared on a value the reader was unsure of.
 */
export function checkEvidence(input: {
  kind: FormsKind;
  fields: ReadFields;
  application: Application;
  policy: Policy;
  today: string;
}): EvidenceCheck {
  const { kind, fields, application, policy, today } = input;
  const { name } = DOCUMENT_CATALOGUE[kind];
  const threshold = policy.evidence.confidenceThreshold;
  const confirmed: string[] = [];
  const problems: EvidenceProblem[] = [];

  const unclear = DOCUMENT_CATALOGUE[kind].fields.filter(
    (field) => fields[field] !== undefined && (fields[field]?.confidence ?? 0) < threshold,
  );
  const wanted = [HOLDER[kind], DATED[kind]].filter((field): field is string => field !== undefined);
  const missing = wanted.filter((field) => fields[field] === undefined);
  if (unclear.length > 0 || missing.length > 0) {
    problems.push({
      field: 'legibility',
      text: `Parts of your ${name.toLowerCase()} did not read clearly enough to check. Take another photo in daylight, flat, with the whole page in view and nothing covering it, or upload the PDF you were sent.`,
    });
    return { confirmed, problems };
  }

  const holderField = HOLDER[kind];
  const holder = holderField ? fields[holderField]?.value : undefined;
  if (holder !== undefined) {
    const whose = adults(application).find((member) => namesMatch(holder, member));
    if (whose)
      confirmed.push(`Your ${name.toLowerCase()} is in the name of ${whose.firstName} ${whose.lastName}.`);
    else
      problems.push({
        field: 'name',
        text: `Your ${name.toLowerCase()} is in the name of ${holder}, not you or your partner. Upload one in your own name, or your partner's; an officer will check it with you if it is right.`,
      });
  }

  const datedField = DATED[kind];
  const dated = datedField ? fields[datedField]?.value : undefined;
  const proves = DOCUMENT_CATALOGUE[kind].proves;
  const recentDays = proves.includes('income')
    ? policy.evidence.recentDays.income
    : policy.evidence.recentDays.address;
  if (dated !== undefined) {
    if (dated > today) {
      problems.push({
        field: 'date',
        text: `Your ${name.toLowerCase()} is dated ${dated}, which is after today: check the photo shows the right date, or upload another.`,
      });
    } else if (dated < addDays(today, -recentDays)) {
      problems.push({
        field: 'date',
        text: `Your ${name.toLowerCase()} is dated ${dated}. We need one from the last ${recentDays} days: upload a more recent one.`,
      });
    } else confirmed.push(`It is dated ${dated}, within the last ${recentDays} days.`);
  }

  incomeCheck(kind, fields, application, policy, confirmed, problems);
  addressCheck(fields, application, name, confirmed, problems);
  return { confirmed, problems };
}

/**
 * The income a document shows against the income declared. A payslip is one earner's: it may not show more
 * than the household's declared earnings (beyond the tolerance), and where only one adult could earn it must
 * also not show much less. A Universal Credit statement or an award letter may not show more benefits than
 * declared. A bank statement's money in is not compared: transfers between accounts count there too.
 */
function incomeCheck(
  kind: FormsKind,
  fields: ReadFields,
  application: Application,
  policy: Policy,
  confirmed: string[],
  problems: EvidenceProblem[],
) {
  const declared = application.profile.income;
  if (!declared) return;
  const tolerance = policy.evidence.incomeTolerancePercent / 100;
  const compare = (what: string, shown: number, told: number, bothWays: boolean) => {
    const over = shown > told * (1 + tolerance);
    const under = bothWays && shown < told * (1 - tolerance);
    if (over || under) {
      problems.push({
        field: 'income',
        text: `Your ${what} shows about ${pounds(shown)} a month, but you told us ${pounds(told)} a month. If your income has changed, change your answer; if not, an officer will check it with you.`,
      });
    } else {
      confirmed.push(
        `It shows about ${pounds(shown)} a month, which fits the ${pounds(told)} a month you told us (within ${policy.evidence.incomeTolerancePercent}%).`,
      );
    }
  };
  if (kind === 'payslip') {
    const net = money(fields, 'netPay');
    // Without how often it is paid, a monthly figure would be a guess: an officer compares it instead.
    if (net === undefined || fields.payPeriod === undefined) return;
    const oneEarner = adults(application).length === 1;
    compare('payslip', monthly(net, fields.payPeriod?.value), declared.monthlyEarnings, oneEarner);
  } else if (kind === 'universal-credit-statement') {
    const total = money(fields, 'totalPayment');
    if (total !== undefined) compare('Universal Credit statement', total, declared.monthlyBenefits, false);
  } else if (kind === 'benefit-letter') {
    const amount = money(fields, 'amount');
    if (amount !== undefined)
      compare('award letter', monthly(amount, fields.frequency?.value), declared.monthlyBenefits, false);
  }
}

/** The postcode a document shows against the current home's, where the household has one. */
function addressCheck(
  fields: ReadFields,
  application: Application,
  name: string,
  confirmed: string[],
  problems: EvidenceProblem[],
) {
  const shown = fields.postcode?.value ?? normalisePostcode(fields.address?.value ?? '');
  const home = application.profile.currentHome?.postcode;
  if (!shown || !home) return;
  if (normalisePostcode(home) === shown) {
    confirmed.push(`Its address is at ${shown}, where you told us you live.`);
  } else {
    problems.push({
      field: 'address',
      text: `Your ${name.toLowerCase()} is for an address at ${shown}, but you told us you live at ${home}. If you have moved, change your answer; if not, upload one sent to your current address.`,
    });
  }
}
