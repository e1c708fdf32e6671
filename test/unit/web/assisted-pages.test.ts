import { anApplication } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';
import { aWebApp, ellisIdentity, errorSummaryOf, signIn, titleOf } from './browser';

/**
 * Assisted digital in the console (issue 9): Ellis, an officer of Riverside Homes, records that the applicant
 * agreed on the phone, then answers their questions for them, with the GOV.UK error summary on a bad answer.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const assist = `/officer/applications/${applicationId}/assist`;
/** Today in these tests is 2 November 2026 (memoryDeps' clock). */
const agreedToday = {
  how: 'phone',
  'givenOn-day': '2',
  'givenOn-month': '11',
  'givenOn-year': '2026',
  confirmed: 'yes',
};

async function ellisOnTheCase() {
  const deps = memoryDeps();
  await deps.applications.create(anApplication());
  const browser = aWebApp({ deps, officers: ellisIdentity() }).browser();
  browser.jar.set('doorstep_officer', 'id-token-ellis');
  const casePage = await browser.get(`/officer/applications/${applicationId}`);
  return { deps, browser, casePage };
}

describe('continuing an application for the applicant', () => {
  it('is offered on the case page', async () => {
    const { casePage } = await ellisOnTheCase();

    expect(casePage.body).toContain(`href="${assist}"`);
  });

  it('asks for the applicant’s agreement first, with the error summary when it is not given', async () => {
    const { deps, browser } = await ellisOnTheCase();
    const form = await browser.get(assist);

    const refused = await browser.post(assist, { how: 'phone' });

    expect(form.status).toBe(200);
    expect(titleOf(form.body)).toMatch(/^Continue this application for the applicant/);
    expect(refused.status).toBe(400);
    expect(errorSummaryOf(refused.body)).toEqual([
      { href: '#givenOn-day', text: 'Enter the day they agreed' },
      { href: '#confirmed', text: 'Confirm the applicant agreed that you answer for them' },
    ]);
    expect(deps.audit.events).toEqual([]);
  });

  it('answers the applicant’s questions once they agreed, each audited as entered by Ellis for them', async () => {
    // Prepare
    const { deps, browser } = await ellisOnTheCase();
    await browser.get(assist);

    // Act
    const agreed = await browser.post(assist, agreedToday);
    const next = await browser.get(assist);
    const question = await browser.get(next.headers.location ?? '');
    const wrong = await browser.post(`${assist}/questions/name`, { firstName: 'Gareth' });
    const answered = await browser.post(`${assist}/questions/name`, {
      firstName: 'Gareth',
      lastName: 'Pritchard',
    });
    const then = await browser.get(assist);

    // Assess
    expect(agreed).toMatchObject({ status: 303, headers: { location: assist } });
    expect(next.headers.location).toBe(`${assist}/questions/name`);
    expect(titleOf(question.body)).toMatch(/^What is your name\?/);
    expect(wrong.status).toBe(400);
    expect(errorSummaryOf(wrong.body)).toEqual([{ href: '#lastName', text: 'Enter your last name' }]);
    expect(answered.status).toBe(303);
    expect(then.headers.location).toBe(`${assist}/questions/date-of-birth`);
    expect(deps.applications.items.get(applicationId)?.conversation?.aboutYou).toEqual({
      firstName: 'Gareth',
      lastName: 'Pritchard',
    });
    expect(deps.audit.events.map((event) => [event.type, event.actor, event.facts])).toEqual([
      ['assistance-consent', 'officer', { officerId: 'officer-ellis', how: 'phone', givenOn: '2026-11-02' }],
      ['answered', 'officer', { prompt: 'name', onBehalfOfApplicant: true, officerId: 'officer-ellis' }],
    ]);
  });

  it('sends a question that is not the applicant’s next one back to the start', async () => {
    const { browser } = await ellisOnTheCase();
    await browser.get(assist);
    await browser.post(assist, agreedToday);

    const response = await browser.get(`${assist}/questions/income`);

    expect(response).toMatchObject({ status: 303, headers: { location: assist } });
  });
});

describe('the applicant’s own record', () => {
  it('says on their status page that an officer answered for them, and when', async () => {
    // Prepare: Ellis answers the name for Gareth, who then signs in.
    const { deps, browser } = await ellisOnTheCase();
    await browser.get(assist);
    await browser.post(assist, agreedToday);
    await browser.get(`${assist}/questions/name`);
    await browser.post(`${assist}/questions/name`, { firstName: 'Gareth', lastName: 'Pritchard' });
    const gareth = aWebApp({ deps }).browser();
    const subject = await signIn(deps, gareth, 'gareth.pritchard@example.org');
    const application = deps.applications.items.get(applicationId);
    if (!application) throw new Error('no application');
    deps.applications.items.set(applicationId, { ...application, ownerId: subject });

    // Act
    const status = await gareth.get(`/applications/${applicationId}/status`);

    // Assess
    expect(status.body).toContain(
      'An officer answered some of your questions for you, with your agreement, on 2 November 2026.',
    );
  });
});
