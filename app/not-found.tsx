import { PageFrame } from "@/components/layout/page-frame";
import { ButtonLink } from "@/components/ui/button-link";
import { routes } from "@/lib/routes";

export default function NotFound() {
  return (
    <PageFrame>
      <div className="mx-auto max-w-xl px-4 py-24 text-center">
        <p className="text-sm font-semibold text-accent-ink">404</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">We couldn&apos;t find that page</h1>
        <p className="mt-3 text-muted">The plan may have been renamed or taken off sale, or the link has a typo.</p>
        <div className="mt-6 flex justify-center">
          <ButtonLink href={routes.plans}>See the plans on sale</ButtonLink>
        </div>
      </div>
    </PageFrame>
  );
}
