import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aWebApp, ellisIdentity, titleOf } from './browser';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const token = (name: string) => `AQCEAAAAKgAAAAMAAAAAAAAAAc2VjcmV0=${name}-token`;

/** Ellis lets homes for Riverside Homes. */
const officers = ellisIdentity();

/** Riverside's queue: a passport to check (due first), a failed step (referral), and `approvals` offers. */
async function aQueue(approvals = 1): Promise<MemoryDeps> {
  const deps = memoryDeps();
  await deps.applications.create(aCompleteApplication({ stage: Stage.Verification }));
  const park = (kind: 'review' | 'attention' | 'approval', stage: Stage, name: string) =>
    awaitPerson(deps, { applicationId, stage, kind, waitingFor: WaitingFor.Officer, taskToken: token(name) });
  await park('review', Stage.Verification, 'review');
  deps.clock.advanceDays(1);
  await park('attention', Stage.Keys, 'attention');
  deps.clock.advanceDays(1);
  for (let n = 0; n < approvals; n += 1) await park('approval', Stage.OfficerApproval, `approval-${n}`);
  return deps;
}

function ellisWith(deps: MemoryDeps) {
  const browser = aWebApp({ deps, officers }).browser();
  browser.jar.set('doorstep_officer', 'id-token-ellis');
  return browser;
}

/** The queue's view links: their words and whether each is the one shown. */
function viewsOf(html: string): Array<{ href: string; text: string; current: boolean }> {
  const nav = /<nav aria-label="Views of the queue">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [
    ...nav.matchAll(/<a class="govuk-link" href="([^"]*)"( aria-current="page")?>([\s\S]*?)<\/a>/g),
  ].map(([, href = '', current, text = '']) => ({
    href: href.replaceAll('&amp;', '&'),
    text: text.replace(/<[^>]+>/g, '').trim(),
    current: Boolean(current),
  }));
}

/** How many cases the page lists. */
const casesOf = (html: string) =>
  [...html.matchAll(/href="\/officer\/applications\/(app_[0-9a-f]+)"/g)].length;

describe('the console queue’s views', () => {
  it('links each view with its count, the whole queue marked as the one shown', async () => {
    // Prepare
    const browser = ellisWith(await aQueue());

    // Act
    const response = await browser.get('/officer');

    // Assess
    expect(response.status).toBe(200);
    expect(viewsOf(response.body)).toEqual([
      { href: '/officer', text: 'Everything: 3', current: true },
      { href: '/officer?show=approvals', text: 'Offers to approve: 1', current: false },
      { href: '/officer?show=documents', text: 'Documents to review: 1', current: false },
      { href: '/officer?show=referrals', text: 'Referrals: 1', current: false },
      { href: '/officer?show=reviews', text: 'Review requests: 0', current: false },
      { href: '/officer?show=near-deadline', text: 'Near their deadline: 0', current: false },
    ]);
    expect(casesOf(response.body)).toBe(3);
  });

  it('shows one view with ?show=, marked as current, the counts still over the whole queue', async () => {
    // Prepare
    const browser = ellisWith(await aQueue());

    // Act
    const response = await browser.get('/officer?show=referrals');

    // Assess
    expect(titleOf(response.body)).toBe('Referrals – Your queue – Doorstep lettings console');
    expect(viewsOf(response.body).filter((view) => view.current)).toEqual([
      { href: '/officer?show=referrals', text: 'Referrals: 1', current: true },
    ]);
    expect(response.body).toContain('Referrals, soonest deadline first');
    expect(response.body).toContain('Cases needing attention (Your keys)');
    expect(response.body).not.toContain('Offers to approve (');
    expect(casesOf(response.body)).toBe(1);
  });

  it.each([
    ['reviews', 'No household is waiting for a review decision.'],
    ['near-deadline', 'Nothing is due in the next 2 days.'],
  ])('says so when the %s view is empty', async (show, empty) => {
    // Prepare
    const browser = ellisWith(await aQueue());

    // Act
    const response = await browser.get(`/officer?show=${show}`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toContain(empty);
    expect(casesOf(response.body)).toBe(0);
  });

  it('says nothing is waiting when the queue is empty', async () => {
    // Prepare
    const browser = ellisWith(memoryDeps());

    // Act
    const response = await browser.get('/officer');

    // Assess
    expect(response.body).toContain('Nothing is waiting for you.');
    expect(viewsOf(response.body)[0]).toEqual({ href: '/officer', text: 'Everything: 0', current: true });
  });

  it('shows the whole queue for a view it does not have', async () => {
    // Prepare
    const browser = ellisWith(await aQueue());

    // Act
    const response = await browser.get('/officer?show=%3Cscript%3E');

    // Assess
    expect(response.status).toBe(200);
    expect(viewsOf(response.body)[0]?.current).toBe(true);
    expect(response.body).not.toContain('<script>');
    expect(casesOf(response.body)).toBe(3);
  });
});

describe('the console queue’s pages', () => {
  it('shows 50 cases a page with GOV.UK pagination that keeps the view', async () => {
    // Prepare
    const browser = ellisWith(await aQueue(120));

    // Act
    const first = await browser.get('/officer?show=approvals');
    const second = await browser.get('/officer?show=approvals&page=2');
    const past = await browser.get('/officer?show=approvals&page=99');

    // Assess
    expect(casesOf(first.body)).toBe(50);
    expect(titleOf(first.body)).toBe(
      'Offers to approve – Your queue (page 1 of 3) – Doorstep lettings console',
    );
    expect(first.body).toContain('class="govuk-pagination"');
    expect(first.body).toContain('href="/officer?show=approvals&amp;page=2"');
    expect(first.body).not.toContain('govuk-pagination__prev');
    expect(second.body).toContain('govuk-pagination__prev');
    expect(second.body).toContain('govuk-pagination__next');
    expect(second.body).toMatch(/aria-current="page"[^>]*>\s*2\s*</);
    expect(casesOf(past.body)).toBe(20);
    expect(viewsOf(past.body)[1]).toMatchObject({ text: 'Offers to approve: 120', current: true });
  });

  it('shows no pagination when the view fits on one page', async () => {
    // Prepare
    const browser = ellisWith(await aQueue());

    // Act
    const response = await browser.get('/officer');

    // Assess
    expect(response.body).not.toContain('govuk-pagination');
  });
});
