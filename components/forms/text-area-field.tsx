import type { ReactNode, TextareaHTMLAttributes } from "react";
import { FieldFrame, fieldWiring } from "./field-frame";

// A labelled textarea with its hint and errors beside it, wired for screen readers.
export function TextAreaField({
  id,
  label,
  name,
  errors,
  hint,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; errors?: string[]; hint?: ReactNode }) {
  const wiring = fieldWiring(name, id, hint, errors);
  return (
    <FieldFrame id={wiring.id} label={label} hint={hint} errors={errors}>
      <textarea
        name={name}
        rows={3}
        {...wiring}
        className="mt-1.5 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500"
        {...textarea}
      />
    </FieldFrame>
  );
}
