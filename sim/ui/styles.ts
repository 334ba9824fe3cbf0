// The simulator UI's stylesheet: a plain, light X client.
export const UI_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.35 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#0f1419;background:#fff}
a{color:#1d9bf0;text-decoration:none} a:hover{text-decoration:underline}
.layout{display:grid;grid-template-columns:250px 600px 380px;justify-content:center;min-height:100vh}
nav{padding:8px 12px;position:sticky;top:0;height:100vh;border-right:1px solid #eff3f4}
.brand{font-size:28px;font-weight:800;padding:8px 12px}
.brand small{display:block;font-size:12px;font-weight:500;color:#536471}
.nav-item{display:flex;align-items:center;gap:12px;padding:10px 12px;border-radius:999px;cursor:pointer;font-size:17px;color:#0f1419}
.nav-item:hover{background:#eff3f4;text-decoration:none} .nav-item.active{font-weight:700}
.nav-label{font-size:13px;color:#536471;padding:16px 12px 4px}
main{border-right:1px solid #eff3f4;min-height:100vh}
header.top{position:sticky;top:0;background:rgba(255,255,255,.9);backdrop-filter:blur(8px);border-bottom:1px solid #eff3f4;padding:12px 16px;z-index:2}
header.top h1{font-size:20px;margin:0} header.top p{margin:2px 0 0;color:#536471;font-size:13px}
.composer{display:flex;gap:12px;padding:12px 16px;border-bottom:1px solid #eff3f4}
.composer .body{flex:1}
textarea{width:100%;border:none;resize:none;font:inherit;font-size:19px;outline:none;min-height:56px;padding:8px 0}
.reply-box textarea{font-size:15px;min-height:40px}
.composer-row{display:flex;align-items:center;justify-content:space-between;border-top:1px solid #eff3f4;padding-top:8px;gap:8px}
select{font:inherit;border:1px solid #cfd9de;border-radius:999px;padding:4px 10px;background:#fff;color:#0f1419}
.btn{background:#1d9bf0;color:#fff;border:none;border-radius:999px;font:inherit;font-weight:700;padding:7px 16px;cursor:pointer}
.btn:disabled{opacity:.5;cursor:default} .btn.dark{background:#0f1419}
.avatar{width:40px;height:40px;flex:none;border-radius:50%;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;font-size:15px}
.avatar.small{width:24px;height:24px;font-size:10px}
.post{display:flex;gap:12px;padding:12px 16px;border-bottom:1px solid #eff3f4}
.post:hover{background:#f7f9f9} .post.target{background:#e8f5fd;box-shadow:inset 3px 0 #1d9bf0} .post .body{flex:1;min-width:0}
.post .meta{display:flex;gap:4px;color:#536471;white-space:nowrap;overflow:hidden}
.post .meta strong{color:#0f1419} .post .replying{color:#536471;font-size:14px;margin:2px 0}
.post .text{white-space:pre-wrap;word-wrap:break-word;margin:2px 0 8px}
.post .edited{color:#536471;font-size:13px}
.actions{display:flex;gap:28px;color:#536471;font-size:13px}
.actions button{background:none;border:none;color:inherit;font:inherit;cursor:pointer;padding:4px 6px;border-radius:999px;display:inline-flex;align-items:center;gap:4px}
.actions button:hover{background:#e8f5fd;color:#1d9bf0} .actions button.danger:hover{background:#fde8ea;color:#f4212e}
.reply-box{margin-top:8px;border:1px solid #eff3f4;border-radius:12px;padding:8px 12px}
.empty{padding:32px 16px;color:#536471;text-align:center}
.error{color:#f4212e;font-size:14px;padding:4px 0}
aside{padding:12px 16px;position:sticky;top:0;height:100vh;overflow:auto}
.panel{background:#f7f9f9;border-radius:16px;padding:12px 16px;margin-bottom:16px}
.panel h2{font-size:20px;margin:0 0 8px}
.delivery{border-top:1px solid #eff3f4;padding:8px 0;font-size:13px}
.delivery .line{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.badge{border-radius:6px;padding:1px 6px;font-size:12px;font-weight:700;background:#eff3f4;color:#536471}
.badge.ok{background:#e0f5ea;color:#00813b} .badge.bad{background:#fde8ea;color:#c4121c}
.badge.kind{background:#e8f5fd;color:#1a8cd8}
.delivery .url{color:#536471;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;display:block}
details pre{white-space:pre-wrap;word-break:break-all;background:#fff;border-radius:8px;padding:6px;max-height:220px;overflow:auto;font-size:11px}
.muted{color:#536471}
.switch{display:flex;gap:8px;align-items:flex-start;font-size:13px;margin:8px 0;cursor:pointer}
.switch input{margin-top:2px;flex:none}
.switch span{display:flex;flex-direction:column;gap:1px}
.switch small{color:#536471;font-size:12px}
.switch.select{flex-direction:column;gap:4px}
/* Narrower screens: the columns shrink, then the panels move under the timeline, then the
   accounts become a row above it. */
@media (max-width:1279px){.layout{grid-template-columns:220px minmax(0,600px) minmax(0,340px)}}
@media (max-width:1023px){
  .layout{grid-template-columns:200px minmax(0,1fr)}
  aside{grid-column:2;position:static;height:auto;overflow:visible}
}
@media (max-width:699px){
  .layout{grid-template-columns:minmax(0,1fr)}
  nav{position:static;height:auto;border-right:none;border-bottom:1px solid #eff3f4;display:flex;flex-wrap:wrap;align-items:center;gap:4px;padding:4px 8px;min-width:0}
  .brand{font-size:22px;padding:4px 8px;flex:none}
  .nav-label{display:none}
  nav>.nav-item{flex:none}
  #accounts{display:flex;flex-basis:100%;gap:2px;overflow-x:auto;min-width:0}
  #accounts .nav-item{flex:none;font-size:14px;padding:6px 10px;white-space:nowrap}
  main{border-right:none;min-height:0}
  aside{grid-column:auto;padding:12px}
  .composer,.post{padding:12px}
  .actions{gap:12px}
  .composer-row{flex-wrap:wrap}
}
`;
