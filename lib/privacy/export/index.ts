// Placeholder with the agreed signatures until the export module lands.
import "server-only";
export async function scheduleExport(requestId: string): Promise<void> {
  throw new Error(`Exports are not available yet (${requestId}).`);
}
export async function sendExportToRecipient(requestId: string, actorId: string): Promise<void> {
  throw new Error(`Exports are not available yet (${requestId}, ${actorId}).`);
}
