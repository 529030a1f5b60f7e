/**
 * A kustomize base that is incomplete alone: its probe names a port and its container mounts a
 * volume that only an overlay's patch adds (the tests of bases checked through their overlays).
 */
export const INCOMPLETE_BASE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          readinessProbe:
            httpGet: {path: /, port: http}
          volumeMounts:
            - {name: cache, mountPath: /var/cache/nginx}
`;
