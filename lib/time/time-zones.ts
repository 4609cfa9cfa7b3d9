// The time zones an account may choose: the IANA names this runtime's Intl knows, plus "UTC".
// A zone only changes how dates are shown; settlement days stay UTC days (lib/time/utc-days.ts).
export const DEFAULT_TIME_ZONE = "UTC";

/** Longer than any IANA name; a longer value is refused before Intl sees it. */
export const TIME_ZONE_MAX = 64;

const SUPPORTED: ReadonlySet<string> = new Set([DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone")]);

/** Every zone, sorted, "UTC" first. */
export const TIME_ZONES: readonly string[] = [
  DEFAULT_TIME_ZONE,
  ...[...SUPPORTED].filter((zone) => zone !== DEFAULT_TIME_ZONE).sort(),
];

/**
 * The zone `value` names, as this runtime spells it (browsers may send a newer alias such as
 * "Asia/Kolkata" where the runtime lists "Asia/Calcutta"); null when it names no zone we offer.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > TIME_ZONE_MAX) return null;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return null;
  if (SUPPORTED.has(value)) return value;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-GB", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (resolved === "Etc/UTC" || resolved === "Etc/GMT") resolved = DEFAULT_TIME_ZONE;
  return SUPPORTED.has(resolved) ? resolved : null;
}

/** A zone safe to format with: the stored one, or UTC if the runtime no longer knows it. */
export function displayTimeZone(value: string | null | undefined): string {
  return canonicalTimeZone(value) ?? DEFAULT_TIME_ZONE;
}

type ZoneGroup = { region: string; options: [zone: string, label: string][] };

// Building 400-odd formatters costs ~0.1 s, so the groups are worked out once per UTC hour and
// reused by every render in it; a label is at worst an hour late after a daylight-saving change.
let groupsCache: { hour: number; groups: ZoneGroup[] } | undefined;

/**
 * The zones grouped by their region ("Europe", "America"…), each labelled with its offset at
 * `now`: "Europe/Berlin (GMT+01:00)". For the settings page's select.
 */
export function timeZoneGroups(now = new Date()): ZoneGroup[] {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (groupsCache?.hour === hour) return groupsCache.groups;
  const groups = new Map<string, [string, string][]>();
  for (const zone of TIME_ZONES) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Universal";
    const offset =
      new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "longOffset" })
        .formatToParts(now)
        .find((part) => part.type === "timeZoneName")?.value ?? "";
    const label = `${zone.replaceAll("_", " ")} (${offset === "GMT" ? "GMT+00:00" : offset})`;
    groups.set(region, [...(groups.get(region) ?? []), [zone, label]]);
  }
  groupsCache = { hour, groups: [...groups.entries()].map(([region, options]) => ({ region, options })) };
  return groupsCache.groups;
}
