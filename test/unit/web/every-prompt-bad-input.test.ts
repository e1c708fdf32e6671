import { type PromptField, PromptId, promptsFor } from '../../../shared/domain/conversation';
import { anApplication } from '../../fixtures/applications';
import { aWebApp, errorSummaryOf, inputValueOf, signIn } from './browser';

/**
 * Issue 9: bad input on every prompt type gives the GOV.UK error message and keeps the other answers. Every
 * question page the conversation can ask is tried with each of its fields broken in turn, the others answered
 * well: the page comes back with 400, the error summary links the broken field, every other field shows what
 * was typed, and nothing is written.
 */
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const today = new Date().toISOString().slice(0, 10);

/** A good answer for a field of each kind. */
function goodAnswer(field: PromptField): Record<string, string> {
  switch (field.kind) {
    case 'text':
      return { [field.name]: 'Gareth' };
    case 'email':
      return { [field.name]: 'gareth@example.org' };
    case 'tel':
      return { [field.name]: '07700 900123' };
    case 'postcode':
      return { [field.name]: 'CF10 1AA' };
    case 'date':
      return { [`${field.name}-day`]: '27', [`${field.name}-month`]: '3', [`${field.name}-year`]: '1990' };
    case 'whole-number':
      return { [field.name]: '2' };
    case 'money':
      return { [field.name]: '120.50' };
    case 'radios':
    case 'checkboxes':
      return { [field.name]: field.options.find((option) => !option.exclusive)?.value ?? '' };
  }
}

/** A bad answer for a field, or undefined where no answer is wrong (free text that may be left out). */
function badAnswer(field: PromptField): Record<string, string> | undefined {
  switch (field.kind) {
    case 'text':
      return field.optional ? undefined : { [field.name]: '   ' };
    case 'email':
      return { [field.name]: 'gareth at example' };
    case 'tel':
      return { [field.name]: 'ring me' };
    case 'postcode':
      return { [field.name]: 'NOT A POSTCODE' };
    case 'date':
      return { [`${field.name}-day`]: '31', [`${field.name}-month`]: '2', [`${field.name}-year`]: '1990' };
    case 'whole-number':
    case 'money':
      return { [field.name]: 'lots' };
    case 'radios':
    case 'checkboxes':
      return { [field.name]: 'not-an-option' };
  }
}

/** Whether the page shows a field's good answer again. */
function keeps(html: string, field: PromptField, answer: Record<string, string>): boolean {
  if (field.kind === 'radios' || field.kind === 'checkboxes') {
    const input = new RegExp(`<input[^>]*name="${field.name}"[^>]*value="${answer[field.name]}"[^>]*>`).exec(
      html,
    );
    return input?.[0].includes('checked') ?? false;
  }
  return Object.entries(answer).every(([name, value]) => inputValueOf(html, name) === value);
}

const cases = PromptId.options
  .filter((id) => !['household', 'identity-document', 'check-answers'].includes(id))
  .flatMap((id) => {
    const prompt = promptsFor(today)[id];
    return prompt.fields.flatMap((field) => {
      const bad = badAnswer(field);
      return bad ? [{ id, prompt, field, bad, label: `${id}: ${field.name} (${field.kind})` }] : [];
    });
  });

describe('bad input on every question page', () => {
  it('covers every kind of field the conversation asks', () => {
    const kinds = new Set(cases.map(({ field }) => field.kind));
    expect([...kinds].sort()).toEqual(
      ['checkboxes', 'date', 'email', 'money', 'postcode', 'radios', 'tel', 'text', 'whole-number'].sort(),
    );
  });

  it.each(cases.map((entry) => [entry.label, entry]))('%s', async (_label, { id, prompt, field, bad }) => {
    // Prepare
    const app = aWebApp();
    const browser = app.browser();
    const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
    await app.deps.applications.create(anApplication({ ownerId: subject }));
    await browser.get('/sign-in');
    const others = prompt.fields.filter((other) => other !== field);
    const form = Object.assign({}, ...others.map(goodAnswer), bad);

    // Act
    const response = await browser.post(`/applications/${applicationId}/questions/${id}`, form);

    // Assess
    expect(response.status).toBe(400);
    const links = errorSummaryOf(response.body).map((error) => error.href);
    expect(links).toContainEqual(field.kind === 'date' ? `#${field.name}-day` : `#${field.name}`);
    for (const other of others)
      expect([other.name, keeps(response.body, other, goodAnswer(other))]).toEqual([other.name, true]);
    expect(app.deps.applications.items.get(applicationId)?.version).toBe(0);
  });
});
