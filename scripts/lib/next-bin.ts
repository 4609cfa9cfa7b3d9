import { createRequire } from "node:module";
const require = createRequire(import.meta.url);

/** Path of Next's CLI, run with this Node so no shell or PATH lookup is involved. */
export const NEXT_BIN = require.resolve("next/dist/bin/next");
