// Reading a request body with a size limit: a declared Content-Length over the limit is refused
// before a byte is read, and a body that turns out longer is cut off as soon as it passes it.
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

export async function readLimitedBody(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyTooLargeError(limitBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A multipart or urlencoded form from a body read with a limit. */
export async function readLimitedForm(request: Request, limitBytes: number): Promise<FormData> {
  const body = await readLimitedBody(request, limitBytes);
  return new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
}

export async function readLimitedText(request: Request, limitBytes: number): Promise<string> {
  return new TextDecoder().decode(await readLimitedBody(request, limitBytes));
}
