import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import type { TenancySigner } from '../ports.js';

/**
 * Signatures on a finished PDF (DESIGN.md §1b "Who signs the tenancy", §5 "Signed PDFs"). Each is appended as
 * an incremental update with @signpdf/placeholder-plain: the bytes before it are never re-saved, so each later
 * signature leaves the earlier ones valid (re-saving through pdf-lib turns them into a digest mismatch,
 * measured). Apart from the agreement's layout, so the function that signs carries no pdf-lib.
 */

/** @signpdf signs through its own Signer class; this one hands the work to Doorstep's port (P12 or KMS). */
class PortSigner extends Signer {
  constructor(private readonly port: TenancySigner) {
    super();
  }
  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    return this.port.sign(content, signingTime);
  }
}

/**
 * @signpdf's plain placeholder writes string values as UTF-8 bytes where PDF expects PDFDocEncoding or
 * UTF-16, so names in the signature dictionary are written in plain ASCII (accents dropped).
 */
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '?');

export interface SignatureEntry {
  /** Who signed, for the signature dictionary's /Name. */
  name: string;
  /** Why, for /Reason: "Signed by … (tenant) via Doorstep", "Countersigned by …". */
  reason: string;
  signingTime: Date;
}

/**
 * Appends one CMS signature to a PDF as an incremental update: the bytes before it are untouched, so earlier
 * signatures stay valid. A new @signpdf Signer per signature (one instance signs once, DESIGN.md §5).
 */
export async function appendSignature(
  pdf: Uint8Array,
  signer: TenancySigner,
  entry: SignatureEntry,
): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdf),
    reason: ascii(entry.reason),
    name: ascii(entry.name),
    contactInfo: '',
    location: 'Doorstep',
    signingTime: entry.signingTime,
    appName: 'Doorstep',
  });
  return new SignPdf().sign(withPlaceholder, new PortSigner(signer), entry.signingTime);
}
