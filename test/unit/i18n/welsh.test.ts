import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applicantNeedsField, MemberKind, promptsFor } from '../../../shared/domain/conversation';
import {
  householdStep,
  type MemberStep,
  NOT_A_DATE,
  NOT_OPTION_NUMBERS,
  renderField,
  renderSendAnswers,
  renderWebOnly,
  SELECT_MORE,
} from '../../../shared/domain/sms';
import { MissingTranslation, translate, welshCatalogue, welshFor, welshMonths } from '../../../shared/i18n';
import { NOT_READY_FOR_ANSWERS, QUESTIONS_LEFT } from '../../../shared/services/conversation';
import { aCompleteApplication, household } from '../../fixtures/applications';
import { conversationTexts, pageCodeTexts, statusPageTexts, TODAY, templateKeys } from './applicant-texts';

describe('the Welsh catalogue', () => {
  it('has Welsh for every text any prompt can show: questions, hints, labels, options and every error message', () => {
    // Prepare
    const texts = conversationTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });

  it('has Welsh for every text the applicant’s templates mark for translation', () => {
    // Prepare
    const keys = templateKeys();

    // Act
    const missing = keys.filter(({ key }) => welshFor(key) === undefined);

    // Assess
    expect(keys.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('has Welsh for every title, message and link text the applicant’s page code gives its templates', () => {
    // Prepare: links to pages are not texts, and the console's way back is for officers, who work in English.
    const keys = pageCodeTexts().filter(({ key }) => !key.startsWith('/') && key !== 'Back to your queue');

    // Act
    const missing = keys.filter(({ key }) => welshFor(key) === undefined);

    // Assess
    expect(keys.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('has Welsh for what the status page says happens next, for every wait, and every wait estimate', () => {
    // Prepare
    const texts = statusPageTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThan(25);
    expect(missing).toEqual([]);
  });

  it('has Welsh for every text message that asks a question, with how to reply and what was wrong', () => {
    // Prepare: a Welsh speaker's texts, strictly (services/sms.ts translates each part the same way).
    const strictly = (english: string) => translate('cy', english, { strict: true });
    const prompts = Object.values(promptsFor(TODAY));

    // Act
    const render = () => {
      for (const prompt of prompts) {
        const fields = prompt.id === 'household' ? [applicantNeedsField(true)] : prompt.fields;
        for (const index of fields.keys()) renderField(prompt, fields, index, NOT_OPTION_NUMBERS, strictly);
        renderField(prompt, fields.length ? fields : [applicantNeedsField(false)], 0, NOT_A_DATE, strictly);
        renderWebOnly(prompt, 'https://doorstep.example/applications/app_1/documents/new', strictly);
      }
      renderSendAnswers('https://doorstep.example/applications/app_1/check-answers', strictly);
      // Why the answers cannot be sent yet, texted as the web page shows it (services/conversation.ts).
      strictly(NOT_READY_FOR_ANSWERS);
      strictly(QUESTIONS_LEFT);
      // Adding the household by text: each step, before anyone is added and after, for every kind of person.
      const alone = aCompleteApplication({
        profile: { ...aCompleteApplication().profile, household: household('singleAdult') },
      });
      const family = aCompleteApplication();
      const steps: MemberStep[] = [
        { step: 'more' },
        { step: 'kind' },
        ...MemberKind.options.map((kind) => ({ step: 'details' as const, kind })),
        ...family.profile.household
          .filter((member) => member.relationship !== 'applicant')
          .map((member) => ({ step: 'needs' as const, memberId: member.memberId })),
      ];
      for (const application of [alone, family]) {
        for (const member of steps) {
          if (member.step === 'needs' && application === alone) continue;
          const step = householdStep(member, application, TODAY);
          for (const index of step.fields.keys()) renderField(step, step.fields, index, undefined, strictly);
        }
      }
      strictly(SELECT_MORE);
    };

    // Assess
    expect(render).not.toThrow();
  });

  it('fills a pattern’s placeholders: values kept, months in Welsh, a missing part of a date translated', () => {
    expect(translate('cy', 'Do any of these apply to Siân?')).toBe('Ydy unrhyw un o’r rhain yn wir am Siân?');
    expect(translate('cy', 'Your date of birth must include a day and year')).toBe(
      'Rhaid i’ch dyddiad geni gynnwys diwrnod a blwyddyn',
    );
    expect(translate('cy', 'Your date of birth must be after 1906')).toBe(
      'Rhaid i’ch dyddiad geni fod ar ôl 1906',
    );
    expect(welshMonths('Due 1 March 2027, seen 12 December 2026')).toBe(
      'Due 1 Mawrth 2027, seen 12 Rhagfyr 2026',
    );
  });

  it('writes the months of a value’s dates in Welsh, and leaves a name that is a month as it is', () => {
    expect(translate('cy', 'Do any of these apply to May?', { strict: true })).toBe(
      'Ydy unrhyw un o’r rhain yn wir am May?',
    );
    expect(translate('cy', 'Your digital key works from 3 May 2027.', { strict: true })).toBe(
      'Mae eich allwedd ddigidol yn gweithio o 3 Mai 2027.',
    );
    expect(translate('cy', 'Share code W12 3AB 4CD, date of birth May 1990', { strict: true })).toBe(
      'Cod rhannu W12 3AB 4CD, dyddiad geni Mai 1990',
    );
  });

  it('keeps its placeholders the same in Welsh as in English, so every value lands somewhere', () => {
    const names = (text: string) => [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1]).sort();
    const mismatched = [...welshCatalogue()].filter(
      ([english, welsh]) => names(english).join() !== names(welsh).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has each English text once, in one group only (a second would silently win)', () => {
    const source = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'i18n', 'cy.json'), 'utf8');
    const keys = [...source.matchAll(/^ {4}("(?:[^"\\]|\\.)*"):/gm)].map((match) =>
      JSON.parse(match[1] ?? '""'),
    );
    const twice = keys.filter((key, index) => keys.indexOf(key) !== index);
    expect(keys.length).toBe(welshCatalogue().size);
    expect(twice).toEqual([]);
  });

  it('falls back to English for a text it does not know, and says so in strict mode', () => {
    expect(translate('cy', 'A sentence nobody translated')).toBe('A sentence nobody translated');
    expect(translate('en', 'What is your name?')).toBe('What is your name?');
    expect(() => translate('cy', 'A sentence nobody translated', { strict: true })).toThrow(
      MissingTranslation,
    );
    expect(translate('cy', 'What is your name?', { strict: true })).toBe('Beth yw eich enw?');
  });

  it('does not translate a placeholder that holds something typed, even when it is also a catalogue text', () => {
    expect(translate('cy', 'Do any of these apply to Yes?')).toBe('Ydy unrhyw un o’r rhain yn wir am Yes?');
  });
});
