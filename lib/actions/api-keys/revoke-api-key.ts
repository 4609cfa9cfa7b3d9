"use server";

// A customer revokes one of their API keys; it stops working at once.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { revokeApiKey } from "@/lib/api-keys/manage";
import { done } from "@/lib/errors";
import { revokeApiKeyInput } from "@/lib/validation/api-keys";
import { routes } from "@/lib/routes";

export const revokeApiKeyAction = defineAction(
  { access: "signed-in", input: revokeApiKeyInput },
  async ({ keyId }, ctx) => {
    const { name } = await revokeApiKey(ctx.user.id, keyId, ctx.request);
    revalidatePath(routes.dashboard.security);
    return done(`"${name}" is revoked: it no longer works.`);
  },
);
