// GET /api/v1/openapi.json: the customer API's OpenAPI 3.1 document (docs/api.md).
import { serveOpenApiDocument } from "@/lib/api/openapi";

export const GET = serveOpenApiDocument;
