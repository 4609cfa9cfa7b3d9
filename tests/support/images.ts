// Real image files for upload tests, made with sharp.
import { crc32 } from "node:zlib";
import sharp from "sharp";

/** A photo-like JPEG that carries EXIF metadata (camera make and GPS position). */
export async function jpegWithExif(label = "ID", width = 900, height = 600): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#dbeafe"/><text x="40" y="120" font-size="64" font-family="sans-serif">${label}</text></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 90 })
    .withExifMerge({
      IFD0: { Make: "TestCam", Model: "Leaky 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" },
    })
    .toBuffer();
}

export async function png(width = 600, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 250, g: 200, b: 80 } } })
    .png()
    .toBuffer();
}

/** A tiny, valid-looking PNG whose header claims 100,000 × 100,000 pixels (decoding it would need ~30 GB). */
export async function pngBomb(): Promise<Buffer> {
  const bomb = Buffer.from(await png(1, 1));
  // IHDR: length (4) "IHDR" (4) width (4) height (4) … then a CRC over type and data.
  bomb.writeUInt32BE(100_000, 16);
  bomb.writeUInt32BE(100_000, 20);
  bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
  return bomb;
}

export const TINY_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
