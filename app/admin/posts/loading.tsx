import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Posts" status="Loading the posts…">
      <div className="flex flex-col gap-3">
        {[0, 1, 2].map((key) => (
          <Placeholder key={key} className="h-36" />
        ))}
      </div>
    </PageLoading>
  );
}
