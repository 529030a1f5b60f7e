/** English messages for comment directives (`# podsight-disable…`) and the project config file. */
export const directivesEn = {
  'unused-disable-directive.unused': 'This directive disables {rule} {where}, but there is no {rule} finding to suppress. Remove it, or it will hide a future problem nobody reviewed.',
  'unused-disable-directive.unused-all': 'This directive disables every rule {where}, but there is nothing to suppress. Remove it.',
  'unused-disable-directive.unknown-rule': 'Unknown rule "{rule}": no Podsight rule has this id, so this directive suppresses nothing. See the rule list in the README.',
  'unused-disable-directive.next-line': 'on the next line',
  'unused-disable-directive.in-file': 'in this file',

  'config.invalid': 'Podsight configuration problem: {message}',
  'config.bad-pod-template': 'podTemplates entry {index} is ignored: it needs apiVersion (a group or group/version), kind and podSpecs (dotted paths such as spec.template.spec)',
  'config.unknown-rule': 'unknown rule "{rule}" under rules:',
  'config.bad-level': 'rule "{rule}": level must be error, warning, information, hint or off',
  'config.unreadable': 'cannot read {file}: {message}',
};
