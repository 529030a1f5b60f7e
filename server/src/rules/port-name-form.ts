/**
 * Part of invalid-port: a port referred to by name (a probe's or handler's `port`, a Service's
 * `targetPort`) must have the form of one, as the API server checks it (`IsValidPortName`). A
 * number in quotes is the common case: YAML makes it a string, and a string is a name.
 */
import type { Scalar } from 'yaml';
import { portNameErrors } from '../k8s/names';
import type { RuleContext } from './types';

/** Reports `value` at `node` when it is not a valid port name; true when it did. */
export function reportPortNameForm(ctx: RuleContext, node: Scalar, value: string, path: string): boolean {
  const errors = portNameErrors(value);
  if (errors.length === 0) return false;
  const reason = errors.join('; ');
  if (/^\d+$/.test(value)) {
    ctx.report({ node, message: ctx.t('invalid-port.quoted-number', { value, reason, path }), data: { field: 'reference', number: Number(value) } });
  } else {
    ctx.report({ node, message: ctx.t('invalid-port.name', { value, reason, path }), data: { field: 'reference' } });
  }
  return true;
}
