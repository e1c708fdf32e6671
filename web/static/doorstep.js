// Progressive enhancement only: every page works without this file.

import { text } from './doorstep-texts.js';
import { initAll } from './govuk-frontend.min.js';

initAll();

// A question of the journey: with JavaScript, the questions continue in place, as a conversation.
if (document.querySelector('form[method="post"][action*="/questions/"]')) {
  import('./doorstep-conversation.js');
}

// While a document is being read, look again every two seconds for up to 30 seconds, then leave it to the
// "Check again" button: a page must not reload itself for ever (WCAG 2.2.1), and a screen reader restarts on each.
const waiting = document.querySelector('[data-doorstep-waiting]');
if (waiting) {
  const key = `doorstep-waiting:${window.location.pathname}`;
  const tries = Number(sessionStorage.getItem(key) ?? '0');
  if (tries < 15) {
    sessionStorage.setItem(key, String(tries + 1));
    setTimeout(() => window.location.reload(), 2000);
  } else {
    sessionStorage.removeItem(key);
    waiting.textContent = text('This is taking longer than usual. Press Check again in a minute.');
  }
}
