// Input of the account settings forms, shared by each form and its action.
import { z } from "zod";
import { canonicalTimeZone, DEFAULT_TIME_ZONE, TIME_ZONE_MAX } from "@/lib/time/time-zones";

const UNKNOWN_ZONE = "Choose a time zone from the list.";

/** An IANA zone name this runtime knows (or "UTC"), stored as the runtime spells it. */
export const timeZoneField = z
  .string({ error: UNKNOWN_ZONE })
  .max(TIME_ZONE_MAX, UNKNOWN_ZONE)
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone) return zone;
    ctx.addIssue({ code: "custom", message: UNKNOWN_ZONE });
    return z.NEVER;
  });

/** The browser's zone at sign-up: best effort, so anything missing or unknown becomes UTC. */
export const browserTimeZoneField = z
  .unknown()
  .optional()
  .transform((value) => canonicalTimeZone(value) ?? DEFAULT_TIME_ZONE);

export const timeZoneInput = z.object({ timeZone: timeZoneField });
