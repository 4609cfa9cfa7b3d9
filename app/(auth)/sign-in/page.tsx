import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button-link";

export const metadata: Metadata = { title: "Sign in" };

// Accounts open with the next release; until then "Buy Now" lands here and says so plainly.
export default function SignInPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-20 text-center">
      <h1 className="text-3xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-3 leading-7 text-muted">
        Customer accounts are not open yet, so plans cannot be bought today. You can compare every plan and its
        fees with the calculator in the meantime.
      </p>
      <div className="mt-6 flex justify-center">
        <ButtonLink href="/#plans">Back to the plans</ButtonLink>
      </div>
    </div>
  );
}
