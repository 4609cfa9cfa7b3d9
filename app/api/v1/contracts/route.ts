// GET /api/v1/contracts: the key owner's contracts, a page at a time (docs/api.md).
export { listContracts as GET } from "@/lib/api/handlers";
