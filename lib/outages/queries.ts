import "server-only";
import { db } from "@/lib/db";
export { listOutages } from "./record-outage";

/** The machine models on sale or sold, for the outage form's choices. */
export async function machineModels(): Promise<string[]> {
  const rows = await db.product.findMany({
    distinct: ["machineModel"],
    select: { machineModel: true },
    orderBy: { machineModel: "asc" },
  });
  return rows.map((row) => row.machineModel);
}
