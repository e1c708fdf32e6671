import { expect, type Page } from '@playwright/test';
import { expectAccessible, signInCode } from './support.js';

/**
 * The applicant's steps of the journey, shared by the journey specs (with and without JavaScript): each takes
 * the accessibility check to run on the pages it visits.
 */

/** An accessibility check of a page: axe in the page, or on its HTML as rendered when JavaScript is off. */
export type Check = (page: Page) => Promise<void>;

/** The upload page: which document and file kind, then the form that posts straight to storage. */
export async function sendDocument(
  page: Page,
  kind: string,
  format: string,
  file: string,
  check: Check = expectAccessible,
) {
  await expect(page.getByRole('heading', { name: 'Send a document' })).toBeVisible();
  await check(page);
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByRole('radio', { name: format }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Upload the photo or scan').setInputFiles(file);
  await check(page);
  await page.getByRole('button', { name: 'Send this file' }).click();
}

export async function continueWith(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Signs in through the journey's own pages; the code comes from the local outbox. */
export async function signIn(page: Page, email: string, check: Check = expectAccessible) {
  await page.goto('/');
  await check(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('heading', { name: 'What is your email address?' })).toBeVisible();
  await check(page);
  await page.getByLabel('What is your email address?').fill(email);
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await check(page);
  await page.getByLabel('Check your email').fill(await signInCode(page.request, email));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('radio', { name: 'Riverside Homes' }).check();
  await check(page);
  await page.getByRole('button', { name: 'Start your application' }).click();
}

/** The applicant's own questions: name (with a mistake first), date of birth, sex, contact, immigration status. */
export async function aboutYou(page: Page, check: Check = expectAccessible) {
  await expect(page.getByRole('heading', { name: 'What is your name?' })).toBeVisible();
  await check(page);
  await continueWith(page);
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter your first name' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await check(page);
  await page.getByLabel('First name').fill('Gareth');
  await page.getByLabel('Last name').fill('Pritchard');
  await continueWith(page);

  await expect(page.getByRole('group', { name: 'What is your date of birth?' })).toBeVisible();
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Year').fill('1988');
  await continueWith(page);
  await expect(page.getByRole('link', { name: 'Your date of birth must be a real date' })).toBeVisible();
  await check(page);
  await page.getByLabel('Day').fill('2');
  await page.getByLabel('Month').fill('7');
  await continueWith(page);

  await page.getByRole('radio', { name: 'Male', exact: true }).check();
  await check(page);
  await continueWith(page);

  await expect(page.getByRole('heading', { name: 'How can we contact you?' })).toBeVisible();
  await check(page);
  await continueWith(page);

  await page.getByRole('radio', { name: 'British or Irish citizen' }).check();
  await check(page);
  await continueWith(page);
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
export async function household(page: Page, check: Check = expectAccessible) {
  await expect(page.getByRole('heading', { name: 'Who will live with you?' })).toBeVisible();
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
    await page.getByRole('link', { name: 'Add someone who will live with you' }).click();
    await expect(page.getByRole('heading', { name: 'Who are you adding to your household?' })).toBeVisible();
    if (first) {
      await continueWith(page);
      await expect(page.getByRole('link', { name: 'Select who you are adding' })).toBeVisible();
      await check(page);
    }
    await page.getByRole('radio', { name: person.relationship }).check();
    await continueWith(page);
    await expect(page.getByRole('heading', { name: person.heading })).toBeVisible();
    if (first) await check(page);
    await page.getByLabel('First name').fill(person.first);
    await page.getByLabel('Last name').fill(person.last);
    await page.getByLabel('Day').fill(person.dob[0] as string);
    await page.getByLabel('Month').fill(person.dob[1] as string);
    await page.getByLabel('Year').fill(person.dob[2] as string);
    await page.getByRole('radio', { name: person.sex, exact: true }).check();
    await page.getByRole('button', { name: 'Add to your household' }).click();
    await expect(
      page.getByRole('heading', { name: `Do any of these apply to ${person.first}?` }),
    ).toBeVisible();
    if (first) {
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await expect(
        page.getByRole('link', {
          name: `Select which of these apply to ${person.first}, or ‘None of these’`,
        }),
      ).toBeVisible();
      await check(page);
    }
    await page.getByRole('checkbox', { name: 'None of these' }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('term').filter({ hasText: `${person.first} ${person.last}` })).toBeVisible();
  }

  // A baby on the way is asked for a due date, not a date of birth; then removed again.
  await page.getByRole('link', { name: 'Add someone who will live with you' }).click();
  await page.getByRole('radio', { name: 'A baby we are expecting' }).check();
  await continueWith(page);
  await expect(page.getByRole('heading', { name: 'Tell us about the baby you are expecting' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'When is the baby due?' })).toBeVisible();
  await check(page);
  const [day, month, year] = typed(new Date(Date.now() + 60 * 24 * 60 * 60 * 1000));
  await page.getByLabel('Day').fill(day as string);
  await page.getByLabel('Month').fill(month as string);
  await page.getByLabel('Year').fill(year as string);
  await page.getByRole('radio', { name: 'A girl' }).check();
  await page.getByRole('button', { name: 'Add to your household' }).click();
  await expect(
    page.getByRole('definition').filter({ hasText: 'A baby you are expecting, due' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Remove Baby Pritchard' }).click();
  await expect(page.getByRole('term').filter({ hasText: 'Baby Pritchard' })).toHaveCount(0);

  // Changing someone walks the same pages with their answers.
  await page.getByRole('link', { name: 'Change Elin Pritchard' }).click();
  await expect(page.getByRole('radio', { name: 'My child' })).toBeChecked();
  await continueWith(page);
  await expect(page.getByLabel('First name')).toHaveValue('Elin');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('checkbox', { name: 'None of these' })).toBeChecked();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Who will live with you?' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  await page.getByRole('button', { name: 'That is everyone, continue' }).click();
}

export async function homeAndMoney(page: Page, check: Check = expectAccessible) {
  await expect(page.getByRole('heading', { name: 'How long have you lived in the area?' })).toBeVisible();
  await page.getByLabel('How many whole years have you lived in the area?').fill('6');
  await page.getByRole('checkbox', { name: 'I work in the area' }).check();
  await check(page);
  await continueWith(page);

  await expect(page.getByRole('heading', { name: 'What is your household’s income?' })).toBeVisible();
  await page.getByLabel('Earnings each month, after tax').fill('2,100');
  await page.getByLabel('Benefits and pensions each month').fill('350');
  await page.getByLabel('Savings and other money you have now').fill('1200');
  await page.getByRole('radio', { name: 'Yes, the housing part of Universal Credit' }).check();
  await check(page);
  await continueWith(page);

  await expect(page.getByRole('heading', { name: 'Where do you live now?' })).toBeVisible();
  await page.getByLabel('Address').fill('12 Mill Lane');
  await page.getByLabel('Postcode').fill('rv1 4ab');
  await page.getByLabel('How many bedrooms does it have?').fill('1');
  await page.getByRole('radio', { name: 'I rent from a private landlord' }).check();
  await check(page);
  await continueWith(page);
}

/** One radio question: its heading, axe, the answer, Continue. */
async function answerRadio(page: Page, question: string, answer: string, check: Check) {
  await expect(page.getByRole('heading', { name: question })).toBeVisible();
  await check(page);
  await page.getByRole('radio', { name: answer, exact: true }).check();
  await continueWith(page);
}

/** The circumstances, one plain question at a time; how much rent is owed is asked only after yes. */
export async function circumstances(page: Page, check: Check = expectAccessible) {
  await answerRadio(page, 'Do you, or anyone who will live with you, own a home?', 'No', check);

  const arrears = 'Do you owe rent to a landlord you used to rent from?';
  await expect(page.getByRole('heading', { name: arrears })).toBeVisible();
  await continueWith(page);
  await expect(
    page.getByRole('link', { name: 'Select yes if you owe rent to a former landlord' }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await check(page);
  await answerRadio(page, arrears, 'Yes', check);

  await expect(page.getByRole('heading', { name: 'The rent you owe a former landlord' })).toBeVisible();
  await page.getByLabel('How much do you owe?').fill('250');
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await check(page);
  await continueWith(page);

  await answerRadio(
    page,
    'Has a court found you, or anyone who will live with you, responsible for serious anti-social behaviour?',
    'No',
    check,
  );
  await answerRadio(
    page,
    'Has a council told you it has a duty to help you because you are homeless?',
    'No, or I do not know',
    check,
  );
  await answerRadio(page, 'Is your home in serious disrepair, or unsafe to live in?', 'No', check);
  await answerRadio(page, 'Do you need to move because of someone’s health or disability?', 'No', check);
  await answerRadio(page, 'Do you need to move to this area to avoid hardship?', 'No', check);
  await answerRadio(page, 'Are you an approved foster carer?', 'No', check);
}
