// The app's action wrapper (lib/actions/create-action-definer.ts) on the real session and
// request: every server action is defined with it.
import "server-only";
import { requestInfo } from "@/lib/auth/request-info";
import { currentUser } from "@/lib/auth/session";
import { createActionDefiner } from "./create-action-definer";

export const defineAction = createActionDefiner({ currentUser, requestInfo });
