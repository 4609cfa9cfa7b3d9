// GET /api/v1/orders lists the key owner's orders; POST places one paid from the balance (docs/api.md).
export { listOrders as GET, placeOrder as POST } from "@/lib/api/handlers";
