import { NotFoundMessage } from "@/components/ui/not-found-message";

export default function ProductNotFound() {
  return (
    <NotFoundMessage title="We couldn't find that product">
      The product may have been removed, or the link is mistyped.
    </NotFoundMessage>
  );
}
