import { NotFoundMessage } from "@/components/ui/not-found-message";

export default function NotFound() {
  return (
    <NotFoundMessage title="We couldn't find that page">
      The address may be mistyped, or the page no longer exists.
    </NotFoundMessage>
  );
}
