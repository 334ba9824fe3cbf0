import { redirect } from "next/navigation";
import { requireAdmin } from "@/app/admin/require-admin";

export default async function AdminHome() {
  await requireAdmin();
  redirect("/admin/x");
}
