import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Order" status="Loading the order…">
      <div className="flex flex-col gap-3">
        {[0, 1, 2, 3].map((key) => (
          <Placeholder key={key} className="h-14" />
        ))}
      </div>
    </PageLoading>
  );
}
