// GET /api/v1/contracts/{id}: one of the key owner's contracts (docs/api.md).
export { getContract as GET } from "@/lib/api/handlers";
