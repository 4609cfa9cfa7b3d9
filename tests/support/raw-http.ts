// HTTP requests whose bodies are kept as sent (fetch would decode a compressed body), and the
// decoding done by hand, for the compression tests.
import { request, type IncomingMessage } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

export type Raw = { status: number; headers: IncomingMessage["headers"]; body: Buffer };

export function raw(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on("error", reject)
      .end();
  });
}

export function decode({ headers, body }: Raw): string {
  const encoding = headers["content-encoding"];
  return (encoding === "br" ? brotliDecompressSync(body) : encoding === "gzip" ? gunzipSync(body) : body).toString();
}

export const varies = (response: Raw) => /(^|,)\s*accept-encoding\s*(,|$)/i.test(String(response.headers.vary ?? ""));
