// A second app process for the oversell test: places orders through the real code path and
// prints what happened as JSON. Run with the react-server condition, like Next's server code.
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db";
import { closePools } from "@/lib/db/pool";
import { placeOrder } from "@/lib/orders/place-order";

const [slug, ...pairs] = process.argv.slice(2);
const attempts = pairs.map((pair) => {
  const [userId, th] = pair.split(":");
  return { userId: userId!, th: Number(th) };
});
const results = await Promise.all(
  attempts.map(async (attempt, index) => {
    try {
      await placeOrder({
        userId: attempt.userId,
        slug: slug!,
        th: attempt.th,
        paymentMethod: "balance",
        idempotencyKey: `worker-${process.pid}-${index}`,
      });
      return { ok: true, th: attempt.th };
    } catch (error) {
      return { ok: false, th: attempt.th, error: error instanceof UserError ? error.message : String(error) };
    }
  }),
);
await db.$disconnect();
await closePools(); // the rate limiter's and placement's connections, or the process would linger
console.log(JSON.stringify(results));
