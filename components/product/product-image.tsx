import Image from "next/image";

export function ProductImage({
  src,
  title,
  priority = false,
}: {
  src: string | null;
  title: string;
  priority?: boolean;
}) {
  return (
    <div className="relative aspect-square overflow-hidden rounded-xl bg-slate-100">
      {src ? (
        <Image
          src={src}
          alt={title}
          fill
          sizes="(min-width: 1024px) 25vw, 50vw"
          priority={priority}
          className="object-cover"
        />
      ) : (
        <span
          className="grid h-full place-items-center text-4xl font-semibold text-slate-400"
          aria-hidden
        >
          {title.slice(0, 1)}
        </span>
      )}
    </div>
  );
}
