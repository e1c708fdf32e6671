import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { longDate } from '../domain/dates.js';
import { occupierRole, type Property, type Tenancy } from '../domain/letting.js';
import { fontsFor } from '../fonts/index.js';

/**
 * The tenancy agreement as a PDF (DESIGN.md §1b "Who signs the tenancy", §5 "Signed PDFs").
 *
 * The agreement is generated once, saved without object streams (classic cross-reference table), and never
 * re-saved: every signature is appended to it as an incremental update (pdf-signatures.ts), so the signed PDF
 * begins with exactly the bytes of the agreement the tenant could download.
 */

/** A4 in points. */
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 56;
const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
const FOOTER_SPACE = 40;
const INK = rgb(0.043, 0.047, 0.047);
export const QUIET = rgb(0.314, 0.353, 0.373);

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

const titles: Record<Tenancy['kind'], { title: string; subtitle: string }> = {
  'assured-tenancy': { title: 'Tenancy agreement', subtitle: 'Assured tenancy under the Housing Act 1988' },
  'secure-occupation-contract': {
    title: 'Occupation contract',
    subtitle: 'Secure occupation contract under the Renting Homes (Wales) Act 2016',
  },
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Joins names as people write them: "A", "A and B", "A, B and C". */
const listed = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * A font draws only the characters it has: the standard PDF fonts encode WinAnsi only, the letter fonts
 * (shared/fonts) a few hundred more. A character outside the font (a Welsh ŵ or ŷ in Helvetica, say) is drawn
 * without its accent, or as "?" when it has no plain form, rather than failing the whole document. The text is
 * composed first (NFC), so a "w" typed with a combining circumflex is the one character ŵ. The terms themselves,
 * and their hash, keep the exact text.
 */
function printable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) =>
    Array.from(text.normalize('NFC'), (character) => {
      if (supported.has(character.codePointAt(0) ?? 0)) return character;
      const plain = character.normalize('NFD').replace(/\p{M}/gu, '');
      return Array.from(plain).every((part) => supported.has(part.codePointAt(0) ?? 0)) && plain
        ? plain
        : '?';
    }).join('');
}

/** Lays text out top to bottom on A4 pages, wrapping lines and starting a new page when one is full. */
export class Layout {
  private page: PDFPage;
  private y: number;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont; mono: PDFFont },
  ) {
    this.page = this.newPage();
    this.y = PAGE.height - MARGIN;
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(page);
    return page;
  }

  private room(height: number) {
    if (this.y - height < MARGIN + FOOTER_SPACE) {
      this.page = this.newPage();
      this.y = PAGE.height - MARGIN;
    }
  }

  /** Words wrapped to `width`. */
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  text(
    text: string,
    options: {
      size?: number;
      font?: 'regular' | 'bold' | 'mono';
      indent?: number;
      colour?: typeof INK;
      /** Drawn in the margin beside the first line. */
      label?: string;
    } = {},
  ) {
    const size = options.size ?? 11;
    const font = this.fonts[options.font ?? 'regular'];
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    const colour = options.colour ?? INK;
    this.wrap(printable(font)(text), font, size, TEXT_WIDTH - indent).forEach((line, index) => {
      this.room(leading);
      this.y -= leading;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: colour });
      if (index === 0 && options.label) {
        this.page.drawText(options.label, { x: MARGIN, y: this.y, size, font, color: colour });
      }
    });
  }

  /** A numbered item with a hanging indent: "3." in the margin beside the first line, the text wrapped beside it. */
  numbered(number: number, text: string) {
    this.text(text, { indent: 24, label: `${number}.` });
  }

  heading(text: string) {
    this.gap(10);
    this.text(text, { size: 13, font: 'bold' });
    this.gap(2);
  }

  gap(points: number) {
    this.y -= points;
  }

  /** "Tenancy ten_… · page 1 of 2" at the foot of every page, once the page count is known. */
  footers(
    reference: string,
    pageOf: (page: number, pages: number) => string = (page, pages) => `page ${page} of ${pages}`,
  ) {
    const safe = printable(this.fonts.regular);
    this.pages.forEach((page, index) => {
      page.drawText(safe(`${reference} · ${pageOf(index + 1, this.pages.length)}`), {
        x: MARGIN,
        y: MARGIN - 20,
        size: 8,
        font: this.fonts.regular,
        color: QUIET,
      });
    });
  }
}

/**
 * The tenancy agreement as a readable A4 PDF: the parties, the home, the start date, the rent, the terms in
 * order, their SHA-256 (the fingerprint a signature names) and the signature block. Deterministic: the same
 * tenancy, home and landlord give the same bytes (no dates or random ids in the file), so a copy can be checked
 * against the hash on the record.
 */
export async function agreementPdf(
  tenancy: Tenancy,
  home: Property,
  landlordName: string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // The agreement's own words are English; the names, the address and the terms may hold a ŵ or ŷ (a home in
  // Wales, "Tŷ Gwyn"), which Helvetica cannot print: the letter fonts then print them as the record has them.
  const fonts = await fontsFor(doc, [landlordName, tenancy.address, ...tenancy.tenants, ...tenancy.terms]);
  const { title, subtitle } = titles[tenancy.kind];
  const role = occupierRole(tenancy.kind);
  doc.setTitle(`${title} ${tenancy.tenancyId}`);
  doc.setSubject(`${subtitle}: ${tenancy.address}`);
  doc.setAuthor(landlordName);
  doc.setCreator('Doorstep');
  doc.setProducer('Doorstep (pdf-lib)');
  doc.setLanguage('en-GB');
  doc.setKeywords([`termsSha256:${tenancy.termsSha256}`]);

  const layout = new Layout(doc, fonts);
  layout.text(title, { size: 22, font: 'bold' });
  layout.text(subtitle, { size: 12, colour: QUIET });
  layout.text(`Reference ${tenancy.tenancyId}`, { size: 9, colour: QUIET });

  layout.heading('The parties');
  layout.text(`Landlord: ${landlordName}`);
  const occupiers = tenancy.tenants.length === 1 ? role.one : role.many;
  layout.text(`${capitalised(occupiers)}: ${listed(tenancy.tenants)}`);

  layout.heading('The home');
  layout.text(tenancy.address);
  layout.text(`${home.bedrooms} bedroom${home.bedrooms === 1 ? '' : 's'}`);

  layout.heading('Start date');
  layout.text(longDate(tenancy.startDate));

  layout.heading('Rent');
  layout.text(`${pounds(tenancy.weeklyRent)} a week, payable in advance`);

  layout.heading('Terms');
  tenancy.terms.forEach((term, index) => {
    layout.numbered(index + 1, term);
    layout.gap(3);
  });

  layout.heading('Fingerprint of these terms');
  layout.text(
    'SHA-256 of the terms above, joined one per line: the fingerprint Doorstep shows when you sign.',
    {
      size: 10,
    },
  );
  layout.text(tenancy.termsSha256, { size: 9, font: 'mono' });

  layout.heading('Signatures');
  layout.text(
    `Each ${role.one} signs electronically through Doorstep, and then the landlord countersigns. Doorstep records each signature in this PDF as a digital signature made with the landlord's certificate, and in its audit trail. A PDF reader lists them in its signature panel.`,
    { size: 10 },
  );
  layout.gap(6);
  for (const tenant of tenancy.tenants) {
    layout.text(`${capitalised(role.one)}: ${tenant}, signs electronically through Doorstep`);
  }
  layout.text(`Landlord: ${landlordName}, countersigns electronically`);
  layout.footers(`${title} ${tenancy.tenancyId}`);

  // No object streams: @signpdf/placeholder-plain reads the classic cross-reference table to append signatures.
  return doc.save({ useObjectStreams: false });
}
