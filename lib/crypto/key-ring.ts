// The app's key ring, read once from ENCRYPTION_KEY.
import { env } from "@/lib/env";
import { parseKeyRing, type KeyRing } from "./encryption";

let ring: KeyRing | undefined;
export function keyRing(): KeyRing {
  ring ??= parseKeyRing(env().ENCRYPTION_KEY);
  return ring;
}
