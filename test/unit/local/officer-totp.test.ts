import {
  authenticatorCode,
  authenticatorStep,
  authenticatorUri,
  newAuthenticatorKey,
} from '../../../local/officer-totp';

/**
 * RFC 6238 Appendix B's SHA-1 test vectors: the key is the ASCII "12345678901234567890" (here in base32, as
 * apps take it), and the RFC's 8-digit values are shown to 6 digits, their last six (HOTP truncates modulo
 * 10^digits, RFC 4226 §5.3).
 */
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: Array<[seconds: number, eightDigits: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('authenticator codes (RFC 6238: SHA-1, 30-second steps, 6 digits)', () => {
  it.each(RFC_VECTORS)('shows at %i seconds the RFC’s code %s, to 6 digits', (seconds, eightDigits) => {
    // Act
    const code = authenticatorCode(RFC_KEY, new Date(seconds * 1000));

    // Assess
    expect(code).toBe(eightDigits.slice(-6));
  });

  it('places a code in its time step, a step either side of now, and no further', () => {
    // Prepare: 1111111111 s is in step 37037037 (1111111110 to 1111111139 s).
    const now = new Date(1111111111 * 1000);
    const at = (steps: number) => authenticatorCode(RFC_KEY, new Date(now.getTime() + steps * 30_000));

    // Act
    const steps = [-2, -1, 0, 1, 2].map((step) => authenticatorStep(RFC_KEY, at(step), now));

    // Assess
    expect(steps).toEqual([undefined, 37037036, 37037037, 37037038, undefined]);
  });

  it('takes nothing but 6 digits', () => {
    // Prepare
    const now = new Date(59 * 1000);

    // Act
    const answers = ['287082 ', '94287082', '28708', 'abcdef', ''].map((code) =>
      authenticatorStep(RFC_KEY, code, now),
    );

    // Assess
    expect(answers).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('makes a new 160-bit key each time, and the otpauth:// URI an app adds it from', () => {
    // Act
    const [one, two] = [newAuthenticatorKey(), newAuthenticatorKey()];
    const uri = new URL(authenticatorUri(one, 'senior@riverside.example'));

    // Assess
    expect(one).toMatch(/^[A-Z2-7]{32}$/);
    expect(two).not.toBe(one);
    expect(uri.protocol).toBe('otpauth:');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      secret: one,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect(decodeURIComponent(uri.pathname)).toContain('senior@riverside.example');
  });
});
