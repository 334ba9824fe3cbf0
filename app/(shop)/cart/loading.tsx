import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Your cart" status="Loading your cart…">
      <div className="flex flex-col gap-6">
        <Placeholder className="h-64" />
        <Placeholder className="h-40" />
      </div>
    </PageLoading>
  );
}
