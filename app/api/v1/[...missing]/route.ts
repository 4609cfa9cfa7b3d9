// Unknown addresses under the customer API answer a problem-details 404 for every method.
export {
  unknownApiRoute as GET,
  unknownApiRoute as POST,
  unknownApiRoute as PUT,
  unknownApiRoute as PATCH,
  unknownApiRoute as DELETE,
} from "@/lib/api/openapi";
