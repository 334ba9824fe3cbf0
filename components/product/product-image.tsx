// An uploaded image's route (app/images/[hash]/[size]) has a small size too, for narrow slots.
const UPLOADED = /^\/images\/([0-9a-f]{64})\/large$/;

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
        // A plain <img>: the catalog's images are SVGs that next/image would not resize, and
        // next/image writes inline style attributes that the content security policy refuses.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={src}
          {...(UPLOADED.test(src) && {
            srcSet: `${src.replace(/large$/, "small")} 600w, ${src} 1200w`,
            sizes: priority ? "(min-width: 768px) 560px, 100vw" : "(min-width: 640px) 280px, 50vw",
          })}
          alt={title}
          loading={priority ? "eager" : "lazy"}
          fetchPriority={priority ? "high" : "auto"}
          decoding="async"
          className="absolute inset-0 size-full object-cover"
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
