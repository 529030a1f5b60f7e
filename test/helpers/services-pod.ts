/** A pod with two ports and an emptyDir, and two Services selecting it (one port targets nothing): the diagram's neighbourhood. */
export const podWithServices = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - name: app
    image: example.com/app:1
    ports: [{containerPort: 8080, name: http}, {containerPort: 9100, name: metrics}]
    volumeMounts: [{name: cache, mountPath: /cache}]
  volumes:
  - {name: cache, emptyDir: {}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http}
  - {name: admin, port: 81, targetPort: 9090}
---
apiVersion: v1
kind: Service
metadata: {name: web-metrics-with-a-long-name}
spec:
  selector: {app: web}
  ports: [{name: metrics, port: 9100, targetPort: metrics}]
`;
