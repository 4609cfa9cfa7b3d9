// Whether a state-changing request comes from a page of our own origin: browsers send Origin
// on every cross-site POST, so a missing or foreign one is refused (route handlers do not get
// the check Next gives server actions). Our origin is the Host the request came to, or APP_URL.
import { env } from "@/lib/env";

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  return originHost === request.headers.get("host") || originHost === new URL(env().APP_URL).host;
}
