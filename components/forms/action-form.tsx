"use client";

import { createContext, useTransition, type FormHTMLAttributes } from "react";

/** True while an ActionForm's action runs; read by SubmitButton. */
export const ActionPendingContext = createContext(false);

// A form that runs a server action without React's automatic reset afterwards, so a refused
// submission keeps everything the person typed, chose and attached, errors beside it.
export function ActionForm({
  action,
  children,
  ...props
}: Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit"> & { action: (data: FormData) => void }) {
  const [pending, startTransition] = useTransition();
  return (
    <ActionPendingContext.Provider value={pending}>
      <form
        {...props}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
          startTransition(() => action(data));
        }}
      >
        {children}
      </form>
    </ActionPendingContext.Provider>
  );
}
