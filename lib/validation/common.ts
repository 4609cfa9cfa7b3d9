// Shared schema pieces.
import { z } from "zod";

/** For actions that take no fields (a single button). */
export const noInput = z.object({});
