import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Orders" status="Loading orders…">
      <div className="flex flex-col gap-3">
        {[0, 1, 2, 3].map((key) => (
          <Placeholder key={key} className="h-14" />
        ))}
      </div>
    </PageLoading>
  );
}
