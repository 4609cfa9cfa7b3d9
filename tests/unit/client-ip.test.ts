// Which address the rate limits and logs see behind zero, one or more trusted proxies.
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-ip";

describe("client address", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it.each([
    // [X-Forwarded-For as received, trusted hops, expected]
    ["198.51.100.1", 1, "198.51.100.1"],
    // The client sent a forged entry; the proxy appended the address it really saw.
    ["6.6.6.6, 198.51.100.1", 1, "198.51.100.1"],
    ["6.6.6.6,7.7.7.7,  198.51.100.1", 1, "198.51.100.1"],
    // Two proxies (a CDN, then a load balancer): the CDN's entry is second from the right.
    ["6.6.6.6, 198.51.100.1, 10.0.0.5", 2, "198.51.100.1"],
    ["2001:db8::7, 10.0.0.5", 2, "2001:db8::7"],
    ["198.51.100.1:41234", 1, "198.51.100.1"],
    ["[2001:db8::7]:41234", 1, "2001:db8::7"],
  ])("takes the entry the outermost trusted proxy wrote: %s with %i hop(s)", (header, hops, expected) => {
    expect(clientAddress("10.0.0.1", header, hops)).toBe(expected);
  });

  it.each([
    ["no header", undefined, 1],
    ["an empty header", "", 1],
    ["fewer entries than trusted proxies (a request that went around them)", "6.6.6.6", 2],
    ["an entry that is not an address", "evil, not-an-ip", 1],
  ])("falls back to the socket's address with %s", (_name, header, hops) => {
    expect(clientAddress("10.0.0.1", header, hops)).toBe("10.0.0.1");
  });
});
