import { Bitcoin, CreditCard, SlidersHorizontal } from "lucide-react";

const STEPS = [
  {
    icon: SlidersHorizontal,
    title: "Choose a plan and your TH",
    text: "Pick a machine and a term. The calculator shows the hashrate fee, the service fee and the total before you commit — to the cent.",
  },
  {
    icon: CreditCard,
    title: "Pay once, up front",
    text: "Pay by card or from your balance. Electricity and maintenance are prepaid for the whole term, so your contract is never paused for unpaid power.",
  },
  {
    icon: Bitcoin,
    title: "Your contract runs for the term",
    text: "Mining starts at 00:00 UTC the day after payment. Your dashboard shows each contract's status, dates and progress through its term.",
  },
];

export function HowItWorks() {
  return (
    <section id="how-it-works" aria-labelledby="how-title" className="scroll-mt-20">
      <h2 id="how-title" className="text-2xl font-semibold tracking-tight">
        How it works
      </h2>
      <ol className="mt-6 grid gap-4 md:grid-cols-3">
        {STEPS.map((step, index) => (
          <li key={step.title} className="rounded-xl border border-line p-5">
            <div className="flex items-center gap-3">
              <span className="inline-flex size-9 items-center justify-center rounded-lg bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-400">
                <step.icon className="size-5" aria-hidden />
              </span>
              <span className="text-sm font-medium text-subtle">Step {index + 1}</span>
            </div>
            <h3 className="mt-3 font-semibold">{step.title}</h3>
            <p className="mt-1 text-sm leading-6 text-muted">{step.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
