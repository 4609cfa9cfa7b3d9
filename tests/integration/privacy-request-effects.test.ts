// What a privacy request does once the customer has proved who they are, through the real export
// and erasure modules: exports are queued and complete the request, closure stops sign-in at once,
// the officer's completion erases, and a portability export goes to its recipient once.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { checkPassword } from "@/lib/auth/password-check";
import { db } from "@/lib/db";
import { stopSender } from "@/lib/jobs/queue";
import { buildExport } from "@/lib/privacy/export";
import { ownRequests } from "@/lib/privacy/queries";
import { fileRequest, type NewRequest } from "@/lib/privacy/requests/file-request";
import { completeRequest, sendToRecipient } from "@/lib/privacy/requests/handle-request";
import { verifyIdentity } from "@/lib/privacy/requests/verify-identity";
import { createUser, enableTotpFor, TEST_PASSWORD } from "../support/factories";
import { withClient } from "../support/test-database";

const storage = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/hashwork-requests-${process.pid}-${Date.now().toString(36)}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});
afterAll(async () => {
  await stopSender();
  rmSync(storage, { recursive: true, force: true });
});

const request = { ip: "192.0.2.88", userAgent: "vitest" };

async function customerWithRequest(input: NewRequest) {
  const user = await createUser(db);
  const me = { ...user, totpEnabledAt: null };
  const { requestId } = await fileRequest(me, input, request);
  return { me, requestId };
}

async function officer() {
  const user = await createUser(db, { role: "privacy_officer" });
  await enableTotpFor(db, user.id);
  return user;
}

const eventTypes = async (requestId: string) =>
  (await db.privacyRequestEvent.findMany({ where: { requestId }, orderBy: { createdAt: "asc" } })).map(
    (event) => event.type,
  );

describe("after the identity re-proof", () => {
  it("an access request queues its export; the built export completes it and shows in the privacy centre", async () => {
    const { me, requestId } = await customerWithRequest({ type: "access", details: "A copy, please." });
    expect(await verifyIdentity(me, requestId, { password: TEST_PASSWORD }, request)).toBe("export");
    const queued = await withClient(process.env.DATABASE_URL!, (client) =>
      client.query(`SELECT 1 FROM pgboss.job WHERE name = 'build-export' AND data ->> 'requestId' = $1`, [requestId]),
    );
    expect(queued.rowCount).toBe(1);
    await buildExport(requestId);
    const [mine] = await ownRequests(me.id);
    expect(mine).toMatchObject({ id: requestId, status: "completed" });
    expect(mine!.exports).toHaveLength(1);
    expect(await eventTypes(requestId)).toEqual(["filed", "verified", "export_requested", "completed"]);
  });

  it("a closure closes the account at once: sign-in stops and the request is complete", async () => {
    const { me, requestId } = await customerWithRequest({ type: "account_closure", details: "Close it." });
    await expect(verifyIdentity(me, requestId, { password: "wrong-password-000" }, request)).rejects.toThrow(
      "Your password is not right.",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).status).toBe("active");
    expect(await verifyIdentity(me, requestId, { password: TEST_PASSWORD }, request)).toBe("closed");
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).status).toBe("closing");
    await expect(checkPassword(me.email, TEST_PASSWORD, request)).rejects.toThrow(/closed/);
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.status).toBe("completed");
    expect(await eventTypes(requestId)).toEqual(["filed", "verified", "account_closed", "completed"]);
  });

  it("an erasure waits for the officer, whose completion erases the customer (told first)", async () => {
    const { me, requestId } = await customerWithRequest({ type: "erasure", details: "Delete me." });
    const handler = await officer();
    await expect(completeRequest(handler, requestId, "Done.", request)).rejects.toThrow(/not confirmed their identity/);
    expect(await verifyIdentity(me, requestId, { password: TEST_PASSWORD }, request)).toBe("waits");
    await completeRequest(handler, requestId, "We erased everything we may.", request);
    expect(await db.user.findUnique({ where: { id: me.id } })).toBeNull(); // no transactions: deleted entirely
    const row = await db.privacyRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ status: "completed", userId: null });
    expect(row.response).not.toContain("We erased everything we may.");
    expect(await eventTypes(requestId)).toEqual(["filed", "verified", "erased", "completed"]);
  });

  it("a portability export goes to the named recipient once, after the officer's check", async () => {
    const { me, requestId } = await customerWithRequest({
      type: "portability",
      details: "Send it to my new provider.",
      recipientEmail: "intake@new-provider.example",
    });
    const handler = await officer();
    await expect(sendToRecipient(handler, requestId)).rejects.toThrow(/not confirmed their identity/);
    await verifyIdentity(me, requestId, { password: TEST_PASSWORD }, request);
    await buildExport(requestId);
    expect(await sendToRecipient(handler, requestId)).toBe("intake@new-provider.example");
    await expect(sendToRecipient(handler, requestId)).rejects.toThrow(/already sent/);
    expect(await db.outboxEmail.count({ where: { to: "intake@new-provider.example" } })).toBe(1);
    expect(await eventTypes(requestId)).toContain("export_sent");
  });
});
