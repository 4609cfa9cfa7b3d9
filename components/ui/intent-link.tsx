"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link to a page rendered per request (the dashboard, the staff console, checkout), prefetched
 * when the reader reaches for it (pointer over it, keyboard focus, a touch) instead of as soon as
 * it is on screen. Next prefetches every link in view by default; for these pages each prefetch
 * is a render on the server with the session's database read, so one dashboard view used to set
 * off 25 of them, one per link in the navigation and pager, whether or not any was followed.
 * Links to the storefront's cached pages keep next/link's default.
 */
export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link>) {
  const router = useRouter();
  const target = typeof href === "string" ? href : null;
  const prefetch = () => {
    if (target?.startsWith("/")) router.prefetch(target);
  };
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
    />
  );
}
