// What every domain operation that a page or an action calls answers, and what every server
// action hands back to its form: success with its data, or a refusal with a code for code and
// a message for people. Routes turn refusals into `{ error: { code, message } }` (http/api-answer).

export type Refusal<Code extends string = string> = { ok: false; code: Code; message: string };

export type Result<Data extends object = object, Code extends string = string> =
  ({ ok: true } & Data) | Refusal<Code>;

/** A refusal, with what else its form needs to show (the changes, the fields to fix). */
export const refuse = <Code extends string, Details extends object = object>(
  code: Code,
  message: string,
  details?: Details,
): Refusal<Code> & Details => ({ ...(details as Details), ok: false, code, message });

/** What a form's useActionState holds: null until its action first answers. */
export type ActionState<Data extends object = object> = Result<Data> | null;
