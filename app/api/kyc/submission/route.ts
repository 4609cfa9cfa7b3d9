// The KYC upload. It is the one request allowed a large body (three documents of up to 10 MB),
// so it is a route handler that stops reading at the limit, while every server action keeps
// Next's small limit (next.config.ts). The form posts here with fetch and reads the same
// ActionState every action answers with.
import { submitKycAction } from "@/lib/actions/kyc/submit-kyc";
import type { ActionState } from "@/lib/errors";
import { currentUser } from "@/lib/auth/session";
import { BodyTooLargeError, readLimitedForm } from "@/lib/http/limited-body";
import { isSameOrigin } from "@/lib/http/same-origin";
import { MAX_UPLOAD_BYTES } from "@/lib/kyc/uploads";

// Three files at the limit, plus the text fields and multipart framing.
const KYC_SUBMISSION_LIMIT_BYTES = 3 * MAX_UPLOAD_BYTES + 64 * 1024;

const answer = (state: ActionState, status: number) =>
  Response.json(state, { status, headers: { "cache-control": "no-store" } });

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return answer({ ok: false, error: "This form must be sent from Hashwork itself." }, 403);
  if (!(await currentUser())) return answer({ ok: false, error: "Please sign in again." }, 401);
  if (!/^multipart\/form-data;/i.test(request.headers.get("content-type") ?? "")) {
    return answer({ ok: false, error: "Send the form as multipart/form-data." }, 415);
  }
  let form: FormData;
  try {
    form = await readLimitedForm(request, KYC_SUBMISSION_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return answer({ ok: false, error: "The files are too large together: each may be at most 10 MB." }, 413);
    }
    return answer({ ok: false, error: "The form could not be read. Please try again." }, 400);
  }
  const state = await submitKycAction(null, form);
  return answer(state, state?.ok ? 200 : 400);
}
