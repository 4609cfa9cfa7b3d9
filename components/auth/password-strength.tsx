"use client";

import { useEffect, useState } from "react";
import type { PasswordStrength } from "@/lib/auth/password-policy";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
const COLOURS = ["bg-red-500", "bg-red-500", "bg-amber-500", "bg-green-600", "bg-green-600"] as const;

// A live strength meter with zxcvbn's feedback. The dictionaries load on the first keystroke,
// so the page itself stays light; the server runs the same check when the form is sent.
export function PasswordStrengthMeter({ password, userInputs }: { password: string; userInputs: string[] }) {
  // The verdict remembers which password it is for, so a stale one is never shown.
  const [verdict, setVerdict] = useState<{ password: string; strength: PasswordStrength } | null>(null);
  const strength = verdict?.password === password ? verdict.strength : null;
  const inputsKey = userInputs.join("|");

  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const { passwordStrength } = await import("@/lib/auth/password-policy");
      const result = await passwordStrength(password, inputsKey.split("|").filter(Boolean));
      if (!cancelled) setVerdict({ password, strength: result });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  if (!password) return null;
  const score = strength?.score ?? 0;
  const tooShort = password.length < 10;
  return (
    <div className="mt-2" aria-live="polite">
      <div className="flex gap-1" aria-hidden>
        {[0, 1, 2, 3].map((segment) => (
          <span
            key={segment}
            className={`h-1.5 flex-1 rounded-full ${strength && segment < Math.max(1, score) ? COLOURS[score] : "bg-chip"}`}
          />
        ))}
      </div>
      <p className="mt-1 text-xs text-muted" data-testid="password-strength">
        {tooShort
          ? `${password.length}/10 characters`
          : strength
            ? `${LABELS[score]}${score < 3 ? " — not accepted" : ""}${strength.warning ? `. ${strength.warning}` : ""}${
                score < 3 && strength.suggestions[0] ? ` ${strength.suggestions[0]}` : ""
              }`
            : "Checking…"}
      </p>
    </div>
  );
}
