import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Attach a post" status="Loading the products…">
      <Placeholder className="h-48" />
    </PageLoading>
  );
}
