// Placeholder with the agreed signatures until the erasure module lands.
import "server-only";
export async function closeAccount(userId: string, opts: { requestId?: string; now?: Date }): Promise<void> {
  throw new Error(`Closure is not available yet (${userId}, ${opts.requestId}).`);
}
export async function eraseAccount(
  userId: string,
  opts: { requestId?: string; actorId?: string; now?: Date },
): Promise<"deleted" | "pseudonymised"> {
  throw new Error(`Erasure is not available yet (${userId}, ${opts.requestId}).`);
}
