import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BRAND_X_SCOPES } from "@/lib/x/x-providers";
import { connectBrand, getBrandStatus } from "@/lib/brand/brand-account";
import { createPrismaClient } from "@/lib/database/db";
import { SIMULATED_X_APP } from "@/lib/env";
import { xUserClient } from "@/lib/x/client";

const SIMULATED_BRAND = "replycart";

/**
 * First start of the embedded default: connects the simulator's @replycart as the shop's brand
 * account, owned by the shop's owner, so the demo works without a click. Runs once per
 * DATA_DIR: an owner who later disconnects the brand is not overruled by the next start. Needs
 * the app's configuration (TOKEN_ENCRYPTION_KEY, X_API_BASE_URL) in process.env.
 */
export async function connectSimulatedBrand(options: {
  databaseUrl: string;
  simUrl: string;
  dataDir: string;
  log: (line: string) => void;
}) {
  const marker = path.join(options.dataDir, "brand-auto-connected");
  if (existsSync(marker)) return;
  const db = createPrismaClient(options.databaseUrl);
  try {
    if (!(await getBrandStatus(db))) {
      const owner = await db.user.findFirst({
        where: { role: "OWNER" },
        orderBy: { createdAt: "asc" },
        select: { id: true, email: true },
      });
      if (!owner) return options.log("No owner: connect the brand account at /admin/x.");
      // The simulator's helper grants what its consent page would, without the clicks.
      const response = await fetch(`${options.simUrl}/_sim/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          username: SIMULATED_BRAND,
          scopes: BRAND_X_SCOPES.split(" "),
          clientId: SIMULATED_X_APP.clientId,
        }),
      });
      if (!response.ok) throw new Error(`the simulator refused a brand token (${response.status})`);
      const grant = (await response.json()) as {
        access_token: string;
        refresh_token?: string;
        expires_in: number;
        scope: string;
      };
      const { data: me } = await xUserClient(grant.access_token).v2.me({
        "user.fields": ["profile_image_url"],
      });
      const result = await connectBrand(
        owner,
        {
          xUserId: me.id,
          username: me.username,
          profileImageUrl: me.profile_image_url,
          accessToken: grant.access_token,
          refreshToken: grant.refresh_token,
          expiresAt: Math.floor(Date.now() / 1000) + grant.expires_in,
          scope: grant.scope,
        },
        db,
      );
      options.log(
        result.status === "connected"
          ? `Connected the simulator's @${me.username} as the shop's brand account.`
          : `The simulator's @${me.username} is linked by a shopper, so it was not made the brand: connect the brand at /admin/x.`,
      );
    }
    // DATA_DIR may not exist yet: with DATABASE_URL set nothing else has written to it.
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(marker, `${new Date().toISOString()}\n`);
  } finally {
    await db.$disconnect();
  }
}
