import { type PromptField, type PromptId, promptsFor } from '../../../shared/domain/conversation';
import { BRP_REFUSAL } from '../../../shared/domain/immigration-evidence';
import {
  NOT_A_DATE,
  NOT_OPTION_NUMBERS,
  nextStep,
  plainText,
  readReply,
  renderField,
  renderWebOnly,
  type TextState,
  textFields,
  ukMobile,
} from '../../../shared/domain/sms';
import { anApplication } from '../../fixtures/applications';

const today = '2026-11-02';
const prompts = promptsFor(today);
const fieldOf = (prompt: PromptId, name: string): PromptField => {
  const field = prompts[prompt].fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`no field ${name} in ${prompt}`);
  return field;
};

/** Replies to a prompt's fields one text at a time, as the service does, from its first field. */
function replyAll(prompt: PromptId, replies: string[]) {
  const asked = prompts[prompt];
  const fields = textFields(asked, anApplication());
  let state: TextState = { prompt, field: 0, form: {} };
  const texts: string[] = [];
  for (const reply of replies) {
    const step = nextStep(asked, fields, state, reply);
    if (step.kind === 'answered') return { answered: step.form, texts };
    state = step.state;
    texts.push(renderField(asked, fields, step.state.field, step.error));
  }
  return { answered: undefined, state, texts };
}

describe('ukMobile', () => {
  it.each([
    ['07700 900982', '+447700900982'],
    ['+44 7700 900982', '+447700900982'],
    ['+44 (0)7700-900-982', '+447700900982'],
    ['447700900982', '+447700900982'],
  ])('reads %s as %s', (typed, e164) => {
    expect(ukMobile(typed)).toBe(e164);
  });

  it.each(['', '020 7946 0000', '07700 90098', '+33 6 12 34 56 78', 'seven'])('refuses %p', (typed) => {
    expect(ukMobile(typed)).toBeUndefined();
  });
});

describe('renderField', () => {
  it('numbers the options of a choice, and says to reply with one number', () => {
    const text = renderField(prompts.sex, prompts.sex.fields, 0);

    expect(text).toBe('What is your sex?\nReply with the number of your answer:\n1 Female\n2 Male');
  });

  it('asks a prompt of several fields one at a time, saying which of how many', () => {
    const text = renderField(prompts.income, prompts.income.fields, 1);

    expect(text.split('\n').slice(0, 3)).toEqual([
      "What is your household's income? (2 of 4)",
      'Benefits and pensions each month',
      'Including Universal Credit, but not help with your rent',
    ]);
    expect(text).toContain('Reply in pounds, like 1250 or 1250.50. Reply 0 if there is none.');
  });

  it('asks a date as day, month and year, with the reason first when the last reply was not right', () => {
    const text = renderField(
      prompts['date-of-birth'],
      prompts['date-of-birth'].fields,
      0,
      'Your date of birth must be in the past',
    );

    expect(text.split('\n')).toEqual([
      'Your date of birth must be in the past.',
      'What is your date of birth?',
      'For example, 27 3 1990',
      'Reply with the day, month and year, like 27 3 1990.',
    ]);
  });

  it('offers 0 for checkboxes with no "None of these", and SKIP for an optional field', () => {
    const links = renderField(prompts['local-connection'], prompts['local-connection'].fields, 1);
    const phone = renderField(prompts.contact, prompts.contact.fields, 1);

    expect(links).toContain('Reply with the numbers of all that apply, like 1 3:\n1 I work in the area');
    expect(links).toContain('Reply 0 if none of these apply.');
    expect(phone).toContain('Reply SKIP to leave it out.');
  });

  it('keeps to plain characters, so a text is not sent as Unicode (70 characters a part instead of 160)', () => {
    expect(plainText('What is your household’s income? – “now”')).toBe(
      'What is your household\'s income? - "now"',
    );
  });

  it('sends a prompt that cannot be done by text to its web page', () => {
    const text = renderWebOnly(
      prompts['identity-document'],
      'http://127.0.0.1:3000/applications/app_1/documents/new',
    );

    expect(text).toContain('Send a photo of your passport');
    expect(text).toContain(
      'You cannot do this by text. Go to http://127.0.0.1:3000/applications/app_1/documents/new',
    );
  });
});

describe('readReply', () => {
  const sex = fieldOf('sex', 'sex');
  const status = fieldOf('immigration-status', 'immigrationStatus');
  const exceptions = fieldOf('local-connection', 'exceptions');
  const born = fieldOf('date-of-birth', 'dateOfBirth');

  it('reads a choice by its number or its words', () => {
    expect(readReply(sex, ' 2 ')).toEqual({ ok: true, answers: { sex: 'male' } });
    expect(readReply(sex, 'Female')).toEqual({ ok: true, answers: { sex: 'female' } });
    expect(readReply(status, '1')).toEqual({ ok: true, answers: { immigrationStatus: 'british-or-irish' } });
  });

  it('leaves a choice that is none of the options empty, for the prompt to say what to select', () => {
    expect(readReply(sex, '3')).toEqual({ ok: true, answers: { sex: '' } });
    expect(readReply(sex, 'maybe')).toEqual({ ok: true, answers: { sex: '' } });
  });

  it('reads several numbers for checkboxes, however they are separated, and 0 for none', () => {
    expect(readReply(exceptions, '1, 3 and 4')).toEqual({
      ok: true,
      answers: { exceptions: ['armedForces', 'careLeaver', 'rightToMove'] },
    });
    expect(readReply(exceptions, '2 2')).toEqual({
      ok: true,
      answers: { exceptions: ['fleeingDomesticAbuse'] },
    });
    expect(readReply(exceptions, '0')).toEqual({ ok: true, answers: { exceptions: [] } });
  });

  it('refuses checkbox replies that are not numbers of options', () => {
    expect(readReply(exceptions, '9')).toEqual({ ok: false, message: NOT_OPTION_NUMBERS });
    expect(readReply(exceptions, 'the first one')).toEqual({ ok: false, message: NOT_OPTION_NUMBERS });
  });

  it('reads a date with spaces, slashes or a month name', () => {
    const parts = { 'dateOfBirth-day': '27', 'dateOfBirth-month': '3', 'dateOfBirth-year': '1990' };
    expect(readReply(born, '27 3 1990')).toEqual({ ok: true, answers: parts });
    expect(readReply(born, '27/3/1990')).toEqual({ ok: true, answers: parts });
    expect(readReply(born, '27 March 1990')).toEqual({ ok: true, answers: parts });
    expect(readReply(born, '27 3 1990 please')).toEqual({ ok: false, message: NOT_A_DATE });
  });

  it('passes money, numbers, text, postcodes, emails and phones as typed, and SKIP as nothing', () => {
    expect(readReply(fieldOf('income', 'savings'), '£1,250.50')).toEqual({
      ok: true,
      answers: { savings: '£1,250.50' },
    });
    expect(readReply(fieldOf('current-home', 'postcode'), 'rv1 4ab')).toEqual({
      ok: true,
      answers: { postcode: 'rv1 4ab' },
    });
    expect(readReply(fieldOf('contact', 'phone'), 'skip')).toEqual({ ok: true, answers: { phone: '' } });
  });
});

describe('nextStep: a prompt by text, one field at a time, checked by the prompt itself', () => {
  it('answers a choice with the web’s own message when the reply is none of the options', () => {
    const { answered, texts } = replyAll('sex', ['7']);

    expect(answered).toBeUndefined();
    expect(texts[0]?.split('\n')[0]).toBe('Select your sex.');
  });

  it('answers a date that is not real, or in the future, with the web’s message', () => {
    expect(replyAll('date-of-birth', ['31 2 1990']).texts[0]).toMatch(
      /^Your date of birth must be a real date\./,
    );
    expect(replyAll('date-of-birth', ['1 1 2030']).texts[0]).toMatch(
      /^Your date of birth must be in the past\./,
    );
    expect(replyAll('date-of-birth', ['27 3']).texts[0]).toMatch(/^Your date of birth must include a year\./);
    expect(replyAll('date-of-birth', ['27 3 1990']).answered).toEqual({
      'dateOfBirth-day': '27',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '1990',
    });
  });

  it('asks a wrong amount again and keeps the amounts already given', () => {
    const { answered, texts } = replyAll('income', ['1200', 'lots', '250.50', '0', '1']);

    expect(texts[1]).toMatch(
      /^Enter your household's benefits and pensions in pounds, like 1250 or 1250.50\./,
    );
    expect(answered).toEqual({
      monthlyEarnings: '1200',
      monthlyBenefits: '250.50',
      savings: '0',
      housingSupport: 'universal-credit',
    });
  });

  it('refuses a whole number that is not one', () => {
    expect(replyAll('local-connection', ['three']).texts[0]).toMatch(
      /^Enter a whole number of years, like 3\./,
    );
  });

  it('asks both groups of links to the area, since each can change what is recorded', () => {
    const { answered, texts } = replyAll('local-connection', ['3', '0', '2']);

    expect(texts).toHaveLength(2);
    expect(answered).toEqual({ yearsInArea: '3', links: [], exceptions: ['fleeingDomesticAbuse'] });
  });

  it('does not ask someone with nowhere to live for an address', () => {
    expect(replyAll('current-home', ['6']).answered).toEqual({ tenure: 'no-home' });
  });

  it('asks an address, a postcode and bedrooms of someone with a home, and refuses a postcode that is not one', () => {
    const { answered, texts } = replyAll('current-home', ['1', '4 Mill Lane', 'RV1', 'RV1 4AB', '2']);

    expect(texts[2]).toMatch(/^Enter a full UK postcode, like RV1 4AB\./);
    expect(answered).toEqual({
      tenure: 'private-rent',
      addressLine: '4 Mill Lane',
      postcode: 'RV1 4AB',
      bedrooms: '2',
    });
  });

  it('asks for a share code only of someone who has one, and refuses a BRP with the reason', () => {
    expect(replyAll('immigration-evidence', ['3']).answered).toEqual({ evidence: 'none' });
    expect(replyAll('immigration-evidence', ['2']).texts[0]?.startsWith(plainText(BRP_REFUSAL))).toBe(true);
    const withCode = replyAll('immigration-evidence', ['1', 'W12 3AB C45', '27 3 1990']);
    expect(withCode.texts).toHaveLength(2);
    expect(withCode.answered).toMatchObject({ evidence: 'share-code', shareCode: 'W12 3AB C45' });
  });

  it('checks an email address and lets the phone be skipped', () => {
    const { answered, texts } = replyAll('contact', ['gareth@', 'gareth@example.org', 'SKIP']);

    expect(texts[0]).toMatch(/^Enter an email address in the right format, like name@example.com\./);
    expect(answered).toEqual({ email: 'gareth@example.org', phone: '' });
  });

  it('refuses a phone number that is not one, with the web’s message', () => {
    expect(replyAll('contact', ['gareth@example.org', 'ring me']).texts[1]).toMatch(
      /^Enter a phone number, like 07700 900 982 or \+44 7700 900 982\./,
    );
  });

  it('asks the name one part at a time and refuses an empty one', () => {
    const { answered, texts } = replyAll('name', ['Gareth', ' ', 'Pritchard']);

    expect(texts[1]).toMatch(/^Enter your last name\./);
    expect(answered).toEqual({ firstName: 'Gareth', lastName: 'Pritchard' });
  });

  it('asks the household page’s question about the applicant’s own needs, with None of these', () => {
    const fields = textFields(prompts.household, anApplication());

    expect(fields).toHaveLength(1);
    expect(renderField(prompts.household, fields, 0)).toContain('2 None of these');
    expect(replyAll('household', ['1 2']).texts[0]).toMatch(
      /^Select .None of these. only if none of the others apply\./,
    );
    expect(replyAll('household', ['2']).answered).toEqual({ needs: ['none'] });
  });
});
