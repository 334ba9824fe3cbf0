import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Checkout" status="Checking today's prices and stock…">
      <div className="grid gap-6 md:grid-cols-[1fr_18rem]">
        <div className="flex flex-col gap-6">
          <Placeholder className="h-40" />
          <Placeholder className="h-64" />
        </div>
        <Placeholder className="h-48" />
      </div>
    </PageLoading>
  );
}
