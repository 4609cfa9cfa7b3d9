import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readLimitedBody, readLimitedForm } from "@/lib/http/limited-body";

/** A body that would go on for ever, counting how many 64 KB chunks were pulled from it. */
function endlessBody() {
  const pulled = { chunks: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.chunks++;
      controller.enqueue(new Uint8Array(64 * 1024));
    },
  });
  return { stream, pulled };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("reading a body with a limit", () => {
  it("returns a body within the limit whole", async () => {
    expect(await readLimitedBody(post("hello"), 5)).toEqual(new TextEncoder().encode("hello"));
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { stream, pulled } = endlessBody();
    await expect(
      readLimitedBody(post(stream, { "content-length": String(50 * 1024 * 1024) }), 1024 * 1024),
    ).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.chunks).toBeLessThanOrEqual(1); // a stream may pre-fill one chunk; nothing was consumed
  });

  it("stops reading a body with no declared length as soon as it passes the limit", async () => {
    const { stream, pulled } = endlessBody();
    await expect(readLimitedBody(post(stream), 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.chunks).toBeLessThanOrEqual(1024 / 64 + 2);
  });

  it("parses a multipart form within the limit", async () => {
    const form = new FormData();
    form.set("name", "Ada");
    form.set("file", new File([new Uint8Array(10)], "a.png", { type: "image/png" }));
    const request = new Request("http://127.0.0.1/x", { method: "POST", body: form });
    const parsed = await readLimitedForm(request, 10_000);
    expect(parsed.get("name")).toBe("Ada");
    expect((parsed.get("file") as File).size).toBe(10);
  });
});
