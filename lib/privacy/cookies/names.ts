// The names and lifetime of our consent-related cookies, shared by the server and the banner.
export const CONSENT_COOKIE = "hw_consent";
/** The analytics cookie: a random visitor id, set only while analytics is allowed. */
export const ANALYTICS_COOKIE = "hw_analytics";
/** A choice is asked again after this long, and the cookies expire with it. */
export const CONSENT_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
/** The event "Cookie settings" buttons send to open the banner again. */
export const OPEN_COOKIE_SETTINGS = "hashwork:cookie-settings";
