// The words the page's scripts say, in the page's language (issue 9): the server writes them, translated, as JSON
// in a data attribute of the page (web/render.ts, layout.njk); a text not there is said in English.
let texts;

export function text(english, values = {}) {
  if (texts === undefined) {
    try {
      texts = JSON.parse(document.getElementById('doorstep-texts')?.dataset.texts ?? '{}');
    } catch {
      texts = {};
    }
  }
  return (texts[english] ?? english).replace(/\{([a-z]+)\}/g, (whole, name) => values[name] ?? whole);
}
