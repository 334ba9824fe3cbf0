/** True when a URL path holds a percent sign that does not start a valid UTF-8 escape. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
