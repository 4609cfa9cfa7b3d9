// Where "Buy Now" goes. Until a customer is signed in, it is the sign-in page, which returns
// them to checkout afterwards.
import { routes } from "@/lib/routes";

export function buyNowHref(slug: string, th?: number): string {
  return routes.signIn(routes.checkout(slug, th));
}
