// The automated pre-check on a submission. It only ever flags a case for a person to look at
// ("needs attention"); it never rejects. The customer sees the flag and may ask for a human review.
import "server-only";
import { db } from "@/lib/db";
import type { KycDetails } from "@/lib/validation/kyc";
import { idNumberHashes } from "./personal-data";

export function ageOn(dateOfBirth: string, today: Date): number {
  const birth = new Date(`${dateOfBirth}T00:00:00Z`);
  let age = today.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birth.getUTCMonth() ||
    (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

export async function preCheck(userId: string, details: KycDetails, today = new Date()): Promise<string[]> {
  const reasons: string[] = [];
  if (ageOn(details.dateOfBirth, today) < 18) reasons.push("The date of birth makes the customer younger than 18.");
  const duplicate = await db.kycCase.findFirst({
    where: { idNumberHash: { in: idNumberHashes(details) }, status: "approved", userId: { not: userId } },
    select: { id: true },
  });
  if (duplicate) reasons.push("This ID number is already verified on another account.");
  return reasons;
}
