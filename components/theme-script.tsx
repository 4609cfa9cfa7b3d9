// Renders the theme script (lib/theme/theme-script.ts) inline in <head>.
import { THEME_SCRIPT } from "@/lib/theme/theme-script";

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
