// Privacy requests written straight into the run's database, for pages that need one to exist.
import { query } from "./accounts";

const DAY_MS = 86_400_000;

/** A request filed `daysAgo` days ago, due 30 days after filing. */
export async function filedRequest(
  userId: string,
  {
    type = "access",
    daysAgo = 0,
    details = "Filed by the test.",
  }: { type?: string; daysAgo?: number; details?: string } = {},
): Promise<string> {
  const filed = new Date(Date.now() - daysAgo * DAY_MS);
  const [row] = await query<{ id: string }>(
    `INSERT INTO "PrivacyRequest" (id, "userId", type, details, "dueAt", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2::"PrivacyRequestType", $3, $4, $5, now()) RETURNING id`,
    [userId, type, details, new Date(filed.getTime() + 30 * DAY_MS), filed],
  );
  return row!.id;
}
