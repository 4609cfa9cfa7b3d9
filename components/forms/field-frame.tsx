import type { ReactNode } from "react";

// The parts every labelled control shares: the label, the hint and the errors beside it, and the
// ids that wire them to the control for screen readers. Field, SelectField and TextAreaField put
// their own control inside.

/** The control's id and its ARIA wiring. Pass `id` when a page shows the same name in several forms. */
export function fieldWiring(name: string, id: string | undefined, hint: ReactNode, errors: string[] | undefined) {
  const controlId = id ?? `field-${name}`;
  const describedBy =
    [hint ? `${controlId}-hint` : null, errors?.length ? `${controlId}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return { id: controlId, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy };
}

export function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-subtle">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
