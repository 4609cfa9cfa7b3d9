"use client";

import { useState } from "react";
import { Field } from "@/components/forms/field";
import { PasswordStrengthMeter } from "./password-strength";

// A new-password input with its live strength meter; `userInputs` are words the password
// should not lean on (the email, the name).
export function NewPasswordField({
  name,
  label,
  errors,
  userInputs = [],
  hint,
}: {
  name: string;
  label: string;
  errors?: string[];
  userInputs?: string[];
  hint?: string;
}) {
  const [password, setPassword] = useState("");
  return (
    <Field
      label={label}
      name={name}
      type="password"
      autoComplete="new-password"
      required
      maxLength={128}
      value={password}
      onChange={(event) => setPassword(event.target.value)}
      errors={errors}
      hint={hint}
    >
      <PasswordStrengthMeter password={password} userInputs={userInputs} />
    </Field>
  );
}
