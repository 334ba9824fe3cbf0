export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-500 sm:px-6">
        <p>
          replycart: reply <strong className="font-semibold text-slate-700">#addtocart</strong> (US)
          or <strong className="font-semibold text-slate-700">#addtobasket</strong> (UK) to one of
          our posts on X and the product waits in your cart. Nothing is bought until you check out
          here.
        </p>
      </div>
    </footer>
  );
}
