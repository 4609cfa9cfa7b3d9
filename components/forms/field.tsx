import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldFrame, fieldWiring } from "./field-frame";

// A labelled input with its hint and errors beside it, wired for screen readers.
export function Field({
  id,
  label,
  name,
  errors,
  hint,
  children,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  children?: ReactNode;
}) {
  const wiring = fieldWiring(name, id, hint, errors);
  return (
    <FieldFrame id={wiring.id} label={label} hint={hint} errors={errors}>
      <input
        name={name}
        {...wiring}
        className="mt-1.5 block w-full rounded-md border border-line bg-surface px-3 py-2 shadow-sm aria-invalid:border-red-500"
        {...input}
      />
      {children}
    </FieldFrame>
  );
}
