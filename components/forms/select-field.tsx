import type { SelectHTMLAttributes } from "react";

// A labelled select with its errors beside it, wired for screen readers.
export function SelectField({
  id: idProp,
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
  const id = idProp ?? `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="mt-1.5 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm shadow-sm aria-invalid:border-red-500"
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
