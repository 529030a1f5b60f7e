/**
 * An empty temporary folder for the documents an LSP test opens. The server looks at the folder
 * of every `file:` document it is given (the YAML files beside it, a kustomization there, its
 * namespace): a made-up URI under a real folder (`file:///work/...`) made it read that folder
 * on the real disk, which is slow and depends on whatever lies there. Removed after the file's
 * tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { pathToFileURL } from 'node:url';

export interface TempFolder {
  readonly path: string;
  /** The `file:` URI of `name` in the folder (the file need not exist). */
  uri(name: string): string;
}

/** A new temporary folder, removed when the calling test file's tests are done. */
export function tempFolder(prefix = 'podsight-lsp-'): TempFolder {
  const path = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(path, { recursive: true, force: true }));
  return { path, uri: (name) => pathToFileURL(join(path, name)).href };
}
