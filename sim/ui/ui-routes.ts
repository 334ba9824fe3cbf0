import type { Hono } from "hono";
import type { SimContext } from "../context";
import { BRAND_USERNAME } from "../state/seed";
import { UI_SCRIPT } from "./client-script";
import { drawFavicon } from "./favicon";
import { API_STATUS_SWITCH, FAULT_CHECKBOXES } from "./fault-switches";
import { UI_CSS } from "./styles";

// Read by the page's script; `<` escaped so no value can close the script element.
const UI_CONFIG = JSON.stringify({
  brand: BRAND_USERNAME,
  faults: FAULT_CHECKBOXES,
  apiStatus: API_STATUS_SWITCH,
}).replace(/</g, "\\u003c");

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>X simulator · replycart</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/_ui/app.css"></head>
<body><div class="layout">
  <nav><div class="brand">𝕏 <small>simulator</small></div>
    <a class="nav-item" data-view="" href="#"><svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path d="M3 11l9-7 9 7v9h-6v-6H9v6H3z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg> Home</a>
    <div class="nav-label">Accounts</div><div id="accounts"></div>
  </nav>
  <main><header class="top"><h1 id="title">Home</h1><p id="subtitle">Everything posted on this simulated X</p></header>
    <div class="composer" id="composer"></div>
    <div id="timeline" data-testid="timeline"></div>
  </main>
  <aside>
    <section class="panel" data-testid="deliveries"><h2>Deliveries</h2>
      <div class="muted" id="webhooks"></div><div id="deliveries"></div></section>
    <section class="panel faults"><h2>Faults</h2><div id="faults"></div></section>
  </aside>
</div><script type="application/json" id="ui-config">${UI_CONFIG}</script>
<script src="/_ui/app.js"></script></body></html>`;
const FAVICON = drawFavicon();

export function mountUi(app: Hono, sim: SimContext): void {
  void sim;
  app.get("/", (c) => c.html(PAGE));
  app.get("/_ui/app.css", (c) =>
    c.body(UI_CSS, 200, { "content-type": "text/css; charset=utf-8" }),
  );
  app.get("/favicon.ico", (c) =>
    c.body(new Uint8Array(FAVICON), 200, {
      "content-type": "image/x-icon",
      "cache-control": "public, max-age=86400",
    }),
  );
  app.get("/_ui/app.js", (c) =>
    c.body(UI_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" }),
  );
}
