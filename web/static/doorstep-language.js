/*
 * The language switch (issue 9) is a plain link to this page in the other language, so it works without
 * JavaScript. Where a script has put another page in place of this one (the conversation's next question), the
 * link still names the page it was drawn for: as it is followed, it is pointed at the page the browser shows now.
 */
document.addEventListener('click', (event) => {
  const link =
    event.target instanceof Element ? event.target.closest('.doorstep-language-switch a[hreflang]') : null;
  if (!(link instanceof HTMLAnchorElement)) return;
  const here = new URL(window.location.href);
  here.searchParams.set('lang', link.hreflang);
  link.href = here.pathname + here.search;
});
