// How large a request body may be. Server actions carry form fields only; the KYC upload (a
// route handler) and the Stripe webhook have limits of their own beside their code.
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
