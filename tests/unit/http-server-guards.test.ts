import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/http/body-limits";
import {
  BAD_ACTION_MESSAGE,
  hasValidPath,
  holdServerErrors,
  isApiPath,
  refuseAfterDeadline,
  RETRY_MESSAGE,
  serverActionRefusal,
} from "@/server/http-server";

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

describe("server errors while the database is down", () => {
  async function serve(
    databaseDown: boolean,
    respond: (res: ServerResponse) => void,
    serverAction = false,
    api = false,
  ) {
    const server = createServer((_req, res) => {
      holdServerErrors(res, async () => databaseDown, { serverAction, api });
      respond(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const type = response.headers.get("content-type");
      const body = type?.includes("json") ? ((await response.json()) as unknown) : await response.text();
      return { status: response.status, body, retryAfter: response.headers.get("retry-after") };
    } finally {
      server.close();
    }
  }
  const writeHead500 = (res: ServerResponse) => {
    res.writeHead(500, { "content-type": "text/html" });
    res.write("<h1>Something went wrong</h1>");
    res.end();
  };
  const implicit500 = (res: ServerResponse) => {
    res.statusCode = 500;
    res.end("<h1>Something went wrong</h1>");
  };
  // As a stream piped into the response does: flush, then wait for each write's callback.
  const streamed500 = (res: ServerResponse) => {
    res.statusCode = 500;
    res.flushHeaders();
    res.write("<h1>Something", () => res.write(" went wrong</h1>", () => res.end()));
  };

  it("turns a 500 into a 503 with a retry message when the database is down, however it is written", async () => {
    for (const respond of [writeHead500, implicit500, streamed500]) {
      expect(await serve(true, respond)).toEqual({ status: 503, body: RETRY_MESSAGE, retryAfter: "5" });
    }
  });

  it("answers the customer API's clients with problem details they can branch on", async () => {
    for (const respond of [writeHead500, implicit500, streamed500]) {
      expect(await serve(true, respond, false, true)).toEqual({
        status: 503,
        body: {
          type: "/docs/api#problem-unavailable",
          title: "The service is briefly unavailable.",
          status: 503,
          detail: RETRY_MESSAGE,
        },
        retryAfter: "5",
      });
    }
    expect(isApiPath("/api/v1/contracts")).toBe(true);
    expect(isApiPath("/api/v1")).toBe(true);
    expect(isApiPath("/api/v10/contracts")).toBe(false);
    expect(isApiPath("/api/ready")).toBe(false);
  });

  it("shows a browser a page in the site's frame that retries by itself, with no script and a way home", async () => {
    const server = createServer((_req, res) => {
      holdServerErrors(res, async () => true);
      writeHead500(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/dashboard`, {
        headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      const html = await response.text();
      expect(html).toContain(RETRY_MESSAGE);
      expect(html).toContain('<meta http-equiv="refresh" content="5">');
      expect(html).toContain('<a class="button primary" href="">Try again</a>');
      expect(html).toContain('href="/">Home</a>');
      expect(html).not.toMatch(/<script|Something went wrong/);
    } finally {
      server.close();
    }
  });

  it("leaves other errors and successes as they were", async () => {
    for (const respond of [writeHead500, implicit500, streamed500]) {
      expect(await serve(false, respond)).toEqual({
        status: 500,
        body: "<h1>Something went wrong</h1>",
        retryAfter: null,
      });
    }
    expect(await serve(true, (res) => res.end("fine"))).toEqual({ status: 200, body: "fine", retryAfter: null });
  });

  it("answers a server action's 500 (an undecodable submission) with a 400, and a 503 while the database is down", async () => {
    for (const respond of [writeHead500, implicit500, streamed500]) {
      expect(await serve(false, respond, true)).toEqual({ status: 400, body: BAD_ACTION_MESSAGE, retryAfter: null });
      expect(await serve(true, respond, true)).toEqual({ status: 503, body: RETRY_MESSAGE, retryAfter: "5" });
    }
    expect(await serve(false, (res) => res.end("fine"), true)).toEqual({ status: 200, body: "fine", retryAfter: null });
  });
});

describe("a server action left unanswered", () => {
  it("is answered 408 at its deadline, and a late write from Next is harmless", async () => {
    let late: (() => void) | undefined;
    const server = createServer((req, res) => {
      refuseAfterDeadline(req, res, 100);
      // Next waiting forever for a part the body never sends, then writing after all.
      late = () => res.end("too late");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: "POST" });
      expect(response.status).toBe(408);
      expect(await response.text()).toMatch(/Request timeout/);
      expect(Date.now() - started).toBeLessThan(5_000);
      late!();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.listening).toBe(true);
    } finally {
      server.close();
    }
  });

  it("leaves an action that answers in time alone", async () => {
    const server = createServer((req, res) => {
      refuseAfterDeadline(req, res, 200);
      setTimeout(() => res.end("done"), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: "POST" });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("done");
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      server.close();
    }
  });
});
