// A local HTTP server that answers the few Checkout calls the app makes (create, retrieve,
// expire) in Stripe's API shape, with a real Stripe client pointed at it: no network, no mock of
// our own code. Like Stripe, a repeated idempotency key gives back the first answer.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export type FakeSession = {
  id: string;
  object: "checkout.session";
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid";
  url: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  amount_total: number;
  currency: string;
  expires_at: number;
};

export type FakeStripe = {
  client: Stripe;
  sessions: Map<string, FakeSession>;
  creates: { idempotencyKey: string | undefined; body: URLSearchParams }[];
  close(): Promise<void>;
};

export async function startFakeStripe(): Promise<FakeStripe> {
  const sessions = new Map<string, FakeSession>();
  const creates: FakeStripe["creates"] = [];
  const byIdempotencyKey = new Map<string, FakeSession>();
  let counter = 0;
  const prefix = `cs_test_fake_${randomBytes(4).toString("hex")}`; // unique across fake servers in one database

  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake_${++counter}` });
        res.end(JSON.stringify(body));
      };
      const invalid = (message: string) => send(400, { error: { type: "invalid_request_error", message } });
      const url = new URL(req.url ?? "/", "http://localhost");
      const [, , , , id, verb] = url.pathname.split("/"); // /v1/checkout/sessions/:id/:verb

      if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
        const body = new URLSearchParams(raw);
        const key = req.headers["idempotency-key"] as string | undefined;
        creates.push({ idempotencyKey: key, body });
        const repeat = key ? byIdempotencyKey.get(key) : undefined;
        if (repeat) return send(200, repeat);
        const sessionId = `${prefix}_${++counter}`;
        const metadata: Record<string, string> = {};
        for (const [name, value] of body) {
          const match = /^metadata\[(.+)\]$/.exec(name);
          if (match) metadata[match[1]!] = value;
        }
        const session: FakeSession = {
          id: sessionId,
          object: "checkout.session",
          status: "open",
          payment_status: "unpaid",
          url: `https://checkout.stripe.test/${sessionId}`,
          client_reference_id: body.get("client_reference_id"),
          metadata,
          amount_total: Number(body.get("line_items[0][price_data][unit_amount]")),
          currency: body.get("line_items[0][price_data][currency]") ?? "usd",
          expires_at: Number(body.get("expires_at")),
        };
        sessions.set(sessionId, session);
        if (key) byIdempotencyKey.set(key, session);
        return send(200, session);
      }
      const session = id ? sessions.get(id) : undefined;
      if (!session)
        return send(404, { error: { type: "invalid_request_error", message: `No such checkout.session: '${id}'` } });
      if (req.method === "GET" && !verb) return send(200, session);
      if (req.method === "POST" && verb === "expire") {
        if (session.status !== "open")
          return invalid(`Only Checkout Sessions with a status in ["open"] can be expired.`);
        session.status = "expired";
        session.url = null;
        return send(200, session);
      }
      return invalid(`Unknown request ${req.method} ${url.pathname}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    client: new Stripe("sk_test_fake", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 }),
    sessions,
    creates,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
