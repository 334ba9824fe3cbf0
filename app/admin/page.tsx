import type { Metadata } from "next";
import { ConsolePage } from "@/app/admin/_components/console-page";
import { NeedsDoing, brandTask, countTasks } from "@/app/admin/_components/needs-doing";
import { StoreSalesCards } from "@/app/admin/_components/store-sales-cards";
import { consolePage } from "@/app/admin/require-console";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/accounts/roles";
import { getHomeSummary } from "@/lib/console/home-summary";

export const metadata: Metadata = { title: "Home" };

// Where the console's days and weeks begin, until the shop has a time zone setting.
const SHOP_TIME_ZONE = "UTC";

export default consolePage(null, async function ConsoleHome({ user }) {
  const summary = await getHomeSummary({ timeZone: SHOP_TIME_ZONE });
  const ownsX = can(user.role, "x_account");
  const tasks = [...countTasks({ ...summary, xLink: ownsX }), brandTask(summary.brand, ownsX)];
  return (
    <ConsolePage title="Home" description="What needs doing now, and how each store is selling.">
      <Card title="Needs doing">
        <NeedsDoing tasks={tasks} />
      </Card>
      <Card title="Sales">
        <p className="text-sm text-slate-600">
          Orders and revenue today and this week (from Monday), by the {SHOP_TIME_ZONE} clock.
          Cancelled orders are left out.
        </p>
        <StoreSalesCards stores={summary.sales} />
      </Card>
    </ConsolePage>
  );
});
