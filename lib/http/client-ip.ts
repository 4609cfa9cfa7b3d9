/** Set by the app's HTTP server (scripts/lib/http-server.ts) on every request; never trusted from clients. */
export const CLIENT_IP_HEADER = "x-hashwork-client-ip";
