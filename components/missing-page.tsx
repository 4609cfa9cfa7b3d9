import { notFound } from "next/navigation";
import { connection } from "next/server";

// Unknown addresses under a per-request section (dashboard, staff console, sign-in, checkout):
// the 404 is rendered for this request, so it carries this request's CSP nonce. The shared,
// prerendered 404 has no nonce, and the section's nonce policy would block its scripts.
export async function MissingPage(): Promise<never> {
  await connection();
  notFound();
}
