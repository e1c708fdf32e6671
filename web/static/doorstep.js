// Progressive enhancement only: every page works without this file.
import { initAll } from './govuk-frontend.min.js';

initAll();

// While a document is being read, look again every two seconds instead of asking the applicant to press a button.
const waiting = document.querySelector('[data-doorstep-waiting]');
if (waiting) {
  setTimeout(() => window.location.reload(), 2000);
}
