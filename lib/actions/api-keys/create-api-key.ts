"use server";

// A customer makes a personal API key; the whole key comes back once, to be shown once.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createApiKey, type NewApiKey } from "@/lib/api-keys/manage";
import { apiKeyExpiry } from "@/lib/api-keys/rules";
import { createApiKeyInput } from "@/lib/validation/api-keys";
import { routes } from "@/lib/routes";

export type { NewApiKey };

export const createApiKeyAction = defineAction(
  { access: "signed-in", input: createApiKeyInput },
  async ({ name, scopes, expiresIn, password, code }, ctx): Promise<NewApiKey> => {
    const created = await createApiKey(
      ctx.user.id,
      { name, scopes, expiresAt: apiKeyExpiry(expiresIn), password, totpCode: code },
      ctx.request,
    );
    revalidatePath(routes.dashboard.security);
    return created;
  },
);
