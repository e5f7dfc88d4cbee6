/**
 * Small, valid documents that are not web pages, as a covered site might serve them: a PDF, a PNG image, a WebM
 * video, JSON and plain text. Chromium opens each in a document of its own (its PDF viewer, an image, media, JSON
 * or text view), and each comes with a check, run in that page, that Chromium really shows it as that kind.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface NonPageDocument {
  kind: string;
  file: string;
  contentType: string;
  body: Buffer;
  /** Run in the page showing it: undefined when Chromium shows it as this kind, or what it shows instead. */
  notShownAsItself(page: Page): Promise<string | undefined>;
}

const contentTypeIs = (expected: string) => async (page: Page) => {
  const actual = await page.evaluate(() => document.contentType);
  return actual === expected ? undefined : `document.contentType is ${actual}, not ${expected}`;
};

/** Everything but the video, which Chromium's own encoder makes (recordWebm). */
export function nonPageDocuments(webm: Buffer): NonPageDocument[] {
  return [
    { kind: 'PDF', file: 'report.pdf', contentType: 'application/pdf', body: onePagePdf(), notShownAsItself: contentTypeIs('application/pdf') },
    {
      kind: 'PNG image',
      file: 'pixel.png',
      contentType: 'image/png',
      body: onePixelPng(),
      notShownAsItself: async (page) =>
        (await contentTypeIs('image/png')(page)) ??
        ((await page.evaluate(() => document.images[0]?.naturalWidth)) === 1 ? undefined : 'the image did not decode'),
    },
    {
      kind: 'WebM video',
      file: 'clip.webm',
      contentType: 'video/webm',
      body: webm,
      notShownAsItself: async (page) => {
        const wrongType = await contentTypeIs('video/webm')(page);
        if (wrongType) return wrongType;
        // HAVE_METADATA or more and no error: Chromium parsed the file as a playable video.
        const state = await page
          .waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1 || document.querySelector('video')?.error, undefined, { timeout: 5_000 })
          .then(() => page.evaluate(() => ({ ready: document.querySelector('video')?.readyState, error: document.querySelector('video')?.error?.message })))
          .catch(() => ({ ready: 0, error: 'no metadata within 5 s' }));
        return state.error ? `the video did not load: ${state.error}` : undefined;
      },
    },
    { kind: 'JSON', file: 'data.json', contentType: 'application/json', body: Buffer.from('{"python": true, "uses": ["web", "data"]}\n'), notShownAsItself: contentTypeIs('application/json') },
    { kind: 'plain text', file: 'notes.txt', contentType: 'text/plain', body: Buffer.from('Plain text, not a web page.\n'), notShownAsItself: contentTypeIs('text/plain') },
  ];
}

/** A one-page PDF (catalog, page tree, an empty page) with a correct cross-reference table. */
function onePagePdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A 1×1 RGB PNG: signature, IHDR, one deflated scanline, IEND, each chunk with its CRC. */
function onePixelPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, no interlace
  const scanline = Buffer.from([0, 0x30, 0x60, 0x90]); // filter byte, one blue-grey pixel
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(scanline)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A short VP8 WebM made by Chromium's own MediaRecorder from a canvas in `page` (any page with a document):
 * a hand-written WebM would need a VP8 encoder, and no such tool is installed here.
 */
export async function recordWebm(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 16;
    canvas.height = 16;
    const context = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(30), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start();
    for (let frame = 0; frame < 10; frame++) {
      context.fillStyle = `rgb(${frame * 25}, 80, 160)`;
      context.fillRect(0, 0, 16, 16);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    recorder.stop();
    await stopped;
    return [...new Uint8Array(await new Blob(chunks).arrayBuffer())];
  });
  if (bytes.length < 100) throw new Error(`MediaRecorder made only ${bytes.length} bytes of WebM`);
  return Buffer.from(bytes);
}
