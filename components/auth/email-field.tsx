"use client";

import { Field } from "@/components/forms/field";

// The email field of the account forms. It is controlled, so what was typed survives a refused
// submission (React resets uncontrolled fields after a form action).
export function EmailField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (email: string) => void;
  errors?: string[];
}) {
  return (
    <Field
      label="Email"
      name="email"
      type="email"
      autoComplete="email"
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
      errors={errors}
    />
  );
}
