// Password rules (NIST-style): 10 to 128 characters, no composition rules, and refused when
// zxcvbn scores it below 3 with the common and English dictionaries, which covers the lists of
// common and breached passwords. The same check runs in the browser for the strength meter.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const PASSWORD_MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

export type PasswordStrength = { score: 0 | 1 | 2 | 3 | 4; warning: string | null; suggestions: string[] };

/** zxcvbn's verdict; `userInputs` (the email, the name) count as guessable words. */
export async function passwordStrength(password: string, userInputs: string[] = []): Promise<PasswordStrength> {
  const result = await zxcvbn().checkAsync(password.slice(0, PASSWORD_MAX), [
    ...userInputs,
    "hashwork",
    "bitcoin",
    "mining",
  ]);
  return { score: result.score, warning: result.feedback.warning || null, suggestions: result.feedback.suggestions };
}

/** The problem with a new password, in words a person can act on; null when it is fine. */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<string | null> {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const strength = await passwordStrength(password, userInputs);
  if (strength.score < PASSWORD_MIN_SCORE) {
    return `This password is too easy to guess.${strength.warning ? ` ${strength.warning}` : ""} Try a few unrelated words.`;
  }
  return null;
}
