// A contract's settlement table as CSV, for its owner only. Anyone else (signed out, another
// customer, an unknown id) gets the same 404, so the answer never says whether a contract exists.
import { currentUser } from "@/lib/auth/session";
import { ownContract } from "@/lib/orders/queries";
import { contractSettlementLines, settlementCsv } from "@/lib/settlement/queries";

const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) return notFound();
  const contract = await ownContract(user.id, id);
  if (!contract) return notFound();
  const csv = settlementCsv(await contractSettlementLines(contract.id));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="hashwork-contract-${contract.id.slice(0, 8)}-settlements.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
