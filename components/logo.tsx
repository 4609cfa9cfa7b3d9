// The wordmark: a hash sign in a rounded square, amber like a rig's status light.
export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight">
      <svg viewBox="0 0 24 24" className="size-7" aria-hidden>
        <rect width="24" height="24" rx="6" className="fill-zinc-900 dark:fill-zinc-100" />
        <path
          d="M9.5 5.5 8 18.5M16 5.5l-1.5 13M6 9.5h12.5M5.5 14.5H18"
          className="stroke-amber-400 dark:stroke-amber-600"
          strokeWidth="2"
          strokeLinecap="round"
          fill="none"
        />
      </svg>
      <span>Hashwork</span>
    </span>
  );
}
