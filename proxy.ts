import { NextResponse, type NextRequest } from "next/server";
import { isMalformedPath } from "@/lib/http/malformed-path";

// Runs before routing, on every request but the build's static files.
export function proxy(request: NextRequest) {
  // Next answers a path it cannot percent-decode (`/p/%ZZ`) with a bare 500; those are a 404.
  if (isMalformedPath(request.nextUrl.pathname))
    return NextResponse.rewrite(new URL("/_malformed-path", request.url));
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
