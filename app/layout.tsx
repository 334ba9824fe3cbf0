import type { Metadata } from "next";
import type { ReactNode } from "react";
import { FocusHeadingOnNavigate } from "@/components/focus-heading-on-navigate";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "replycart", template: "%s · replycart" },
  description: "Reply #addtocart on X and the product waits in your cart.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      {/* A column as tall as the window: short pages keep the footer at the bottom edge. */}
      <body className="flex min-h-dvh flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-20 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
        <SiteFooter />
        <TimeZoneCookie />
        <FocusHeadingOnNavigate />
      </body>
    </html>
  );
}
