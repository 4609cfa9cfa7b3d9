// What a browser is shown while the database is out of reach: a page of its own, served by the
// HTTP server without Next (which needs the database for most pages), in the site's colours and
// frame, with the retry message, a way to try again, and a way home. It reloads itself after the
// Retry-After interval, so a customer who waits sees the page they asked for once service is back.
import { routes } from "../lib/routes";

export function unavailablePage(message: string, retryAfterSeconds: number): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${retryAfterSeconds}">
<title>Back in a moment · Hashwork</title>
<style>
  :root { color-scheme: light dark; --canvas: #fafafa; --surface: #ffffff; --line: #e4e4e7; --fg: #18181b; --muted: #52525b; }
  @media (prefers-color-scheme: dark) { :root { --canvas: #09090b; --surface: #18181b; --line: #27272a; --fg: #f4f4f5; --muted: #a1a1aa; } }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; background: var(--canvas); color: var(--fg);
    font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
  header { border-bottom: 1px solid var(--line); background: var(--surface); }
  header a { display: inline-block; padding: 1rem; font-weight: 600; color: var(--fg); text-decoration: none; }
  main { flex: 1; display: flex; align-items: center; justify-content: center; padding: 3rem 1rem; }
  .card { max-width: 32rem; text-align: center; }
  h1 { margin: 0; font-size: 1.875rem; letter-spacing: -0.01em; }
  p { margin: 0.75rem 0 0; color: var(--muted); line-height: 1.5; }
  .actions { margin-top: 1.5rem; display: flex; gap: 0.75rem; justify-content: center; flex-wrap: wrap; }
  .button { display: inline-block; border-radius: 0.375rem; padding: 0.5rem 1rem; font-weight: 500; text-decoration: none; }
  .primary { background: #fbbf24; color: #09090b; }
  .secondary { border: 1px solid var(--line); color: var(--fg); }
  a:focus-visible { outline: 2px solid #f59e0b; outline-offset: 2px; }
</style>
</head>
<body>
<header><a href="${routes.home}">Hashwork</a></header>
<main>
  <div class="card">
    <h1>Back in a moment</h1>
    <p>${message}</p>
    <p>Your account, balances and contracts are not affected. This page tries again by itself in ${retryAfterSeconds} seconds.</p>
    <div class="actions">
      <a class="button primary" href="">Try again</a>
      <a class="button secondary" href="${routes.home}">Home</a>
    </div>
  </div>
</main>
</body>
</html>
`;
}
