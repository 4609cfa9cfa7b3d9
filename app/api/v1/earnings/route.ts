// GET /api/v1/earnings: the key owner's settled days, JSON or CSV (docs/api.md).
export { listEarnings as GET } from "@/lib/api/handlers";
