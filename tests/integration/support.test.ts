// Support tickets against a real PostgreSQL: the contact form opens a ticket (signed in or with
// an email), is rate limited, and staff assign, reply (emailed through the outbox) and close it,
// every step audited; the inbox pages by latest message.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { ticketForStaff, ticketInbox } from "@/lib/support/queries";
import { assignTicket, openTicket, replyToTicket, setTicketStatus } from "@/lib/support/tickets";
import { contactInput } from "@/lib/validation/support";
import { createUser } from "../support/factories";

const requestFrom = (ip: string) => ({ ip, userAgent: "vitest" });
let ipCounter = 10;
const freshIp = () => `198.51.100.${ipCounter++}`;

describe("the contact form", () => {
  it("opens a ticket for a signed-in customer at their account's email, and confirms by mail", async () => {
    const customer = await createUser(db);
    const input = contactInput.parse({
      subject: "Where is my payout?",
      message: "I asked for a withdrawal yesterday.",
    });
    const number = await openTicket(customer, input, requestFrom(freshIp()));
    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { number }, include: { messages: true } });
    expect(ticket).toMatchObject({ userId: customer.id, email: customer.email, status: "open" });
    expect(ticket.messages.map((message) => message.body)).toEqual(["I asked for a withdrawal yesterday."]);
    expect(
      await db.outboxEmail.count({ where: { to: customer.email, subject: { contains: `ticket ${number}` } } }),
    ).toBe(1);
    expect(await db.activityEvent.count({ where: { userId: customer.id, type: "support_ticket_opened" } })).toBe(1);
  });

  it("needs an email when signed out, and refuses bad input before touching the database", async () => {
    const before = await db.supportTicket.count();
    expect(contactInput.safeParse({ email: "not-an-email", subject: "Hi", message: "short" }).success).toBe(false);
    expect(contactInput.safeParse({ subject: "x".repeat(151), message: "y".repeat(20) }).success).toBe(false);
    expect(contactInput.safeParse({ subject: "Subject", message: "z".repeat(5001) }).success).toBe(false);
    const noEmail = contactInput.parse({ subject: "A question", message: "How are fees computed?" });
    await expect(openTicket(null, noEmail, requestFrom(freshIp()))).rejects.toThrow(/email we should answer/);
    expect(await db.supportTicket.count()).toBe(before);

    const visitor = contactInput.parse({
      email: " Visitor@Example.com ",
      subject: "A question",
      message: "How are fees computed?",
    });
    const number = await openTicket(null, visitor, requestFrom(freshIp()));
    expect(await db.supportTicket.findUniqueOrThrow({ where: { number } })).toMatchObject({
      userId: null,
      email: "visitor@example.com",
    });
  });

  it("limits how many tickets one email opens in an hour, even in a parallel burst", async () => {
    const email = `burst-${Date.now()}@example.com`;
    const input = contactInput.parse({ email, subject: "Burst", message: "Many at once, please." });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => openTicket(null, input, requestFrom(freshIp()))),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused.every((result) => (result as PromiseRejectedResult).reason instanceof RateLimitedError)).toBe(true);
    expect(await db.supportTicket.count({ where: { email } })).toBe(3);
  });
});

describe("the support inbox", () => {
  it("assigns, replies by email, closes and reopens, every step audited", async () => {
    const [staff, customer] = [await createUser(db, { role: "admin" }), await createUser(db)];
    const number = await openTicket(
      customer,
      contactInput.parse({ subject: "Contract start", message: "When does my contract start mining?" }),
      requestFrom(freshIp()),
    );
    const { id } = await db.supportTicket.findUniqueOrThrow({ where: { number } });
    const request = requestFrom("192.0.2.80");

    await assignTicket(staff, { ticketId: id, to: "me" }, request);
    await assignTicket(staff, { ticketId: id, to: "me" }, request); // no change, no second entry
    await replyToTicket(
      staff,
      { ticketId: id, body: "At 00:00 UTC the day after payment.", then: "answered" },
      request,
    );
    await setTicketStatus(staff, { ticketId: id, status: "closed" }, request);
    await setTicketStatus(staff, { ticketId: id, status: "open" }, request);

    const ticket = await ticketForStaff(id);
    expect(ticket).toMatchObject({ status: "open", assigneeId: staff.id });
    expect(ticket!.messages.map((message) => [message.fromStaff, message.body])).toEqual([
      [false, "When does my contract start mining?"],
      [true, "At 00:00 UTC the day after payment."],
    ]);
    const reply = await db.outboxEmail.findFirstOrThrow({
      where: { to: customer.email, subject: { startsWith: "Re:" } },
    });
    expect(reply.text).toContain("At 00:00 UTC the day after payment.");
    const audit = await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual([
      "support.assign",
      "support.reply",
      "support.status",
      "support.status",
    ]);
    expect(audit.every((entry) => entry.actorId === staff.id)).toBe(true);

    const mine = await ticketInbox({ assigneeId: staff.id });
    expect(mine.items.map((row) => row.id)).toEqual([id]);
    await expect(
      replyToTicket(staff, { ticketId: crypto.randomUUID(), body: "hello", then: "answered" }, request),
    ).rejects.toThrow(/does not exist/);
  });
});
