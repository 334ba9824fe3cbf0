import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findOrder } from "./find-order";

// Checked here, above the page's loading boundary: once the page streams its loading state the
// status is sent, and a notFound() in the page could only answer 200 with a not-found text.
// Another shopper's order and a made-up id look the same: 404.
export default async function OrderLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (user && !(await findOrder(user.id, id))) notFound();
  return children;
}
