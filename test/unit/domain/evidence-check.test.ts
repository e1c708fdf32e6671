import type { FormsKind } from '../../../shared/domain/documents';
import { checkEvidence, namesMatch } from '../../../shared/domain/evidence-check';
import type { ReadFields } from '../../../shared/domain/identity-check';
import { policyFor } from '../../../shared/policies';
import { aCompleteApplication } from '../../fixtures/applications';

/**
 * Gareth and Nia Pritchard (the fixture household) declared £2,100 a month earned and £350 in benefits, and live
 * at RV1 4AB. Riverside wants income evidence from the last 62 days and address evidence from the last 92,
 * compares fields read with at least 0.8 confidence, and allows income to differ by 10%.
 */
const TODAY = '2026-11-02';
const riverside = policyFor('riverside-council');
const application = aCompleteApplication();
const read = (values: Record<string, string>, confidence = 0.95): ReadFields =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, confidence }]));
const check = (kind: FormsKind, values: Record<string, string>, confidence?: number) =>
  checkEvidence({ kind, fields: read(values, confidence), application, policy: riverside, today: TODAY });

const payslip = (changes: Record<string, string> = {}) => ({
  employeeName: 'Mr G Pritchard',
  employerName: 'Riverside Bakery Ltd',
  payDate: '2026-10-31',
  payPeriod: 'monthly',
  grossPay: '250000',
  netPay: '205000',
  ...changes,
});
const bill = (changes: Record<string, string> = {}) => ({
  accountHolder: 'Nia Pritchard',
  address: '12 Mill Lane, Riverside, RV1 4AB',
  postcode: 'RV1 4AB',
  supplier: 'Afon Energy',
  billDate: '2026-10-12',
  ...changes,
});

describe('checkEvidence', () => {
  it.each<[string, FormsKind, Record<string, string>, string[]]>([
    ['a monthly payslip within 10% of the earnings declared', 'payslip', payslip(), []],
    [
      'a weekly payslip, counted as 52/12 of a week a month',
      'payslip',
      payslip({ payPeriod: 'weekly', netPay: '48000' }),
      [],
    ],
    ['a payslip showing far more than declared', 'payslip', payslip({ netPay: '320000' }), ['income']],
    ['a payslip in neither adult’s name', 'payslip', payslip({ employeeName: 'Rhys Morgan' }), ['name']],
    ['a payslip older than the 62 days allowed', 'payslip', payslip({ payDate: '2026-08-15' }), ['date']],
    ['a payslip dated after today', 'payslip', payslip({ payDate: '2026-12-01' }), ['date']],
    ['a bill in the partner’s name at the current home', 'utility-bill', bill(), []],
    [
      'a bill for another address',
      'utility-bill',
      bill({ postcode: 'CF14 3AB', address: '1 High St, Cardiff, CF14 3AB' }),
      ['address'],
    ],
    [
      'a Council Tax bill whose postcode is only in the address',
      'council-tax-bill',
      {
        accountHolder: 'G Pritchard',
        address: '12 Mill Lane, RV1 4AB',
        council: 'Riverside Council',
        billDate: '2026-09-01',
      },
      [],
    ],
    [
      'a UC statement with more benefit than declared',
      'universal-credit-statement',
      {
        claimantName: 'Gareth Pritchard',
        assessmentPeriodStart: '2026-09-15',
        assessmentPeriodEnd: '2026-10-14',
        housingElement: '45000',
        totalPayment: '90000',
      },
      ['income'],
    ],
    [
      'an award letter paid four-weekly, within what was declared',
      'benefit-letter',
      {
        claimantName: 'Nia Pritchard',
        address: '12 Mill Lane, RV1 4AB',
        benefit: 'Child Benefit',
        amount: '30000',
        frequency: 'four-weekly',
        letterDate: '2026-10-01',
      },
      [],
    ],
  ])('%s', (_what, kind, values, fields) => {
    const result = check(kind, values);
    expect(result.problems.map((problem) => problem.field)).toEqual(fields);
    if (fields.length === 0) expect(result.confirmed.length).toBeGreaterThan(0);
  });

  it('does not guess a monthly income from a payslip that does not say how often it is paid', () => {
    const { payPeriod: _period, ...withoutPeriod } = payslip({ netPay: '48000' });

    const result = check('payslip', withoutPeriod);

    expect(result.problems).toEqual([]);
    expect(result.confirmed.join(' ')).not.toContain('a month, which fits');
  });

  it('compares nothing that read with low confidence, and asks for a clearer photo instead', () => {
    const result = check('payslip', payslip({ netPay: '900000' }), 0.6);

    expect(result.problems).toEqual([
      { field: 'legibility', text: expect.stringContaining('Take another photo in daylight') },
    ]);
  });

  it('asks for a clearer photo when whose it is or its date could not be read at all', () => {
    const { employeeName: _name, ...withoutName } = payslip();

    expect(check('payslip', withoutName).problems.map((problem) => problem.field)).toEqual(['legibility']);
  });

  it('says what was told and what was shown, and what to do, when income differs', () => {
    const [problem] = check('payslip', payslip({ netPay: '320000' })).problems;

    expect(problem?.text).toBe(
      'Your payslip shows about £3,200 a month, but you told us £2,100 a month. If your income has changed, change your answer; if not, an officer will check it with you.',
    );
  });

  it('allows a single adult’s payslip to show no less than 10% under the earnings declared', () => {
    const single = aCompleteApplication({
      profile: {
        ...application.profile,
        household: application.profile.household.filter((member) => member.relationship === 'applicant'),
      },
    });
    const result = checkEvidence({
      kind: 'payslip',
      fields: read(payslip({ netPay: '120000' })),
      application: single,
      policy: riverside,
      today: TODAY,
    });

    expect(result.problems.map((problem) => problem.field)).toEqual(['income']);
  });
});

describe('namesMatch', () => {
  it.each([
    ['Mr G Pritchard', true],
    ['PRITCHARD GARETH', true],
    ['Gareth Owen Pritchard', true],
    ['Gareth Prichard', false],
    ['Mrs N Pritchard', false],
    ['Nia Pritchard', false],
  ])('“%s” is Gareth Pritchard’s: %s', (printed, expected) => {
    expect(namesMatch(printed, { firstName: 'Gareth', lastName: 'Pritchard' })).toBe(expected);
  });

  it('matches accents and either part of a double surname', () => {
    expect(namesMatch('Zofia Wiśniewska-Jones', { firstName: 'Zofia', lastName: 'Wisniewska-Jones' })).toBe(
      true,
    );
    expect(namesMatch('Ms Z Jones', { firstName: 'Zofia', lastName: 'Wiśniewska Jones' })).toBe(true);
  });
});
