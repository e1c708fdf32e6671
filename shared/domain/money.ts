/**
 * Amounts of money as people read them. Amounts are held in pence (integers) everywhere; these turn them into
 * text for reasons and letters. Assessment builds these strings for every household it decides
 * (bench/assessment.ts), so they group digits by hand rather than with a regular expression or Intl.
 */

/** Digits in threes with commas: 1234567 as "1,234,567". */
function grouped(whole: number): string {
  const digits = String(whole);
  let text = digits.slice(0, digits.length % 3 || 3);
  for (let at = text.length; at < digits.length; at += 3) text += `,${digits.slice(at, at + 3)}`;
  return text;
}

/** Pence as pounds, pence shown only when there are some: £1,234 or £1,234.05 (or -£12.50). */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const size = Math.abs(pence);
  const rest = size % 100;
  return `${sign}£${grouped(Math.floor(size / 100))}${rest === 0 ? '' : `.${rest < 10 ? '0' : ''}${rest}`}`;
}

/** Pence as pounds and pence, always: £1,234.00 (for figures worked out to the penny, like rent after help). */
export function poundsAndPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const size = Math.abs(pence);
  const rest = size % 100;
  return `${sign}£${grouped(Math.floor(size / 100))}.${rest < 10 ? '0' : ''}${rest}`;
}
