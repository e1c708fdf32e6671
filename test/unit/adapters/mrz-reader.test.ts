import { lineOneDisputed } from '../../../shared/adapters/local/mrz-reader';

/**
 * When the two engines read a passport's names differently (line 1 has no check digit), the reading's
 * confidence is lowered. The real images are read in test/integration/mrz-reader.test.ts.
 */
describe('lineOneDisputed', () => {
  const chosen = 'P<POLKOHALCZYK<<PIOTR<JAN<<<<<<<<<<<<<<<<<<<';

  it('disputes a name the other engine read with another letter', () => {
    // Act
    const disputed = lineOneDisputed(chosen, ['P<POLKOWALCZYK<<PIOTR<JAN<<<<<<<<<<<<<<<<<<<']);

    // Assess
    expect(disputed).toBe(true);
  });

  it('does not dispute over fillers or characters the other engine could not make out', () => {
    // Act
    const disputed = lineOneDisputed(chosen, ['P<POLKO<ALCZYK<<PIOTR<JAN<<<<<<<<<<<<<<<<<<<']);

    // Assess
    expect(disputed).toBe(false);
  });

  it('does not dispute when one of the other engine readings agrees, or when there is none', () => {
    // Act
    const agreed = lineOneDisputed(chosen, ['P<POLKOWALCZYK<<PIOTR<JAN<<<<<<<<<<<<<<<<<<<', chosen]);
    const alone = lineOneDisputed(chosen, []);

    // Assess
    expect(agreed).toBe(false);
    expect(alone).toBe(false);
  });
});
