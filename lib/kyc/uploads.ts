// Checking an identity document upload by its content, never its name or the browser's word:
// JPEG, PNG or PDF only, 1 byte to 10 MB; images are decoded with a pixel limit (so a
// "decompression bomb" is refused) and re-encoded, which drops EXIF and GPS metadata.
import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { UserError } from "@/lib/errors";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_INPUT_PIXELS = 40_000_000; // ~ 7,700 × 5,200: any phone camera
const MAX_SIDE = 3_000; // stored images are at most this many pixels on their longest side

const ALLOWED = { "image/jpeg": ["jpg", "jpeg"], "image/png": ["png"], "application/pdf": ["pdf"] } as const;
export type AllowedMime = keyof typeof ALLOWED;

export type PreparedUpload = { content: Buffer; mimeType: AllowedMime; sizeBytes: number };

/** The file as we will store it, or a UserError saying plainly what is wrong with it. */
export async function prepareUpload(file: File, label: string): Promise<PreparedUpload> {
  if (file.size === 0) throw new UserError(`${label}: the file is empty.`);
  if (file.size > MAX_UPLOAD_BYTES)
    throw new UserError(`${label}: the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  const bytes = Buffer.from(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in ALLOWED)) {
    throw new UserError(
      `${label}: this is not a JPEG, PNG or PDF file${detected ? ` (it looks like ${detected.ext.toUpperCase()})` : ""}.`,
    );
  }
  const mimeType = detected.mime as AllowedMime;
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(file.name)?.[1]?.toLowerCase();
  const knownExtensions = Object.values(ALLOWED).flat() as string[];
  if (
    extension &&
    knownExtensions.includes(extension) &&
    !(ALLOWED[mimeType] as readonly string[]).includes(extension)
  ) {
    throw new UserError(
      `${label}: the file is named .${extension} but is really a ${detected.ext.toUpperCase()}. Please upload the original file.`,
    );
  }
  if (mimeType === "application/pdf") return { content: bytes, mimeType, sizeBytes: bytes.length };

  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate() // apply the camera's orientation before the metadata is dropped
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true });
    const content =
      mimeType === "image/png"
        ? await image.png().toBuffer()
        : await image.jpeg({ quality: 88, mozjpeg: true }).toBuffer();
    return { content, mimeType, sizeBytes: content.length };
  } catch (error) {
    const message = String(error);
    if (/pixel limit/i.test(message))
      throw new UserError(`${label}: the image is too large in pixels; please upload a normal photo or scan.`);
    throw new UserError(`${label}: the image could not be read. Please upload another photo or scan.`);
  }
}
