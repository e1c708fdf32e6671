import { anApplication } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';
import { aWebApp, errorSummaryOf, fieldErrorOf, signIn, titleOf } from './browser';

/**
 * Answering by text (issue 9) on the web: linking a mobile with a code texted to it, and signing in with a code
 * texted to a mobile, each with the GOV.UK error summary on a bad answer.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const phone = '+447700900982';

async function anApplicantAt(path: string) {
  const deps = memoryDeps();
  const page = aWebApp({ deps }).browser();
  const subject = await signIn(deps, page, 'gareth.pritchard@example.org');
  await deps.applications.create(anApplication({ ownerId: subject }));
  await page.get(path);
  return { deps, page };
}

const codeTexted = (deps: ReturnType<typeof memoryDeps>, to = phone) =>
  /\b(\d{6})\b/.exec(deps.messaging.to(to).at(-1) ?? '')?.[1] ?? '';

describe('/applications/{id}/text-messages', () => {
  it('is linked from the status page while the application is in progress', async () => {
    const { page } = await anApplicantAt(`/applications/${applicationId}/status`);

    expect(page.last?.body).toContain(`href="/applications/${applicationId}/text-messages"`);
  });

  it('links the mobile with the code texted to it, then texts the first question', async () => {
    // Prepare
    const { deps, page } = await anApplicantAt(`/applications/${applicationId}/text-messages`);

    // Act
    const asked = await page.post(`/applications/${applicationId}/text-messages`, { phone: '07700 900982' });
    const codePage = await page.get(asked.headers.location ?? '');
    const linked = await page.post(`/applications/${applicationId}/text-messages/code`, {
      code: codeTexted(deps),
    });

    // Assess
    expect(asked.status).toBe(303);
    expect(titleOf(codePage.body)).toMatch(/^Check your phone/);
    expect(codePage.body).toContain('07700 ••• 982');
    expect(codePage.body).not.toContain('900982');
    expect(linked).toMatchObject({
      status: 303,
      headers: { location: `/applications/${applicationId}/status` },
    });
    expect(deps.phones.links.size).toBe(1);
    expect(deps.messaging.to(phone).at(-1)).toMatch(/^What is your name\?/);
  });

  it('shows the error summary for a number that is not a UK mobile, keeping what was typed', async () => {
    const { deps, page } = await anApplicantAt(`/applications/${applicationId}/text-messages`);

    const response = await page.post(`/applications/${applicationId}/text-messages`, {
      phone: '020 7946 0000',
    });

    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#phone', text: 'Enter a UK mobile number, like 07700 900982' },
    ]);
    expect(response.body).toContain('value="020 7946 0000"');
    expect(deps.messaging.sent).toEqual([]);
  });

  it('refuses a wrong code with the error summary, and links nothing', async () => {
    const { deps, page } = await anApplicantAt(`/applications/${applicationId}/text-messages`);
    await page.post(`/applications/${applicationId}/text-messages`, { phone });
    await page.get(`/applications/${applicationId}/text-messages/code`);
    const wrong = codeTexted(deps) === '000000' ? '111111' : '000000';

    const response = await page.post(`/applications/${applicationId}/text-messages/code`, { code: wrong });
    const notDigits = await page.post(`/applications/${applicationId}/text-messages/code`, { code: '12ab' });

    expect(response.status).toBe(400);
    expect(fieldErrorOf(response.body, 'code')).toMatch(/That code is not right/);
    expect(errorSummaryOf(notDigits.body)).toEqual([
      { href: '#code', text: 'The code is 6 digits, like 123456' },
    ]);
    expect(deps.phones.links.size).toBe(0);
  });
});

describe('signing in with a code by text', () => {
  it('texts a code to the mobile and signs in with it', async () => {
    const deps = memoryDeps();
    const page = aWebApp({ deps }).browser();
    await page.get('/sign-in');

    const asked = await page.post('/sign-in', { phone: '07700 900982' });
    const codePage = await page.get('/sign-in/code');
    const signedIn = await page.post('/sign-in/code', { code: codeTexted(deps) });

    expect(asked).toMatchObject({ status: 303, headers: { location: '/sign-in/code' } });
    expect(titleOf(codePage.body)).toMatch(/^Check your phone/);
    expect(signedIn.status).toBe(303);
    expect(page.jar.has('doorstep_session')).toBe(true);
    expect(deps.notifier.sent).toEqual([]);
  });

  it('shows the error summary for a number that is not a UK mobile, and texts nothing', async () => {
    const deps = memoryDeps();
    const page = aWebApp({ deps }).browser();
    await page.get('/sign-in');

    const response = await page.post('/sign-in', { phone: 'my mobile' });

    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#phone', text: 'Enter a UK mobile number, like 07700 900982' },
    ]);
    expect(deps.messaging.sent).toEqual([]);
  });

  it('refuses a wrong code, asking to check the text', async () => {
    const deps = memoryDeps();
    const page = aWebApp({ deps }).browser();
    await page.get('/sign-in');
    await page.post('/sign-in', { phone });
    await page.get('/sign-in/code');
    const wrong = codeTexted(deps) === '000000' ? '111111' : '000000';

    const response = await page.post('/sign-in/code', { code: wrong });
    const empty = await page.post('/sign-in/code', { code: '' });

    expect(response.status).toBe(400);
    expect(fieldErrorOf(response.body, 'code')).toBe(
      'The code is wrong or has expired. Check it, or send a new code.',
    );
    expect(fieldErrorOf(empty.body, 'code')).toBe('Enter the code from the text');
    expect(page.jar.has('doorstep_session')).toBe(false);
  });
});
