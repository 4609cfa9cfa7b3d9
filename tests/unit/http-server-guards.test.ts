import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import { hasValidPath, serverActionRefusal } from "@/server/http-server";

const request = (method: string, headers: Record<string, string>) =>
  ({ method, headers }) as unknown as IncomingMessage;

describe("the HTTP server's guards in front of Next", () => {
  it("refuses a malformed percent-encoded path, and only the path", () => {
    for (const url of ["/products/%ff%fe", "/checkout/%ff", "/api/kyc/documents/%ff", "/%", "/a/%E0%A4%A", "/%c0%af"])
      expect(hasValidPath(url), url).toBe(false);
    for (const url of ["/", "/products/antminer-s19-pro-20-days", "/sign-in?callbackUrl=%ff", "/%E2%82%AC", "/a%20b"])
      expect(hasValidPath(url), url).toBe(true);
  });

  it("refuses a server-action post that is too large or does not say how large it is", () => {
    const action = (headers: Record<string, string>) =>
      serverActionRefusal(request("POST", { "next-action": "abc", ...headers }));
    expect(action({ "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) })).toBe(413);
    expect(action({ "content-length": "99999999999999999999" })).toBe(413);
    expect(action({})).toBe(411);
    expect(action({ "content-length": "12, 12" })).toBe(411);
    expect(action({ "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES) })).toBeNull();
    // Other requests are Next's and their route handlers' business.
    expect(serverActionRefusal(request("POST", { "content-length": "99999999" }))).toBeNull();
    expect(serverActionRefusal(request("GET", { "next-action": "abc" }))).toBeNull();
  });
});
