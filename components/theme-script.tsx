// Renders the theme script (lib/theme/theme-script.ts) and the cookie-choice mark
// (lib/privacy/cookies/choice-script.ts) inline in <head>: both must run before the first paint.
import { COOKIE_CHOICE_SCRIPT } from "@/lib/privacy/cookies/choice-script";
import { THEME_SCRIPT } from "@/lib/theme/theme-script";

export function ThemeScript() {
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      <script dangerouslySetInnerHTML={{ __html: COOKIE_CHOICE_SCRIPT }} />
    </>
  );
}
