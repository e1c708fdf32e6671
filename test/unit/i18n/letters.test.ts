import type { Application, Decision } from '../../../shared/domain/application';
import { allocationBedroomNeed } from '../../../shared/domain/bedrooms';
import { assessEligibility } from '../../../shared/domain/eligibility';
import { composeLetter, type Letter } from '../../../shared/domain/letters';
import type { Policy } from '../../../shared/domain/policy';
import { assessQualification } from '../../../shared/domain/qualification';
import { register } from '../../../shared/domain/registration';
import { Stage } from '../../../shared/domain/stage';
import { MissingTranslation } from '../../../shared/i18n';
import { letterText, pageOf } from '../../../shared/i18n/letters';
import { policyFor } from '../../../shared/policies';
import { aCompleteApplication } from '../../fixtures/applications';

const policies = [policyFor('riverside-council'), policyFor('cwm-valley')];
const decidedAt = '2026-11-02T09:30:00.000Z';
const officerReason = 'Payslips confirm £84,000 a year. Checked with the employer.';

/** The officer's close after a stage's decision: the decision that needs a letter. */
const closing = (stage: Stage, policy: Policy): Decision => ({
  stage,
  outcome: 'refer',
  reasons: [{ rule: 'officer.close', clause: 'Officer decision', text: officerReason }],
  inputs: {},
  policyVersion: policy.version,
  decidedBy: 'officer',
  decidedAt: '2026-11-09T14:00:00.000Z',
  next: 'Your application is closed. We have written to you with the reasons.',
});

/** Gareth's application under a policy, with its decisions, and where a letter can go. */
function applicationWith(
  policy: Policy,
  decisions: Decision[],
  contact: 'post' | 'email' | 'none',
): Application {
  const application = aCompleteApplication({ policyId: policy.policyId, landlordId: policy.landlordId });
  const profile = { ...application.profile };
  if (contact !== 'post') delete profile.currentHome;
  if (contact === 'none') delete profile.contact;
  return { ...application, profile, decisions };
}

/**
 * Every kind of letter, under both policies: joining the register, and a case closed after an eligibility
 * referral, after a qualification referral, and for another reason; sent by post, by email, and through the
 * account alone.
 */
function everyLetter(): Letter[] {
  return policies.flatMap((policy) => {
    const { household, currentHome, localConnection } = aCompleteApplication().profile;
    if (!currentHome || !localConnection)
      throw new Error('The complete application has a home and a connection');
    const need = allocationBedroomNeed({ household, on: decidedAt.slice(0, 10), policy });
    const registered = register({
      need,
      currentHome,
      policy,
      decidedAt,
    }).decision;
    const notEligible = assessEligibility({ immigrationStatus: 'no-current-permission', policy, decidedAt });
    const overTheCap = assessQualification({
      applicant: { dateOfBirth: '1988-07-02' },
      localConnection,
      income: { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 },
      policy,
      decidedAt,
    });
    const histories: Decision[][] = [
      [registered],
      [notEligible, closing(Stage.Eligibility, policy)],
      [overTheCap, closing(Stage.Qualification, policy)],
      [closing(Stage.Documents, policy)],
    ];
    return histories.flatMap((decisions) =>
      (['post', 'email', 'none'] as const).map((contact) => {
        const letter = composeLetter(
          applicationWith(policy, decisions, contact),
          decisions.length - 1,
          policy,
        );
        if (!letter)
          throw new Error(`no letter for ${decisions.map((decision) => decision.stage).join(', ')}`);
        return letter;
      }),
    );
  });
}

describe('a decision letter in Welsh', () => {
  it('has Welsh for every text of every kind of letter, under both councils’ schemes', () => {
    // Prepare
    const letters = everyLetter();

    // Act
    const missing = letters.flatMap((letter) => {
      try {
        letterText(letter, 'cy', { strict: true });
        return [];
      } catch (error) {
        if (error instanceof MissingTranslation) return [`${letter.title}: ${error.message}`];
        throw error;
      }
    });

    // Assess
    expect(letters.map((letter) => letter.kind)).toEqual(expect.arrayContaining(['registration', 'closed']));
    expect(new Set(letters.map((letter) => letter.title)).size).toBe(4);
    expect(missing).toEqual([]);
  });

  it('keeps the officer’s own words, the names, the address and the citations of schemes as written', () => {
    // Prepare
    const policy = policyFor('cwm-valley');
    const decisions = [closing(Stage.Documents, policy)];
    const letter = composeLetter(applicationWith(policy, decisions, 'post'), 0, policy) as Letter;

    // Act
    const welsh = letterText(letter, 'cy', { strict: true });

    // Assess
    expect(welsh.lang).toBe('cy');
    expect(welsh.title).toBe('Rydyn ni wedi cau eich cais');
    expect(welsh.grounds.at(-1)?.text).toBe(`Rheswm y swyddog: ${officerReason}`);
    expect(welsh.to).toEqual(letter.to);
    expect(welsh.headings.review).toBe('Os ydych chi’n meddwl bod y penderfyniad hwn yn anghywir');
    // The review's law in Welsh, and its date with the month in Welsh.
    expect(welsh.review[1]).toBe(
      `Gofynnwch erbyn 30 Tachwedd 2026, ${policy.reviewWithinDays} diwrnod o ddyddiad y llythyr hwn. Mae gennych chi hawl i ofyn am adolygiad o dan Deddf Tai 1996 adran 167(4A).`,
    );
    expect(welsh.date).toBe('9 Tachwedd 2026');
    expect(pageOf('cy', 1, 2)).toBe('tudalen 1 o 2');
  });

  it('keeps names as they are written: a council with a full stop, a landlord called May, an officer’s $&', () => {
    // Prepare
    const policy = policyFor('cwm-valley');
    const decisions = [closing(Stage.Documents, policy)];
    const composed = composeLetter(applicationWith(policy, decisions, 'post'), 0, policy) as Letter;
    const letter: Letter = {
      ...composed,
      councilName: 'St. David Council',
      landlordName: 'May Homes',
      grounds: [{ text: 'Rent arrears of £40 ($& noted).', clause: 'Officer decision', byOfficer: true }],
    };

    // Act
    const welsh = letterText(letter, 'cy', { strict: true });

    // Assess
    expect(welsh.onBehalf).toBe('Ar ran St. David Council: y gofrestr tai');
    expect(welsh.footer).toBe(`May Homes · llythyr penderfyniad ${letter.reference}`);
    expect(welsh.grounds[0]?.text).toBe('Rheswm y swyddog: Rent arrears of £40 ($& noted).');
  });

  it('writes the lines Doorstep adds to an address in the letter’s language, and only those', () => {
    // Prepare
    const policy = policyFor('cwm-valley');
    const decisions = [closing(Stage.Documents, policy)];
    const byEmail = composeLetter(applicationWith(policy, decisions, 'email'), 0, policy) as Letter;
    const online = composeLetter(applicationWith(policy, decisions, 'none'), 0, policy) as Letter;

    // Act
    const [email, account] = [byEmail, online].map((letter) => letterText(letter, 'cy', { strict: true }).to);

    // Assess
    expect(byEmail.to.address).toEqual(['By email to gareth.pritchard@example.org']);
    expect(email?.address).toEqual(['Drwy e-bost i gareth.pritchard@example.org']);
    expect(account?.address).toEqual(['Wedi’i anfon drwy eich cyfrif Doorstep']);
  });

  it('leaves an English letter as the decision wrote it', () => {
    // Prepare
    const policy = policyFor('riverside-council');
    const letter = everyLetter().find((each) => each.kind === 'registration') as Letter;

    // Act
    const english = letterText(letter, 'en', { strict: true });

    // Assess
    expect(english.lang).toBe('en-GB');
    expect([english.title, english.summary, english.next, english.decidedBy]).toEqual([
      letter.title,
      letter.summary,
      letter.next,
      letter.decidedBy,
    ]);
    expect(english.grounds.map((ground) => ground.text)).toEqual(letter.grounds.map((ground) => ground.text));
    expect(english.review[1]).toBe(
      `Ask by 23 November 2026, ${policy.reviewWithinDays} days from the date of this letter. You have the right to ask for a review under Housing Act 1996 s166A(9).`,
    );
  });
});
