import { IntentLink } from "@/components/ui/intent-link";

// "← Products": the way back to a list from one of its items.
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="text-sm">
      <IntentLink href={href} className="text-accent-ink underline underline-offset-4">
        ← {children}
      </IntentLink>
    </p>
  );
}
