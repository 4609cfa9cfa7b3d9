// The probes a load balancer or orchestrator uses: /api/health says the process is alive (no
// database involved); /api/ready says it can serve — the database answers and every migration
// of this build is applied — and otherwise answers 503 with the reason. Every response carries
// a request id.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "@/scripts/lib/postgres";
import { withClient, type TestDatabase } from "../support/test-database";
import { seededDatabase, startWeb, type AppProcess } from "./support/processes";

let database: TestDatabase;
let web: AppProcess;

beforeAll(async () => {
  database = await seededDatabase();
  web = await startWeb("web-probes", database.url);
});
afterAll(async () => {
  await web?.stop();
  await database?.drop();
});

describe("health and readiness", () => {
  test("a migrated database: alive and ready, with a request id on every response", async () => {
    const health = await fetch(`${web.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${web.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    expect(ready.headers.get("cache-control")).toBe("no-store");

    // A proxy's id is kept; anything odd is replaced by a fresh one.
    const kept = await fetch(`${web.url}/`, { headers: { "x-request-id": "lb-4f2a9c1e-0001" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-4f2a9c1e-0001");
    const replaced = await fetch(`${web.url}/`, { headers: { "x-request-id": "<script>alert(1)</script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await fetch(`${web.url}/api/health`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    // The id appears in the request's log line.
    await expect
      .poll(() => web.logs().some((line) => line.msg === "request" && line.requestId === "lb-4f2a9c1e-0001"))
      .toBe(true);
  });

  test("a migration of this build missing from the database: not ready, and says which", async () => {
    const [last] = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ id: string; migration_name: string }>(
        `SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
      );
      await client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`, [rows[0]!.id]);
      return rows;
    });
    try {
      const ready = await fetch(`${web.url}/api/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: "not ready",
        reason: `1 migration(s) not applied, first ${last!.migration_name}`,
      });
      expect((await fetch(`${web.url}/api/health`)).status).toBe(200);
    } finally {
      await withClient(database.url, (client) =>
        client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = $1`, [last!.id]),
      );
    }
    expect((await fetch(`${web.url}/api/ready`)).status).toBe(200);
  });

  test("an unreachable database: alive, not ready, and pages answer 503 with a retry message", async () => {
    const nowhere = `postgresql://hashwork:x@127.0.0.1:${await freePort()}/hashwork`;
    const orphan = await startWeb("web-no-database", nowhere);
    try {
      expect((await fetch(`${orphan.url}/api/health`)).status).toBe(200);
      // "starting" until its warm-up request is answered, then the reason.
      await expect
        .poll(
          async () => {
            const ready = await fetch(`${orphan.url}/api/ready`);
            return { status: ready.status, body: await ready.json() };
          },
          { timeout: 30_000 },
        )
        .toEqual({ status: 503, body: { status: "not ready", reason: "the database is unreachable" } });
      const page = await fetch(`${orphan.url}/dashboard/orders`, { redirect: "manual" });
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(await page.text()).toBe("The service is briefly unavailable. Please try again in a few seconds.");
    } finally {
      await orphan.stop();
    }
  });
});
