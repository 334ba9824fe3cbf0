import type { SimUser, StoredApp } from "../state/types";
import { avatarColor, escapeHtml, initials } from "../ui/html";
import { SCOPE_DESCRIPTIONS } from "./scopes";

const STYLE = `
  *{box-sizing:border-box} body{margin:0;font:15px/1.4 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f7f9f9;color:#0f1419}
  main{max-width:600px;margin:40px auto;background:#fff;border:1px solid #eff3f4;border-radius:16px;padding:32px}
  .logo{font-size:30px;font-weight:800;text-align:center} h1{font-size:23px;margin:16px 0 4px}
  .muted{color:#536471} ul{padding-left:20px} li{margin:4px 0}
  .accounts label{display:flex;align-items:center;gap:12px;padding:10px;border:1px solid #eff3f4;border-radius:12px;margin:8px 0;cursor:pointer}
  .avatar{width:40px;height:40px;border-radius:50%;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
  input[type=text]{padding:10px;border:1px solid #cfd9de;border-radius:8px;font:inherit;width:100%}
  .row{display:flex;gap:8px;margin-top:8px} .buttons{display:flex;flex-direction:column;gap:10px;margin-top:24px}
  button{font:inherit;font-weight:700;border-radius:999px;padding:12px;border:1px solid #cfd9de;background:#fff;cursor:pointer}
  button.primary{background:#0f1419;color:#fff;border-color:#0f1419} .error{color:#f4212e}`;

export function pageShell(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><main><div class="logo">𝕏</div>${body}</main></body></html>`;
}

export function errorPage(message: string): string {
  return pageShell(
    "X / Error",
    `<h1>Something went wrong</h1><p class="muted">You weren't able to give access to the App. Go back and try logging in again.</p><p class="error">${escapeHtml(message)}</p>`,
  );
}

export function consentPage(
  app: StoredApp,
  users: SimUser[],
  scopes: string[],
  params: URLSearchParams,
  error?: string,
): string {
  const hidden = [...params.entries()]
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  // Nothing is pre-selected: a click on "Authorize" must not grant an account nobody picked
  // (the first one is the shop's own). `required` makes the browser ask; the server checks too.
  const accounts = users
    .map(
      (u) => `<label><input type="radio" name="username" value="${escapeHtml(u.username)}" required>
      <span class="avatar" style="background:${avatarColor(u.username)}">${escapeHtml(initials(u.name))}</span>
      <span><strong>${escapeHtml(u.name)}</strong><br><span class="muted">@${escapeHtml(u.username)}</span></span></label>`,
    )
    .join("");
  const scopeList = scopes
    .map((s) => `<li><code>${escapeHtml(s)}</code>: ${escapeHtml(SCOPE_DESCRIPTIONS[s] ?? s)}</li>`)
    .join("");
  return pageShell(
    `Authorize ${app.name}`,
    `<h1>${escapeHtml(app.name)} wants to access your X account.</h1>
    <p class="muted">Simulated X: pick the account to authorize (a demo account, or a new one).</p>
    ${error ? `<p class="error">${escapeHtml(error)}</p>` : ""}
    <form method="post" action="/i/oauth2/authorize">${hidden}
      <div class="accounts">${accounts}
        <label><input type="radio" name="username" value="__new__" required><span>New demo account</span></label>
        <div class="row"><input type="text" name="new_username" placeholder="username" aria-label="new username">
        <input type="text" name="new_name" placeholder="Display name" aria-label="new display name"></div>
      </div>
      <h2 style="font-size:17px;margin-top:24px">Things this App will be able to do</h2><ul>${scopeList}</ul>
      <div class="buttons"><button class="primary" name="decision" value="approve" type="submit">Authorize app</button>
      <button name="decision" value="deny" type="submit" formnovalidate>Cancel</button></div>
    </form>`,
  );
}
