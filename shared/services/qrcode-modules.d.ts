/**
 * Two of qrcode's own modules, imported one by one: the package's index loads every renderer, the PNG one with
 * pngjs (about 60 KiB in a bundle between them), where Doorstep draws only SVG. The shapes are those of
 * qrcode 1.5's `lib/core/qrcode.js` and `lib/renderer/svg-tag.js`.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrData {
    modules: { size: number; data: Uint8Array };
  }
  export function create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): QrData;
}

declare module 'qrcode/lib/renderer/svg-tag.js' {
  import type { QrData } from 'qrcode/lib/core/qrcode.js';

  export function render(data: QrData, options: { margin: number }): string;
}
