"use client";

import { LoaderCircle } from "lucide-react";
import { useContext } from "react";
import { useFormStatus } from "react-dom";
import { ActionPendingContext } from "./action-form";
import { buttonBase } from "@/components/ui/button-link";

// A submit button that shows it is working and cannot be pressed twice.
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
}: {
  children: string;
  pendingText?: string;
  variant?: "primary" | "danger" | "secondary";
}) {
  const { pending: formPending } = useFormStatus();
  const actionPending = useContext(ActionPendingContext);
  const pending = formPending || actionPending;
  const colours = {
    primary:
      "bg-amber-400 text-zinc-950 ring-1 ring-amber-500/50 hover:bg-amber-300 dark:bg-amber-500 dark:hover:bg-amber-400",
    danger: "bg-red-600 text-white hover:bg-red-500",
    secondary: "bg-surface text-fg ring-1 ring-line hover:bg-chip",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`${buttonBase} ${colours} w-full disabled:cursor-wait disabled:opacity-70`}
    >
      {pending ? <LoaderCircle className="size-4 animate-spin" aria-hidden /> : null}
      {pending ? (pendingText ?? `${children}…`) : children}
    </button>
  );
}
