import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { CircleAlert, Clock, ShieldCheck, ShieldX } from "lucide-react";
import { HumanReviewButton } from "@/components/kyc/human-review-button";
import { KycForm } from "@/components/kyc/kyc-form";
import { requireUser } from "@/lib/auth/session";
import { ownKycCase } from "@/lib/kyc/queries";
import { RESUBMIT_ITEMS, type ResubmitItem } from "@/lib/validation/kyc";
import { formatDate } from "@/lib/format/date";
import { routes } from "@/lib/routes";
import { KYC_STATUS_FOR_CUSTOMER } from "@/lib/kyc/status-labels";

export const metadata: Metadata = { title: "Identity" };

export default async function KycPage() {
  const user = await requireUser(routes.dashboard.kyc);
  const kycCase = await ownKycCase(user.id);
  const status = kycCase?.status ?? "not_started";
  const Icon =
    status === "approved" ? ShieldCheck : status === "rejected" ? ShieldX : status === "pending" ? Clock : CircleAlert;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Identity</h1>
      <section aria-labelledby="kyc-status" className="rounded-xl border border-line bg-surface p-5">
        <h2 id="kyc-status" className="flex items-center gap-2 font-semibold" data-testid="kyc-status">
          <Icon className="size-5 text-accent-ink" aria-hidden /> {KYC_STATUS_FOR_CUSTOMER[status]}
        </h2>
        <p className="mt-1 text-sm text-muted">
          {status === "approved"
            ? "You can buy without the $1,000 limit."
            : status === "pending"
              ? `We received your documents on ${formatDate(kycCase!.submittedAt!, user.timeZone)}. A reviewer will look at them, usually within one working day, and email you.`
              : "We verify identities before purchases above $1,000 in total. Your data is encrypted and seen only by our reviewers."}
        </p>
        {kycCase?.customerMessage ? (
          <p className="mt-3 rounded-md bg-chip px-3 py-2 text-sm" data-testid="kyc-message">
            <strong>From the reviewer:</strong> {kycCase.customerMessage}
          </p>
        ) : null}
        {status === "resubmission_requested" ? (
          <p className="mt-2 text-sm">
            Please send again:{" "}
            {kycCase!.resubmitItems.map((item) => RESUBMIT_ITEMS[item as ResubmitItem] ?? item).join(", ")}.
          </p>
        ) : null}
        {kycCase?.flagged && status === "pending" ? (
          <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-500/40 dark:bg-amber-500/10">
            <p>
              <strong>Automatic check:</strong> {kycCase.flagReason} A reviewer will decide; nothing is rejected
              automatically.
            </p>
            {kycCase.humanReviewRequestedAt ? (
              <p className="mt-1">
                You asked for a human review of this flag. Follow it in your{" "}
                <IntentLink href={routes.dashboard.privacy} className="font-medium underline underline-offset-4">
                  privacy centre
                </IntentLink>
                .
              </p>
            ) : (
              <HumanReviewButton />
            )}
          </div>
        ) : null}
      </section>
      {status === "not_started" || status === "resubmission_requested" ? (
        <section aria-label="Verification form" className="rounded-xl border border-line bg-surface p-5">
          <KycForm
            requested={status === "not_started" ? null : (kycCase!.resubmitItems as ResubmitItem[])}
            details={kycCase?.details ?? null}
          />
        </section>
      ) : null}
    </div>
  );
}
