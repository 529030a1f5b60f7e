/**
 * Self-hosting ("homelab") applications: media servers, home automation, password manager, DNS
 * sinkhole and the LinuxServer.io *arr apps.
 *
 * Most of these apps keep their ports in their own persisted settings (Jellyfin's network
 * configuration, the *arr apps' config.xml, Home Assistant's configuration.yaml, all under the
 * data volume), which Podsight does not read: no entry is `complete`, so declared ports stand in
 * for the defaults. A volume at that data folder is how every deployment runs, so it is not
 * listed in `configPaths` (that would make every such pod unsure).
 *
 * Matching drops the registry: `lscr.io/linuxserver/x`, `ghcr.io/linuxserver/x` and
 * `linuxserver/x` are one key, as are `ghcr.io/jellyfin/jellyfin` and `jellyfin/jellyfin`.
 * LinuxServer.io's Quay copies live under another namespace (`quay.io/linuxserver.io/x`), written
 * here as full references since `linuxserver.io/x` alone would read as a registry host.
 */
import type { ImageInfo, ImagePort } from '../types';
import { configured, data, dir, portFlag, tcp, udp } from './helpers';

/** Jellyfin's static ports (jellyfin.org docs/general/networking/index.md, "Port Bindings"). */
const jellyfinPorts: readonly ImagePort[] = [
  tcp(8096, 'HTTP (web UI and API)'),
  configured(tcp(8920, 'HTTPS, once a certificate is set up')),
  udp(7359, 'Client discovery'),
  udp(1900, 'Service discovery (SSDP, DLNA)'),
];

/** A LinuxServer.io *arr app: one web port, its settings under the /config volume. */
function arr(name: string, title: string, port: number, source: string): ImageInfo {
  return {
    repository: `linuxserver/${name}`,
    aliases: [`quay.io/linuxserver.io/${name}`],
    title: `${title} (LinuxServer.io)`,
    ports: [tcp(port, 'HTTP (web UI and API)')],
    populatedDirs: [],
    dataDirs: [data('/config', 'VOLUME: the database and settings (the port among them)')],
    portSetting: { description: 'Change the port in the web UI (Settings > General); it is kept under /config.' },
    source,
  };
}

export const selfHosted: readonly ImageInfo[] = [
  {
    repository: 'jellyfin/jellyfin',
    title: 'Jellyfin (official image)',
    ports: jellyfinPorts,
    populatedDirs: [dir('/jellyfin', 'The server and the web client (jellyfin-web/, JELLYFIN_WEB_DIR)')],
    dataDirs: [
      data('/config', 'VOLUME (JELLYFIN_DATA_DIR): database, config/ (JELLYFIN_CONFIG_DIR) and log/'),
      data('/cache', 'VOLUME (JELLYFIN_CACHE_DIR)'),
      data('/media', 'The documented mount point for media libraries'),
    ],
    portSetting: { description: 'Change the HTTP port in Dashboard > Networking (kept in JELLYFIN_CONFIG_DIR, /config/config).' },
    source:
      'jellyfin/jellyfin-packaging docker/Dockerfile (EXPOSE 8096, VOLUME ${JELLYFIN_DATA_DIR} ${JELLYFIN_CACHE_DIR} = /config /cache, ' +
      'COPY to /jellyfin); jellyfin.org docs/general/networking/index.md (8096/tcp HTTP, 8920/tcp HTTPS, 1900/udp and 7359/udp discovery), ' +
      'docs/general/installation/container.md (/config, /cache, /media; also ghcr.io/jellyfin/jellyfin)',
  },
  {
    repository: 'linuxserver/jellyfin',
    aliases: ['quay.io/linuxserver.io/jellyfin'],
    title: 'Jellyfin (LinuxServer.io)',
    ports: jellyfinPorts,
    populatedDirs: [dir('/usr/share/jellyfin/web', 'The web client (JELLYFIN_WEB_DIR)')],
    dataDirs: [
      data('/config', 'VOLUME: data/, cache/, log/ and the configuration'),
      data('/data/tvshows', 'Documented media mount (add as many as needed)'),
      data('/data/movies', 'Documented media mount (add as many as needed)'),
    ],
    portSetting: { description: 'Change the HTTP port in Dashboard > Networking (kept under /config).' },
    source:
      'linuxserver/docker-jellyfin Dockerfile (EXPOSE 8096 8920, VOLUME /config), root/etc/s6-overlay/s6-rc.d/svc-jellyfin/run ' +
      '(JELLYFIN_*_DIR under /config, JELLYFIN_WEB_DIR), readme-vars.yml (8920 "Https webUI (you need to set up your own certificate)", ' +
      '7359/udp client discovery, 1900/udp service discovery; /data/tvshows, /data/movies)',
  },
  {
    repository: 'homeassistant/home-assistant',
    aliases: ['home-assistant/home-assistant'],
    title: 'Home Assistant (Container)',
    ports: [tcp(8123, 'HTTP (web UI and API)')],
    populatedDirs: [dir('/usr/src/homeassistant', 'The Home Assistant Core sources (installed in editable mode)')],
    dataDirs: [data('/config', 'WORKDIR and `--config`: configuration.yaml and all state; the docs say to mount it')],
    portSetting: { description: 'Set `server_port` under `http:` in /config/configuration.yaml.' },
    source:
      'home-assistant/core Dockerfile (no EXPOSE or VOLUME; WORKDIR /config), rootfs/etc/services.d/home-assistant/run ' +
      '(python3 -m homeassistant --config /config), homeassistant/const.py (SERVER_PORT = 8123, the http integration\'s server_port default); ' +
      'home-assistant.io installation/container.md (http://<host>:8123, mount at /config; image ghcr.io/home-assistant/home-assistant)',
  },
  {
    repository: 'vaultwarden/server',
    aliases: ['dani-garcia/vaultwarden'],
    title: 'Vaultwarden',
    ports: [tcp(80, 'HTTP (web vault and API; ROCKET_PORT)')],
    populatedDirs: [dir('/web-vault', 'The web vault client')],
    dataDirs: [data('/data', "VOLUME: all of Vaultwarden's data (database, attachments, settings)")],
    portSetting: { env: 'ROCKET_PORT', description: 'Set ROCKET_PORT (and ROCKET_ADDRESS for the address).' },
    listen: {
      settings: [{ ...portFlag(80, [], ['ROCKET_PORT']), bindEnv: ['ROCKET_ADDRESS'] }],
      // start.sh sources /etc/vaultwarden.sh and /etc/vaultwarden.d/*.sh (or the bitwarden_rs
      // names) before it execs /vaultwarden: a script there may export ROCKET_PORT.
      configPaths: ['/etc/vaultwarden.sh', '/etc/vaultwarden.d', '/etc/bitwarden_rs.sh', '/etc/bitwarden_rs.d'],
      programs: ['start.sh', 'vaultwarden'],
    },
    source:
      'dani-garcia/vaultwarden docker/Dockerfile.debian and Dockerfile.alpine (ENV ROCKET_ADDRESS=0.0.0.0 ROCKET_PORT=80, VOLUME /data, EXPOSE 80, ' +
      'COPY /web-vault, CMD /start.sh), docker/start.sh, docker/docker-bake.hcl (published as docker.io/vaultwarden/server and ghcr.io/dani-garcia/vaultwarden)',
  },
  {
    repository: 'pihole/pihole',
    title: 'Pi-hole (v6 unless the tag is 2024 or older)',
    ports: [
      tcp(53, 'DNS'),
      udp(53, 'DNS'),
      tcp(80, 'HTTP (web interface and API; webserver.port)'),
      tcp(443, 'HTTPS (web interface; FTL generates a self-signed certificate)'),
      configured(udp(67, 'DHCP, when Pi-hole is the DHCP server')),
    ],
    populatedDirs: [dir('/var/www/html/admin', 'The web interface (pi-hole/web)')],
    dataDirs: [data('/etc/pihole', "The documented volume: Pi-hole's databases and pihole.toml")],
    portSetting: { env: 'FTLCONF_webserver_port', description: 'Set FTLCONF_webserver_port (a list such as `8080o,8443os`, which replaces 80 and 443).' },
    listen: {
      // FTLCONF_[section_][setting], also all upper-case. A list value (`8080o,8443os`) is not a
      // single port: the listeners are then unsure.
      settings: [portFlag(80, [], ['FTLCONF_webserver_port', 'FTLCONF_WEBSERVER_PORT']), portFlag(53, [], ['FTLCONF_dns_port', 'FTLCONF_DNS_PORT'])],
    },
    source:
      'pi-hole/docker-pi-hole src/Dockerfile (no EXPOSE; web interface cloned to /var/www/html/admin); pi-hole/docs docs/docker/index.md ' +
      '(53/tcp, 53/udp, 80/tcp, 443/tcp "FTL will generate a self-signed certificate", 67/udp only as DHCP server; ./etc-pihole:/etc/pihole), ' +
      'docs/docker/configuration.md (FTLCONF_[section_][setting], e.g. FTLCONF_webserver_port: 8082,443s), FTL src/config/config.c ' +
      '(webserver.port default 80,[::]:80,443s,[::]:443s; dns.port default 53)',
    variants: [
      {
        name: 'pihole v5 (2024.07.0 and older)',
        when: { majorAtMost: 2024 },
        ports: [
          tcp(53, 'DNS'),
          udp(53, 'DNS'),
          tcp(80, 'HTTP (lighttpd: web interface and blocking page)'),
          configured(tcp(443, 'HTTPS (EXPOSEd; lighttpd serves only port 80 unless TLS is configured)')),
          configured(udp(67, 'DHCP, when Pi-hole is the DHCP server')),
        ],
        populatedDirs: [],
        dataDirs: [data('/etc/pihole', 'The documented volume: Pi-hole configuration'), data('/etc/dnsmasq.d', 'The documented volume: dnsmasq configuration')],
        portSetting: { env: 'WEB_PORT', description: "Set WEB_PORT (the start script rewrites lighttpd's server.port)." },
        listen: { settings: [portFlag(80, [], ['WEB_PORT'])] },
        source:
          'v5: pi-hole/docs docs/docker/upgrading/v5-v6.md (last v5 image 2024.07.0; WEB_PORT became FTLCONF_webserver_port), ' +
          'docker-pi-hole Dockerfile (EXPOSE 53 53/udp 67/udp 80 443), bash_functions.sh setup_web_port (WEB_PORT rewrites `server.port = 80` in lighttpd.conf)',
      },
    ],
  },
  arr('sonarr', 'Sonarr', 8989, 'linuxserver/docker-sonarr Dockerfile (EXPOSE 8989, VOLUME /config)'),
  arr('radarr', 'Radarr', 7878, 'linuxserver/docker-radarr Dockerfile (EXPOSE 7878, VOLUME /config)'),
  arr('prowlarr', 'Prowlarr', 9696, 'linuxserver/docker-prowlarr Dockerfile (EXPOSE 9696, VOLUME /config)'),
  arr('lidarr', 'Lidarr', 8686, 'linuxserver/docker-lidarr Dockerfile (EXPOSE 8686, VOLUME /config)'),
  arr('bazarr', 'Bazarr', 6767, 'linuxserver/docker-bazarr Dockerfile (EXPOSE 6767, VOLUME /config)'),
  {
    repository: 'plexinc/pms-docker',
    title: 'Plex Media Server (official image)',
    ports: [
      tcp(32400, 'HTTP (Plex Media Server, web app at /web)'),
      tcp(8324, 'Plex for Roku via Plex Companion'),
      tcp(32469, 'Plex DLNA Server'),
      udp(1900, 'Plex DLNA Server'),
      udp(32410, 'GDM network discovery'),
      udp(32412, 'GDM network discovery'),
      udp(32413, 'GDM network discovery'),
      udp(32414, 'GDM network discovery'),
    ],
    populatedDirs: [],
    dataDirs: [
      data('/config', 'VOLUME: the Plex database (Library/Application Support/Plex Media Server)'),
      data('/transcode', 'VOLUME: transcoder temporary files'),
      data('/data', 'The documented example mount for media'),
    ],
    source:
      'plexinc/pms-docker Dockerfile (EXPOSE 32400/tcp 8324/tcp 32469/tcp 1900/udp 32410/udp 32412/udp 32413/udp 32414/udp, VOLUME /config /transcode) ' +
      'and README.md (/data for media); support.plex.tv "What network ports do I need to allow through my firewall"',
  },
  {
    repository: 'linuxserver/plex',
    aliases: ['quay.io/linuxserver.io/plex'],
    title: 'Plex Media Server (LinuxServer.io)',
    ports: [
      tcp(32400, 'HTTP (Plex Media Server, web app at /web)'),
      udp(1900, 'Plex DLNA Server'),
      tcp(3005, 'EXPOSEd by the image (not in Plex\'s current port list)'),
      udp(5353, 'Older Bonjour/Avahi network discovery'),
      tcp(8324, 'Plex for Roku via Plex Companion'),
      udp(32410, 'GDM network discovery'),
      udp(32412, 'GDM network discovery'),
      udp(32413, 'GDM network discovery'),
      udp(32414, 'GDM network discovery'),
      tcp(32469, 'Plex DLNA Server'),
    ],
    populatedDirs: [],
    dataDirs: [
      data('/config', 'VOLUME: the Plex library (PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR below it)'),
      data('/tv', 'Documented media mount (add as many as needed)'),
      data('/movies', 'Documented media mount (add as many as needed)'),
    ],
    source:
      'linuxserver/docker-plex Dockerfile (EXPOSE 32400/tcp 1900/udp 3005/tcp 5353/udp 8324/tcp 32410/udp 32412/udp 32413/udp 32414/udp 32469/tcp, ' +
      'VOLUME /config) and readme-vars.yml (/tv, /movies; 32400 the only required port); support.plex.tv "What network ports do I need to allow through my firewall"',
  },
];
