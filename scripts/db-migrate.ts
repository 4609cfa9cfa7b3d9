// `npm run db:migrate`: applies pending migrations to DATABASE_URL, as a deployment step before
// the new version starts (`npm start` does it by itself). Safe to run from several places at
// once: the runner takes PostgreSQL's advisory lock.
import { migrate } from "../lib/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm start` migrates the embedded database by itself.");
  process.exit(2);
}
try {
  const applied = await migrate(url, { log: (line) => console.log(line) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
