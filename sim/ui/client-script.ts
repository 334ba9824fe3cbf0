// The UI's browser code: plain DOM, polling /_sim/timeline. Kept free of backticks so it can
// live in this string.
export const UI_SCRIPT = String.raw`
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var config = JSON.parse($("ui-config").textContent);
  // "Posting as" is remembered per browser, so a reload never switches to the brand.
  var ACTING_KEY = "sim.postingAs";
  function remembered() { try { return localStorage.getItem(ACTING_KEY) || ""; } catch (e) { return ""; } }
  function remember(name) { try { localStorage.setItem(ACTING_KEY, name); } catch (e) { /* private mode */ } }
  var state = { view: "", acting: remembered(), data: null, version: "", openReply: null, editing: null };
  function icon(d) {
    return '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path d="' + d + '" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"/></svg>';
  }
  var ICONS = {
    reply: icon("M4 5h16v11H10l-6 4z"),
    like: icon("M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"),
    edit: icon("M4 20h4L19 9l-4-4L4 16zM13 7l4 4"),
    trash: icon("M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13")
  };

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function initials(name) {
    var parts = String(name || "?").trim().split(/\s+/);
    return ((parts[0] || "?")[0] + ((parts[1] || "")[0] || "")).toUpperCase();
  }
  function color(username) {
    var h = 0;
    for (var i = 0; i < username.length; i++) h = (h * 31 + username.charCodeAt(i)) >>> 0;
    return "hsl(" + (h % 360) + " 55% 45%)";
  }
  function avatar(user, small) {
    return '<div class="avatar' + (small ? " small" : "") + '" style="background:' + color(user.username) + '">' + esc(initials(user.name)) + "</div>";
  }
  function ago(iso) {
    var s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) return s + "s";
    if (s < 3600) return Math.round(s / 60) + "m";
    if (s < 86400) return Math.round(s / 3600) + "h";
    return new Date(iso).toLocaleDateString();
  }
  function userByName(name) {
    return (state.data.users || []).filter(function (u) { return u.username === name; })[0];
  }

  // Renders text the way X does: entities by code-point index, leading reply mentions hidden.
  function renderText(post) {
    var chars = Array.from(post.text);
    var marks = [];
    var e = post.entities || {};
    (e.hashtags || []).forEach(function (h) { marks.push({ s: h.start, e: h.end, html: '<a href="#" data-tag="' + esc(h.tag) + '">#' + esc(h.tag) + "</a>" }); });
    (e.mentions || []).forEach(function (m) { marks.push({ s: m.start, e: m.end, html: '<a href="#" data-view="' + esc(m.username) + '">@' + esc(m.username) + "</a>" }); });
    (e.urls || []).forEach(function (u) { marks.push({ s: u.start, e: u.end, html: '<a href="' + esc(u.expanded_url) + '" target="_blank" rel="noopener" title="' + esc(u.expanded_url) + '">' + esc(u.display_url) + "</a>" }); });
    marks.sort(function (a, b) { return a.s - b.s; });
    var out = "", pos = post.displayStart || 0;
    marks.forEach(function (m) {
      if (m.s < pos) return;
      out += esc(chars.slice(pos, m.s).join("")) + m.html;
      pos = m.e;
    });
    return out + esc(chars.slice(pos).join(""));
  }

  function postHtml(p) {
    var mine = p.author && p.author.username === state.acting;
    var html = '<article class="post' + (p.id === state.target ? " target" : "") + '" id="post-' + p.id + '" data-testid="post" data-id="' + p.id + '">' + avatar(p.author) + '<div class="body">' +
      '<div class="meta"><strong>' + esc(p.author.name) + '</strong><span>@' + esc(p.author.username) + "</span><span>· " + ago(p.createdAt) + "</span></div>";
    if (p.inReplyTo) html += '<div class="replying">Replying to <a href="#" data-view="' + esc(p.inReplyTo.username) + '">@' + esc(p.inReplyTo.username) + "</a></div>";
    if (state.editing === p.id) {
      html += '<div class="reply-box"><textarea data-testid="edit-text" id="edit-' + p.id + '">' + esc(p.rawText) + '</textarea><div class="composer-row"><span class="error" id="edit-error"></span><button class="btn" data-act="save-edit" data-id="' + p.id + '">Save</button></div></div>';
    } else {
      html += '<div class="text" data-testid="post-text">' + renderText(p) + "</div>";
    }
    if (p.edited) html += '<div class="edited">Last edited · ' + p.editHistory.length + " versions</div>";
    html += '<div class="actions"><button data-testid="reply-button" data-act="reply" data-id="' + p.id + '" title="Reply">' + ICONS.reply + " " + (p.replyCount || "") + '</button><button data-act="like" data-id="' + p.id + '" title="Like">' + ICONS.like + " " + (p.likeCount || "") + "</button>";
    if (mine) html += '<button data-testid="edit-button" data-act="edit" data-id="' + p.id + '" title="Edit">' + ICONS.edit + ' Edit</button><button class="danger" data-testid="delete-button" data-act="delete" data-id="' + p.id + '" title="Delete">' + ICONS.trash + " Delete</button>";
    html += "</div>";
    if (state.openReply === p.id) {
      html += '<div class="reply-box"><textarea data-testid="reply-text" id="reply-' + p.id + '" placeholder="Post your reply as @' + esc(state.acting) + '"></textarea><div class="composer-row"><span class="error" id="reply-error"></span><button class="btn" data-testid="reply-submit" data-act="send-reply" data-id="' + p.id + '">Reply</button></div></div>';
    }
    return html + "</div></article>";
  }

  function deliveryHtml(d) {
    var badges = d.attempts.map(function (a) {
      var ok = a.status !== null && a.status >= 200 && a.status < 300;
      return '<span class="badge ' + (ok ? "ok" : "bad") + '">' + (a.status === null ? "no answer" : a.status) + "</span>";
    }).join("");
    if (!d.attempts.length) badges = '<span class="badge">' + esc(d.outcome) + "</span>";
    var answer = d.attempts.length ? d.attempts[d.attempts.length - 1] : null;
    return '<div class="delivery" data-testid="delivery"><div class="line"><span class="badge kind">' + esc(d.kind) + "</span><strong>" + esc(d.eventType) + "</strong>" + badges + '<span class="muted">' + ago(d.at) + (d.replay ? " · replay" : "") + "</span></div>" +
      '<span class="url">' + esc(d.url) + "</span>" + (d.note ? '<div class="muted">' + esc(d.note) + "</div>" : "") +
      (d.body ? "<details><summary>Body</summary><pre>" + esc(d.body) + "</pre></details>" : "") +
      (answer ? "<details><summary>Our app's answer</summary><pre>" + esc((answer.responseBody || answer.error || "") || "(empty)") + "</pre></details>" : "") + "</div>";
  }

  // A demo shopper unless another account was chosen: replies as the brand are the exception.
  function settleActing() {
    if (userByName(state.acting)) return;
    var shopper = state.data.users.filter(function (u) { return u.username !== config.brand; })[0];
    state.acting = (shopper || state.data.users[0]).username;
  }

  function faultsHtml(f) {
    var boxes = config.faults.map(function (s) {
      return '<label class="switch"><input type="checkbox" data-fault="' + esc(s.field) + '"' + (f[s.field] ? " checked" : "") + "><span><strong>" + esc(s.label) + "</strong><small>" + esc(s.description) + "</small></span></label>";
    }).join("");
    var api = config.apiStatus;
    var options = api.options.map(function (o) {
      return '<option value="' + esc(o.value) + '"' + (String(f.apiStatus === null ? "" : f.apiStatus) === o.value ? " selected" : "") + ">" + esc(o.label) + "</option>";
    }).join("");
    return boxes + '<label class="switch select"><span><strong>' + esc(api.label) + "</strong><small>" + esc(api.description) + '</small></span><select data-fault="' + esc(api.field) + '">' + options + "</select></label>";
  }

  function composerHtml() {
    var me = userByName(state.acting) || state.data.users[0];
    var options = state.data.users.map(function (u) { return '<option value="' + esc(u.username) + '"' + (u.username === state.acting ? " selected" : "") + ">@" + esc(u.username) + "</option>"; }).join("");
    return avatar(me) + '<div class="body"><textarea data-testid="compose-text" id="compose" placeholder="What is happening?!"></textarea><div class="composer-row"><label class="muted">Posting as <select data-testid="acting-user" id="acting">' + options + '</select></label><span class="error" id="compose-error"></span><button class="btn" data-testid="compose-submit" data-act="post">Post</button></div></div>';
  }

  function busy() {
    var el = document.activeElement;
    return el && el.tagName === "TEXTAREA" && el.id !== "compose" && el.value;
  }

  function render(force) {
    var d = state.data;
    $("accounts").innerHTML = d.users.map(function (u) {
      return '<a class="nav-item' + (state.view === u.username ? " active" : "") + '" href="#" data-view="' + esc(u.username) + '">' + avatar(u, true) + "<span>" + esc(u.name) + '<br><small class="muted">@' + esc(u.username) + "</small></span></a>";
    }).join("");
    var viewed = state.view && userByName(state.view);
    $("title").textContent = viewed ? viewed.name : state.tag ? "#" + state.tag : "Home";
    $("subtitle").textContent = viewed ? "@" + viewed.username : state.tag ? "Posts with #" + state.tag : "Everything posted on this simulated X";
    if (!$("compose") || force === "composer") $("composer").innerHTML = composerHtml();
    if (!busy() || force) {
      var posts = d.posts.filter(function (p) {
        if (!state.tag) return true;
        return (p.entities.hashtags || []).some(function (h) { return h.tag.toLowerCase() === state.tag.toLowerCase(); });
      });
      $("timeline").innerHTML = posts.length ? posts.map(postHtml).join("") : '<div class="empty">No posts yet. Say something!</div>';
    }
    $("webhooks").innerHTML = d.webhooks.length ? d.webhooks.map(function (w) { return "Webhook " + esc(w.url) + " · " + (w.valid ? '<span class="badge ok">valid</span>' : '<span class="badge bad">invalid</span>'); }).join("<br>") : "No webhook registered yet.";
    $("deliveries").innerHTML = d.deliveries.length ? d.deliveries.map(deliveryHtml).join("") : '<div class="muted">Webhook calls and your app\u2019s answers appear here.</div>';
    $("faults").innerHTML = faultsHtml(d.faults);
  }

  function load(force) {
    var url = "/_sim/timeline" + (state.view ? "?username=" + encodeURIComponent(state.view) : "");
    return fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      if (!force && data.version === state.version) return;
      state.data = data;
      state.version = data.version;
      settleActing();
      render(force);
    });
  }

  function call(method, url, body) {
    return fetch(url, { method: method, headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); });
  }
  function problemText(b) { return b.detail || b.error || b.title || "Refused"; }

  document.addEventListener("click", function (ev) {
    var t = ev.target.closest("[data-view],[data-tag],[data-act]");
    if (!t) return;
    if (t.dataset.view !== undefined) { ev.preventDefault(); state.view = t.dataset.view; state.tag = ""; state.version = ""; load(true); return; }
    if (t.dataset.tag) { ev.preventDefault(); state.tag = t.dataset.tag; state.view = ""; load(true); return; }
    var id = t.dataset.id, act = t.dataset.act;
    if (act === "post") {
      var text = $("compose").value;
      call("POST", "/_sim/posts", { username: state.acting, text: text }).then(function (r) {
        if (!r.ok) { $("compose-error").textContent = problemText(r.body); return; }
        $("compose").value = ""; load(true);
      });
    } else if (act === "reply") {
      state.openReply = state.openReply === id ? null : id; render(true);
      var box = $("reply-" + id); if (box) box.focus();
    } else if (act === "send-reply") {
      call("POST", "/_sim/posts", { username: state.acting, text: $("reply-" + id).value, in_reply_to_tweet_id: id }).then(function (r) {
        if (!r.ok) { $("reply-error").textContent = problemText(r.body); return; }
        state.openReply = null; load(true);
      });
    } else if (act === "like") {
      call("POST", "/_sim/posts/" + id + "/like", { username: state.acting }).then(function () { load(true); });
    } else if (act === "edit") {
      state.editing = state.editing === id ? null : id; render(true);
    } else if (act === "save-edit") {
      call("POST", "/_sim/posts/" + id + "/edit", { text: $("edit-" + id).value }).then(function (r) {
        if (!r.ok) { $("edit-error").textContent = problemText(r.body); return; }
        state.editing = null; load(true);
      });
    } else if (act === "delete") {
      if (!confirm("Delete this post?")) return;
      call("DELETE", "/_sim/posts/" + id).then(function () { load(true); });
    }
  });
  document.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.id === "acting") { state.acting = t.value; remember(t.value); render("composer"); render(true); return; }
    if (t.dataset && t.dataset.fault) {
      var body = {};
      body[t.dataset.fault] = t.type === "checkbox" ? t.checked : t.value ? Number(t.value) : null;
      call("POST", "/_sim/faults", body).then(function () { load(true); });
    }
  });
  // A link from the shop (#post-<id>) shows that post: scrolled to and marked once it is drawn.
  var linked = /^#post-(\d+)$/.exec(location.hash);
  state.target = linked ? linked[1] : null;
  load(true).then(function () {
    var post = state.target && $("post-" + state.target);
    if (post) post.scrollIntoView({ block: "center" });
  });
  setInterval(function () { load(false); }, 1000);
})();
`;
