// The journey's questions as one conversation (issue 9), for browsers that run this script. Without it every
// question is a page of its own and a form post: this only makes the same posts with fetch and shows the answer
// the server sends back in place. No framework, nothing the server does differently.
//
// - The answered question and its answer stay above the next question, as a short transcript.
// - Focus moves to the new question's heading, and a live region announces it; an error moves focus to the
//   GOV.UK error summary (its own script does that when it starts).
// - Each question gets its own history entry, so Back and Forward load the page they show.
// - Anything other than a next question (the household page, an upload, check your answers, an error page)
//   loads as a page in the ordinary way.

import { text } from './doorstep-texts.js';
import { initAll } from './govuk-frontend.min.js';

const QUESTION_FORM = 'form[method="post"][action*="/questions/"]';
const transcript = [];

/** The live region the next question is announced in: made once, outside what is replaced. */
function announcer() {
  let region = document.getElementById('doorstep-announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'doorstep-announcer';
    region.className = 'govuk-visually-hidden';
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
}

/**
 * What the person answered, as they would say it back: the options they chose, what they typed, a date. A
 * question of several fields names each ("First name: Gareth; Last name: Pritchard").
 */
function answerOf(form) {
  const groups = [...form.querySelectorAll('.govuk-form-group')].filter(
    (group) => !group.parentElement?.closest('.govuk-form-group'),
  );
  const parts = [];
  for (const group of groups) {
    const date = group.querySelectorAll('.govuk-date-input__input');
    const chosen = [...group.querySelectorAll('input[type="radio"]:checked, input[type="checkbox"]:checked')]
      .filter((input) => !input.closest('.govuk-radios__conditional, .govuk-checkboxes__conditional'))
      .map(
        (input) =>
          form.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent.trim() ?? input.value,
      );
    const typed = [
      ...group.querySelectorAll('input[type="text"], input[type="email"], input[type="tel"], textarea'),
    ]
      .filter((input) => !input.closest('.govuk-date-input'))
      .map((input) => input.value.trim())
      .filter(Boolean);
    const answer =
      date.length > 0
        ? [...date].map((input) => input.value.trim()).join('/')
        : [...chosen, ...typed].join(', ');
    if (!answer.replaceAll('/', '')) continue;
    const label = group.querySelector('legend, label')?.textContent.trim();
    parts.push(groups.length > 1 && label ? `${label}: ${answer}` : answer);
  }
  return parts.join('; ') || text('No answer');
}

/** The transcript of answers so far, above the question (and below any error summary, which comes first). */
function renderTranscript(main) {
  const form = main.querySelector(QUESTION_FORM);
  if (!form || transcript.length === 0) return;
  const section = document.createElement('section');
  section.className = 'doorstep-transcript';
  section.setAttribute('aria-labelledby', 'doorstep-transcript-title');
  const title = document.createElement('p');
  title.id = 'doorstep-transcript-title';
  title.className = 'govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1';
  title.textContent = text('Your answers so far');
  // GOV.UK's summary list: it stacks on a narrow screen, so nothing scrolls sideways at 320 px.
  const list = document.createElement('dl');
  list.className = 'govuk-summary-list govuk-!-font-size-16';
  for (const entry of transcript.slice(-5)) {
    const row = document.createElement('div');
    row.className = 'govuk-summary-list__row';
    const question = document.createElement('dt');
    question.className = 'govuk-summary-list__key';
    question.textContent = entry.question;
    const answer = document.createElement('dd');
    answer.className = 'govuk-summary-list__value';
    answer.textContent = entry.answer;
    row.append(question, answer);
    list.append(row);
  }
  section.append(title, list);
  form.before(section);
}

/** Puts a page the server sent in place of this one: its title, Back link, language switch and main content. */
function show(html) {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const main = document.querySelector('main');
  const nextMain = next.querySelector('main');
  if (!main || !nextMain) return false;
  document.title = next.title;
  const back = document.querySelector('.govuk-back-link');
  const nextBack = next.querySelector('.govuk-back-link');
  if (back && nextBack) back.replaceWith(nextBack);
  else if (back) back.remove();
  else if (nextBack) main.before(nextBack);
  // The header's language switch links to this page in the other language: the new page's own link.
  const languages = document.querySelector('.doorstep-language-switch');
  const nextLanguages = next.querySelector('.doorstep-language-switch');
  if (languages && nextLanguages) languages.replaceWith(nextLanguages);
  main.replaceChildren(...nextMain.childNodes);
  renderTranscript(main);
  initAll({ scope: main });
  return true;
}

/** Moves focus to the question's heading and announces it; an error summary takes focus itself. */
function focusQuestion(main) {
  if (main.querySelector('.govuk-error-summary')) return;
  const heading = main.querySelector('h1');
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
  const region = announcer();
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text('Saved. Next question: {question}', { question: heading.textContent.trim() });
  }, 50);
}

async function answer(form) {
  const question = form.querySelector('h1')?.textContent.trim() ?? document.title;
  const said = answerOf(form);
  const response = await fetch(form.action, {
    method: 'POST',
    body: new URLSearchParams(new FormData(form)),
    credentials: 'same-origin',
    headers: { accept: 'text/html' },
  });
  const html = await response.text();
  const url = new URL(response.url);
  const isQuestion =
    url.pathname.includes('/questions/') && response.headers.get('content-type')?.startsWith('text/html');
  if (response.status === 400) {
    // The same question again, with the error summary: the answers are kept by the server's page.
    show(html);
    return;
  }
  if (!response.ok || !isQuestion) {
    window.location.assign(response.ok ? response.url : form.action);
    return;
  }
  transcript.push({ question, answer: said });
  if (!show(html)) {
    window.location.assign(response.url);
    return;
  }
  history.pushState({ doorstep: 'question' }, '', url.pathname + url.search);
  focusQuestion(document.querySelector('main'));
}

/** Back or Forward: the page of that entry, without the transcript (it was of the way forward). */
async function revisit() {
  transcript.length = 0;
  const response = await fetch(window.location.href, {
    credentials: 'same-origin',
    headers: { accept: 'text/html' },
  });
  if (!response.ok || !show(await response.text())) {
    window.location.reload();
    return;
  }
  focusQuestion(document.querySelector('main'));
}

let busy = false;
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.matches(QUESTION_FORM) || busy) return;
  event.preventDefault();
  busy = true;
  answer(form)
    .catch(() => form.submit())
    .finally(() => {
      busy = false;
    });
});
window.addEventListener('popstate', () => {
  revisit().catch(() => window.location.reload());
});
announcer();
history.replaceState({ doorstep: 'question' }, '');
