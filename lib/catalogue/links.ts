// Where "Buy Now" goes. Until a customer is signed in, it is the sign-in page, which returns
// them to checkout afterwards.
export function checkoutPath(slug: string, th?: number): string {
  return `/checkout/${slug}${th ? `?th=${th}` : ""}`;
}

export function buyNowHref(slug: string, th?: number): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(checkoutPath(slug, th))}`;
}
