// Closure, erasure and retention (docs/product-rules.md §10).
export { closeAccount } from "./close-account";
export { eraseAccount } from "./erase-account";
export { runRetention } from "./run-retention";
