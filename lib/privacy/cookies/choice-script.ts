import { CONSENT_COOKIE } from "./names";

// Marks <html> before the first paint when this browser holds a cookie choice. The banner is in
// every page's HTML, so a first visit paints it at once instead of after the scripts run; this
// mark hides it (app/globals.css) for a visitor who already chose, until the server confirms
// the choice. The CSP hashes this exact string.
export const COOKIE_CHOICE_SCRIPT = `(function(){if(document.cookie.split("; ").some(function(c){return c.indexOf("${CONSENT_COOKIE}=")===0}))document.documentElement.dataset.cookieChoice=""})();`;
