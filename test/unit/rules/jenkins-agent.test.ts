/** Jenkins agent pod templates (k8s/jenkins-agent.ts): the plugin's workspace volume and variables are there (sweep BJ). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings } from '../../helpers/check';

const agent = (containers: string, metadata = ''): string => `apiVersion: v1\nkind: Pod\n${metadata}spec:\n  containers:\n${containers}`;
const maven = "  - name: maven\n    image: maven:3.9.9-eclipse-temurin-21\n    command: ['cat']\n    tty: true\n    volumeMounts:\n    - name: workspace-volume\n      mountPath: /home/jenkins/agent\n";
const jnlp = (extra = ''): string => `  - name: jnlp\n    image: jenkins/inbound-agent:3309.v27b_9314fd1a_4-6\n${extra}`;

test('undefined-volume: the Jenkins plugin adds workspace-volume to an agent template', () => {
  assert.deepEqual(findings(agent(jnlp() + maven), 'undefined-volume'), []);
  // No jnlp container (the plugin adds it), no name: still a template.
  assert.deepEqual(findings(agent(maven), 'undefined-volume'), []);
  // A near miss of a volume it defines is still a likely typo (a warning, the template being open).
  const typo = agent(jnlp() + maven.replace('name: workspace-volume', 'name: cache-vol') + '  volumes:\n  - name: cache-volume\n    emptyDir: {}\n');
  assert.equal(findings(typo, 'undefined-volume')[0]?.severity, 'warning');
  // A Pod named by generateName is applied too (probe BQ).
  assert.equal(findings(agent(maven, 'metadata:\n  generateName: build-\n'), 'undefined-volume')[0]?.severity, 'error');
  // A named Pod without the agent is applied as it stands: the volume must be there.
  assert.equal(findings(agent(maven, 'metadata:\n  name: build\n'), 'undefined-volume')[0]?.severity, 'error');
});

test('undefined-env-reference: the agent\'s JENKINS_* variables are the plugin\'s to add', () => {
  const args = jnlp("    args: ['$(JENKINS_SECRET)', '$(JENKINS_NAME)']\n    env:\n    - {name: JENKINS_URL, value: 'http://jenkins:8080/'}\n");
  assert.deepEqual(findings(agent(args), 'undefined-env-reference'), []);
  // Only the plugin's names: a typo of the container's own variable is still one (probe BQ).
  const typo = agent(jnlp() + "  - name: maven\n    image: maven:3.9\n    args: ['$(MAVEN_OPST)']\n    env: [{name: MAVEN_OPTS, value: -Xmx1g}]\n");
  assert.equal(findings(typo, 'undefined-env-reference').length, 1);
  // The same Pod with another image and container name: a near miss of JENKINS_URL.
  const plain = args.replace('name: jnlp', 'name: agent').replace('jenkins/inbound-agent', 'example/agent');
  assert.equal(findings(agent(plain, 'metadata:\n  name: build\n'), 'undefined-env-reference').length, 1);
});
