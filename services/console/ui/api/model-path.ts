/** A model id as a URL path (its `/` kept, everything else escaped). */
export function modelPath(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}
