const steps = [
  { title: "Link X once", body: "Connect your X account to your shop account." },
  {
    title: "Reply with the hashtag",
    body: "Reply #addtocart (US) or #addtobasket (UK) to our product posts.",
  },
  {
    title: "Check out when ready",
    body: "It waits in your cart. Nothing is bought until you confirm here.",
  },
];

export function HowItWorks() {
  return (
    <section
      aria-labelledby="how-title"
      className="from-brand-600 to-brand-700 rounded-3xl bg-gradient-to-br p-6 text-white sm:p-10"
    >
      <h1 id="how-title" className="max-w-2xl text-3xl font-semibold tracking-tight sm:text-4xl">
        See it on X. Reply with a hashtag. It&apos;s in your cart.
      </h1>
      <ol className="mt-6 grid gap-4 sm:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.title} className="rounded-2xl bg-white/10 p-4 ring-1 ring-white/20">
            <p className="text-brand-100 text-sm font-medium">Step {index + 1}</p>
            <p className="mt-1 font-semibold">{step.title}</p>
            <p className="text-brand-50 mt-1 text-sm">{step.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
