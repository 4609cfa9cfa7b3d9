import { IntentLink } from "@/components/ui/intent-link";
import type { ComponentProps } from "react";

const VARIANTS = {
  primary:
    "bg-amber-400 text-zinc-950 hover:bg-amber-300 shadow-sm ring-1 ring-amber-500/50 dark:bg-amber-500 dark:hover:bg-amber-400",
  secondary:
    "bg-white text-zinc-800 ring-1 ring-zinc-300 hover:bg-zinc-100 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-zinc-700 dark:hover:bg-zinc-800",
} as const;

export const buttonBase =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors";

// A link that looks like a button: navigation stays a link for screen readers and new tabs.
export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof IntentLink> & { variant?: keyof typeof VARIANTS }) {
  return <IntentLink {...props} className={`${buttonBase} ${VARIANTS[variant]} ${className}`} />;
}
