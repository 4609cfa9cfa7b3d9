// The Stripe webhook route refuses a body over 1 MB before reading it whole, and still handles
// a real, signed event of ordinary size.
import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_limits_secret";
});
const { POST } = await import("@/app/api/stripe/webhook/route");

function endless() {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += 64 * 1024;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
    },
  });
  return { stream, pulled };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://127.0.0.1/api/stripe/webhook", {
      method: "POST",
      body,
      headers,
      duplex: "half",
    } as RequestInit),
  );

describe("the Stripe webhook route", () => {
  it("answers 413 to a declared body over 1 MB without reading it", async () => {
    const { stream, pulled } = endless();
    const response = await post(stream, { "content-length": String(5 * 1024 * 1024), "stripe-signature": "t=1,v1=x" });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading an undeclared body once it passes 1 MB", async () => {
    const { stream, pulled } = endless();
    const response = await post(stream, { "stripe-signature": "t=1,v1=x" });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
  });

  it("still verifies and answers an ordinary signed event", async () => {
    const payload = JSON.stringify({
      id: "evt_limits_1",
      object: "event",
      type: "customer.created",
      data: { object: {} },
    });
    const signature = new Stripe("sk_test_unused").webhooks.generateTestHeaderString({
      payload,
      secret: "whsec_test_limits_secret",
    });
    const response = await post(payload, { "stripe-signature": signature, "content-type": "application/json" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("Ignored");
    expect((await post(payload, { "stripe-signature": "t=1,v1=forged" })).status).toBe(400);
  });
});
