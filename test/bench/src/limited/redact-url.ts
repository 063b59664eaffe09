/** A store URL safe to print and to write to the results file: its password replaced by `***`. */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '(not a valid URL)';
  }
  if (url.password !== '') url.password = '***';
  return url.toString();
}
