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
import { PREFIXES, containerArgv, literalEnv, selfWrittenPaths, shellScript, straightLine } from './self-fill';
import { expandWord, shellCommands } from './shell-words';
import type { ContainerModel } from './pod-model';

/**
 * Commands that may come before the server: they print, wait a while or make folders, and write
 * only through a redirection Podsight can read. Copies, moves, downloads and `cd` are left out:
 * their targets hide in bundled flags (`cp -rt`, `curl -sSLo`), the working directory or a parent
 * folder (`cp -a /overlay/. /`), and any of them may put a configuration in place (probe EP).
 */
const HARMLESS = new Set(['echo', 'printf', 'cat', 'mkdir', 'sleep', 'ls', 'date', 'true', ':', 'id', 'whoami', 'hostname', 'set']);

/** Where servers keep their configuration (nginx /etc, Tomcat /usr/local/tomcat/conf, Keycloak /opt/keycloak/conf, postgres /var/lib/postgresql/data). */
const CONFIG_ROOTS = ['/etc', '/usr/local', '/opt', '/var/lib', '/conf', '/config'];

/** A lone `&` (not `&&`, `>&`, `&>`): a command sent to the background. */
const BACKGROUND = /(?<![&>|])&(?![&>])/;

/**
 * The script as far as its flow goes: comment lines, the text of single-quoted strings and the
 * output of a command that only prints where it runs (`$(hostname)`, `$(date +%F)`) hold no branch
 * or background job, so `echo "Hello from $(hostname)" > index.html` or `# copy & start (if any)`
 * does not hide the server.
 */
const flowText = (script: string): string =>
  script
    .replace(/^[ \t]*#.*$/gm, '')
    .replace(/'[^']*'/g, "''")
    .replace(/\$\((?:hostname|date|whoami|id|uname)(?: [-+%\w:]*)*\)/g, 'x');

const programName = (word: string): string => word.slice(word.lastIndexOf('/') + 1);

/** The program's command line at the end of the container's `sh -c` script, or undefined when the script is not that plain. */
export function scriptProgram(container: ContainerModel, listen: ResolvedImage['listen'], doc: Document): ArgItem[] | undefined {
  if (!container.commandOverridden || !listen?.programs) return undefined;
  const env = literalEnv(container, doc);
  const script = shellScript(containerArgv(container, doc, env));
  const flow = script === undefined ? undefined : flowText(script);
  if (script === undefined || flow === undefined || !straightLine(flow) || BACKGROUND.test(flow)) return undefined;
  const commands = shellCommands(script);
  const last = commands[commands.length - 1];
  if (!last) return undefined;
  const at = last.words[0] === 'exec' ? 1 : 0;
  const program = last.words[at];
  if (program === undefined || !listen.programs.includes(programName(expandWord(program, env) ?? program)) || last.outputs.length > 0) return undefined;
  const config = [...CONFIG_ROOTS, ...(listen.configPaths ?? []), ...[listen.configFile, listen.propertiesFile?.path].filter((p): p is string => p?.startsWith('/') === true)];
  // A write at, under or above a configuration folder (`> /etc/nginx/conf.d/x`, a copy into `/`).
  const touchesConfig = (path: string): boolean => config.some((c) => mountHolds(c, path) || mountHolds(path, c));
  for (const { words, outputs } of commands.slice(0, -1)) {
    let i = 0;
    while (i < words.length && PREFIXES.has(words[i]!)) i++;
    const name = words[i] === undefined ? undefined : programName(words[i]!);
    if (name === undefined || !HARMLESS.has(name)) return undefined;
    if (name === 'sleep' && !words.slice(i + 1).every((w) => /^\d+(?:\.\d+)?[smhd]?$/.test(w))) return undefined; // sleep infinity never returns
    if (name === 'set' && !words.slice(i + 1).every((w) => /^[-+][a-z]+$/.test(w) || w === 'pipefail')) return undefined;
    for (const output of outputs) {
      const path = expandWord(output, env);
      if (path === undefined || !path.startsWith('/') || /[$`*?]/.test(path) || touchesConfig(path)) return undefined;
    }
  }
  if (selfWrittenPaths(container, doc).some(touchesConfig)) return undefined;
  const words = last.words.slice(at);
  // nginx and httpd go to the background unless told not to: the shell, the container's main process, then exits.
  if (/^nginx/.test(programName(words[0] ?? '')) && !words.some((w) => /daemon\s+off/.test(w))) return undefined;
  if (/^(?:httpd|apache2|apachectl)$/.test(programName(words[0] ?? '')) && !words.includes('-DFOREGROUND')) return undefined;
  // The script's own arguments ("$@", $1) are not known here; `-` reads a configuration from stdin (`redis-server -`).
  if (words.some((w) => /\$(?:[@*#]|\d|\{[@*#\d])/.test(w) || w === '-')) return undefined;
  const expanded = words.map((w) => expandWord(w, env) ?? w);
  // An unquoted variable holding several words is split by the shell: `nginx $OPTS` may hold `-c FILE`.
  if (expanded.some((w, i) => words[i]!.includes('$') && /\s/.test(w))) return undefined;
  return expanded.map((text, index) => ({ text, index }));
}
