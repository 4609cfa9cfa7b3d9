// A customer with something in every part of the data we hold: identity check (with files),
// consents, activity, sessions, a used API key, an order paid from a credited balance, a contract with a settled
// day, a payout address and a paid withdrawal, a privacy request. Built through the real domain
// code where it exists, so the rows look like production's. The identifying values are unusual
// strings, so a test can search a database dump and the storage folder for them.
import { randomBytes } from "node:crypto";
import { recordActivity } from "@/lib/activity/record";
import { newApiKey } from "@/lib/api-keys/token";
import { startSession } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { submitKyc } from "@/lib/kyc/submit";
import { creditBalance } from "@/lib/ledger/credit-balance";
import { sendMail } from "@/lib/mail/send-mail";
import { payWithBalance } from "@/lib/orders/pay-with-balance";
import { placeOrder } from "@/lib/orders/place-order";
import { settleDay } from "@/lib/settlement/settle";
import type { KycDetails } from "@/lib/validation/kyc";
import { decideWithdrawal } from "@/lib/withdrawals/decide-withdrawal";
import { holdWithdrawal } from "@/lib/withdrawals/request-withdrawal";
import { createProduct, createSnapshot, createUser, creditBtc, enableTotpFor } from "./factories";
import { jpegWithExif, png } from "./images";

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
/** A bech32-looking address no other customer has (the fixture writes it straight to the table). */
const uniqueAddress = () => `bc1q${Array.from(randomBytes(38), (byte) => BECH32[byte % 32]).join("")}`;

let daySeq = 0;

/**
 * A fresh UTC day years after other tests' days, so settling it touches only this customer's
 * contract and their catch-up runs never meet these contracts.
 */
function farDay(): Date {
  daySeq += 3;
  const base = Date.UTC(2060, 0, 1) + (Number.parseInt(randomBytes(2).toString("hex"), 16) % 1000) * 3 * 86_400_000;
  return new Date(base + daySeq * 86_400_000);
}

export async function staffMember(role: "admin" | "kyc_reviewer" | "privacy_officer" = "admin") {
  const user = await createUser(db, { role });
  await enableTotpFor(db, user.id);
  return user;
}

export async function fullCustomer() {
  const tag = randomBytes(4).toString("hex");
  const identity = {
    email: `ottoline.${tag}@brackenbury.example`,
    name: `Ottoline Brackenbury${tag}`,
    street: `Keizersgracht ${tag} 123`,
    idNumber: `XQ7Z${tag.toUpperCase()}`,
    address: uniqueAddress(),
    recipient: `new-provider.${tag}@elsewhere.example`,
    ip: `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
  };
  const request = { ip: identity.ip, userAgent: "privacy-fixture" };
  const user = await createUser(db, { email: identity.email });
  await db.user.update({ where: { id: user.id }, data: { displayName: identity.name, marketingOptIn: true } });
  const admin = await staffMember("admin");
  const secondAdmin = await staffMember("admin");

  const details: KycDetails = {
    legalName: identity.name,
    dateOfBirth: "1988-04-12",
    nationality: "NL",
    addressLine1: identity.street,
    city: "Amsterdam",
    postalCode: "1015 CJ",
    country: "NL",
    idType: "passport",
    idNumber: identity.idNumber,
  };
  const idPhoto = await jpegWithExif("PASSPORT");
  const selfie = await png();
  await submitKyc(
    {
      userId: user.id,
      details,
      files: {
        id_front: new File([new Uint8Array(idPhoto)], "front.jpg", { type: "image/jpeg" }),
        selfie: new File([new Uint8Array(selfie)], "me.png", { type: "image/png" }),
      },
    },
    request,
  );
  await db.kycCase.update({ where: { userId: user.id }, data: { status: "approved", decidedById: admin.id } });
  const kycCase = await db.kycCase.findUniqueOrThrow({ where: { userId: user.id } });
  await db.kycNote.create({
    data: { caseId: kycCase.id, authorId: admin.id, body: `Checked ${identity.name} by phone.` },
  });

  await db.consent.create({
    data: {
      userId: user.id,
      purpose: "marketing",
      granted: true,
      source: "sign_up",
      ip: identity.ip,
      userAgent: "fixture",
    },
  });
  await db.termsAcceptance.create({ data: { userId: user.id, version: "1", source: "sign_up", ip: identity.ip } });
  await db.supportTicket.create({
    data: {
      userId: user.id,
      email: user.email,
      subject: "When does mining start?",
      messages: { create: { body: `Hello, this is ${identity.name}.` } },
    },
  });
  await recordActivity(user.id, "sign_in", request);
  await startSession(user.id);
  await db.recoveryCode.create({ data: { userId: user.id, codeHash: "hash-of-a-code" } });
  await db.emailToken.create({
    data: {
      userId: user.id,
      purpose: "verify_email",
      tokenHash: randomBytes(16).toString("hex"),
      expiresAt: new Date(),
    },
  });
  await sendMail({ to: identity.email, subject: `Hello ${identity.name}`, text: `Dear ${identity.name}` });
  // Written straight to the table (as a key the API has used), like the recovery code above.
  const { key, prefix, secretHash } = newApiKey();
  const apiKeyRow = await db.apiKey.create({
    data: {
      userId: user.id,
      name: `Sheet of ${identity.name}`,
      prefix,
      secretHash,
      scopes: ["contracts:read"],
      lastUsedAt: new Date(),
      lastUsedIp: identity.ip,
    },
  });
  const apiKey = { id: apiKeyRow.id, name: apiKeyRow.name, prefix, key };

  // Money: a bank transfer credited by an admin, an order paid from it, a settled day, BTC out.
  await creditBalance(admin, user.id, 50_000n, `Bank transfer from ${identity.name}`, request);
  const product = await createProduct(db);
  const paidAt = farDay();
  const { orderId } = await placeOrder(
    { userId: user.id, slug: product.slug, th: 10, paymentMethod: "balance", idempotencyKey: `fixture-${tag}` },
    paidAt,
  );
  const { contractId } = await payWithBalance(orderId, user.id, paidAt, null);
  const contract = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
  const day = contract.startsAt.toISOString().slice(0, 10);
  await createSnapshot(db, day);
  await settleDay(day, new Date(contract.startsAt.getTime() + 2 * 86_400_000));

  await enableTotpFor(db, user.id);
  await db.payoutAddress.create({
    data: {
      userId: user.id,
      address: identity.address,
      network: "mainnet",
      withdrawalsFrom: new Date(Date.now() - 1000),
    },
  });
  await creditBtc(db, user.id, 1_000_000n);
  const withdrawal = await holdWithdrawal(user.id, 200_000n, request);
  await decideWithdrawal(secondAdmin, withdrawal.id, { kind: "pay", txid: randomBytes(32).toString("hex") }, request);

  const privacyRequest = await db.privacyRequest.create({
    data: {
      userId: user.id,
      type: "portability",
      details: `Please include everything, ${identity.name}`,
      recipientEmail: identity.recipient,
      requestedChange: [{ field: "displayName", to: identity.name }],
      dueAt: new Date(Date.now() + 30 * 86_400_000),
      identityVerifiedAt: new Date(),
    },
  });
  await db.privacyRequestEvent.create({ data: { requestId: privacyRequest.id, type: "filed" } });
  return { user, identity, details, idPhoto, selfie, orderId, contractId, privacyRequest, admin, apiKey };
}
