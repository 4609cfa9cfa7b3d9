"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { signOutAction } from "@/lib/actions/auth/sign-out";

export function SignOutButton() {
  const [, action] = useActionState(signOutAction, null);
  return (
    <form action={action}>
      <SubmitButton variant="secondary" pendingText="Signing out…">
        Sign out
      </SubmitButton>
    </form>
  );
}
