import type { SelectHTMLAttributes } from "react";
import { FieldFrame, fieldWiring } from "./field-frame";

// A labelled select with its errors beside it, wired for screen readers.
export function SelectField({
  id,
  label,
  name,
  errors,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  errors?: string[];
  options: readonly (readonly [value: string, label: string])[];
}) {
  const wiring = fieldWiring(name, id, undefined, errors);
  return (
    <FieldFrame id={wiring.id} label={label} errors={errors}>
      <select
        name={name}
        {...wiring}
        className="mt-1.5 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500"
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
