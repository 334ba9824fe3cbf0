import { NotFoundMessage } from "@/components/ui/not-found-message";

export default function OrderNotFound() {
  return (
    <NotFoundMessage title="We couldn't find that order">
      It may belong to another account, or the link is mistyped. Your own orders are listed on the
      orders page.
    </NotFoundMessage>
  );
}
