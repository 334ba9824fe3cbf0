// The recent-search / filtered-stream query language, for the operators replycart uses:
// keywords, "exact phrases", #hashtags, @mentions, from:, to:, conversation_id:, url:,
// is:reply / is:retweet / is:quote, negation with '-', OR, and parentheses. As at X,
// a space is AND, AND binds tighter than OR, and matching is case-insensitive.

export type QueryNode =
  | { kind: "and" | "or"; children: QueryNode[] }
  | { kind: "not"; child: QueryNode }
  | { kind: "term"; op: TermOp; value: string };

export type TermOp =
  "keyword" | "phrase" | "hashtag" | "mention" | "from" | "to" | "conversation_id" | "url" | "is";

export interface MatchablePost {
  text: string;
  hashtags: string[];
  mentions: string[];
  urls: string[];
  authorUsername: string;
  authorId: string;
  inReplyToUsername?: string;
  conversationId: string;
  isReply: boolean;
  isRetweet: boolean;
  isQuote: boolean;
}

export class QueryError extends Error {}

const IS_VALUES = ["reply", "retweet", "quote", "verified", "nullcast"];
/** Operators X only accepts next to at least one standalone operator. */
const CONJUNCTION_ONLY: TermOp[] = ["is"];

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const re = /-?"[^"]*"|\(|\)|[^\s()"]+/g;
  const leftover = query.replace(re, (token) => {
    tokens.push(token);
    return " ";
  });
  if (leftover.trim()) throw new QueryError(`Unbalanced quotes in query: ${query}`);
  return tokens;
}

export function parseQuery(query: string): QueryNode {
  if (!query.trim()) throw new QueryError("The query must not be empty.");
  const tokens = tokenize(query);
  let pos = 0;
  const parseOr = (): QueryNode => {
    const branches = [parseAnd()];
    while (tokens[pos] === "OR") {
      pos += 1;
      branches.push(parseAnd());
    }
    return branches.length === 1 ? branches[0]! : { kind: "or", children: branches };
  };
  const parseAnd = (): QueryNode => {
    const parts: QueryNode[] = [];
    while (pos < tokens.length && tokens[pos] !== ")" && tokens[pos] !== "OR")
      parts.push(parseUnary());
    if (!parts.length) throw new QueryError("There is an empty expression in the query.");
    return parts.length === 1 ? parts[0]! : { kind: "and", children: parts };
  };
  const parseUnary = (): QueryNode => {
    const token = tokens[pos++]!;
    if (token === "(") {
      const inner = parseOr();
      if (tokens[pos++] !== ")") throw new QueryError("Missing closing parenthesis in query.");
      return inner;
    }
    if (token === "-" && tokens[pos] === "(") {
      return { kind: "not", child: parseUnary() };
    }
    if (token.startsWith("-")) {
      const rest = token.slice(1);
      if (rest === "") throw new QueryError("A '-' must be followed by an operator.");
      return { kind: "not", child: parseTerm(rest) };
    }
    return parseTerm(token);
  };
  const root = parseOr();
  if (pos < tokens.length) throw new QueryError(`Unexpected '${tokens[pos]}' in query.`);
  if (!hasStandalone(root)) {
    const op = firstConjunctionOnly(root);
    throw new QueryError(
      op
        ? `Reference to invalid operator '${op}'. Operator '${op}' must be used with at least one standalone operator`
        : "The query must contain at least one positive standalone operator.",
    );
  }
  return root;
}

function parseTerm(token: string): QueryNode {
  if (token.startsWith('"'))
    return { kind: "term", op: "phrase", value: token.slice(1, -1).toLowerCase() };
  if (token.startsWith("#") && token.length > 1)
    return { kind: "term", op: "hashtag", value: token.slice(1).toLowerCase() };
  if (token.startsWith("@") && token.length > 1)
    return { kind: "term", op: "mention", value: token.slice(1).toLowerCase() };
  const colon = token.indexOf(":");
  if (colon > 0) {
    const op = token.slice(0, colon);
    const value = token.slice(colon + 1).toLowerCase();
    if (["from", "to", "conversation_id", "url"].includes(op) && value) {
      return { kind: "term", op: op as TermOp, value: value.replace(/^@/, "") };
    }
    if (op === "is") {
      if (!IS_VALUES.includes(value))
        throw new QueryError(`Reference to invalid operator 'is:${value}'.`);
      return { kind: "term", op: "is", value };
    }
    if (/^[a-z_]+$/.test(op) && !/^https?$/.test(op)) {
      throw new QueryError(`Reference to invalid operator '${op}'.`);
    }
  }
  return { kind: "term", op: "keyword", value: token.toLowerCase() };
}

function hasStandalone(node: QueryNode): boolean {
  if (node.kind === "term") return !CONJUNCTION_ONLY.includes(node.op);
  if (node.kind === "not") return false;
  if (node.kind === "and") return node.children.some(hasStandalone);
  return node.children.every(hasStandalone);
}

function firstConjunctionOnly(node: QueryNode): string | null {
  if (node.kind === "term")
    return CONJUNCTION_ONLY.includes(node.op) ? `${node.op}:${node.value}` : null;
  if (node.kind === "not") return firstConjunctionOnly(node.child);
  for (const child of node.children) {
    const found = firstConjunctionOnly(child);
    if (found) return found;
  }
  return null;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_#@$'’]+/u)
    .filter(Boolean);
}

export function matchQuery(node: QueryNode, post: MatchablePost): boolean {
  switch (node.kind) {
    case "and":
      return node.children.every((c) => matchQuery(c, post));
    case "or":
      return node.children.some((c) => matchQuery(c, post));
    case "not":
      return !matchQuery(node.child, post);
    case "term":
      return matchTerm(node.op, node.value, post);
  }
}

function matchTerm(op: TermOp, value: string, post: MatchablePost): boolean {
  switch (op) {
    case "keyword":
      return words(post.text).some((w) => w === value || w.replace(/^[#@$]/, "") === value);
    case "phrase":
      return post.text.toLowerCase().includes(value);
    case "hashtag":
      return post.hashtags.some((h) => h.toLowerCase() === value);
    case "mention":
      return post.mentions.some((m) => m.toLowerCase() === value);
    case "from":
      return post.authorUsername.toLowerCase() === value || post.authorId === value;
    case "to":
      return post.inReplyToUsername?.toLowerCase() === value;
    case "conversation_id":
      return post.conversationId === value;
    case "url":
      return post.urls.some((u) => u.toLowerCase().includes(value));
    case "is":
      if (value === "reply") return post.isReply;
      if (value === "retweet") return post.isRetweet;
      if (value === "quote") return post.isQuote;
      return false;
  }
}
