import { invalidRequest, type ProblemBody } from "../http/problems";

/** X's webhook failures: a 400 whose detail starts with the documented reason. */
export function webhookFailure(reason: string, explanation: string): ProblemBody {
  return { ...invalidRequest(`${reason}: ${explanation}`), reason };
}
