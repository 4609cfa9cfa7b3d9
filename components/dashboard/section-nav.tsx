import { IntentLink } from "@/components/ui/intent-link";

// The side navigation of the dashboard and the admin console.
export function SectionNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  return (
    <nav aria-label={label} className="md:w-48 md:shrink-0">
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {items.map((item) => (
          <li key={item.href}>
            <IntentLink
              href={item.href}
              className="block whitespace-nowrap rounded-md px-3 py-2 text-sm text-muted hover:bg-chip hover:text-fg"
            >
              {item.label}
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
