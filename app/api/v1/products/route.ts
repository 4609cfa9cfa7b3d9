// GET /api/v1/products: the storefront's plans, public (docs/api.md).
export { listProducts as GET } from "@/lib/api/handlers";
