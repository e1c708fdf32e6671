import * as packaged from '@pdf-lib/standard-fonts';
import * as bundled from '../../../functions/lib/pdf-standard-fonts';
import type { Tenancy } from '../../../shared/domain/letting';
import { sha256Hex } from '../../../shared/ids';
import { aHome } from '../../fixtures/applications';

/**
 * Lambda bundles take `@pdf-lib/standard-fonts` as functions/lib/pdf-standard-fonts.ts (an esbuild alias in
 * DoorstepFunction): the metrics of the fonts Doorstep's PDFs use only. Jest runs the package itself, so these
 * tests hold the two to the same answers, and the agreement pdf-lib makes to the same bytes.
 */

const USED = ['Helvetica', 'Helvetica-Bold', 'Courier'] as const;

/** A font's data fields, without its lookups (functions and the maps built from the data). */
function fields(font: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(font).filter(
      ([key, value]) =>
        typeof value !== 'function' && !['CharWidths', 'KernPairXAmounts', 'widths', 'kerning'].includes(key),
    ),
  );
}

/**
 * A Welsh tenancy with terms long enough to wrap and run onto a second page, in characters Helvetica has (Siân's
 * â is WinAnsi): a ŵ or ŷ would bring in the letter fonts (shared/fonts) instead, and these metrics would lay out
 * nothing.
 */
function aLongTenancy(): Tenancy {
  const terms = [
    'This is a secure occupation contract under the Renting Homes (Wales) Act 2016 between Cwm Valley Homes and Rhodri Wyn and Siân Pritchard.',
    ...Array.from(
      { length: 24 },
      (_, index) =>
        `Term ${index + 2}: the contract-holders keep the home in good order, report repairs promptly, and let the landlord in, at reasonable times and after notice, to inspect it — “AV”, “To”, “Wa” and “fi” kern.`,
    ),
  ];
  return {
    tenancyId: 'ten_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c',
    offerId: 'off_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c',
    applicationId: 'app_0123456789abcdef0123456789abcdef',
    propertyId: 'prop_cwm-7',
    tenants: ['Rhodri Wyn', 'Siân Pritchard'],
    address: '7 Heol y Cwm, Cwm, CF1 1AA',
    weeklyRent: 9_850,
    startDate: '2026-11-20',
    kind: 'secure-occupation-contract',
    terms,
    termsSha256: sha256Hex(terms.join('\n')),
    status: 'awaiting-signature',
  };
}

describe('the standard fonts Lambda bundles carry', () => {
  it.each(USED)('gives %s the same metrics, widths and kerning as the package', (name) => {
    // Act
    const mine = bundled.Font.load(name);
    const theirs = packaged.Font.load(name);

    // Assess
    expect(fields(mine)).toEqual(fields(theirs));
    for (const { N } of theirs.CharMetrics) expect(mine.getWidthOfGlyph(N)).toBe(theirs.getWidthOfGlyph(N));
    for (const [left, right] of theirs.KernPairs) {
      expect(mine.getXAxisKerningForPair(left, right)).toBe(theirs.getXAxisKerningForPair(left, right));
    }
    expect(mine.getWidthOfGlyph('no-such-glyph')).toBeUndefined();
    expect(mine.getXAxisKerningForPair('A', 'no-such-glyph')).toBeUndefined();
  });

  it('names the fourteen standard fonts and shares the package’s encodings', () => {
    expect(bundled.FontNames).toEqual({ ...packaged.FontNames });
    expect(bundled.Encodings).toBe(packaged.Encodings);
  });

  it('refuses a font it does not carry, saying where to add it', () => {
    expect(() => bundled.Font.load('Times-Roman')).toThrow(
      /add Times-Roman to functions\/lib\/pdf-standard-fonts\.ts/,
    );
  });

  it('makes pdf-lib write the same agreement, byte for byte, as the package does', async () => {
    // Prepare
    const tenancy = aLongTenancy();
    const { agreementPdf } = await import('../../../shared/services/tenancy-agreement.js');
    const withPackage = await agreementPdf(tenancy, aHome(), 'Cwm Valley Homes');

    // Act
    let withBundled: Uint8Array | undefined;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@pdf-lib/standard-fonts', () =>
        jest.requireActual('../../../functions/lib/pdf-standard-fonts'),
      );
      const isolated = await import('../../../shared/services/tenancy-agreement.js');
      withBundled = await isolated.agreementPdf(tenancy, aHome(), 'Cwm Valley Homes');
    });

    // Assess
    expect(Buffer.from(withPackage).toString('latin1')).toMatch(/\/Count 2\b/);
    expect(withBundled && Buffer.from(withBundled)).toEqual(Buffer.from(withPackage));
  });
});
