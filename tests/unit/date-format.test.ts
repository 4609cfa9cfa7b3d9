import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDateTimeWithUtc, formatUtcDateTime } from "@/lib/format/date";
import { canonicalTimeZone, displayTimeZone, TIME_ZONES, timeZoneGroups } from "@/lib/time/time-zones";

describe("dates in a customer's time zone", () => {
  it("follows a daylight-saving change on both sides (Berlin, autumn and spring)", () => {
    // Clocks go back at 01:00 UTC on 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(formatDateTime(new Date("2026-10-25T00:59:00Z"), "Europe/Berlin")).toBe("2026-10-25 02:59 CEST");
    expect(formatDateTime(new Date("2026-10-25T01:00:00Z"), "Europe/Berlin")).toBe("2026-10-25 02:00 CET");
    // …and forward at 01:00 UTC on 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(formatDateTime(new Date("2026-03-29T00:59:00Z"), "Europe/Berlin")).toBe("2026-03-29 01:59 CET");
    expect(formatDateTime(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe("2026-03-29 03:00 CEST");
  });

  it("shows New York's offset on each side of its change", () => {
    expect(formatDateTime(new Date("2026-11-01T05:59:00Z"), "America/New_York")).toBe("2026-11-01 01:59 GMT-4");
    expect(formatDateTime(new Date("2026-11-01T06:00:00Z"), "America/New_York")).toBe("2026-11-01 01:00 GMT-5");
  });

  it("prints UTC as UTC", () => {
    const at = new Date("2026-11-27T00:00:00Z");
    expect(formatDateTime(at, "UTC")).toBe("2026-11-27 00:00 UTC");
    expect(formatDate(at, "UTC")).toBe("2026-11-27");
    expect(formatDateTimeWithUtc(at, "UTC")).toBe("2026-11-27 00:00 UTC");
    expect(formatUtcDateTime(at)).toBe("2026-11-27 00:00");
  });

  it("handles a half-hour zone (Kolkata, +5:30)", () => {
    const at = new Date("2026-11-26T20:45:00Z");
    expect(formatDateTime(at, "Asia/Kolkata")).toBe("2026-11-27 02:15 GMT+5:30");
    expect(formatDate(at, "Asia/Kolkata")).toBe("2026-11-27");
    expect(formatDateTimeWithUtc(at, "Asia/Kolkata")).toBe("2026-11-27 02:15 GMT+5:30 (2026-11-26 20:45 UTC)");
  });

  it("handles the zone furthest ahead (Kiritimati, +14): a UTC day starts the next afternoon there", () => {
    const at = new Date("2026-11-27T00:00:00Z");
    expect(formatDateTime(at, "Pacific/Kiritimati")).toBe("2026-11-27 14:00 GMT+14");
    expect(formatDate(new Date("2026-11-26T10:00:00Z"), "Pacific/Kiritimati")).toBe("2026-11-27");
    expect(formatDateTimeWithUtc(at, "Pacific/Kiritimati")).toBe("2026-11-27 14:00 GMT+14 (00:00 UTC)");
  });

  it("puts the UTC time beside a contract start, with the UTC date when the local day differs", () => {
    const start = new Date("2026-11-27T00:00:00Z");
    expect(formatDateTimeWithUtc(start, "Europe/Berlin")).toBe("2026-11-27 01:00 CET (00:00 UTC)");
    expect(formatDateTimeWithUtc(start, "America/New_York")).toBe("2026-11-26 19:00 GMT-5 (2026-11-27 00:00 UTC)");
  });

  it("falls back to UTC for a zone the runtime does not know, rather than failing the page", () => {
    const at = new Date("2026-11-27T00:00:00Z");
    expect(formatDateTime(at, "Europe/Nowhere")).toBe("2026-11-27 00:00 UTC");
    expect(formatDateTimeWithUtc(at, "")).toBe("2026-11-27 00:00 UTC");
  });
});

describe("time zone names", () => {
  it("accepts the runtime's zones and UTC, and refuses anything else", () => {
    expect(TIME_ZONES[0]).toBe("UTC");
    expect(TIME_ZONES).toContain("Europe/Berlin");
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    for (const hostile of [
      "../../etc",
      "Europe/Nowhere",
      "x".repeat(10_000),
      "Europe/Berlin\t",
      "\nUTC",
      "",
      null,
      42,
    ]) {
      expect(canonicalTimeZone(hostile)).toBeNull();
    }
    expect(displayTimeZone("../../etc")).toBe("UTC");
  });

  it("stores an alias a browser may send as the zone this runtime lists", () => {
    const kolkata = canonicalTimeZone("Asia/Kolkata");
    expect(kolkata).not.toBeNull();
    expect(TIME_ZONES).toContain(kolkata);
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
  });

  it("groups every zone once by region, labelled with its offset at the time", () => {
    const groups = timeZoneGroups(new Date("2026-07-01T12:00:00Z"));
    expect(groups.flatMap((group) => group.options.map(([zone]) => zone))).toEqual(
      expect.arrayContaining([...TIME_ZONES]),
    );
    expect(groups.flatMap((group) => group.options)).toHaveLength(TIME_ZONES.length);
    const europe = groups.find((group) => group.region === "Europe")?.options;
    expect(europe).toContainEqual(["Europe/Berlin", "Europe/Berlin (GMT+02:00)"]);
    const universal = groups.find((group) => group.region === "Universal")?.options;
    expect(universal).toEqual([["UTC", "UTC (GMT+00:00)"]]);
    const america = groups.find((group) => group.region === "America")?.options;
    expect(america).toContainEqual(["America/New_York", "America/New York (GMT-04:00)"]);
  });
});
