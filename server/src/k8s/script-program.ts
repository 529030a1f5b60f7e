/**
 * The server a container's `sh -c` script ends by starting:
 * `command: [sh, -c, "echo hi > /usr/share/nginx/html/index.html; exec nginx -g 'daemon off;'"]`
 * runs nginx as surely as `command: [nginx, -g, daemon off;]` does, so the listener model follows
 * the script's last command as it follows a written `command` (the seed's second nginx crashes
 * on port 80 either way).
 *
 * Only plain scripts count: straight-line (no branches, fallbacks, subshells or defaults), nothing
 * in the background, earlier commands only from a short list that moves no port and sets no
 * variable, and no write under /etc or where the image reads its configuration. Anything else
 * keeps the old answer: the script runs something Podsight does not follow.
 */
import type { Document } from 'yaml';
import type { ResolvedImage } from './images';
import type { ArgItem } from './listen-values';
import { mountHolds } from './start-writes';
import { PREFIXES, kubeletExpanded, literalEnv, selfWrittenPaths, shellScript, straightLine, strings } from './self-fill';
import { expandWord, shellCommands } from './shell-words';
import type { ContainerModel } from './pod-model';
import { getNode } from '../core/yaml-access';

/** Commands that may come before the server: they print, wait, or lay out files, and change no setting. */
const HARMLESS = new Set(['echo', 'printf', 'cat', 'mkdir', 'cp', 'mv', 'ln', 'rm', 'chmod', 'chown', 'touch', 'sleep', 'ls', 'date', 'true', ':', 'id', 'whoami', 'hostname', 'cd', 'set', 'tee', 'wget', 'curl']);

/** A lone `&` (not `&&`, `>&`, `&>`): a command sent to the background. */
const BACKGROUND = /(?<![&>|])&(?![&>])/;

const programName = (word: string): string => word.slice(word.lastIndexOf('/') + 1);

/** The program's command line at the end of the container's `sh -c` script, or undefined when the script is not that plain. */
export function scriptProgram(container: ContainerModel, listen: ResolvedImage['listen'], doc: Document): ArgItem[] | undefined {
  if (!container.commandOverridden || !listen?.programs) return undefined;
  const env = literalEnv(container, doc);
  const argv = [...strings(getNode(container.node, 'command', doc), doc), ...strings(getNode(container.node, 'args', doc), doc)].map((s) => kubeletExpanded(s, env));
  const script = shellScript(argv);
  if (script === undefined || !straightLine(script) || BACKGROUND.test(script)) return undefined;
  const commands = shellCommands(script);
  const last = commands[commands.length - 1];
  if (!last) return undefined;
  const at = last.words[0] === 'exec' ? 1 : 0;
  const program = last.words[at];
  if (program === undefined || !listen.programs.includes(programName(expandWord(program, env) ?? program)) || last.outputs.length > 0) return undefined;
  for (const { words } of commands.slice(0, -1)) {
    let i = 0;
    while (i < words.length && PREFIXES.has(words[i]!)) i++;
    if (words[i] === undefined || !HARMLESS.has(programName(words[i]!))) return undefined;
  }
  const config = ['/etc', ...(listen.configPaths ?? []), ...(listen.configFile?.startsWith('/') ? [listen.configFile] : [])];
  if (selfWrittenPaths(container, doc).some((p) => config.some((c) => mountHolds(c, p)))) return undefined;
  // The script's own arguments ("$@", $1) are not known here.
  const words = last.words.slice(at);
  if (words.some((w) => /\$(?:[@*#]|\d|\{[@*#\d])/.test(w))) return undefined;
  return words.map((w, index) => ({ text: expandWord(w, env) ?? w, index }));
}
