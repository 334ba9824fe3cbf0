// Runs once when the server starts: bad configuration stops it here, with the variable named,
// instead of on the first request; then the first line says which mode runs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  const { describeMode } = await import("@/lib/server-mode");
  console.log(`[replycart] ${describeMode(getEnv())}`);
}
