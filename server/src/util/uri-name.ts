/** The last path segment of a URI or path, decoded, without query or fragment: a file's name in messages. */
export function baseName(source: string): string {
  const clean = source.replace(/[?#].*$/, '');
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
}
