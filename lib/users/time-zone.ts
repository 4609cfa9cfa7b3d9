// The time zone a customer's pages show dates in. Only display changes: settlement days,
// contract starts and every stored instant stay what they were.
import "server-only";
import { db } from "@/lib/db";

/** Sets the account's zone (already validated); false when it was already that zone. */
export async function setTimeZone(userId: string, timeZone: string): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, timeZone: { not: timeZone } },
    data: { timeZone },
  });
  return count > 0;
}
