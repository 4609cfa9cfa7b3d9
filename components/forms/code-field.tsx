import type { ComponentProps } from "react";
import { Field } from "./field";

/**
 * The field for a code from an authenticator app: named `code`, numeric keyboard, offered the
 * one-time code by the browser, six digits (or `maxLength` for forms that also take a recovery code).
 */
export function CodeField({
  label = "Code from your authenticator app",
  maxLength = 6,
  ...field
}: Omit<ComponentProps<typeof Field>, "name" | "label"> & { label?: string }) {
  return (
    <Field
      label={label}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={maxLength}
      {...field}
    />
  );
}
