import { IntentLink } from "@/components/ui/intent-link";
import type { ActionState } from "@/lib/errors";

// The form-level outcome of an action: an error (with when to retry) or a success message.
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p
        role="alert"
        className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-500/10 dark:text-red-300"
      >
        {state.error}
        {state.link ? (
          <>
            {" "}
            <IntentLink href={state.link.href} className="font-medium underline underline-offset-4">
              {state.link.label}
            </IntentLink>
          </>
        ) : null}
      </p>
    );
  }
  return state.message ? (
    <p
      role="status"
      className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-500/10 dark:text-green-300"
    >
      {state.message}
    </p>
  ) : null;
}

export function fieldErrors(state: ActionState<unknown>, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}
