import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Add product" status="Loading the form…">
      <div className="flex flex-col gap-3">
        {[0, 1, 2].map((key) => (
          <Placeholder key={key} className="h-16" />
        ))}
      </div>
    </PageLoading>
  );
}
