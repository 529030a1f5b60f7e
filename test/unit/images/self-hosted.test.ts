import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupImage } from '../../../server/src/k8s/images';
import { findings, yaml } from '../../helpers/check';

const ports = (image: string) => lookupImage(image)?.ports.filter((p) => !p.configured).map((p) => (p.protocol === 'TCP' ? p.port : `${p.port}/${p.protocol}`));

test('self-hosted images resolve through their registries, aliases and tags', () => {
  for (const image of ['jellyfin/jellyfin:10.10.3', 'ghcr.io/jellyfin/jellyfin:latest', 'docker.io/jellyfin/jellyfin']) {
    assert.equal(lookupImage(image)?.builtinRepository, 'jellyfin/jellyfin', image);
    assert.deepEqual(ports(image), [8096, '7359/UDP', '1900/UDP'], image);
  }
  for (const image of ['lscr.io/linuxserver/jellyfin:10.10.3', 'ghcr.io/linuxserver/jellyfin:latest', 'linuxserver/jellyfin', 'quay.io/linuxserver.io/jellyfin:nightly']) {
    assert.equal(lookupImage(image)?.builtinRepository, 'linuxserver/jellyfin', image);
    assert.equal(ports(image)?.[0], 8096, image);
  }
  for (const image of ['ghcr.io/home-assistant/home-assistant:stable', 'homeassistant/home-assistant:2025.1']) assert.deepEqual(ports(image), [8123], image);
  for (const image of ['vaultwarden/server:1.32.7-alpine', 'ghcr.io/dani-garcia/vaultwarden:latest', 'quay.io/vaultwarden/server']) assert.deepEqual(ports(image), [80], image);
  const arr: Record<string, number> = { sonarr: 8989, radarr: 7878, prowlarr: 9696, lidarr: 8686, bazarr: 6767 };
  for (const [name, port] of Object.entries(arr)) {
    for (const image of [`lscr.io/linuxserver/${name}:latest`, `ghcr.io/linuxserver/${name}:4`, `linuxserver/${name}`]) assert.deepEqual(ports(image), [port], image);
  }
  assert.equal(ports('plexinc/pms-docker:latest')?.[0], 32400);
  assert.equal(ports('lscr.io/linuxserver/plex:1.41.3')?.[0], 32400);
  assert.equal(lookupImage('linuxserver/plex')?.title, 'Plex Media Server (LinuxServer.io)');
});

test('pihole: v6 (the latest, 2025 tags) serves 80 and 443 from FTL; 2024.07.0 and older are v5 with lighttpd on 80', () => {
  for (const image of ['pihole/pihole', 'pihole/pihole:latest', 'docker.io/pihole/pihole:2025.03.0']) {
    assert.deepEqual(ports(image), [53, '53/UDP', 80, 443], image);
    assert.equal(lookupImage(image)?.variant, undefined, image);
    assert.equal(lookupImage(image)?.portSetting?.env, 'FTLCONF_webserver_port');
  }
  for (const image of ['pihole/pihole:2024.07.0', 'pihole/pihole:2023.11.0']) {
    assert.deepEqual(ports(image), [53, '53/UDP', 80], image);
    assert.equal(lookupImage(image)?.portSetting?.env, 'WEB_PORT', image);
  }
});

test('vaultwarden: ROCKET_PORT moves the listener', () => {
  const setting = lookupImage('vaultwarden/server')?.listen?.settings[0];
  assert.deepEqual(setting?.env, ['ROCKET_PORT']);
  assert.equal(setting?.port, 80);
  assert.equal(lookupImage('vaultwarden/server')?.listen?.complete, undefined, 'the ports are not marked complete');
});

test('service-target-port: a Service on Jellyfin\'s 8096 is not reported when the container declares only a discovery port', () => {
  const file = (image: string): string => yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: jellyfin}
    spec:
      selector: {app: jellyfin}
      ports:
      - {port: 8096, targetPort: 8096}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: jellyfin}
    spec:
      selector: {matchLabels: {app: jellyfin}}
      template:
        metadata: {labels: {app: jellyfin}}
        spec:
          containers:
          - name: jellyfin
            image: ${image}
            ports:
            - {name: discovery, containerPort: 7359, protocol: UDP}
  `;
  assert.deepEqual(findings(file('jellyfin/jellyfin:10.10.3'), 'service-target-port'), []);
  assert.deepEqual(findings(file('lscr.io/linuxserver/jellyfin:latest'), 'service-target-port'), []);
  // An image Podsight does not know still gets the finding: the declaration is all it has.
  assert.equal(findings(file('myorg/media-server:1'), 'service-target-port').length, 1);
});
