import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Your order" status="Loading your order…">
      <div className="grid gap-6 md:grid-cols-[1fr_16rem]">
        <Placeholder className="h-48" />
        <Placeholder className="h-32" />
      </div>
    </PageLoading>
  );
}
