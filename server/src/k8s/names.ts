/**
 * Name validation exactly as apimachinery does it, returning the API server's own messages
 * (English, as `kubectl apply` prints them) so diagnostics can quote them.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `IsDNS1123Label` (container and volume names, hostname, subdomain). */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1123_LABEL.test(value)) {
    if (DNS1123_SUBDOMAIN.test(value)) errs.push('must not contain dots');
    else {
      errs.push(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      );
    }
  }
  return errs;
}

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** `IsDNS1035Label` (Service names: a letter first, no dots). */
export function dns1035LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(value)) {
    errs.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    );
  }
  return errs;
}

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** `IsDNS1123Subdomain` (object names of most kinds, an Ingress's ingressClassName). */
export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(SUBDOMAIN_MESSAGE);
  return errs;
}

/** `IsValidPortName` (IANA_SVC_NAME): port names and named probe ports. */
export function portNameErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(value)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (value.includes('--')) errs.push('must not contain consecutive hyphens');
  if (/[a-z]/.test(value) === false) errs.push('must contain at least one letter (a-z)');
  if (value.startsWith('-') || value.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** Normalises a mount path for comparison: `/data/`, `/data/.` and `//data` are `/data`. */
export function normaliseMountPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** True when `inner` is strictly below `outer` (both normalised). */
export function isBelow(inner: string, outer: string): boolean {
  return outer === '/' ? inner !== '/' : inner.startsWith(outer + '/');
}

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_PART_MESSAGE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** `IsQualifiedName` (label and annotation keys): an optional DNS-subdomain prefix and `/`, then a name part. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return [`a qualified name ${QUALIFIED_NAME_PART_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  const name = parts[parts.length - 1] as string;
  const errs: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix === '') errs.push('prefix part must be non-empty');
    else if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push(`prefix part ${SUBDOMAIN_MESSAGE}`);
    }
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name !== '' && !QUALIFIED_NAME_PART.test(name)) errs.push(`name part ${QUALIFIED_NAME_PART_MESSAGE}`);
  return errs;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `IsValidLabelValue`. */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return errs;
}

/** `IsConfigMapKey` (ConfigMap and Secret data keys). */
export function configKeyErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  if (value === '.' || value === '..' || value.startsWith('..')) errs.push(value === '.' ? "must not be '.'" : value === '..' ? "must not be '..'" : "must not start with '..'");
  return errs;
}

/**
 * An environment variable name every supported Kubernetes release rejects: empty, or holding `=`
 * or a character outside printable ASCII (since 1.34 those are the only rules; earlier releases
 * were stricter, which is not judged here).
 */
export function envNameErrors(value: string): string[] {
  return value === '' || /[^\x20-\x7e]|=/.test(value) ? ["a valid environment variable name must consist only of printable ASCII characters other than '='"] : [];
}

/**
 * Whether a name holds a token a script replaces before apply (`sed s/CLUSTER_NAME/…/`): a word of
 * capitals joined by underscores (`pg-data-CLUSTER_NAME-DISK_INDEX`), or a capital word after one
 * underscore (Cloud Build's user substitutions, `_APP_NAME`, `_ENV`), or a whole name in capitals. Such a name is a template,
 * not a name: the rules about names do not judge it.
 */
export function holdsSedToken(name: string): boolean {
  return /(^|[^A-Za-z0-9_])([A-Z][A-Z0-9]*(_[A-Z0-9]+)+|_[A-Z][A-Z0-9]*(_[A-Z0-9]+)*)($|[^A-Za-z0-9_])/.test(name) || WHOLE_CAPITALS.test(name);
}

/**
 * A whole name that is a placeholder word in capitals (`namespace: NAMESPACE`, `name: APP`), a
 * phrase in capitals (NVIDIA's operator assets: `FILLED BY THE OPERATOR`) or a word of three
 * capitals or more after a lower-case part (`centos7-ACTION`, a sed token): a token that a
 * Component's replacements, an operator or a script fill in (sweeps DJ, DI). Another whole word in
 * capitals is a mistake (`ingressClassName: NGINX`).
 */
const WHOLE_CAPITALS =
  /^(?:NAMESPACE|NAME|APP|APPNAME|APPLICATION|SERVICE|PROJECT|ENV|ENVIRONMENT|STAGE|CLUSTER|REGION|TEAM|TENANT|DOMAIN|COMPONENT)$|^[A-Z][A-Z0-9_]*(?: [A-Z0-9_]+)+$|[a-z0-9][-.][A-Z]{3,}[A-Z0-9]*($|[^A-Za-z0-9_])/;

/** A whole value that is a token of capitals (`CONTAINER_PORT`, `NODENUMBER`, `FILLED BY THE OPERATOR`): where a number goes, a placeholder. */
export const isSedTokenValue = (value: unknown): boolean =>
  typeof value === 'string' && (/^_?[A-Z][A-Z0-9]*(_[A-Z0-9]+)+_?$/.test(value.trim()) || (/^[A-Z][A-Z0-9]{2,}$|^[A-Z][A-Z0-9_]*(?: [A-Z0-9_]+)+$/.test(value.trim()) && !YAML11_WORDS.has(value.trim())));
/** Words YAML 1.1 (kubectl's reader) takes as booleans: `enabled: YES` is no placeholder. */
const YAML11_WORDS = new Set(['YES', 'NO', 'ON', 'OFF', 'TRUE', 'FALSE']);
