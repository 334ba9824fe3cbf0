// POST /api/bench/noop - the framework's ceiling for `npm run bench`: reads the body, answers.
// It exists only in servers the bench starts (REPLYCART_BENCH=1); everywhere else it is a 404.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (process.env.REPLYCART_BENCH !== "1")
    return NextResponse.json(
      { error: { code: "not_found", message: "Not found" } },
      { status: 404 },
    );
  await request.arrayBuffer();
  return NextResponse.json({ ok: true });
}
