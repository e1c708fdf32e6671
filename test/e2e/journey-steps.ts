import { expect, type Page } from '@playwright/test';
import { expectAccessible, signInCode } from './support.js';

/**
 * The applicant's steps of the journey, shared by the journey specs (with and without JavaScript): each takes
 * the accessibility check to run on the pages it visits.
 */

/** An accessibility check of a page: axe in the page, or on its HTML as rendered when JavaScript is off. */
export type Check = (page: Page) => Promise<void>;

/**
 * The words a step looks for, in the page's language: English as written, or each English text through the
 * Welsh catalogue (shared/i18n), so the same steps walk the journey in Welsh (welsh.spec.ts).
 */
export type Translate = (english: string) => string;
const inEnglish: Translate = (english) => english;

/** The words of a catalogue text before its first `{placeholder}`: "A baby you are expecting, due". */
const before = (text: string) => (text.split('{')[0] ?? text).trim();

/** The upload page: which document and file kind, then the form that posts straight to storage. */
export async function sendDocument(
  page: Page,
  kind: string,
  format: string,
  file: string,
  check: Check = expectAccessible,
  t: Translate = inEnglish,
) {
  await expect(page.getByRole('heading', { name: t('Send a document') })).toBeVisible();
  await check(page);
  await page.getByRole('radio', { name: t(kind), exact: true }).check();
  await page.getByRole('radio', { name: t(format) }).check();
  await page.getByRole('button', { name: t('Continue') }).click();
  await page.getByLabel(t('Upload the photo or scan')).setInputFiles(file);
  await check(page);
  await page.getByRole('button', { name: t('Send this file') }).click();
}

export async function continueWith(page: Page, t: Translate = inEnglish) {
  await page.getByRole('button', { name: t('Continue') }).click();
}

/** Signs in through the journey's own pages; the code comes from the local outbox. */
export async function signIn(
  page: Page,
  email: string,
  check: Check = expectAccessible,
  t: Translate = inEnglish,
) {
  await page.goto('/');
  await check(page);
  await page.getByRole('button', { name: t('Start now') }).click();
  await expect(page.getByRole('heading', { name: t('What is your email address?') })).toBeVisible();
  await check(page);
  await page.getByLabel(t('What is your email address?')).fill(email);
  await page.getByRole('button', { name: t('Send me a code'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('Check your email') })).toBeVisible();
  await check(page);
  await page.getByLabel(t('Check your email')).fill(await signInCode(page.request, email));
  await page.getByRole('button', { name: t('Sign in'), exact: true }).click();
  await page.getByRole('radio', { name: t('Riverside Homes') }).check();
  await check(page);
  await page.getByRole('button', { name: t('Start your application') }).click();
}

/** The applicant's own questions: name (with a mistake first), date of birth, sex, contact, immigration status. */
export async function aboutYou(page: Page, check: Check = expectAccessible, t: Translate = inEnglish) {
  await expect(page.getByRole('heading', { name: t('What is your name?') })).toBeVisible();
  await check(page);
  await continueWith(page, t);
  await expect(page.getByRole('heading', { name: t('There is a problem') })).toBeVisible();
  await expect(page.getByRole('link', { name: t('Enter your first name') })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${t('Error:')} `));
  await check(page);
  await page.getByLabel(t('First name')).fill('Gareth');
  await page.getByLabel(t('Last name')).fill('Pritchard');
  await continueWith(page, t);

  await expect(page.getByRole('group', { name: t('What is your date of birth?') })).toBeVisible();
  await page.getByLabel(t('Day')).fill('31');
  await page.getByLabel(t('Month')).fill('2');
  await page.getByLabel(t('Year')).fill('1988');
  await continueWith(page, t);
  await expect(page.getByRole('link', { name: t('Your date of birth must be a real date') })).toBeVisible();
  await check(page);
  await page.getByLabel(t('Day')).fill('2');
  await page.getByLabel(t('Month')).fill('7');
  await continueWith(page, t);

  await page.getByRole('radio', { name: t('Male'), exact: true }).check();
  await check(page);
  await continueWith(page, t);

  await expect(page.getByRole('heading', { name: t('How can we contact you?') })).toBeVisible();
  await check(page);
  await continueWith(page, t);

  await page.getByRole('radio', { name: t('British or Irish citizen') }).check();
  await check(page);
  await continueWith(page, t);
}

/** An ISO date's day, month and year as a person types them. */
const typed = (date: Date) => [
  String(date.getUTCDate()),
  String(date.getUTCMonth() + 1),
  String(date.getUTCFullYear()),
];

/**
 * The household, one person at a time: who they are, their details, then the needs that can apply to them; a
 * baby on the way is added and removed again; a child's details are changed; then the applicant's own needs.
 */
export async function household(page: Page, check: Check = expectAccessible, t: Translate = inEnglish) {
  await expect(page.getByRole('heading', { name: t('Who will live with you?') })).toBeVisible();
  await check(page);
  const people = [
    {
      relationship: 'My partner',
      heading: 'Tell us about your partner',
      first: 'Nia',
      last: 'Pritchard',
      dob: ['21', '1', '1990'],
      sex: 'Female',
    },
    {
      relationship: 'My child',
      heading: 'Tell us about your child',
      first: 'Cerys',
      last: 'Pritchard',
      dob: ['9', '5', '2014'],
      sex: 'Female',
    },
    {
      relationship: 'My child',
      heading: 'Tell us about your child',
      first: 'Elin',
      last: 'Pritchard',
      dob: ['30', '11', '2019'],
      sex: 'Female',
    },
  ];
  for (const [index, person] of people.entries()) {
    const first = index === 0;
    await page.getByRole('link', { name: t('Add someone who will live with you') }).click();
    await expect(
      page.getByRole('heading', { name: t('Who are you adding to your household?') }),
    ).toBeVisible();
    if (first) {
      await continueWith(page, t);
      await expect(page.getByRole('link', { name: t('Select who you are adding') })).toBeVisible();
      await check(page);
    }
    await page.getByRole('radio', { name: t(person.relationship) }).check();
    await continueWith(page, t);
    await expect(page.getByRole('heading', { name: t(person.heading) })).toBeVisible();
    if (first) await check(page);
    await page.getByLabel(t('First name')).fill(person.first);
    await page.getByLabel(t('Last name')).fill(person.last);
    await page.getByLabel(t('Day')).fill(person.dob[0] as string);
    await page.getByLabel(t('Month')).fill(person.dob[1] as string);
    await page.getByLabel(t('Year')).fill(person.dob[2] as string);
    await page.getByRole('radio', { name: t(person.sex), exact: true }).check();
    await page.getByRole('button', { name: t('Add to your household') }).click();
    await expect(
      page.getByRole('heading', { name: t(`Do any of these apply to ${person.first}?`) }),
    ).toBeVisible();
    if (first) {
      await page.getByRole('button', { name: t('Save and continue') }).click();
      await expect(
        page.getByRole('link', {
          name: t(`Select which of these apply to ${person.first}, or ‘None of these’`),
        }),
      ).toBeVisible();
      await check(page);
    }
    await page.getByRole('checkbox', { name: t('None of these') }).check();
    await page.getByRole('button', { name: t('Save and continue') }).click();
    await expect(page.getByRole('term').filter({ hasText: `${person.first} ${person.last}` })).toBeVisible();
  }

  // A baby on the way is asked for a due date, not a date of birth; then removed again.
  await page.getByRole('link', { name: t('Add someone who will live with you') }).click();
  await page.getByRole('radio', { name: t('A baby we are expecting') }).check();
  await continueWith(page, t);
  await expect(
    page.getByRole('heading', { name: t('Tell us about the baby you are expecting') }),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: t('When is the baby due?') })).toBeVisible();
  await check(page);
  const [day, month, year] = typed(new Date(Date.now() + 60 * 24 * 60 * 60 * 1000));
  await page.getByLabel(t('Day')).fill(day as string);
  await page.getByLabel(t('Month')).fill(month as string);
  await page.getByLabel(t('Year')).fill(year as string);
  await page.getByRole('radio', { name: t('A girl') }).check();
  await page.getByRole('button', { name: t('Add to your household') }).click();
  await expect(
    page.getByRole('definition').filter({ hasText: before(t('A baby you are expecting, due {date}')) }),
  ).toBeVisible();
  await page.getByRole('button', { name: `${t('Remove')} Baby Pritchard` }).click();
  await expect(page.getByRole('term').filter({ hasText: 'Baby Pritchard' })).toHaveCount(0);

  // Changing someone walks the same pages with their answers.
  await page.getByRole('link', { name: `${t('Change')} Elin Pritchard` }).click();
  await expect(page.getByRole('radio', { name: t('My child') })).toBeChecked();
  await continueWith(page, t);
  await expect(page.getByLabel(t('First name'))).toHaveValue('Elin');
  await page.getByRole('button', { name: t('Save and continue') }).click();
  await expect(page.getByRole('checkbox', { name: t('None of these') })).toBeChecked();
  await page.getByRole('button', { name: t('Save and continue') }).click();

  await expect(page.getByRole('heading', { name: t('Who will live with you?') })).toBeVisible();
  await page.getByRole('checkbox', { name: t('None of these') }).check();
  await page.getByRole('button', { name: t('That is everyone, continue') }).click();
}

export async function homeAndMoney(page: Page, check: Check = expectAccessible, t: Translate = inEnglish) {
  await expect(page.getByRole('heading', { name: t('How long have you lived in the area?') })).toBeVisible();
  await page.getByLabel(t('How many whole years have you lived in the area?')).fill('6');
  await page.getByRole('checkbox', { name: t('I work in the area') }).check();
  await check(page);
  await continueWith(page, t);

  await expect(page.getByRole('heading', { name: t('What is your household’s income?') })).toBeVisible();
  await page.getByLabel(t('Earnings each month, after tax')).fill('2,100');
  await page.getByLabel(t('Benefits and pensions each month')).fill('350');
  await page.getByLabel(t('Savings and other money you have now')).fill('1200');
  await page.getByRole('radio', { name: t('Yes, the housing part of Universal Credit') }).check();
  await check(page);
  await continueWith(page, t);

  await expect(page.getByRole('heading', { name: t('Where do you live now?') })).toBeVisible();
  await page.getByLabel(t('Address')).fill('12 Mill Lane');
  await page.getByLabel(t('Postcode')).fill('rv1 4ab');
  await page.getByLabel(t('How many bedrooms does it have?')).fill('1');
  await page.getByRole('radio', { name: t('I rent from a private landlord') }).check();
  await check(page);
  await continueWith(page, t);
}

/** One radio question: its heading, axe, the answer, Continue. */
async function answerRadio(page: Page, question: string, answer: string, check: Check, t: Translate) {
  await expect(page.getByRole('heading', { name: t(question) })).toBeVisible();
  await check(page);
  await page.getByRole('radio', { name: t(answer), exact: true }).check();
  await continueWith(page, t);
}

/** The circumstances, one plain question at a time; how much rent is owed is asked only after yes. */
export async function circumstances(page: Page, check: Check = expectAccessible, t: Translate = inEnglish) {
  await answerRadio(page, 'Do you, or anyone who will live with you, own a home?', 'No', check, t);

  const arrears = 'Do you owe rent to a landlord you used to rent from?';
  await expect(page.getByRole('heading', { name: t(arrears) })).toBeVisible();
  await continueWith(page, t);
  await expect(
    page.getByRole('link', { name: t('Select yes if you owe rent to a former landlord') }),
  ).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${t('Error:')} `));
  await check(page);
  await answerRadio(page, arrears, 'Yes', check, t);

  await expect(page.getByRole('heading', { name: t('The rent you owe a former landlord') })).toBeVisible();
  await page.getByLabel(t('How much do you owe?')).fill('250');
  await page.getByRole('radio', { name: t('Yes'), exact: true }).check();
  await check(page);
  await continueWith(page, t);

  await answerRadio(
    page,
    'Has a court found you, or anyone who will live with you, responsible for serious anti-social behaviour?',
    'No',
    check,
    t,
  );
  await answerRadio(
    page,
    'Has a council told you it has a duty to help you because you are homeless?',
    'No, or I do not know',
    check,
    t,
  );
  await answerRadio(page, 'Is your home in serious disrepair, or unsafe to live in?', 'No', check, t);
  await answerRadio(page, 'Do you need to move because of someone’s health or disability?', 'No', check, t);
  await answerRadio(page, 'Do you need to move to this area to avoid hardship?', 'No', check, t);
  await answerRadio(page, 'Are you an approved foster carer?', 'No', check, t);
}
