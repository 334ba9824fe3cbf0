// One logger for the app and its workers: a fixed `[area]` prefix per part of the system, one
// line per event, and nothing a log reader should not hold. Email addresses and anything that
// looks like a token, code or key are cut out of every line, whatever an error message quotes.

const EMAIL = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g;
const TOKEN_LIKE = /[A-Za-z0-9._~+/=-]{24,}/g;

/** A line as it may be logged: no email address, no token-like string, at most 500 characters. */
export function scrubLogLine(text: string): string {
  return text.replace(EMAIL, "[email]").replace(TOKEN_LIKE, "[redacted]").slice(0, 500);
}

export type Logger = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

/** A logger for one area (`checkout`, `x`, `dev mailbox` ...). */
export function createLogger(area: string): Logger {
  const line = (message: string) => `[${area}] ${scrubLogLine(message)}`;
  return {
    info: (message) => console.log(line(message)),
    warn: (message) => console.warn(line(message)),
    error: (message) => console.error(line(message)),
  };
}
