import { PageLoading, Placeholder } from "@/components/ui/page-loading";

export default function Loading() {
  return (
    <PageLoading title="Post on X" status="Loading the product…">
      <Placeholder className="h-64" />
    </PageLoading>
  );
}
